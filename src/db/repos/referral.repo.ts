/**
 * Referrals to NRM actors: rows, the receiver's inbox and the sender's list (keyset on created_at, id),
 * and the timeline entries of referrals.
 */
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { caseEvents, cases, directoryEntries, organisations, referrals, users } from '../schema';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;
/** A referral with the case fields a list shows and checks. */
export type ReferralListRow = ReferralRow & { caseInfo: ReferralCaseInfo; caseAssignedUserId: string | null; caseCreatedBy: string | null };
/** What a referral view shows of its case. */
export interface ReferralCaseInfo {
  reference: string;
  concernLevel: string | null;
  forms: string[];
}

const OPEN = ['sent', 'acknowledged', 'accepted'];

/** Insert a referral. */
export async function insertReferral(db: Db, row: ReferralInsert): Promise<ReferralRow> {
  const [created] = await db.insert(referrals).values(row).returning();
  if (!created) throw new Error('referral insert returned nothing');
  return created;
}

/** One referral by id. */
export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  return row;
}

/** Change a referral when its version still matches (version + 1); undefined when it moved on. */
export async function updateReferral(db: Db, id: string, version: number, patch: Partial<ReferralInsert>): Promise<ReferralRow | undefined> {
  const [row] = await db
    .update(referrals)
    .set({ ...patch, updatedAt: new Date(), version: sql`${referrals.version} + 1` })
    .where(and(eq(referrals.id, id), eq(referrals.version, version)))
    .returning();
  return row;
}

/** Mark a referral as changed (a message): bumps updated_at only. */
export async function touchReferral(db: Db, id: string): Promise<void> {
  await db.update(referrals).set({ updatedAt: new Date() }).where(eq(referrals.id, id));
}

/** The referrals of a case, oldest first. */
export async function listCaseReferrals(db: Db, caseId: string): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.createdAt), asc(referrals.id));
}

/** The timeline entries of several referrals, oldest first. */
export async function listEventsOfReferrals(db: Db, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  return db.select().from(caseEvents).where(inArray(caseEvents.referralId, [...referralIds])).orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

/** What a list page asks for. */
export interface ReferralPageQuery {
  statuses?: readonly string[];
  overdue?: boolean;
  limit: number;
  after?: { createdAt: Date; id: string };
  now: Date;
}

function commonFilters(q: ReferralPageQuery): SQL[] {
  const where: SQL[] = [];
  if (q.statuses && q.statuses.length > 0) where.push(inArray(referrals.status, [...q.statuses]));
  if (q.overdue === true) where.push(and(inArray(referrals.status, OPEN), lt(referrals.dueAt, q.now))!);
  if (q.overdue === false) where.push(sql`NOT (${referrals.status} IN ('sent','acknowledged','accepted') AND ${referrals.dueAt} IS NOT NULL AND ${referrals.dueAt} < ${q.now})`);
  if (q.after) where.push(or(lt(referrals.createdAt, q.after.createdAt), and(eq(referrals.createdAt, q.after.createdAt), lt(referrals.id, q.after.id)))!);
  return where;
}

async function selectPage(db: Db, where: SQL[], limit: number): Promise<ReferralListRow[]> {
  const rows = await db
    .select({ r: referrals, reference: cases.reference, concernLevel: cases.concernLevel, forms: cases.forms, caseAssignedUserId: cases.assignedUserId, caseCreatedBy: cases.createdBy })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(...where))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(limit);
  return rows.map((x) => ({ ...x.r, caseInfo: { reference: x.reference, concernLevel: x.concernLevel, forms: x.forms }, caseAssignedUserId: x.caseAssignedUserId, caseCreatedBy: x.caseCreatedBy }));
}

/** Referrals received by these organisations (never drafts), newest first. */
export async function listInboxPage(db: Db, organisationIds: readonly string[], q: ReferralPageQuery): Promise<ReferralListRow[]> {
  if (organisationIds.length === 0) return [];
  const where = [inArray(referrals.receiverOrganisationId, [...organisationIds]), ne(referrals.status, 'draft'), ...commonFilters(q)];
  return selectPage(db, where, q.limit);
}

/** Referrals of cases in the reader's scope (the case's team, country, or cases they own), newest first. */
export async function listSentPage(db: Db, scope: ScopeFilter, q: ReferralPageQuery): Promise<ReferralListRow[]> {
  const where = commonFilters(q);
  if (!scope.all) {
    const any: SQL[] = [];
    if (scope.organisationIds.length > 0) any.push(inArray(referrals.organisationId, scope.organisationIds));
    if (scope.countryCodes.length > 0) any.push(inArray(referrals.countryCode, scope.countryCodes));
    if (scope.ownerUserIds.length > 0) any.push(or(inArray(cases.assignedUserId, scope.ownerUserIds), inArray(cases.createdBy, scope.ownerUserIds))!);
    if (any.length === 0) return [];
    where.push(or(...any)!);
  }
  return selectPage(db, where, q.limit);
}

/** Encode / decode a list cursor (created_at, id of the last row). */
export function encodeReferralCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}
export function decodeReferralCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = at ? new Date(at) : null;
  return createdAt && !Number.isNaN(createdAt.getTime()) && id && /^[0-9a-f-]{36}$/i.test(id) ? { createdAt, id } : null;
}

/** How to reach the referring desk: its organisation, its directory entry's phones and e-mail, and who prepared the referral. */
export async function findSenderContact(db: Db, organisationId: string, userId: string | null) {
  const [org] = await db.select({ name: organisations.name, city: organisations.city }).from(organisations).where(eq(organisations.id, organisationId));
  const [entry] = await db
    .select({ phones: directoryEntries.phones, email: directoryEntries.email })
    .from(directoryEntries)
    .where(and(eq(directoryEntries.organisationId, organisationId), isNull(directoryEntries.archivedAt)))
    .orderBy(sql`CASE WHEN ${directoryEntries.kind} = 'partner_organisation' THEN 0 ELSE 1 END`, asc(directoryEntries.createdAt))
    .limit(1);
  const [user] = userId ? await db.select({ displayName: users.displayName, email: users.email }).from(users).where(eq(users.id, userId)) : [];
  return { name: org?.name ?? '', city: org?.city ?? null, phones: entry?.phones ?? [], email: entry?.email ?? null, preparedBy: user ?? null };
}
