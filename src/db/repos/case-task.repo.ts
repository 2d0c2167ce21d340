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

/** How many open tasks of a selector are past due. */
export async function countOverdueTasks(db: Db, sel: OpenTaskSelector, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(and(isNull(caseTasks.doneAt), selectorCondition(sel), lt(caseTasks.dueAt, now)));
  return Number(row?.n ?? 0);
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
