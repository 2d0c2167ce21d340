import { and, asc, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import {
  GENESIS_HASH,
  computeAuditHash,
  verifyAuditChain,
  type AuditEntryContent,
  type ChainCheck,
  type ChainedAuditEntry,
} from '../../domain/audit/audit-chain';
import type { Db } from '../database';
import { auditLog, settings } from '../schema';

/** What a caller records; id, time and chain links are filled in here. */
export type AuditInput = Omit<AuditEntryContent, 'id' | 'at' | 'actorUserId' | 'actorTokenId' | 'organisationId' | 'countryCode' | 'requestId' | 'entityId' | 'details'> & {
  actorUserId?: string | null;
  actorTokenId?: string | null;
  entityId?: string | null;
  organisationId?: string | null;
  countryCode?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

const AUDIT_LOCK_KEY = 727002;
const HEAD_KEY = 'audit.head';

function toEntry(row: typeof auditLog.$inferSelect): ChainedAuditEntry {
  return {
    id: Number(row.id),
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

/**
 * Append one entry to the hash chain. Call inside the transaction that makes the change, so the
 * entry and the change commit or roll back together. Serialised by an advisory lock.
 */
export async function appendAuditEntry(tx: Db, input: AuditInput): Promise<ChainedAuditEntry> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  // Timestamps are kept to the millisecond so the hashed value survives the database round trip.
  const at = new Date(Math.floor(Date.now()));
  const content: AuditEntryContent = {
    id: last ? Number(last.id) + 1 : 1,
    at,
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = computeAuditHash(prevHash, content);
  await tx.insert(auditLog).values({ ...content, prevHash, hash });
  const head = { id: content.id, hash };
  await tx
    .insert(settings)
    .values({ key: HEAD_KEY, value: head })
    .onConflictDoUpdate({ target: settings.key, set: { value: head, updatedAt: new Date() } });
  return { ...content, prevHash, hash };
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

/** Newest first. */
export async function listAuditEntries(db: Db, f: AuditListFilter): Promise<{ items: ChainedAuditEntry[]; total: number }> {
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
  return { items: rows.map(toEntry), total: Number(count?.n ?? 0) };
}

/**
 * Verify the whole chain in pages, then that its end matches the recorded head (which catches
 * entries cut off the end). `onProgress` reports entries checked.
 */
export async function verifyAuditLog(db: Db, onProgress?: (checked: number) => void): Promise<ChainCheck> {
  let cursor = 0;
  let state = { prevHash: GENESIS_HASH, nextId: 1 };
  let total = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, cursor)).orderBy(asc(auditLog.id)).limit(5000);
    if (rows.length === 0) break;
    const r = verifyAuditChain(rows.map(toEntry), state);
    total += r.checked;
    if (!r.ok) return { ok: false, checked: total, firstBadId: r.firstBadId, problem: r.problem };
    state = { prevHash: r.lastHash, nextId: r.nextId };
    cursor = Number(rows[rows.length - 1]!.id);
    onProgress?.(total);
  }
  const [head] = await db.select().from(settings).where(eq(settings.key, HEAD_KEY));
  const headValue = head?.value as { id: number; hash: string } | undefined;
  if (headValue && (headValue.id !== state.nextId - 1 || headValue.hash !== state.prevHash)) {
    return { ok: false, checked: total, firstBadId: headValue.id, problem: `entries after ${state.nextId - 1} were removed` };
  }
  if (!headValue && total > 0) return { ok: false, checked: total, firstBadId: null, problem: 'the chain head record is missing' };
  return { ok: true, checked: total, firstBadId: null, problem: null };
}
