/**
 * The sealer loop each app node runs, and the last seal a server makes when it shuts down.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';
import { queryRows, type Db } from '../../../src/db/database';
import { openDatabase } from '../../../src/db/open';
import { appendAuditEntry, verifyAuditLog } from '../../../src/db/repos/audit.repo';
import { startAuditSealer } from '../../../src/services/audit-sealer.service';
import { useTestContext } from '../../helpers/test-context';
import { spawnServer, stopAllServers } from '../../helpers/spawn-server';
import { isPostgresRun } from '../../helpers/test-db';

const t = useTestContext();
const dir = mkdtempSync(join(tmpdir(), 'victor-seal-'));

afterAll(async () => {
  await stopAllServers();
  rmSync(dir, { recursive: true, force: true });
});

const counts = async (db: Db) =>
  (await queryRows<{ total: number; open: number }>(db, sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE seq IS NULL)::int AS open FROM audit_log`))[0]!;

describe('audit sealer', () => {
  it('seals appended entries every interval until stopped', async () => {
    const db = t.ctx.database.db;
    const sealer = startAuditSealer(db, pino({ level: 'silent' }), 50);
    try {
      for (let i = 0; i < 5; i++) await appendAuditEntry(db, { action: 'test.loop', entityType: 'test', details: { i } });
      const deadline = Date.now() + 10_000;
      while ((await counts(db)).open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await counts(db)).open).toBe(0);
    } finally {
      await sealer.stop();
    }
    await appendAuditEntry(db, { action: 'test.after-stop', entityType: 'test' });
    await new Promise((r) => setTimeout(r, 200));
    expect((await counts(db)).open).toBe(1);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
  });

  it.skipIf(isPostgresRun())('a server seals what is left when it shuts down, before the database closes', { timeout: 120_000 }, async () => {
    const env = {
      DATA_DIR: join(dir, 'data'),
      VICTOR_ENCRYPTION_KEYS: `seal:${randomBytes(32).toString('base64')}`,
      VICTOR_DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      // Never ticks during the test: only the seal on close can seal the seeded entries.
      AUDIT_SEAL_INTERVAL_MS: '60000',
    };
    const server = await spawnServer({ env, name: 'sealing server' });
    expect(await server.stop('SIGTERM')).toBe(0);
    const database = await openDatabase(loadConfig(env), 'cli', pino({ level: 'silent' }));
    try {
      const c = await counts(database.db);
      expect(c.total).toBeGreaterThan(20);
      expect(c.open).toBe(0);
    } finally {
      await database.close();
    }
  });
});
