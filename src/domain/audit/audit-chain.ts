import { createHash } from 'node:crypto';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that the hash covers. */
export interface AuditEntryContent {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  organisationId: string | null;
  countryCode: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** A stored entry: content plus its chain links. */
export interface ChainedAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** sha256(prevHash + canonical content), hex. */
export function computeAuditHash(prevHash: string, entry: AuditEntryContent): string {
  // Pick the covered fields explicitly: stored entries carry more (their own hash) that must not count.
  const content = canonicalJson({
    id: entry.id,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorTokenId: entry.actorTokenId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    organisationId: entry.organisationId,
    countryCode: entry.countryCode,
    requestId: entry.requestId,
    details: entry.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Outcome of checking a run of entries. */
export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
}

/**
 * Check entries (ascending by id, starting at `expectPrevHash`/`expectId`): ids consecutive,
 * each prevHash equal to the previous hash, and each hash recomputed from its content.
 */
export function verifyAuditChain(
  entries: readonly ChainedAuditEntry[],
  start: { prevHash: string; nextId: number } = { prevHash: GENESIS_HASH, nextId: 1 },
): ChainCheck & { lastHash: string; nextId: number } {
  let prevHash = start.prevHash;
  let nextId = start.nextId;
  let checked = 0;
  for (const e of entries) {
    const bad = (problem: string) => ({ ok: false, checked, firstBadId: e.id, problem, lastHash: prevHash, nextId });
    if (e.id !== nextId) return bad(`entry ${nextId} is missing (found ${e.id})`);
    if (e.prevHash !== prevHash) return bad(`entry ${e.id} does not link to the entry before it`);
    if (computeAuditHash(prevHash, e) !== e.hash) return bad(`entry ${e.id} was altered after it was written`);
    prevHash = e.hash;
    nextId += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBadId: null, problem: null, lastHash: prevHash, nextId };
}
