import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { createPgliteDatabase, createPostgresDatabase, type Database } from '../../src/db/database';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite-extensions';

/** A fresh, migrated database for one test file; `drop()` closes and removes it. */
export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** Open a fresh migrated database of the project's kind (PGlite from the dump, or a PostgreSQL clone). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject('dbKind') === 'postgres') {
    const url = inject('postgresUrl');
    const name = `victor_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = createPostgresDatabase({ url: u.toString(), max: 4 });
    return {
      database,
      async drop() {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const client = new PGlite({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  const database = createPgliteDatabase(client);
  return { database, drop: () => database.close() };
}

/** The URL of a fresh PostgreSQL clone for tests that need a URL (two-process tests); null on PGlite. */
export function isPostgresRun(): boolean {
  return inject('dbKind') === 'postgres';
}
