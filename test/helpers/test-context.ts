import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config';
import { FieldEncryptor } from '../../src/lib/crypto/field-encryption';
import type { ServiceContext } from '../../src/services/context';
import { ensureReferenceData } from '../../src/services/seed.service';
import { createTestDatabase, type TestDatabase } from './test-db';

/** A fixed test key spec (never used outside tests). */
export const TEST_KEYS = `test1:${randomBytes(32).toString('base64')}`;

/** Config for tests: env overrides on top of defaults, with a test key. */
export function createTestConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ VICTOR_ENCRYPTION_KEYS: TEST_KEYS, LOG_LEVEL: 'silent', DATA_DIR: '.tmp/unused', ...env });
}

/** A service context on a fresh database, with reference data (countries) loaded. */
export async function createTestContext(env: Record<string, string> = {}): Promise<{ ctx: ServiceContext; testDb: TestDatabase }> {
  const testDb = await createTestDatabase();
  const config = createTestConfig(env);
  const ctx: ServiceContext = {
    config,
    database: testDb.database,
    logger: pino({ level: 'silent' }),
    encryptor: new FieldEncryptor([{ id: 'test1', key: Buffer.from(TEST_KEYS.split(':')[1]!, 'base64') }]),
  };
  await ensureReferenceData(ctx);
  return { ctx, testDb };
}

/** Register beforeAll/afterAll that give the file one fresh context. */
export function useTestContext(env: Record<string, string> = {}): { readonly ctx: ServiceContext } {
  const holder: { ctx?: ServiceContext; testDb?: TestDatabase } = {};
  beforeAll(async () => {
    const made = await createTestContext(env);
    holder.ctx = made.ctx;
    holder.testDb = made.testDb;
  });
  afterAll(async () => {
    await holder.testDb?.drop();
  });
  return {
    get ctx() {
      if (!holder.ctx) throw new Error('test context used before beforeAll');
      return holder.ctx;
    },
  };
}
