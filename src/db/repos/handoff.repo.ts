/**
 * Cross-border hand-offs between country desks: rows, the inbox / sent pages (scoped by the caller) and
 * the desks a hand-off may go to.
 */
import { and, asc, desc, eq, exists, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { cases, handoffs, memberships, organisations } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;
export type HandoffInsert = typeof handoffs.$inferInsert;

/** Insert a hand-off. */
export async function insertHandoff(db: Db, row: HandoffInsert): Promise<HandoffRow> {
  const [created] = await db.insert(handoffs).values(row).returning();
  if (!created) throw new Error('handoff insert returned nothing');
  return created;
}

/** One hand-off by id. */
export async function findHandoffById(db: Db, id: string): Promise<HandoffRow | undefined> {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id));
  return row;
}

/** Change a hand-off when its version still matches; returns undefined when the version moved on. */
export async function updateHandoff(db: Db, id: string, version: number, patch: Partial<HandoffInsert>): Promise<HandoffRow | undefined> {
  const [row] = await db
    .update(handoffs)
    .set({ ...patch, version: sql`${handoffs.version} + 1` })
    .where(and(eq(handoffs.id, id), eq(handoffs.version, version)))
    .returning();
  return row;
}

/** Hand-offs of a case: sent from it, or received into it (accepted ones), newest first. */
export async function listHandoffsOfCase(db: Db, caseId: string): Promise<HandoffRow[]> {
  return db
    .select()
    .from(handoffs)
    .where(or(eq(handoffs.fromCaseId, caseId), eq(handoffs.toCaseId, caseId)))
    .orderBy(desc(handoffs.requestedAt), desc(handoffs.id));
}

/** References of cases, by id. */
export async function mapCaseReferences(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: cases.id, reference: cases.reference }).from(cases).where(inArray(cases.id, wanted));
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** A page of hand-offs for one side (inbox: received by the scope; sent: sent from the scope). */
export interface HandoffPageQuery {
  box: 'inbox' | 'sent';
  scope: ScopeFilter;
  status?: string;
  limit: number;
  after?: { requestedAt: Date; id: string };
}

function sideCondition(box: 'inbox' | 'sent', scope: ScopeFilter): SQL | undefined {
  if (scope.all) return undefined;
  const org = box === 'inbox' ? handoffs.toOrganisationId : handoffs.fromOrganisationId;
  const country = box === 'inbox' ? handoffs.toCountryCode : handoffs.fromCountryCode;
  const linkedCase = box === 'inbox' ? handoffs.toCaseId : handoffs.fromCaseId;
  const parts: SQL[] = [sql`false`];
  if (scope.organisationIds.length) parts.push(inArray(org, scope.organisationIds));
  if (scope.countryCodes.length) parts.push(inArray(country, scope.countryCodes));
  if (scope.ownerUserIds.length) {
    parts.push(sql`exists (${ownedCaseSelect(linkedCase, scope.ownerUserIds)})`);
  }
  return or(...parts);
}

// A correlated "the linked case is assigned to / created by one of these users" sub-select.
function ownedCaseSelect(linkedCase: typeof handoffs.toCaseId | typeof handoffs.fromCaseId, owners: string[]): SQL {
  return sql`select 1 from ${cases} where ${cases.id} = ${linkedCase} and (${inArray(cases.assignedUserId, owners)} or ${inArray(cases.createdBy, owners)})`;
}

/** One page of hand-offs, newest first, after the (requested_at, id) cursor. */
export async function listHandoffPage(db: Db, q: HandoffPageQuery): Promise<HandoffRow[]> {
  const conds: (SQL | undefined)[] = [sideCondition(q.box, q.scope)];
  if (q.status) conds.push(eq(handoffs.status, q.status));
  if (q.after) conds.push(sql`(${handoffs.requestedAt}, ${handoffs.id}) < (${q.after.requestedAt.toISOString()}::timestamptz, ${q.after.id}::uuid)`);
  return db
    .select()
    .from(handoffs)
    .where(and(...conds))
    .orderBy(desc(handoffs.requestedAt), desc(handoffs.id))
    .limit(q.limit);
}

/** An organisation that may receive hand-offs. */
export interface HandoffDeskRow {
  organisationId: string;
  name: string;
  countryCode: string;
  city: string | null;
}

/**
 * Active organisations with at least one member holding one of `caseRoles` (roles that work cases),
 * optionally outside one country; by country then name.
 */
export async function listHandoffDesks(db: Db, caseRoles: readonly string[], exceptCountry?: string, organisationId?: string): Promise<HandoffDeskRow[]> {
  if (caseRoles.length === 0) return [];
  const worksCases = exists(
    db
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisations.id), inArray(memberships.role, [...caseRoles]))),
  );
  const conds: (SQL | undefined)[] = [isNull(organisations.archivedAt), worksCases];
  if (exceptCountry) conds.push(ne(organisations.countryCode, exceptCountry));
  if (organisationId) conds.push(eq(organisations.id, organisationId));
  return db
    .select({ organisationId: organisations.id, name: organisations.name, countryCode: organisations.countryCode, city: organisations.city })
    .from(organisations)
    .where(and(...conds))
    .orderBy(asc(organisations.countryCode), asc(organisations.name));
}

/** Cases by id (the linked cases of a page of hand-offs). */
export async function listCasesByIds(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, typeof cases.$inferSelect>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(cases).where(inArray(cases.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}
