/**
 * Missing-child reports (one per case of kind missing_child), the desk's list (keyset on the case's
 * opened_at and id, scope in SQL, never counted) and a read-only look at the case's child alerts.
 */
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { alerts, casePersons, cases, missingChildReports, organisations } from '../schema';

export type MissingReportRow = typeof missingChildReports.$inferSelect;
export type MissingReportInsert = typeof missingChildReports.$inferInsert;

/** Insert the report of a new missing-child case. */
export async function insertMissingReport(db: Db, row: MissingReportInsert): Promise<MissingReportRow> {
  const [inserted] = await db.insert(missingChildReports).values(row).returning();
  return inserted!;
}

/** The report of a case. */
export async function findMissingReport(db: Db, caseId: string): Promise<MissingReportRow | undefined> {
  const [row] = await db.select().from(missingChildReports).where(eq(missingChildReports.caseId, caseId)).limit(1);
  return row;
}

/** Change a report at a version (undefined when the version moved on); bumps version and updated_at. */
export async function updateMissingReport(db: Db, caseId: string, version: number, patch: Partial<MissingReportInsert>): Promise<MissingReportRow | undefined> {
  const [row] = await db
    .update(missingChildReports)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(missingChildReports.caseId, caseId), eq(missingChildReports.version, version)))
    .returning();
  return row;
}

/** Child alerts linked to a case (read-only; the alert console owns them), newest first. */
export async function listAlertsOfCase(db: Db, caseId: string) {
  return db
    .select({ id: alerts.id, reference: alerts.reference, tier: alerts.tier, status: alerts.status })
    .from(alerts)
    .where(eq(alerts.caseId, caseId))
    .orderBy(desc(alerts.createdAt), desc(alerts.id));
}

/** Filters of the missing-child list, resolved by the service. */
export interface MissingListFilter {
  scope: ScopeFilter;
  status?: string;
  type?: string;
  countryCode?: string;
  reference?: string;
}

/** Keyset position: the case's opened_at as exact text and its id. */
export interface MissingListCursor {
  openedAt: string;
  id: string;
}

function scopeCondition(scope: ScopeFilter): SQL | undefined | null {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.organisationIds.length) parts.push(inArray(cases.organisationId, scope.organisationIds));
  if (scope.countryCodes.length) parts.push(inArray(cases.countryCode, scope.countryCodes));
  for (const userId of scope.ownerUserIds) parts.push(or(eq(cases.assignedUserId, userId), eq(cases.createdBy, userId))!);
  return parts.length === 0 ? null : or(...parts);
}

/** One page of missing-child cases the scope reaches, newest opened first (pass limit + 1). */
export async function listMissingPage(db: Db, f: MissingListFilter, limit: number, after?: MissingListCursor) {
  const scope = scopeCondition(f.scope);
  if (scope === null) return [];
  const conds: (SQL | undefined)[] = [eq(cases.kind, 'missing_child'), scope];
  if (f.status) conds.push(eq(missingChildReports.missingStatus, f.status));
  if (f.type) conds.push(eq(missingChildReports.missingType, f.type));
  if (f.countryCode) conds.push(eq(cases.countryCode, f.countryCode));
  if (f.reference) conds.push(eq(cases.reference, f.reference));
  if (after) conds.push(sql`(${cases.openedAt}, ${cases.id}) < (${after.openedAt}::timestamptz, ${after.id}::uuid)`);
  return db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      countryCode: cases.countryCode,
      organisationName: organisations.name,
      priority: cases.priority,
      assignedUserId: cases.assignedUserId,
      openedAt: cases.openedAt,
      openedAtKey: sql<string>`to_char(${cases.openedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('opened_at_key'),
      missingType: missingChildReports.missingType,
      missingStatus: missingChildReports.missingStatus,
      lastSeenAt: missingChildReports.lastSeenAt,
      lastSeenCountry: missingChildReports.lastSeenCountry,
      reportedPolice: missingChildReports.reportedPolice,
      reportedInterpol: missingChildReports.reportedInterpol,
      reportedSis: missingChildReports.reportedSis,
      suspectedCountries: missingChildReports.suspectedCountries,
      foundAt: missingChildReports.foundAt,
      foundOutcome: missingChildReports.foundOutcome,
      ageYears: casePersons.ageYears,
      ageBand: casePersons.ageBand,
      gender: casePersons.gender,
    })
    .from(cases)
    .innerJoin(missingChildReports, eq(missingChildReports.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(casePersons, eq(casePersons.id, missingChildReports.personId))
    .where(and(...conds))
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(limit);
}
export type MissingListRow = Awaited<ReturnType<typeof listMissingPage>>[number];
