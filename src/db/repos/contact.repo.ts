import { and, arrayContains, arrayOverlaps, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import { queryRows, type Db } from '../database';
import type { AuditInput } from './audit.repo';
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
  const inner = db.select({ one: sql`1` }).from(contacts).where(where).limit(cap);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner.as('matching'));
  return Number(row?.n ?? 0);
}

/** Columns of `contacts` in insert order, with their drizzle keys. */
const INSERT_COLUMNS = Object.entries(getTableColumns(contacts)).map(([key, col]) => ({ key: key as keyof ContactInsert, name: col.name }));

/** What the single-statement insert returns. */
export interface InsertedContact {
  id: string;
  callerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Contacts the caller made before this one (0 for a first contact or no caller). */
  previousCallerContacts: number;
}

/**
 * Insert a contact, upsert its caller profile and append its audit entry in ONE statement (one
 * round trip, atomic on its own). Returns undefined when the idempotency key (or external
 * reference) was used already: then nothing is written except the caller's last-contact time.
 */
export async function insertContactWithAudit(
  db: Db,
  row: ContactInsert,
  audit: AuditInput,
  caller: { id: string; callerHash: string } | null,
): Promise<InsertedContact | undefined> {
  const values = INSERT_COLUMNS.filter((c) => c.key !== 'callerId' && row[c.key] !== undefined);
  const colList = sql.join([...values.map((c) => sql.identifier(c.name)), sql.identifier('caller_id')], sql`, `);
  const valList = sql.join([...values.map((c) => toParam(row[c.key])), sql`(SELECT id FROM caller)`], sql`, `);
  const a = auditValues(audit);
  const rows = await queryRows<{ id: string; caller_id: string | null; version: number; created_at: string | Date; updated_at: string | Date; previous: number }>(
    db,
    sql`WITH caller AS (
          INSERT INTO callers (id, organisation_id, caller_hash, first_contact_at, last_contact_at)
          SELECT ${caller?.id ?? null}::uuid, ${row.organisationId}::uuid, ${caller?.callerHash ?? null}, ${toParam(row.startedAt)}, ${toParam(row.startedAt)}
          WHERE ${caller !== null}::boolean
          ON CONFLICT (organisation_id, caller_hash) DO UPDATE SET last_contact_at = greatest(callers.last_contact_at, excluded.last_contact_at)
          RETURNING id
        ), c AS (
          INSERT INTO contacts (${colList}) VALUES (${valList}) ON CONFLICT DO NOTHING
          RETURNING id, caller_id, version, created_at, updated_at
        ), a AS (
          INSERT INTO audit_log (at, actor_user_id, actor_token_id, action, entity_type, entity_id, organisation_id, country_code, request_id, details)
          SELECT ${a.at}::timestamptz, ${a.actorUserId}::uuid, ${a.actorTokenId}::uuid, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.organisationId}::uuid, ${a.countryCode}, ${a.requestId}, ${a.details}::jsonb FROM c
        )
        SELECT c.id, c.caller_id, c.version, c.created_at, c.updated_at,
               (SELECT count(*) FROM contacts p WHERE c.caller_id IS NOT NULL AND p.caller_id = c.caller_id)::int AS previous
        FROM c`,
  );
  const r = rows[0];
  if (!r) return undefined;
  return { id: r.id, callerId: r.caller_id, version: Number(r.version), createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), previousCallerContacts: Number(r.previous) };
}

/** A JavaScript value as a query parameter (dates as ISO text, arrays as PostgreSQL arrays). */
function toParam(v: unknown): SQL {
  if (v instanceof Date) return sql`${v.toISOString()}::timestamptz`;
  if (Array.isArray(v)) return sql`${toArrayLiteral(v as unknown[])}::text[]`;
  return sql`${v ?? null}`;
}

/** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
function toArrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((i) => `"${String(i).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** An audit entry's column values, normalised exactly as appendAuditEntry does. */
function auditValues(input: AuditInput) {
  return {
    at: new Date(Date.now()).toISOString(),
    actorUserId: input.actorUserId ?? null,
    actorTokenId: input.actorTokenId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    organisationId: input.organisationId ?? null,
    countryCode: input.countryCode ?? null,
    requestId: input.requestId ?? null,
    details: JSON.stringify(input.details ?? {}),
  };
}
