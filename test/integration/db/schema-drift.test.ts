import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { listMigrations, migrateDatabase } from '../../../src/db/migrate';
import * as schema from '../../../src/db/schema';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v);

describe('database schema', () => {
  it('drizzle schema.ts matches the tables the SQL migrations create (names, columns, nullability)', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string; is_nullable: string }>(
      t.ctx.database.db,
      sql`SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    const actual = new Map<string, Map<string, boolean>>();
    for (const r of rows) {
      if (!actual.has(r.table_name)) actual.set(r.table_name, new Map());
      actual.get(r.table_name)!.set(r.column_name, r.is_nullable === 'YES');
    }
    expect(tables.length).toBeGreaterThan(5);
    const declared = new Set<string>();
    for (const table of tables) {
      const cfg = getTableConfig(table);
      declared.add(cfg.name);
      const cols = actual.get(cfg.name);
      expect(cols, `table ${cfg.name} exists`).toBeDefined();
      const mine = new Map(cfg.columns.map((c) => [c.name, !c.notNull]));
      expect([...mine.keys()].sort(), `columns of ${cfg.name}`).toEqual([...cols!.keys()].sort());
      for (const [name, nullable] of mine) expect(nullable, `${cfg.name}.${name} nullability`).toBe(cols!.get(name));
    }
    expect([...actual.keys()].sort()).toEqual([...declared].sort());
    expect(schema.TABLES_IN_DEPENDENCY_ORDER.slice().sort()).toEqual([...declared].sort());
  });

  it('migrating again applies nothing, and an edited applied migration is refused', async () => {
    expect(await migrateDatabase(t.ctx.database)).toEqual([]);
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrateDatabase(t.ctx.database, edited)).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
  });
});
