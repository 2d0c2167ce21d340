/**
 * Tasks and follow-ups with due dates: on the case page, and as open-task lists per user ("mine") and
 * team ("team": the organisations, countries or region where the user works cases), overdue first.
 */
import { randomUUID } from 'node:crypto';
import type { TaskInput, TaskUpdateInput, TaskView } from '../api/cases.schemas';
import { ROLE_PERMISSIONS, type Role } from '../domain/access/roles';
import { buildScopeFilter } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as repo from '../db/repos/case-task.repo';
import { guardCaseAccess, loadCaseWithAccess, openField, sealField } from './case-access';
import { userRef } from './case-screening.service';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

const TITLE = 'case_tasks.title';

/** Present a task (decrypts the title). */
export function presentTask(ctx: ServiceContext, row: repo.CaseTaskRow, caseReference: string, names: ReadonlyMap<string, string>, now = new Date()): TaskView {
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference,
    kind: row.kind as TaskView['kind'],
    title: openField(ctx, TITLE, row.id, row.titleEnc) ?? '',
    assignee: userRef(names, row.assigneeUserId),
    dueAt: row.dueAt.toISOString(),
    overdue: row.doneAt === null && row.dueAt.getTime() < now.getTime(),
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: userRef(names, row.doneBy),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** Refuse an assignee who is not an active member of the case's team with cases.write. */
async function assertAssignable(tx: Db, userId: string, organisationId: string): Promise<void> {
  const roles = await repo.listActiveMemberRoles(tx, userId, organisationId);
  if (!roles.some((r) => ROLE_PERMISSIONS[r as Role]?.includes('cases.write'))) {
    throw new AppError('VALIDATION_FAILED', 'The assignee must work cases in the case’s team.', { issues: [{ path: 'assigneeUserId', message: 'not a case worker of this team' }] });
  }
}

async function presentOne(tx: Db, ctx: ServiceContext, row: repo.CaseTaskRow, reference: string): Promise<TaskView> {
  return presentTask(ctx, row, reference, await caseRepo.mapUserNames(tx, [row.assigneeUserId, row.doneBy]));
}

/** Add a task or follow-up to a case (cases.write); the assignee defaults to the case manager. */
export async function addTask(ctx: ServiceContext, actor: Actor, caseId: string, input: TaskInput): Promise<TaskView> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const assignee = input.assigneeUserId === undefined ? c.assignedUserId : input.assigneeUserId;
    if (assignee && input.assigneeUserId !== undefined) await assertAssignable(tx, assignee, c.organisationId);
    const id = randomUUID();
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertTask(tx, {
      id,
      caseId: c.id,
      organisationId: c.organisationId,
      kind: input.kind,
      titleEnc: sealField(ctx, TITLE, id, input.title) ?? '',
      assigneeUserId: assignee,
      dueAt: new Date(input.dueAt),
      createdBy: userId,
      createdAt: new Date(),
    });
    await appendCaseEvent(tx, { caseId: c.id, kind: 'task_added', actorUserId: userId, data: { taskId: id, kind: input.kind, dueAt: row.dueAt.toISOString() } });
    await recordAudit(tx, actor, { action: 'case.task_added', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { taskId: id } });
    return presentOne(tx, ctx, row, c.reference);
  });
}

/** Change a task: mark done or reopen, retitle, move the due time, reassign (optimistic version). */
export async function updateTask(ctx: ServiceContext, actor: Actor, caseId: string, taskId: string, input: TaskUpdateInput): Promise<TaskView> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const current = await repo.findTask(tx, c.id, taskId);
    if (!current) throw new AppError('TASK_NOT_FOUND', 'No such task in this case.');
    const userId = actor.principal?.userId ?? null;
    const patch: Partial<repo.CaseTaskInsert> = {};
    if (input.title !== undefined) patch.titleEnc = sealField(ctx, TITLE, current.id, input.title) ?? '';
    if (input.dueAt !== undefined) patch.dueAt = new Date(input.dueAt);
    if (input.assigneeUserId !== undefined) {
      if (input.assigneeUserId) await assertAssignable(tx, input.assigneeUserId, c.organisationId);
      patch.assigneeUserId = input.assigneeUserId;
    }
    const wasDone = current.doneAt !== null;
    if (input.done === true && !wasDone) Object.assign(patch, { doneAt: new Date(), doneBy: userId });
    if (input.done === false && wasDone) Object.assign(patch, { doneAt: null, doneBy: null });
    const updated = await repo.updateTask(tx, c.id, current.id, input.version, patch);
    if (!updated) throw new AppError('RECORD_VERSION_CONFLICT', 'This task was changed by someone else. Reload and try again.');
    const kind = input.done === true && !wasDone ? 'task_done' : input.done === false && wasDone ? 'task_reopened' : null;
    if (kind) await appendCaseEvent(tx, { caseId: c.id, kind, actorUserId: userId, data: { taskId: current.id } });
    const changed = Object.keys(patch).filter((k) => k !== 'doneBy').map((k) => (k === 'titleEnc' ? 'title' : k));
    await recordAudit(tx, actor, { action: kind ? `case.${kind}` : 'case.task_changed', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { taskId: current.id, changed } });
    return presentOne(tx, ctx, updated, c.reference);
  });
}

/**
 * Open tasks: assigned to me, or of my team(s) within my cases.write scope; overdue first. The overdue
 * count is exact for "mine" and team scopes; for country / region / own scopes it stops at
 * OVERDUE_COUNT_CAP (overdueCapped: "that many or more").
 */
export async function listTasks(ctx: ServiceContext, actor: Actor, query: { scope: 'mine' | 'team'; overdue?: boolean; limit: number }): Promise<{ items: TaskView[]; overdueCount: number; overdueCapped: boolean }> {
  requirePermission(actor, 'cases.write');
  const principal = actor.principal;
  if (!principal) throw new AppError('FORBIDDEN', 'Sign in to see tasks.');
  const sel: repo.OpenTaskSelector = query.scope === 'mine' ? { kind: 'assignee', userId: principal.userId } : { kind: 'scope', filter: buildScopeFilter(principal, 'cases.write') };
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    const rows = await repo.listOpenTasks(tx, sel, now, query.limit, query.overdue);
    const overdue = await repo.countOverdueTasks(tx, sel, now);
    const names = await caseRepo.mapUserNames(tx, rows.flatMap((r) => [r.assigneeUserId, r.doneBy]));
    return { items: rows.map((r) => presentTask(ctx, r, r.caseReference, names, now)), overdueCount: overdue.n, overdueCapped: overdue.capped };
  });
}
