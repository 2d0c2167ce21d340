import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import {
  GENESIS_HASH,
  computeAuditHash,
  verifyAuditChain,
  type AuditEntryContent,
  type ChainCheck,
  type ChainedAuditEntry,
} from '../../domain/audit/audit-chain';
import { queryRows, type Db } from '../database';
import { auditLog, settings } from '../schema';

/** What a caller records; the time is filled in here, the chain position and links by the sealer. */
export interface AuditInput {
  action: string;
  entityType: string;
  actorUserId?: string | null;
  actorTokenId?: string | null;
  entityId?: string | null;
  organisationId?: string | null;
  countryCode?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** A stored entry as listed: `id` is the row id; seq and the links are null until it is sealed. */
export interface StoredAuditEntry extends Omit<AuditEntryContent, 'seq'> {
  id: number;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
}

/** Taken (per transaction) by the one sealer at a time. */
const AUDIT_SEAL_LOCK_KEY = 727002;
/** settings key of the chain head: {id: last seq, hash: its hash}. */
const HEAD_KEY = 'audit.head';
/** Rows read per page when verifying. */
const VERIFY_PAGE = 5000;
/** An entry still unsealed this long after it was written means the sealer is not doing its job. */
const UNSEALED_GRACE_SECONDS = 60;

type AuditRow = typeof auditLog.$inferSelect;

function toStored(row: AuditRow): StoredAuditEntry {
  return {
    id: Number(row.id),
    seq: row.seq === null ? null : Number(row.seq),
    at: row.at,
    actorUserId: row.actorUserId,
    actorTokenId: row.actorTokenId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    organisationId: row.organisationId,
    countryCode: row.countryCode,
    requestId: row.requestId,
    details: (row.details ?? {}) as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The hashed content of a row, at chain position `seq`. */
function toContent(row: AuditRow, seq: number): AuditEntryContent {
  const e = toStored(row);
  return {
    seq,
    at: e.at,
    actorUserId: e.actorUserId,
    actorTokenId: e.actorTokenId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    organisationId: e.organisationId,
    countryCode: e.countryCode,
    requestId: e.requestId,
    details: e.details,
  };
}

/** A sealed row as the chain check reads it (rows are selected with seq IS NOT NULL). */
function toChained(row: AuditRow): ChainedAuditEntry {
  return { ...toContent(row, Number(row.seq)), prevHash: row.prevHash ?? '', hash: row.hash ?? '' };
}

/**
 * Append one entry: a single INSERT, no lock and no read, so audited writes do not queue behind
 * each other. Call inside the transaction that makes the change, so the entry and the change commit
 * or roll back together. The entry is sealed into the hash chain later by `sealAuditLog`.
 */
export async function appendAuditEntry(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values(toAuditValues(input));
}

/** The column values of a new (unsealed) entry; also used by statements that insert entries themselves. */
export function toAuditValues(input: AuditInput) {
  return {
    // Kept to the millisecond, as the hash covers the ISO text of the time JavaScript reads back.
    at: new Date(Date.now()),
    actorUserId: input.actorUserId ?? null,
    actorTokenId: input.actorTokenId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    organisationId: input.organisationId ?? null,
    countryCode: input.countryCode ?? null,
    requestId: input.requestId ?? null,
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
  };
}

interface ChainHead {
  seq: number;
  hash: string;
}

/** The recorded chain head, or undefined when none was recorded. */
async function readHeadSetting(db: Db): Promise<ChainHead | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, HEAD_KEY));
  const v = row?.value as { id: number; hash: string } | undefined;
  return v ? { seq: Number(v.id), hash: v.hash } : undefined;
}

/** Where sealing carries on: the recorded head, else the last sealed row, else the genesis. */
async function readSealHead(tx: Db): Promise<ChainHead> {
  const recorded = await readHeadSetting(tx);
  if (recorded) return recorded;
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(isNotNull(auditLog.seq))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ? { seq: Number(last.seq), hash: last.hash ?? '' } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * Seal committed unsealed entries into the hash chain, oldest id first: give each the next seq,
 * its prev_hash and hash, and move the recorded head — one UPDATE and one transaction per batch.
 * Only one sealer runs at a time (database-wide): when another holds the lock this returns at once
 * (or, with `wait`, waits for it). Returns how many entries were sealed.
 */
export async function sealAuditLog(db: Db, opts: { batchSize?: number; wait?: boolean } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 2000;
  let sealed = 0;
  for (;;) {
    const n = await sealBatch(db, batchSize, opts.wait ?? false);
    if (n === null) return sealed;
    sealed += n;
    if (n < batchSize) return sealed;
  }
}

/** One batch in one transaction; null when the lock is held elsewhere. */
async function sealBatch(db: Db, batchSize: number, wait: boolean): Promise<number | null> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    if (wait) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY})`);
    } else {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY}) AS ok`);
      if (!lock?.ok) return null;
    }
    const rows = await tx.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return 0;
    let head = await readSealHead(tx);
    const links: { id: number; seq: number; prev_hash: string; hash: string }[] = [];
    for (const row of rows) {
      const seq = head.seq + 1;
      const hash = computeAuditHash(head.hash, toContent(row, seq));
      links.push({ id: Number(row.id), seq, prev_hash: head.hash, hash });
      head = { seq, hash };
    }
    const updated = await queryRows<{ id: number | string }>(
      tx,
      sql`UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
          FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(id bigint, seq bigint, prev_hash text, hash text)
          WHERE a.id = v.id AND a.seq IS NULL
          RETURNING a.id`,
    );
    if (updated.length !== rows.length) throw new Error(`audit sealing updated ${updated.length} of ${rows.length} entries`);
    const value = { id: head.seq, hash: head.hash };
    await tx
      .insert(settings)
      .values({ key: HEAD_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    return rows.length;
  });
}

