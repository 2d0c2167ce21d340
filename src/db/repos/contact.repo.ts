import { and, arrayContains, arrayOverlaps, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import { type Database, type Db } from '../database';
import { toAuditValues, type AuditInput } from './audit.repo';
import { contacts, users } from '../schema';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactInsert = typeof contacts.$inferInsert;

/**
 * Insert a contact unless its idempotency key (or external reference) was used already; returns the
 * new row, or undefined on such a conflict (the caller then reads the existing one).
 */
export async function insertContact(db: Db, row: ContactInsert): Promise<ContactRow | undefined> {
  const [created] = await db.insert(contacts).values(row).onConflictDoNothing().returning();
  return created;
}

/** One contact. */
export async function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row;
}

/** The contact an idempotency key created. */
export async function findContactByIdempotencyKey(db: Db, key: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.idempotencyKey, key));
  return row;
}

/** The contact a channel event created (telephony call id, e-mail message id). */
export async function findContactByExternalRef(db: Db, source: string, organisationId: string, externalRef: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.source, source), eq(contacts.organisationId, organisationId), eq(contacts.externalRef, externalRef)));
  return row;
}

/** Update when the stored version is still `version` (optimistic concurrency); bumps the version. */
export async function updateContactAtVersion(db: Db, id: string, version: number, patch: Partial<ContactInsert>): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning();
  return row;
}

/** Search filters, already resolved by the service (hashed words, expanded categories). */
export interface ContactSearch {
  scope: ScopeFilter;
  from?: Date;
  to?: Date;
  organisationId?: string;
  countryCode?: string;
  channels?: string[];
  statuses?: string[];
  outcomes?: string[];
  /** Any of these codes (a regional code and the local sub-codes that map onto it). */
  categories?: string[];
  isThb?: boolean;
  operatorUserId?: string;
  /** Every one of these hashed words. */
  terms?: string[];
}

/** The SQL conditions of a search (shared by paging, counting and export). */
export function buildContactConditions(f: ContactSearch): SQL | undefined {
  const conds: SQL[] = [];
  if (!f.scope.all) {
    const parts: SQL[] = [sql`false`];
    if (f.scope.organisationIds.length) parts.push(inArray(contacts.organisationId, f.scope.organisationIds));
    if (f.scope.countryCodes.length) parts.push(inArray(contacts.countryCode, f.scope.countryCodes));
    if (f.scope.ownerUserIds.length) parts.push(inArray(contacts.operatorUserId, f.scope.ownerUserIds));
    conds.push(or(...parts)!);
  }
  if (f.from) conds.push(gte(contacts.startedAt, f.from));
  if (f.to) conds.push(lt(contacts.startedAt, f.to));
  if (f.organisationId) conds.push(eq(contacts.organisationId, f.organisationId));
  if (f.countryCode) conds.push(eq(contacts.countryCode, f.countryCode));
  if (f.channels?.length) conds.push(inArray(contacts.channel, f.channels));
  if (f.statuses?.length) conds.push(inArray(contacts.status, f.statuses));
  if (f.outcomes?.length) conds.push(inArray(contacts.outcome, f.outcomes));
  if (f.categories?.length) conds.push(arrayOverlaps(contacts.categories, f.categories));
  if (f.isThb !== undefined) conds.push(eq(contacts.isThb, f.isThb));
  if (f.operatorUserId) conds.push(eq(contacts.operatorUserId, f.operatorUserId));
  if (f.terms?.length) conds.push(arrayContains(contacts.searchTerms, f.terms));
  return conds.length ? and(...conds) : undefined;
}

/** A search result row: the contact and its operator's display name. */
export type ContactListRow = ContactRow & { operatorName: string | null };

/** One page, newest first, after the (startedAt, id) cursor. */
export async function searchContacts(db: Db, f: ContactSearch, page: { limit: number; after?: { startedAt: Date; id: string } }): Promise<ContactListRow[]> {
  const where = buildContactConditions(f);
  const cursor = page.after ? sql`(${contacts.startedAt}, ${contacts.id}) < (${page.after.startedAt.toISOString()}::timestamptz, ${page.after.id}::uuid)` : undefined;
  const rows = await db
    .select({ c: contacts, operatorName: users.displayName })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.operatorUserId))
    .where(and(where, cursor))
    .orderBy(desc(contacts.startedAt), desc(contacts.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.c, operatorName: r.operatorName }));
}

/** How many contacts match, counted up to `cap`. */
export async function countContacts(db: Db, f: ContactSearch, cap: number): Promise<number> {
  const where = buildContactConditions(f);
  // Unordered on purpose: ordering like the page made the planner walk the newest-first index and
  // visit the table for category / word filters (measured 3-5x slower over 1,000,000 contacts).
  const inner = db.select({ one: sql`1` }).from(contacts).where(where).limit(cap);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner.as('matching'));
  return Number(row?.n ?? 0);
}

/** Columns of `contacts` in insert order (all but caller_id), with their drizzle keys and SQL types. */
const INSERT_COLUMNS = Object.entries(getTableColumns(contacts))
  .filter(([key]) => key !== 'callerId')
  .map(([key, col]) => ({ key: key as keyof ContactInsert, name: col.name, type: col.getSQLType() }));

