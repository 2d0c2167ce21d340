/**
 * The case list: keyset pages (newest opened first) within the reader's scope, never counted.
 * Each scope branch (an organisation, a country, the reader's own cases, or everything) is read from
 * its own newest-first index with its own LIMIT and the branches are merged, so a reader with several
 * memberships still gets index-ordered scans instead of a sort of everything they may see.
 * The created_by branch of the `own` scope has no index of its own: it walks the newest-first index
 * until it has enough rows (an index on (created_by, opened_at DESC, id DESC) would serve it).
 * Also the small reads the case services need around a page: overdue task counts, person name
 * fields for search terms.
 */
import { and, arrayContains, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import { queryRows, type Db } from '../database';
import { caseAccessGrants, casePersons, caseTasks, cases, handoffs, referrals } from '../schema';

/** Filters of a case list, already resolved by the service (hashed words, "me"). */
export interface CaseListFilter {
  scope: ScopeFilter;
  statuses?: string[];
  priorities?: string[];
  concerns?: string[];
  organisationId?: string;
  countryCode?: string;
  /** A user id, or null for unassigned cases. */
  assignedUserId?: string | null;
  /** An exact case reference. */
  reference?: string;
  /** Every one of these hashed words. */
  terms?: string[];
}

/** The keyset position: opened_at as exact text (microseconds) and the id. */
export interface CaseListCursor {
  openedAt: string;
  id: string;
}

/** What a list row needs (no summary, no consent). */
const LIST_COLUMNS = {
  id: cases.id,
  reference: cases.reference,
  titleEnc: cases.titleEnc,
  status: cases.status,
  priority: cases.priority,
  concernLevel: cases.concernLevel,
  organisationId: cases.organisationId,
  countryCode: cases.countryCode,
  assignedUserId: cases.assignedUserId,
  involvesChild: cases.involvesChild,
  openedAt: cases.openedAt,
  lastActivityAt: cases.lastActivityAt,
  /** opened_at with microseconds, for the cursor (a JS Date keeps only milliseconds). */
  openedAtKey: sql<string>`to_char(${cases.openedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('opened_at_key'),
};

export type CaseListRow = {
  id: string;
  reference: string;
  titleEnc: string;
  status: string;
  priority: string;
  concernLevel: string | null;
  organisationId: string;
  countryCode: string;
  assignedUserId: string | null;
  involvesChild: boolean;
  openedAt: Date;
  lastActivityAt: Date;
  openedAtKey: string;
};

/** The scope as separate branches; `[undefined]` means everything. Empty means nothing. */
function scopeBranches(scope: ScopeFilter): (SQL | undefined)[] {
  if (scope.all) return [undefined];
  const branches: SQL[] = [];
  for (const id of scope.organisationIds) branches.push(eq(cases.organisationId, id));
  for (const code of scope.countryCodes) branches.push(eq(cases.countryCode, code));
  for (const userId of scope.ownerUserIds) {
    branches.push(eq(cases.assignedUserId, userId));
    branches.push(eq(cases.createdBy, userId));
  }
  return branches;
}

/** The non-scope conditions of a list (filters and keyset position). */
function filterConditions(f: CaseListFilter, after?: CaseListCursor): SQL[] {
  const conds: SQL[] = [];
  if (f.statuses?.length) conds.push(inArray(cases.status, f.statuses));
  if (f.priorities?.length) conds.push(inArray(cases.priority, f.priorities));
  if (f.concerns?.length) conds.push(inArray(cases.concernLevel, f.concerns));
  if (f.organisationId) conds.push(eq(cases.organisationId, f.organisationId));
  if (f.countryCode) conds.push(eq(cases.countryCode, f.countryCode));
  if (f.assignedUserId === null) conds.push(isNull(cases.assignedUserId));
  else if (f.assignedUserId) conds.push(eq(cases.assignedUserId, f.assignedUserId));
  if (f.reference) conds.push(eq(cases.reference, f.reference));
  if (f.terms?.length) conds.push(arrayContains(cases.searchTerms, f.terms));
  if (after) conds.push(sql`(${cases.openedAt}, ${cases.id}) < (${after.openedAt}::timestamptz, ${after.id}::uuid)`);
  return conds;
}

/**
 * One page of cases, newest opened first, after the cursor. Pass limit + 1 to learn whether a next
 * page exists. Nothing is counted. The ids come first from the newest-first indexes alone (the common
 * filters are INCLUDEd columns, so rare filter combinations do not visit the table); then the rows.
 */
export async function listCasePage(db: Db, f: CaseListFilter, limit: number, after?: CaseListCursor): Promise<CaseListRow[]> {
  const branches = scopeBranches(f.scope);
  if (branches.length === 0) return [];
  const conds = filterConditions(f, after);
  const order = [desc(cases.openedAt), desc(cases.id)];
  const idsOf = (b: SQL | undefined) => db.select({ id: cases.id, openedAt: cases.openedAt }).from(cases).where(and(b, ...conds)).orderBy(...order).limit(limit);
  let ids: string[];
  if (branches.length === 1) {
    ids = (await idsOf(branches[0])).map((r) => r.id);
  } else {
    // Several branches: the newest `limit` ids of each (index-ordered), merged.
    const parts = branches.map((b) => sql`(${idsOf(b)})`);
    ids = (await queryRows<{ id: string }>(db, sql`SELECT id FROM (${sql.join(parts, sql` UNION `)}) AS page ORDER BY opened_at DESC, id DESC LIMIT ${limit}`)).map((r) => r.id);
  }
  if (ids.length === 0) return [];
  return db.select(LIST_COLUMNS).from(cases).where(inArray(cases.id, ids)).orderBy(...order);
}

/** Open tasks past their due time, per case of the page. */
export async function countOverdueTasks(db: Db, caseIds: readonly string[], now: Date): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({ caseId: caseTasks.caseId, n: sql<number>`count(*)::int` })
    .from(caseTasks)
    .where(and(inArray(caseTasks.caseId, [...caseIds]), isNull(caseTasks.doneAt), lt(caseTasks.dueAt, now)))
    .groupBy(caseTasks.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}

/** The encrypted name fields of every person of a case (for search terms). */
export async function listPersonNameFields(db: Db, caseId: string) {
  return db
    .select({ id: casePersons.id, givenNameEnc: casePersons.givenNameEnc, familyNameEnc: casePersons.familyNameEnc, aliasEnc: casePersons.aliasEnc })
    .from(casePersons)
    .where(eq(casePersons.caseId, caseId))
    .orderBy(asc(casePersons.createdAt));
}

/** Replace a case's search terms (does not bump its version). */
export async function setCaseSearchTerms(db: Db, caseId: string, terms: string[]): Promise<void> {
  await db.update(cases).set({ searchTerms: terms }).where(eq(cases.id, caseId));
}

/** Cases by id with what is needed to decide access and show a link (for linked cases). */
export async function findCasesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(cases).where(inArray(cases.id, [...ids]));
}

// ---- small reads around the case page ----

/** Ids of the referrals of a case, oldest first. */
export async function listReferralIdsOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.select({ id: referrals.id }).from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.createdAt), asc(referrals.id));
  return rows.map((r) => r.id);
}

/** Hand-offs from or to a case, with the other side's case id (null while not yet accepted). */
export async function listHandoffLinksOfCase(db: Db, caseId: string) {
  return db
    .select({ id: handoffs.id, fromCaseId: handoffs.fromCaseId, toCaseId: handoffs.toCaseId, requestedAt: handoffs.requestedAt })
    .from(handoffs)
    .where(or(eq(handoffs.fromCaseId, caseId), eq(handoffs.toCaseId, caseId)))
    .orderBy(asc(handoffs.requestedAt));
}

/** Break-glass grants by id (for the "who viewed" panel). */
export async function findGrantsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(caseAccessGrants).where(inArray(caseAccessGrants.id, [...ids]));
}
