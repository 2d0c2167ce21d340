/**
 * Per-table row counts and checksums, to compare two databases row for row. Rows are hashed in
 * PostgreSQL's own text form of the whole record (not the backup's JSON form), in primary-key order.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../../src/db/database';
import { primaryKeyColumns, quoteIdent } from '../../../src/db/repos/backup.repo';
import { TABLES_IN_DEPENDENCY_ORDER } from '../../../src/db/schema';

/** Count and md5 of every row of a table. */
export interface TableChecksum {
  count: number;
  md5: string;
}

/** Checksums of every table in TABLES_IN_DEPENDENCY_ORDER. */
export async function tableChecksums(database: Database): Promise<Record<string, TableChecksum>> {
  return database.db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
    await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
    const out: Record<string, TableChecksum> = {};
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const order = (await primaryKeyColumns(tx, table)).map((c) => `x.${quoteIdent(c)}`).join(', ');
      const [row] = await queryRows<{ n: number; md5: string }>(
        tx,
        sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM ${quoteIdent(table)} x`),
      );
      out[table] = { count: Number(row!.n), md5: row!.md5 };
    }
    return out;
  });
}
