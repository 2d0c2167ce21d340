import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, TimelineEntry } from '../../../src/api/cases.schemas';
import { appendCaseEvent } from '../../../src/db/repos/case-event.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let manager: TestClient;
let managerId: string;
let operator: TestClient;
let operatorId: string;
let outsider: TestClient;
let outsiderId: string;
let liaison: TestClient;
let liaisonId: string;
let c: CaseView;

type Viewers = { items: { user: { id: string } | null; at: string; action: string; via: string; reason: string | null }[]; nextCursor: string | null };
type TimelinePage = { items: TimelineEntry[]; nextCursor: string | null };
const REASON = 'Child reported missing in our country; the police asked us to check this file.';

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const other = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id });
  manager = m.client;
  managerId = m.user.id;
  const o = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id });
  operator = o.client;
  operatorId = o.user.id;
  const x = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: other.id });
  outsider = x.client;
  outsiderId = x.user.id;
  const l = await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: gr.id });
  liaison = l.client;
  liaisonId = l.user.id;
  c = ok<CaseView>(
    await manager.post('/api/cases', { title: 'Private case', summary: 'Names the child: Eleni.', person: { givenName: 'Eleni', ageYears: 14 } }),
  );
  c = ok<CaseView>(await manager.post(`/api/cases/${c.id}/status`, { status: 'active', version: c.version }));
  c = ok<CaseView>(await manager.post(`/api/cases/${c.id}/status`, { status: 'closed', closureReason: 'other', reason: 'Family moved, Eleni safe.', version: c.version }));
});
afterAll(async () => {
  await app?.close();
});

