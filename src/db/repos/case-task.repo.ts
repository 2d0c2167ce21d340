/**
 * Tasks and follow-ups of cases (case_tasks); titles are ciphertext sealed by the service. Open-task
 * lists use the partial indexes on (assignee_user_id, due_at) and (organisation_id, due_at).
 */
import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { caseTasks, cases, memberships, users } from '../schema';

export type CaseTaskRow = typeof caseTasks.$inferSelect;
export type CaseTaskInsert = typeof caseTasks.$inferInsert;
export type CaseTaskWithReference = CaseTaskRow & { caseReference: string };

/** Insert a task. */
export async function insertTask(db: Db, row: CaseTaskInsert): Promise<CaseTaskRow> {
  const [created] = await db.insert(caseTasks).values(row).returning();
  if (!created) throw new Error('task insert returned nothing');
  return created;
}

/** One task of one case. */
export async function findTask(db: Db, caseId: string, taskId: string): Promise<CaseTaskRow | undefined> {
  const [row] = await db.select().from(caseTasks).where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.id, taskId)));
  return row;
}

/** Change a task when the version still matches; undefined when it moved on. */
export async function updateTask(db: Db, caseId: string, taskId: string, version: number, patch: Partial<CaseTaskInsert>): Promise<CaseTaskRow | undefined> {
  const [row] = await db
    .update(caseTasks)
    .set({ ...patch, version: sql`${caseTasks.version} + 1` })
    .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.id, taskId), eq(caseTasks.version, version)))
    .returning();
  return row;
}

/** The tasks of a case: open ones by due time, then done ones. */
export async function listCaseTasks(db: Db, caseId: string): Promise<CaseTaskRow[]> {
  return db
    .select()
    .from(caseTasks)
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(sql`${caseTasks.doneAt} IS NOT NULL`, asc(caseTasks.dueAt), asc(caseTasks.id));
}

/** Which open tasks a list covers: assigned to a user, or within a scope (team, country, region). */
export type OpenTaskSelector = { kind: 'assignee'; userId: string } | { kind: 'scope'; filter: ScopeFilter };

function selectorCondition(sel: OpenTaskSelector): SQL | undefined {
  if (sel.kind === 'assignee') return eq(caseTasks.assigneeUserId, sel.userId);
  const f = sel.filter;
  if (f.all) return undefined;
  const parts: SQL[] = [];
  if (f.organisationIds.length) parts.push(inArray(caseTasks.organisationId, f.organisationIds));
  if (f.countryCodes.length) parts.push(inArray(cases.countryCode, f.countryCodes));
  if (f.ownerUserIds.length) parts.push(inArray(cases.assignedUserId, f.ownerUserIds), inArray(cases.createdBy, f.ownerUserIds));
  return parts.length ? or(...parts) : sql`false`;
}

/** Open tasks of a selector, by due time (overdue first); optionally only (not) overdue ones. */
export async function listOpenTasks(db: Db, sel: OpenTaskSelector, now: Date, limit: number, overdue?: boolean): Promise<CaseTaskWithReference[]> {
  const due = overdue === undefined ? undefined : overdue ? lt(caseTasks.dueAt, now) : gte(caseTasks.dueAt, now);
  const rows = await db
    .select({ task: caseTasks, caseReference: cases.reference })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(and(isNull(caseTasks.doneAt), selectorCondition(sel), due))
    .orderBy(asc(caseTasks.dueAt), asc(caseTasks.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.task, caseReference: r.caseReference }));
}

/** Above this many overdue tasks, a count that needs the cases table stops (the answer reads "1000 or more"). */
export const OVERDUE_COUNT_CAP = 1000;

/** The number of overdue open tasks of a selector; `capped` when counting stopped at OVERDUE_COUNT_CAP. */
export interface OverdueCount {
  n: number;
  capped: boolean;
}

/**
 * How many open tasks of a selector are past due. Assignee and team (organisation) selectors count
 * case_tasks alone (index-only on the partial due indexes, exact); selectors by country or case owner
 * need the cases table and stop at OVERDUE_COUNT_CAP rows (never a count over the whole table).
 */
export async function countOverdueTasks(db: Db, sel: OpenTaskSelector, now: Date): Promise<OverdueCount> {
  const overdue = and(isNull(caseTasks.doneAt), lt(caseTasks.dueAt, now));
  const f = sel.kind === 'scope' ? sel.filter : null;
  if (!f || (!f.all && f.countryCodes.length === 0 && f.ownerUserIds.length === 0)) {
    if (f && f.organisationIds.length === 0) return { n: 0, capped: false };
    const [row] = await db
      .select({ n: count() })
      .from(caseTasks)
      .where(and(overdue, sel.kind === 'assignee' ? eq(caseTasks.assigneeUserId, sel.userId) : inArray(caseTasks.organisationId, f!.organisationIds)));
    return { n: Number(row?.n ?? 0), capped: false };
  }
  const firstRows = db
    .select({ one: sql`1` })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(and(overdue, selectorCondition(sel)))
    .limit(OVERDUE_COUNT_CAP)
    .as('t');
  const [row] = await db.select({ n: count() }).from(firstRows);
  const n = Number(row?.n ?? 0);
  return { n, capped: n >= OVERDUE_COUNT_CAP };
}

/** The roles an active user holds in an organisation (to check a task's assignee). */
export async function listActiveMemberRoles(db: Db, userId: string, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(users.status, 'active')));
  return rows.map((r) => r.role);
}
