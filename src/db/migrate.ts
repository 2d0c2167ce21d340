import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, ScriptRunner } from './database';

/** Where the plain-SQL migrations live. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** One migration file. */
export interface Migration {
  version: string;
  checksum: string;
  sql: string;
}

/** Read the migrations in version order (file names sort: 0001_xxx.sql, 0002_…). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { version: f.replace(/\.sql$/, ''), checksum: createHash('sha256').update(text).digest('hex'), sql: text };
    });
}

/** Thrown when an applied migration's file changed after it ran. */
export class MigrationChecksumError extends Error {
  readonly code = 'MIGRATION_CHANGED';
}

const MIGRATION_LOCK_KEY = 727001;

async function readApplied(run: ScriptRunner): Promise<Map<string, string>> {
  const [rows = []] = await run('SELECT version, checksum FROM schema_migrations');
  return new Map(rows.map((r) => [String(r.version), String(r.checksum)]));
}

/**
 * Apply pending migrations, each in its own transaction, under a session advisory lock so several
 * app nodes starting at once migrate exactly once. Returns the versions applied.
 */
export async function migrateDatabase(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.withSession(async (run) => {
    // Lock first: two concurrent CREATE TABLE IF NOT EXISTS can both fail on pg_type's unique index.
    await run(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const applied: string[] = [];
    try {
      await run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = await readApplied(run);
      for (const m of migrations) {
        const prior = done.get(m.version);
        if (prior !== undefined) {
          if (prior !== m.checksum) throw new MigrationChecksumError(`migration ${m.version} changed after it was applied`);
          continue;
        }
        try {
          await run(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, checksum) VALUES ('${m.version}', '${m.checksum}');\nCOMMIT;`);
        } catch (err) {
          await run('ROLLBACK').catch(() => undefined);
          throw err;
        }
        applied.push(m.version);
      }
    } finally {
      await run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => undefined);
    }
    return applied;
  });
}
