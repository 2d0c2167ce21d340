/**
 * Logical, portable backups (embedded PGlite ⇄ PostgreSQL): a gzipped JSON-lines file. Line 1 is
 * the header; every other line is one row, {"t": table, "r": row}, with rows as PostgreSQL's
 * to_jsonb renders them (timestamps as ISO 8601 in UTC, jsonb as JSON, arrays as JSON arrays,
 * bigint as JSON numbers). Tables come in TABLES_IN_DEPENDENCY_ORDER, rows by primary key.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Database, Db } from '../db/database';
import { listMigrations, migrateDatabase } from '../db/migrate';
import * as repo from '../db/repos/backup.repo';
import { adoptUnnumberedSealedEntries, sealAuditLog, verifyAuditLog } from '../db/repos/audit.repo';
import { TABLES_IN_DEPENDENCY_ORDER } from '../db/schema';

/** The first line of a backup file. */
export const backupHeaderSchema = z.object({
  format: z.literal('victor-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schemaVersions: z.array(z.string()),
  tables: z.record(z.string(), z.number().int().min(0)),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Progress of a backup or restore, in rows over all tables. */
export interface BackupProgress {
  table: string;
  done: number;
  total: number;
}

/** Thrown when a backup cannot be written or restored; the message says why. */
export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
}

/** Rows per FETCH when reading and per INSERT when restoring. */
const BATCH = 500;
/** A restore refuses a database holding any row of these. */
const CONTENT_TABLES = ['organisations', 'users', 'audit_log'] as const;

type Progress = ((p: BackupProgress) => void) | undefined;

/** The migration that gave audit entries their seq; backups made before it need it derived. */
const AUDIT_SEQ_MIGRATION = '0002_audit_seal';

/**
 * Write a backup of the whole database to `file` from one REPEATABLE READ snapshot, streaming
 * (never holding the tables in memory), after sealing the audit entries waiting (any appended in
 * between are sealed by the restore). Written to `<file>.partial`, fsynced, then renamed; mode 0600.
 */
export async function writeBackup(database: Database, file: string, opts: { onProgress?: Progress; overwrite?: boolean } = {}): Promise<BackupHeader> {
  if (!opts.overwrite && (await exists(file))) throw new BackupError(`${file} exists already (use --force to overwrite it)`);
  const partial = `${file}.partial`;
  if ((await repo.listAppliedMigrations(database.db)).includes(AUDIT_SEQ_MIGRATION)) await sealAuditLog(database.db, { wait: true });
  try {
    const header = await database.db.transaction(
      async (txn) => {
        const tx = txn as unknown as Db;
        await repo.useUtc(tx);
        const uncovered = (await repo.listSchemaTables(tx)).filter((t) => !(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(t));
        if (uncovered.length) throw new BackupError(`tables not covered by backups: ${uncovered.join(', ')} (add them to TABLES_IN_DEPENDENCY_ORDER)`);
        const schemaVersions = await repo.listAppliedMigrations(tx);
        if (schemaVersions.length === 0) throw new BackupError('the database has no schema yet (run `victor db migrate`)');
        const tables: Record<string, number> = {};
        for (const t of TABLES_IN_DEPENDENCY_ORDER) tables[t] = await repo.countRows(tx, t);
        const head: BackupHeader = { format: 'victor-backup', version: 1, createdAt: new Date().toISOString(), schemaVersions, tables };
        const total = Object.values(tables).reduce((a, b) => a + b, 0);
        await pipeline(Readable.from(backupLines(tx, head, total, opts.onProgress)), createGzip(), createWriteStream(partial, { mode: 0o600 }));
        return head;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return header;
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

async function* backupLines(tx: Db, header: BackupHeader, total: number, onProgress: Progress): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let done = 0;
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const prefix = `{"t":${JSON.stringify(table)},"r":`;
    await repo.openRowCursor(tx, 'victor_backup', table, await repo.primaryKeyColumns(tx, table));
    for (;;) {
      const rows = await repo.fetchRowTexts(tx, 'victor_backup', BATCH);
      if (rows.length === 0) break;
      done += rows.length;
      yield rows.map((r) => `${prefix}${r}}\n`).join('');
      onProgress?.({ table, done, total });
    }
    await repo.closeCursor(tx, 'victor_backup');
    onProgress?.({ table, done, total });
  }
}

/** Lines of a gzipped text file, streamed. Rejects when the file is missing or damaged. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) if (p) yield p;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** Read and check the header of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  if (!(await exists(file))) throw new BackupError(`${file} does not exist`);
  try {
    for await (const line of readLines(file)) return parseHeader(line);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a readable backup: ${(err as Error).message}`);
  }
  throw new BackupError(`${file} is empty`);
}

function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError('the file is not a Victor backup (no header line)');
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(`the file is not a Victor backup version 1 (${parsed.error.issues[0]?.message ?? 'bad header'})`);
  return parsed.data;
}

/** Row counts of the tables that make a database non-empty; zero everywhere when empty. */
export async function countContentRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CONTENT_TABLES) out[t] = await repo.countRows(db, t);
  return out;
}

function assertEmpty(counts: Record<string, number>): void {
  const held = Object.entries(counts).filter(([, n]) => n > 0);
  if (held.length) {
    throw new BackupError(
      `the database is not empty (${held.map(([t, n]) => `${n} ${t}`).join(', ')}): restore only into an empty database, e.g. a new DATA_DIR or a new PostgreSQL database`,
    );
  }
}

/** What a restore did. */
export interface RestoreResult {
  header: BackupHeader;
  tables: Record<string, number>;
  /** Rows that were in the empty database (reference data such as countries) and were replaced. */
  replaced: Record<string, number>;
  auditEntries: number;
  sequences: string[];
}

/**
 * Restore a backup into an empty database: migrate, then in one transaction replace any reference
 * rows, insert every row in dependency order, reset sequences, and check row counts and the audit
 * chain before committing. Refuses a database holding organisations, users or audit entries.
 */
export async function restoreBackup(database: Database, file: string, opts: { onProgress?: Progress } = {}): Promise<RestoreResult> {
  const header = await readBackupHeader(file);
  const known = new Set(listMigrations().map((m) => m.version));
  const newer = header.schemaVersions.filter((v) => !known.has(v));
  if (newer.length) throw new BackupError(`the backup was made by a newer Victor (schema ${newer.join(', ')}): upgrade Victor before restoring it`);
  const unknownTables = Object.keys(header.tables).filter((t) => !(TABLES_IN_DEPENDENCY_ORDER as readonly string[]).includes(t));
  if (unknownTables.length) throw new BackupError(`the backup holds tables this Victor does not know: ${unknownTables.join(', ')}`);
  await migrateDatabase(database);
  assertEmpty(await countContentRows(database.db));
  const total = Object.values(header.tables).reduce((a, b) => a + b, 0);
  return database.db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await repo.lockAgainstWriters(tx, CONTENT_TABLES);
    assertEmpty(await countContentRows(tx));
    const replaced: Record<string, number> = {};
    for (const t of [...TABLES_IN_DEPENDENCY_ORDER].reverse()) {
      if (t === 'audit_log') continue;
      const n = await repo.deleteAllRows(tx, t);
      if (n > 0) replaced[t] = n;
    }
    const tables = await insertAllRows(tx, file, total, opts.onProgress);
    for (const t of TABLES_IN_DEPENDENCY_ORDER) {
      const expected = header.tables[t] ?? 0;
      const inFile = tables[t] ?? 0;
      const inDb = await repo.countRows(tx, t);
      if (inFile !== expected || inDb !== expected) {
        throw new BackupError(`row count mismatch in ${t}: the header says ${expected}, the file holds ${inFile}, the database now has ${inDb}`);
      }
    }
    if (!header.schemaVersions.includes(AUDIT_SEQ_MIGRATION)) await adoptUnnumberedSealedEntries(tx);
    const sequences = await repo.resetSerialSequences(tx);
    // Seals entries that were still unsealed in the backup, then checks the chain.
    const audit = await verifyAuditLog(tx);
    if (!audit.ok) throw new BackupError(`the restored audit log does not verify: ${audit.problem ?? 'unknown problem'} (entry ${audit.firstBadId ?? '?'})`);
    return { header, tables, replaced, auditEntries: audit.checked, sequences };
  });
}

/** Stream the row lines of a backup into the tables, in batches; returns rows read per table. */
async function insertAllRows(tx: Db, file: string, total: number, onProgress: Progress): Promise<Record<string, number>> {
  const order: readonly string[] = TABLES_IN_DEPENDENCY_ORDER;
  const counts: Record<string, number> = {};
  let current = null as { table: string; columns: Map<string, repo.ColumnInfo> } | null;
  let batch: { text: string; keys: string[] }[] = [];
  let done = 0;
  let lineNo = 1;
  const flush = async () => {
    if (!current || batch.length === 0) return;
    const names = new Set(batch.flatMap((b) => b.keys));
    const cols = [...names].map((n) => {
      const c = current!.columns.get(n);
      if (!c) throw new BackupError(`column ${current!.table}.${n} of the backup does not exist in this database`);
      return c;
    });
    await repo.insertJsonRows(tx, current.table, cols, `[${batch.map((b) => b.text).join(',')}]`);
    done += batch.length;
    batch = [];
    onProgress?.({ table: current.table, done, total });
  };
  let first = true;
  for await (const line of readLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    lineNo += 1;
    const row = parseRowLine(line, lineNo);
    if (row.table !== current?.table) {
      await flush();
      if (!order.includes(row.table)) throw new BackupError(`line ${lineNo}: unknown table ${row.table}`);
      if (current && order.indexOf(row.table) <= order.indexOf(current.table)) {
        throw new BackupError(`line ${lineNo}: rows of ${row.table} are out of order`);
      }
      current = { table: row.table, columns: await repo.tableColumns(tx, row.table) };
    }
    counts[row.table] = (counts[row.table] ?? 0) + 1;
    batch.push({ text: row.text, keys: row.keys });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return counts;
}

const ROW_LINE = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(\{.*\})\}$/;

/** One row line: the table, the row's JSON text (kept verbatim so no value is re-encoded) and its keys. */
function parseRowLine(line: string, lineNo: number): { table: string; text: string; keys: string[] } {
  try {
    const m = ROW_LINE.exec(line);
    if (m) {
      const row = JSON.parse(m[2]!) as Record<string, unknown>;
      return { table: JSON.parse(m[1]!) as string, text: m[2]!, keys: Object.keys(row) };
    }
    const v = JSON.parse(line) as { t?: unknown; r?: unknown };
    if (typeof v.t !== 'string' || v.r === null || typeof v.r !== 'object' || Array.isArray(v.r)) throw new Error('not a row');
    return { table: v.t, text: JSON.stringify(v.r), keys: Object.keys(v.r) };
  } catch {
    throw new BackupError(`line ${lineNo} of the backup is not a row ({"t": table, "r": row})`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