/** The database defaults of a new contact, for columns the service leaves out. */
function contactDefaults(now: Date): Omit<ContactRow, 'id' | 'reference' | 'organisationId' | 'countryCode' | 'status' | 'source' | 'channel' | 'direction' | 'startedAt' | 'taxonomyVersion'> {
  return {
    idempotencyKey: null, externalRef: null, endedAt: null, handleSeconds: null, language: null, callerType: null, callerSector: null, callerAgeBand: null,
    callerGender: null, childAgeBand: null, childGender: null, region: null, categories: [], isThb: false, informationGiven: [], actionsTaken: [],
    consentCallback: false, consentConfidentiality: false, callbackPhoneEnc: null, outcome: null, nonDataType: null, notesEnc: null, searchTerms: [],
    callerId: null, caseId: null, operatorUserId: null, policeNotifiedAt: null, nrmNotifiedAt: null, outOfHours: false, reviewStatus: null,
    reviewComment: null, reviewedBy: null, reviewedAt: null, version: 1, createdAt: now, updatedAt: now, completedAt: null,
  };
}

const AUDIT_COLUMNS = ['at', 'actor_user_id', 'actor_token_id', 'action', 'entity_type', 'entity_id', 'organisation_id', 'country_code', 'request_id', 'details'] as const;
const AUDIT_TYPES = ['timestamptz', 'uuid', 'uuid', 'text', 'text', 'text', 'uuid', 'char(2)', 'text', 'jsonb'] as const;

/**
 * The text of the one-statement insert (built once: the same text every time, so PostgreSQL prepares
 * it once per connection). Parameters: the contact's columns, then caller id and hash and whether
 * there is a caller, then the audit entry's columns.
 */
const INSERT_CONTACT_SQL = (() => {
  const n = INSERT_COLUMNS.length;
  const p = (i: number, type: string) => `$${i}::${type}`;
  const cols = [...INSERT_COLUMNS.map((c) => `"${c.name}"`), 'caller_id'].join(', ');
  const vals = [...INSERT_COLUMNS.map((c, i) => p(i + 1, c.type)), '(SELECT id FROM caller)'].join(', ');
  const col = (name: string) => `$${INSERT_COLUMNS.findIndex((c) => c.name === name) + 1}`;
  const callerBase = n + 1;
  const auditBase = n + 4;
  return `WITH caller AS (
      INSERT INTO callers (id, organisation_id, caller_hash, first_contact_at, last_contact_at)
      SELECT $${callerBase}::uuid, ${col('organisation_id')}::uuid, $${callerBase + 1}::text, ${col('started_at')}::timestamptz, ${col('started_at')}::timestamptz
      WHERE $${callerBase + 2}::boolean
      ON CONFLICT (organisation_id, caller_hash) DO UPDATE SET last_contact_at = greatest(callers.last_contact_at, excluded.last_contact_at)
      RETURNING id
    ), c AS (
      INSERT INTO contacts (${cols}) VALUES (${vals}) ON CONFLICT DO NOTHING
      RETURNING id, caller_id
    ), a AS (
      INSERT INTO audit_log (${AUDIT_COLUMNS.join(', ')})
      SELECT ${AUDIT_COLUMNS.map((_, i) => p(auditBase + i, AUDIT_TYPES[i]!)).join(', ')} FROM c
    )
    SELECT c.id, c.caller_id, (SELECT count(*) FROM contacts p WHERE c.caller_id IS NOT NULL AND p.caller_id = c.caller_id)::int AS previous FROM c`;
})();

/** What the single-statement insert returns. */
export interface InsertedContact {
  row: ContactRow;
  /** Contacts the caller made before this one (0 for a first contact or no caller). */
  previousCallerContacts: number;
}

/**
 * Insert a contact, upsert its caller profile and append its audit entry in ONE prepared statement
 * (one round trip, atomic on its own). Returns undefined when the idempotency key (or external
 * reference) was used already: then nothing is written except the caller's last-contact time.
 */
export async function insertContactWithAudit(
  database: Database,
  input: ContactInsert,
  audit: AuditInput,
  caller: { id: string; callerHash: string } | null,
): Promise<InsertedContact | undefined> {
  const now = new Date();
  const row = { ...contactDefaults(now), ...input } as ContactRow;
  const values: unknown[] = INSERT_COLUMNS.map((c) => toParam(row[c.key]));
  values.push(caller?.id ?? null, caller?.callerHash ?? null, caller !== null);
  const a = toAuditValues(audit);
  values.push(a.at.toISOString(), a.actorUserId, a.actorTokenId, a.action, a.entityType, a.entityId, a.organisationId, a.countryCode, a.requestId, JSON.stringify(a.details));
  const rows = await database.runPrepared<{ id: string; caller_id: string | null; previous: number }>('victor_insert_contact', INSERT_CONTACT_SQL, values);
  const r = rows[0];
  if (!r) return undefined;
  return { row: { ...row, callerId: r.caller_id }, previousCallerContacts: Number(r.previous) };
}

/** A JavaScript value as a driver parameter (dates as ISO text, arrays as PostgreSQL array literals). */
function toParam(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return toArrayLiteral(v as unknown[]);
  return v ?? null;
}

/** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
function toArrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((i) => `"${String(i).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

