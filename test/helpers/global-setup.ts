import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPgliteDatabase, createPostgresDatabase } from '../../src/db/database';
import { migrateDatabase } from '../../src/db/migrate';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite-extensions';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresUrl: string;
    postgresTemplate: string;
  }
}

/**
 * Migrate one template database per run: a PGlite dump file that each test file loads, or a
 * PostgreSQL template database that each test file clones. Costs ~2 s once instead of per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.provide.dbKind;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const template = `victor_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const db = createPostgresDatabase({ url: u.toString(), max: 1 });
    await migrateDatabase(db);
    await db.close();
    project.provide('postgresUrl', url);
    project.provide('postgresTemplate', template);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    };
  }
  const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
  const db = createPgliteDatabase(client);
  await migrateDatabase(db);
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => undefined;
}