/**
 * Restoring a backup made before entries had a seq: their position is their id (as the migration
 * that added seq did). Runs with the append-only trigger off, inside the restore's transaction.
 */
export async function adoptUnnumberedSealedEntries(tx: Db): Promise<void> {
  await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await tx.execute(sql`UPDATE audit_log SET seq = id WHERE seq IS NULL AND hash IS NOT NULL`);
  await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
}

/** Filters for listing audit entries. */
export interface AuditListFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  limit: number;
  offset: number;
  /** Reader's scope: entries about organisations / countries in it (system-wide entries need `all`). */
  scope?: ScopeFilter;
}

/** Newest first (by row id), sealed or not. */
export async function listAuditEntries(db: Db, f: AuditListFilter): Promise<{ items: StoredAuditEntry[]; total: number }> {
  const conds: SQL[] = [];
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actorUserId) conds.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.scope && !f.scope.all) {
    const parts: SQL[] = [sql`false`];
    if (f.scope.organisationIds.length) parts.push(inArray(auditLog.organisationId, f.scope.organisationIds));
    if (f.scope.countryCodes.length) parts.push(inArray(auditLog.countryCode, f.scope.countryCodes));
    conds.push(or(...parts)!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.limit).offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items: rows.map(toStored), total: Number(count?.n ?? 0) };
}

/**
 * Seal what is waiting, then verify the whole chain in pages of seq, then that it reaches the
 * recorded head (which catches entries cut off the end), then that no entry stayed unsealed longer
 * than a minute. `onProgress` reports entries checked. `firstBadId` is a seq for chain problems and
 * the row id of the oldest unsealed entry for the last check.
 */
export async function verifyAuditLog(db: Db, onProgress?: (checked: number) => void): Promise<ChainCheck> {
  await sealAuditLog(db);
  // Read the head before the walk: it only moves forward, and the entries it names committed with it,
  // so a sealer running meanwhile on another node cannot make an intact chain look cut off.
  let head = await readHeadSetting(db);
  let state = { prevHash: GENESIS_HASH, nextSeq: 1 };
  let hashAtHead: string | undefined;
  let total = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.seq), gt(auditLog.seq, state.nextSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(VERIFY_PAGE);
    if (rows.length === 0) break;
    const entries = rows.map(toChained);
    const r = verifyAuditChain(entries, state);
    total += r.checked;
    if (!r.ok) return { ok: false, checked: total, firstBadId: r.firstBadId, problem: r.problem };
    if (head) hashAtHead = entries.find((e) => e.seq === head!.seq)?.hash ?? hashAtHead;
    state = { prevHash: r.lastHash, nextSeq: r.nextSeq };
    onProgress?.(total);
  }
  const last = state.nextSeq - 1;
  if (!head) head = await readHeadSetting(db);
  if (head && head.seq > last) return { ok: false, checked: total, firstBadId: head.seq, problem: `entries after ${last} were removed` };
  if (head && head.seq > 0 && hashAtHead !== undefined && hashAtHead !== head.hash) {
    return { ok: false, checked: total, firstBadId: head.seq, problem: `entry ${head.seq} does not match the recorded chain head` };
  }
  if (!head && total > 0) return { ok: false, checked: total, firstBadId: null, problem: 'the chain head record is missing' };
  const [stale] = await queryRows<{ n: number; first: number | string | null }>(
    db,
    sql`SELECT count(*)::int AS n, min(id) AS first FROM audit_log
        WHERE seq IS NULL AND at < now() - ${sql.raw(`interval '${UNSEALED_GRACE_SECONDS} seconds'`)}`,
  );
  if (stale && Number(stale.n) > 0) {
    return { ok: false, checked: total, firstBadId: Number(stale.first), problem: `${Number(stale.n)} entries were never sealed` };
  }
  return { ok: true, checked: total, firstBadId: null, problem: null };
}
