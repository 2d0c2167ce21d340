import { createHash } from 'node:crypto';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that the hash covers. */
export interface AuditEntryContent {
  /** Position in the chain (1, 2, 3, …), given when the entry is sealed. */
  seq: number;
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

/** A sealed entry: content plus its chain links. */
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
  // The key stays "id" with the seq as its value: entries sealed before seq existed were hashed with
  // their row id under that key, and their seq equals that id, so every hash stays byte-compatible.
  const content = canonicalJson({
    id: entry.seq,
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
 * Check sealed entries (ascending by seq, starting at `start`): seq numbers consecutive, each
 * prevHash equal to the previous hash, and each hash recomputed from its content. `firstBadId` and
 * the entry numbers in `problem` are seq numbers.
 */
export function verifyAuditChain(
  entries: readonly ChainedAuditEntry[],
  start: { prevHash: string; nextSeq: number } = { prevHash: GENESIS_HASH, nextSeq: 1 },
): ChainCheck & { lastHash: string; nextSeq: number } {
  let prevHash = start.prevHash;
  let nextSeq = start.nextSeq;
  let checked = 0;
  for (const e of entries) {
    const bad = (problem: string) => ({ ok: false, checked, firstBadId: e.seq, problem, lastHash: prevHash, nextSeq });
    if (e.seq !== nextSeq) return bad(`entry ${nextSeq} is missing (found ${e.seq})`);
    if (e.prevHash !== prevHash) return bad(`entry ${e.seq} does not link to the entry before it`);
    if (computeAuditHash(prevHash, e) !== e.hash) return bad(`entry ${e.seq} was altered after it was written`);
    prevHash = e.hash;
    nextSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBadId: null, problem: null, lastHash: prevHash, nextSeq };
}
