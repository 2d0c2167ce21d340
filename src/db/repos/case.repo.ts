/**
 * Cases: rows, references, contact links and the user names shown beside records.
 * Every query that lists cases is scoped by the caller (see case-list.repo.ts).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { caseReferenceCounters, cases, contacts, organisations, users } from '../schema';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;

/** Insert a case. */
export async function insertCase(db: Db, row: CaseInsert): Promise<CaseRow> {
  const [created] = await db.insert(cases).values(row).returning();
  if (!created) throw new Error('case insert returned nothing');
  return created;
}

/** One case by id. */
export async function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/**
 * Change a case when its version still matches (optimistic concurrency); bumps version, updated_at and
 * last_activity_at. Returns undefined when the version moved on.
 */
export async function updateCase(db: Db, id: string, version: number, patch: Partial<CaseInsert>): Promise<CaseRow | undefined> {
  const now = new Date();
  const [row] = await db
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: now, lastActivityAt: patch.lastActivityAt ?? now })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return row;
}

/** Change a case whatever its version (system-side effects such as timings set by a referral answer). */
export async function patchCase(db: Db, id: string, patch: Partial<CaseInsert>): Promise<CaseRow | undefined> {
  const [row] = await db.update(cases).set({ ...patch, updatedAt: new Date() }).where(eq(cases.id, id)).returning();
  return row;
}

/** The next yearly reference of a country: GR-2026-000001 (counter row locked by the upsert). */
export async function nextCaseReference(db: Db, countryCode: string, year: number): Promise<string> {
  const [row] = await db
    .insert(caseReferenceCounters)
    .values({ countryCode, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [caseReferenceCounters.countryCode, caseReferenceCounters.year], set: { lastNumber: sql`${caseReferenceCounters.lastNumber} + 1` } })
    .returning();
  if (!row) throw new Error('reference counter upsert returned nothing');
  return `${countryCode}-${year}-${String(row.lastNumber).padStart(6, '0')}`;
}

/** Contacts that may be linked: the given ids not yet linked to any case. */
export async function listLinkableContacts(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(contacts).where(inArray(contacts.id, [...ids]));
}

/** Link contacts to a case (only those still unlinked); returns the ids linked. */
export async function linkContacts(db: Db, caseId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.update(contacts).set({ caseId }).where(and(inArray(contacts.id, [...ids]), isNull(contacts.caseId))).returning({ id: contacts.id });
  return rows.map((r) => r.id);
}

/** The contacts of a case, oldest first. */
export async function listCaseContacts(db: Db, caseId: string) {
  return db
    .select({ id: contacts.id, reference: contacts.reference, channel: contacts.channel, startedAt: contacts.startedAt, isThb: contacts.isThb })
    .from(contacts)
    .where(eq(contacts.caseId, caseId))
    .orderBy(contacts.startedAt);
}

/** Display names of users, by id (unknown ids are left out). */
export async function mapUserNames(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Names of organisations, by id. */
export async function mapOrganisationNames(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
