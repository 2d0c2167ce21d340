/**
 * Raw SQL for logical backups and restores. Table and column names here come from
 * TABLES_IN_DEPENDENCY_ORDER and the catalog, never from user input, and are always quoted.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';

/** A table column as the restore needs it. */
export interface ColumnInfo {
  name: string;
  dataType: string;
  nullable: boolean;
}

/** Quote an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const ident = (name: string) => sql.raw(quoteIdent(name));

/** Tables of the current schema (schema_migrations excluded). */
export async function listSchemaTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

/** Applied migration versions, in order; empty when the database was never migrated. */
export async function listAppliedMigrations(db: Db): Promise<string[]> {
  const [exists] = await queryRows<{ ok: boolean }>(db, sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
  if (!exists?.ok) return [];
  const rows = await queryRows<{ version: string }>(db, sql`SELECT version FROM schema_migrations ORDER BY version`);
  return rows.map((r) => r.version);
}

/** The primary-key columns of a table, in key order. */
export async function primaryKeyColumns(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT a.attname AS name
        FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = to_regclass(${quoteIdent(table)}) AND i.indisprimary
        ORDER BY array_position(i.indkey::int2[], a.attnum)`,
  );
  if (rows.length === 0) throw new Error(`table ${table} has no primary key`);
  return rows.map((r) => r.name);
}

/** The columns of a table, by name. */
export async function tableColumns(db: Db, table: string): Promise<Map<string, ColumnInfo>> {
  const rows = await queryRows<{ name: string; data_type: string; is_nullable: string }>(
    db,
    sql`SELECT column_name AS name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table}`,
  );
  return new Map(rows.map((r) => [r.name, { name: r.name, dataType: r.data_type, nullable: r.is_nullable === 'YES' }]));
}

/** count(*) of a table. */
export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*)::bigint AS n FROM ${ident(table)}`);
  return Number(row?.n ?? 0);
}

/**
 * Open a cursor over a table's rows as JSON text (timestamps in the session time zone; call
 * `useUtc` first), ordered by primary key. Needs a transaction.
 */
export async function openRowCursor(db: Db, cursor: string, table: string, orderBy: readonly string[]): Promise<void> {
  const order = orderBy.map((c) => `x.${quoteIdent(c)}`).join(', ');
  await db.execute(sql.raw(`DECLARE ${quoteIdent(cursor)} NO SCROLL CURSOR FOR SELECT to_jsonb(x)::text AS r FROM ${quoteIdent(table)} x ORDER BY ${order}`));
}

/** The next rows of a cursor as JSON texts; empty at the end. */
export async function fetchRowTexts(db: Db, cursor: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ r: string }>(db, sql.raw(`FETCH ${Math.floor(count)} FROM ${quoteIdent(cursor)}`));
  return rows.map((r) => r.r);
}

/** Close a cursor. */
export async function closeCursor(db: Db, cursor: string): Promise<void> {
  await db.execute(sql.raw(`CLOSE ${quoteIdent(cursor)}`));
}

/** Render timestamps in UTC for the rest of the transaction. */
export async function useUtc(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL TimeZone = 'UTC'`);
}

/**
 * Insert rows given as a JSON array text of objects keyed by column name. PostgreSQL converts
 * each JSON value to the column's type (timestamptz from ISO text, text[] from arrays, jsonb as is).
 * Columns not listed get their defaults. A JSON null in a NOT NULL jsonb column is the jsonb null.
 */
export async function insertJsonRows(db: Db, table: string, columns: readonly ColumnInfo[], rowsJson: string): Promise<void> {
  const target = columns.map((c) => quoteIdent(c.name)).join(', ');
  const source = columns
    .map((c) => (c.dataType === 'jsonb' && !c.nullable ? `COALESCE(${quoteIdent(c.name)}, 'null'::jsonb)` : quoteIdent(c.name)))
    .join(', ');
  const t = quoteIdent(table);
  await db.execute(sql`INSERT INTO ${sql.raw(t)} (${sql.raw(target)}) SELECT ${sql.raw(source)} FROM jsonb_populate_recordset(NULL::${sql.raw(t)}, ${rowsJson}::jsonb)`);
}

/** Delete every row of a table; returns how many. */
export async function deleteAllRows(db: Db, table: string): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(db, sql`WITH d AS (DELETE FROM ${ident(table)} RETURNING 1) SELECT count(*)::bigint AS n FROM d`);
  return Number(rows[0]?.n ?? 0);
}

/** Block concurrent writers of the tables that decide whether a database is empty (until commit). */
export async function lockAgainstWriters(db: Db, tables: readonly string[]): Promise<void> {
  await db.execute(sql.raw(`LOCK TABLE ${tables.map(quoteIdent).join(', ')} IN EXCLUSIVE MODE`));
}

/**
 * Set every serial/bigserial sequence of the schema past the largest value in its column, so new
 * rows after a restore do not collide. Returns the columns reset, as "table.column".
 */
export async function resetSerialSequences(db: Db): Promise<string[]> {
  const cols = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%' ORDER BY table_name, column_name`,
  );
  for (const c of cols) {
    const t = quoteIdent(c.table_name);
    const col = quoteIdent(c.column_name);
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence(${t}, ${c.column_name}), COALESCE((SELECT max(${sql.raw(col)}) FROM ${sql.raw(t)}), 0) + 1, false)`,
    );
  }
  return cols.map((c) => `${c.table_name}.${c.column_name}`);
}