describe('case privacy', () => {
  it('refuses readers outside the scope with CASE_ACCESS_DENIED and audits the attempt', async () => {
    expect(outcome(await liaison.get(`/api/cases/${c.id}`))).toBe('403 CASE_ACCESS_DENIED');
    expect(outcome(await outsider.get(`/api/cases/${c.id}`))).toBe('403 CASE_ACCESS_DENIED');
    expect(outcome(await outsider.get(`/api/cases/${c.id}/timeline`))).toBe('403 CASE_ACCESS_DENIED');
    const denied = await auditOf(t.ctx, 'case.access_denied', c.id);
    expect(denied.map((a) => a.actorUserId).sort()).toEqual([liaisonId, outsiderId, outsiderId].sort());
    expect(denied[0]!.details).toEqual({ attempted: 'read' });
    expect(outcome(await outsider.post(`/api/cases/${c.id}/status`, { status: 'active', reason: 'x', version: c.version }))).toBe('403 CASE_ACCESS_DENIED');
    expect((await auditOf(t.ctx, 'case.access_denied', c.id)).some((a) => (a.details as { attempted?: string }).attempted === 'write')).toBe(true);
  });

  it('shows a helpline operator of the team the case without identifying data', async () => {
    const v = ok<CaseView>(await operator.get(`/api/cases/${c.id}`));
    expect(v).toMatchObject({ title: 'Private case', summary: null, nextStatuses: [], permissions: { write: false, sensitive: false, export: false } });
    expect(v.persons).toHaveLength(1);
    expect(v.persons[0]).toMatchObject({ restricted: true, givenName: null, ageBand: '12-14' });
    const closing = v.timeline.items.find((e) => e.kind === 'status_changed' && e.data.to === 'closed');
    expect(closing).toMatchObject({ comment: null, data: { closureReason: 'other' } });
    expect(JSON.stringify(v)).not.toContain('Eleni');
    expect(outcome(await operator.post(`/api/cases/${c.id}/status`, { status: 'active', reason: 'x', version: c.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get(`/api/cases/${c.id}/viewers`))).toBe('403 FORBIDDEN');
  });

  it('lists who viewed the case, once per reader within the window', async () => {
    ok(await manager.get(`/api/cases/${c.id}`));
    ok(await manager.get(`/api/cases/${c.id}`));
    const viewers = ok<Viewers>(await manager.get(`/api/cases/${c.id}/viewers`));
    const views = viewers.items.filter((i) => i.action === 'case.viewed');
    expect(views.map((i) => i.user?.id).sort()).toEqual([managerId, operatorId].sort());
    expect(views.every((i) => i.via === 'scope' && i.reason === null)).toBe(true);
    expect(viewers.items.filter((i) => i.action === 'case.access_denied')).toHaveLength(4);
    const paged = ok<Viewers>(await manager.get(`/api/cases/${c.id}/viewers?limit=2`));
    expect(paged.items).toHaveLength(2);
    const rest = ok<Viewers>(await manager.get(`/api/cases/${c.id}/viewers?limit=50&cursor=${paged.nextCursor}`));
    expect(rest.items.length + 2).toBe(viewers.items.length);
    expect(outcome(await manager.get(`/api/cases/${c.id}/viewers?cursor=abc`))).toBe('400 VALIDATION_FAILED');
  });

  it('opens the case by break-glass with a stated reason, audited and shown on the case', async () => {
    expect(outcome(await outsider.post(`/api/cases/${c.id}/break-glass`, { reason: 'too short' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await manager.post(`/api/cases/${c.id}/break-glass`, { reason: REASON }))).toBe('409 CONFLICT');
    expect(outcome(await operator.post(`/api/cases/${c.id}/break-glass`, { reason: REASON }))).toBe('403 FORBIDDEN');
    expect(outcome(await liaison.post(`/api/cases/${c.id}/break-glass`, { reason: REASON }))).toBe('403 FORBIDDEN');
    expect(outcome(await outsider.post('/api/cases/00000000-0000-4000-8000-000000000000/break-glass', { reason: REASON }))).toBe('404 CASE_NOT_FOUND');
    const grant = ok<{ caseId: string; expiresAt: string }>(await outsider.post(`/api/cases/${c.id}/break-glass`, { reason: REASON }));
    expect(grant.caseId).toBe(c.id);
    expect(Date.parse(grant.expiresAt) - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    const v = ok<CaseView>(await outsider.get(`/api/cases/${c.id}`));
    expect(v.permissions).toMatchObject({ viaBreakGlass: true, breakGlassUntil: grant.expiresAt, sensitive: true });
    expect(v.persons[0]!.givenName).toBe('Eleni');
    expect(v.timeline.items[0]).toMatchObject({ kind: 'break_glass', actor: { id: outsiderId }, comment: REASON });
    const audit = await auditOf(t.ctx, 'case.break_glass', c.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('police');
    const viewers = ok<Viewers>(await manager.get(`/api/cases/${c.id}/viewers`));
    expect(viewers.items.find((i) => i.action === 'case.break_glass')).toMatchObject({ user: { id: outsiderId }, via: 'break_glass', reason: REASON });
    expect(viewers.items.find((i) => i.action === 'case.viewed' && i.user?.id === outsiderId)).toMatchObject({ via: 'break_glass' });
  });

  it('pages the timeline: the first 50 entries on the case page, older ones through the cursor', async () => {
    const fresh = ok<CaseView>(await manager.post('/api/cases', { title: 'Long timeline' }));
    const start = Date.now() - 200 * 60_000;
    for (let i = 0; i < 150; i++) {
      await appendCaseEvent(t.ctx.database.db, { caseId: fresh.id, kind: 'note_added', actorUserId: managerId, data: { n: i }, at: new Date(start + (i - (i % 7 === 0 ? 1 : 0)) * 60_000) });
    }
    const page = ok<CaseView>(await manager.get(`/api/cases/${fresh.id}`));
    expect(page.timeline.items).toHaveLength(50);
    expect(page.timeline.nextCursor).not.toBeNull();
    const seen = page.timeline.items.map((e) => e.id);
    let cursor = page.timeline.nextCursor;
    while (cursor) {
      const more = ok<TimelinePage>(await manager.get(`/api/cases/${fresh.id}/timeline?limit=20&before=${encodeURIComponent(cursor)}`));
      seen.push(...more.items.map((e) => e.id));
      cursor = more.nextCursor;
    }
    expect(seen).toHaveLength(151);
    expect(new Set(seen).size).toBe(151);
    const all = ok<TimelinePage>(await manager.get(`/api/cases/${fresh.id}/timeline?limit=200`));
    expect(all.items.map((e) => e.id)).toEqual(seen);
    expect(all.nextCursor).toBeNull();
    expect(outcome(await manager.get(`/api/cases/${fresh.id}/timeline?before=nonsense`))).toBe('400 VALIDATION_FAILED');
  });
});
