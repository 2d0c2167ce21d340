import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '../../../src/db/open';
import { isPostgresRun } from '../../helpers/test-db';
import { createTestConfig } from '../../helpers/test-context';

const logger = pino({ level: 'silent' });

describe.skipIf(!isPostgresRun())('PostgreSQL durability check at start-up', () => {
  function urlWith(options: string) {
    const u = new URL(inject('postgresUrl'));
    u.searchParams.set('options', options);
    return u.toString();
  }

  it('opens a PostgreSQL with fsync, synchronous_commit and full_page_writes on', async () => {
    const db = await openDatabase(createTestConfig({ DATABASE_URL: inject('postgresUrl') }), 'server', logger);
    await db.close();
  });

  it('refuses one whose synchronous_commit is off, naming the setting', async () => {
    const config = createTestConfig({ DATABASE_URL: urlWith('-c synchronous_commit=off') });
    await expect(openDatabase(config, 'server', logger)).rejects.toMatchObject({ code: 'UNSAFE_POSTGRES', message: expect.stringMatching(/synchronous_commit/) });
  });

  it('starts anyway with VICTOR_ALLOW_UNSAFE_POSTGRES=true', async () => {
    const config = createTestConfig({ DATABASE_URL: urlWith('-c synchronous_commit=off'), VICTOR_ALLOW_UNSAFE_POSTGRES: 'true' });
    const db = await openDatabase(config, 'server', logger);
    await db.close();
  });
});
