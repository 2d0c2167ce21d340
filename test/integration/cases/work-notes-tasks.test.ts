import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView, TaskView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let grA: OrganisationRow;
let grB: OrganisationRow;
let ro: OrganisationRow;
let manager: TestClient;
let managerId: string;
let colleagueId: string;
let operator: TestClient;
let operatorId: string;
let coordinator: TestClient;
let managerB: TestClient;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
type TaskList = { items: TaskView[]; overdueCount: number };

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  grA = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  grB = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: grA.id });
  manager = m.client;
  managerId = m.user.id;
  colleagueId = (await makeUser(t.ctx, { role: 'case_manager', organisationId: grA.id })).id;
  const o = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: grA.id });
  operator = o.client;
  operatorId = o.user.id;
  coordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: grB.id })).client;
  managerB = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: grB.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('notes', () => {
  it('adds an encrypted note with a timeline entry holding only its id', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: grA.id });
    const note = ok<NoteView>(await manager.post(`/api/cases/${c.id}/notes`, { body: 'The aunt called back; the girl is safe tonight.' }));
    expect(note).toMatchObject({ body: 'The aunt called back; the girl is safe tonight.', author: { id: managerId } });
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_notes WHERE id = ${note.id}`);
    expect(JSON.stringify(raw)).not.toContain('aunt');
    const evs = await queryRows<{ kind: string; data: unknown }>(t.ctx.database.db, sql`SELECT kind, data FROM case_events WHERE case_id = ${c.id}`);
    expect(evs).toEqual([{ kind: 'note_added', data: { noteId: note.id } }]);
    expect(await auditOf(t.ctx, 'case.note_added', c.id)).toHaveLength(1);
    expect(outcome(await manager.post(`/api/cases/${c.id}/notes`, { body: '   ' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operator.post(`/api/cases/${c.id}/notes`, { body: 'x' }))).toBe('403 FORBIDDEN');
  });
});

describe('tasks', () => {
  let overdue: TaskView;
  let later: TaskView;
  let caseA: string;

  it('adds tasks, defaulting the assignee to the case manager, and checks assignees', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: grA.id, assignedUserId: managerId });
    caseA = c.id;
    later = ok<TaskView>(await manager.post(`/api/cases/${c.id}/tasks`, { title: 'Call the school', dueAt: hours(48) }));
    expect(later).toMatchObject({ caseId: c.id, caseReference: c.reference, kind: 'task', title: 'Call the school', assignee: { id: managerId }, overdue: false, doneAt: null, version: 1 });
    overdue = ok<TaskView>(await manager.post(`/api/cases/${c.id}/tasks`, { kind: 'follow_up', title: 'Follow up with shelter', dueAt: hours(-5) }));
    expect(overdue.overdue).toBe(true);
    const forColleague = ok<TaskView>(await manager.post(`/api/cases/${c.id}/tasks`, { title: 'Visit', dueAt: hours(-1), assigneeUserId: colleagueId }));
    expect(forColleague.assignee?.id).toBe(colleagueId);
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_tasks WHERE id = ${later.id}`);
    expect(JSON.stringify(raw)).not.toContain('school');
    expect(raw!.organisation_id).toBe(grA.id);
    expect(outcome(await manager.post(`/api/cases/${c.id}/tasks`, { title: 'x', dueAt: hours(1), assigneeUserId: operatorId }))).toBe('400 VALIDATION_FAILED');
    const outsider = await makeUser(t.ctx, { role: 'case_manager', organisationId: grB.id });
    expect(outcome(await manager.post(`/api/cases/${c.id}/tasks`, { title: 'x', dueAt: hours(1), assigneeUserId: outsider.id }))).toBe('400 VALIDATION_FAILED');
  });

  it('lists my open tasks and my team’s, overdue first', async () => {
    const bCase = await makeCaseRow(t.ctx, { organisationId: grB.id });
    ok(await managerB.post(`/api/cases/${bCase.id}/tasks`, { title: 'B task', dueAt: hours(-2) }));
    const roCase = await makeCaseRow(t.ctx, { organisationId: ro.id, countryCode: 'RO' });
    await queryRows(t.ctx.database.db, sql`INSERT INTO case_tasks (id, case_id, organisation_id, kind, title_enc, due_at) VALUES (gen_random_uuid(), ${roCase.id}, ${ro.id}, 'task', 'x', now() - interval '1 day')`);

    const mine = ok<TaskList>(await manager.get('/api/tasks'));
    expect(mine.items.map((i) => i.title)).toEqual(['Follow up with shelter', 'Call the school']);
    expect(mine.overdueCount).toBe(1);
    const team = ok<TaskList>(await manager.get('/api/tasks?scope=team'));
    expect(team.items.map((i) => i.title)).toEqual(['Follow up with shelter', 'Visit', 'Call the school']);
    expect(team.overdueCount).toBe(2);
    expect(ok<TaskList>(await manager.get('/api/tasks?scope=team&overdue=true')).items).toHaveLength(2);
    expect(ok<TaskList>(await manager.get('/api/tasks?scope=team&overdue=false')).items.map((i) => i.title)).toEqual(['Call the school']);
    const country = ok<TaskList>(await coordinator.get('/api/tasks?scope=team'));
    expect(country.items.map((i) => i.title).sort()).toEqual(['B task', 'Call the school', 'Follow up with shelter', 'Visit']);
    expect(country.overdueCount).toBe(3);
    expect(outcome(await operator.get('/api/tasks'))).toBe('403 FORBIDDEN');
  });

  it('marks done and reopens with timeline entries; stale versions refused', async () => {
    const done = ok<TaskView>(await manager.patch(`/api/cases/${caseA}/tasks/${overdue.id}`, { done: true, version: 1 }));
    expect(done).toMatchObject({ overdue: false, doneBy: { id: managerId }, version: 2 });
    expect(done.doneAt).not.toBeNull();
    expect(ok<TaskList>(await manager.get('/api/tasks')).items.map((i) => i.id)).toEqual([later.id]);
    expect(outcome(await manager.patch(`/api/cases/${caseA}/tasks/${overdue.id}`, { done: false, version: 1 }))).toBe('409 RECORD_VERSION_CONFLICT');
    const reopened = ok<TaskView>(await manager.patch(`/api/cases/${caseA}/tasks/${overdue.id}`, { done: false, dueAt: hours(24), title: 'Follow up again', version: 2 }));
    expect(reopened).toMatchObject({ doneAt: null, doneBy: null, overdue: false, title: 'Follow up again', version: 3 });
    const kinds = await queryRows<{ kind: string }>(t.ctx.database.db, sql`SELECT kind FROM case_events WHERE case_id = ${caseA} ORDER BY id`);
    expect(kinds.map((k) => k.kind)).toEqual(['task_added', 'task_added', 'task_added', 'task_done', 'task_reopened']);
    expect(outcome(await manager.patch(`/api/cases/${caseA}/tasks/00000000-0000-4000-8000-000000000000`, { done: true, version: 1 }))).toBe('404 TASK_NOT_FOUND');
    expect(outcome(await managerB.patch(`/api/cases/${caseA}/tasks/${later.id}`, { done: true, version: 1 }))).toBe('403 CASE_ACCESS_DENIED');
  });
});
