import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeContactRow } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let other: OrganisationRow;
let manager: TestClient;
let managerId: string;
let colleagueId: string;
let otherManager: TestClient;
let operatorId: string;

const kinds = (v: CaseView) => v.timeline.items.map((e) => e.kind);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  other = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id });
  manager = m.client;
  managerId = m.user.id;
  colleagueId = (await makeUser(t.ctx, { role: 'supervisor', organisationId: gr.id })).id;
  operatorId = (await makeUser(t.ctx, { role: 'helpline_operator', organisationId: gr.id })).id;
  otherManager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: other.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('opening a case', () => {
  let fromContact: CaseView;
  let contactId: string;
  const startedAt = new Date(Date.now() - 3 * 3_600_000);

  it('opens a case from a THB contact with a first potential victim', async () => {
    const contact = await makeContactRow(t.ctx, { organisationId: gr.id, isThb: true, categories: ['THB.LABOUR'], startedAt });
    contactId = contact.id;
    fromContact = ok<CaseView>(
      await manager.post('/api/cases', {
        contactIds: [contact.id],
        title: 'Boy working at a construction site',
        summary: 'Reported by a neighbour.',
        priority: 'high',
        person: { givenName: 'Nikos', familyName: 'Papadakis', ageYears: 15 },
      }),
    );
    expect(fromContact).toMatchObject({
      status: 'open',
      origin: 'contact',
      priority: 'high',
      title: 'Boy working at a construction site',
      summary: 'Reported by a neighbour.',
      countryCode: 'GR',
      organisation: { id: gr.id, name: gr.name },
      assignedTo: { id: managerId },
      involvesChild: true,
      version: 1,
      consent: null,
      closureReason: null,
      nextStatuses: ['active', 'referred', 'closed'],
      permissions: { write: true, sensitive: true, viaBreakGlass: false, breakGlassUntil: null },
    });
    expect(fromContact.reference).toMatch(new RegExp(`^GR-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(fromContact.contacts).toEqual([{ id: contact.id, reference: contact.reference, channel: 'phone', startedAt: startedAt.toISOString(), isThb: true }]);
    expect(fromContact.timings.reportedAt).toBe(startedAt.toISOString());
    expect(fromContact.persons).toHaveLength(1);
    expect(fromContact.persons[0]).toMatchObject({ role: 'potential_victim', givenName: 'Nikos', familyName: 'Papadakis', ageYears: 15, ageBand: '15-17', treatedAsChild: true });
    expect(kinds(fromContact).sort()).toEqual(['contact_linked', 'created', 'person_added']);
    expect((await auditOf(t.ctx, 'case.created', fromContact.id)).length).toBe(1);
    const [raw] = await queryRows<{ title_enc: string; search_terms: string[]; case_id: string }>(
      t.ctx.database.db,
      sql`SELECT c.title_enc, c.search_terms, k.case_id FROM cases c JOIN contacts k ON k.case_id = c.id WHERE c.id = ${fromContact.id}`,
    );
    expect(raw!.title_enc).not.toContain('construction');
    expect(raw!.case_id).toBe(fromContact.id);
    // title words (boy, working, construction, site) + given and family name
    expect(raw!.search_terms.length).toBe(6);
  });

  it('refuses a contact that is already linked, or of another team', async () => {
    expect(outcome(await manager.post('/api/cases', { contactIds: [contactId], title: 'Again' }))).toBe('409 CONTACT_ALREADY_LINKED');
    expect(outcome(await manager.post(`/api/cases/${fromContact.id}/contacts`, { contactIds: [contactId] }))).toBe('409 CONTACT_ALREADY_LINKED');
    const foreign = await makeContactRow(t.ctx, { organisationId: other.id });
    expect(outcome(await manager.post('/api/cases', { contactIds: [foreign.id], title: 'Foreign' }))).toBe('404 CONTACT_NOT_FOUND');
    const [{ n }] = (await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM cases WHERE organisation_id = ${gr.id}`)) as [{ n: number }];
    expect(Number(n)).toBe(1);
  });

  it('links a further, earlier contact and moves the report time back', async () => {
    const earlier = new Date(startedAt.getTime() - 86_400_000);
    const second = await makeContactRow(t.ctx, { organisationId: gr.id, startedAt: earlier });
    const view = ok<CaseView>(await manager.post(`/api/cases/${fromContact.id}/contacts`, { contactIds: [second.id] }));
    expect(view.contacts.map((c) => c.id)).toEqual([second.id, contactId]);
    expect(view.timings.reportedAt).toBe(earlier.toISOString());
    expect(view.timeline.items[0]).toMatchObject({ kind: 'contact_linked', data: { contactIds: [second.id] }, actor: { id: managerId } });
    expect((await auditOf(t.ctx, 'case.contacts_linked', fromContact.id)).length).toBe(1);
  });

  it('opens a case directly, unassigned or for a colleague, and checks the case manager', async () => {
    const direct = ok<CaseView>(await manager.post('/api/cases', { title: 'Direct report', assignedUserId: null }));
    expect(direct).toMatchObject({ origin: 'direct', assignedTo: null, contacts: [], persons: [], priority: 'normal', summary: null });
    expect(Math.abs(Date.parse(direct.timings.reportedAt) - Date.now())).toBeLessThan(60_000);
    const forColleague = ok<CaseView>(await manager.post('/api/cases', { title: 'For a colleague', assignedUserId: colleagueId }));
    expect(forColleague.assignedTo?.id).toBe(colleagueId);
    expect(outcome(await manager.post('/api/cases', { title: 'Operator cannot manage', assignedUserId: operatorId }))).toBe('400 VALIDATION_FAILED');
    expect(Number(direct.reference.slice(-6))).toBeGreaterThan(Number(fromContact.reference.slice(-6)));
  });

  it('keeps case creation to the teams within the creator’s scope', async () => {
    expect(outcome(await manager.post('/api/cases', { title: 'Not my team', organisationId: other.id }))).toBe('403 FORBIDDEN');
    const coordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: other.id })).client;
    const view = ok<CaseView>(await coordinator.post('/api/cases', { title: 'Opened by the coordinator', organisationId: gr.id }));
    // the coordinator is no member of the team: the case stays unassigned
    expect(view).toMatchObject({ organisation: { id: gr.id }, assignedTo: null });
    const ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
    expect(outcome(await coordinator.post('/api/cases', { title: 'Abroad', organisationId: ro.id }))).toBe('403 FORBIDDEN');
    const operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
    expect(outcome(await operator.post('/api/cases', { title: 'Operators read only' }))).toBe('403 FORBIDDEN');
  });
});

describe('changing a case', () => {
  let c: CaseView;
  beforeAll(async () => {
    c = ok<CaseView>(await manager.post('/api/cases', { title: 'Workflow case' }));
  });

  it('changes details, priority and manager with the version, and refuses stale versions', async () => {
    const v2 = ok<CaseView>(await manager.patch(`/api/cases/${c.id}`, { title: 'Workflow case renamed', priority: 'urgent', assignedUserId: colleagueId, version: 1 }));
    expect(v2).toMatchObject({ title: 'Workflow case renamed', priority: 'urgent', assignedTo: { id: colleagueId }, version: 2 });
    expect(kinds(v2).slice(0, 3).sort()).toEqual(['assigned', 'details_changed', 'priority_changed']);
    expect(v2.timeline.items.find((e) => e.kind === 'priority_changed')?.data).toEqual({ from: 'normal', to: 'urgent' });
    expect(v2.timeline.items.find((e) => e.kind === 'details_changed')?.data).toEqual({ fields: ['title'] });
    expect(outcome(await manager.patch(`/api/cases/${c.id}`, { summary: 'Stale', version: 1 }))).toBe('409 CASE_VERSION_CONFLICT');
    expect(outcome(await manager.patch(`/api/cases/${c.id}`, { assignedUserId: operatorId, version: 2 }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await otherManager.patch(`/api/cases/${c.id}`, { title: 'Not mine', version: 2 }))).toBe('403 CASE_ACCESS_DENIED');
    const audit = await auditOf(t.ctx, 'case.updated', c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ fields: ['title', 'priority', 'assignedUserId'] });
    c = v2;
  });

  it('moves through the statuses and refuses illegal moves', async () => {
    const move = (body: Record<string, unknown>) => manager.post(`/api/cases/${c.id}/status`, { version: c.version, ...body });
    expect(outcome(await move({ status: 'monitoring' }))).toBe('409 CASE_TRANSITION_NOT_ALLOWED');
    expect(outcome(await move({ status: 'open' }))).toBe('409 CASE_TRANSITION_NOT_ALLOWED');
    c = ok<CaseView>(await move({ status: 'active' }));
    expect(c).toMatchObject({ status: 'active', nextStatuses: ['referred', 'monitoring', 'closed'] });
    const firstAssistance = c.timings.firstAssistanceAt;
    expect(firstAssistance).not.toBeNull();
    expect(outcome(await move({ status: 'closed' }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await move({ status: 'closed', closureReason: 'other' }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await manager.post(`/api/cases/${c.id}/status`, { status: 'monitoring', version: 1 }))).toBe('409 CASE_VERSION_CONFLICT');
    c = ok<CaseView>(await move({ status: 'closed', closureReason: 'assistance_completed', reason: 'Child safe with family.' }));
    expect(c).toMatchObject({ status: 'closed', closureReason: 'assistance_completed', nextStatuses: ['active'] });
    expect(c.timings.closedAt).not.toBeNull();
    expect(c.timeline.items[0]).toMatchObject({ kind: 'status_changed', data: { from: 'active', to: 'closed', closureReason: 'assistance_completed' }, comment: 'Child safe with family.' });
    expect(outcome(await move({ status: 'active' }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await move({ status: 'referred', reason: 'x' }))).toBe('409 CASE_TRANSITION_NOT_ALLOWED');
    c = ok<CaseView>(await move({ status: 'active', reason: 'New report about the same child.' }));
    expect(c).toMatchObject({ status: 'active', closureReason: null, timings: { closedAt: null, firstAssistanceAt: firstAssistance } });
    expect(c.timeline.items[0]).toMatchObject({ kind: 'status_changed', data: { from: 'closed', to: 'active', closureReason: null }, comment: 'New report about the same child.' });
    const audit = await auditOf(t.ctx, 'case.status_changed', c.id);
    expect(audit.map((a) => a.details)).toContainEqual({ from: 'active', to: 'closed', closureReason: 'assistance_completed' });
    expect(JSON.stringify(audit)).not.toContain('Child safe');
  });

  it('records consent with who recorded it', async () => {
    c = ok<CaseView>(await put(manager, `/api/cases/${c.id}/consent`, { given: true, givenBy: 'guardian', coversReferral: true, version: c.version }));
    expect(c.consent).toMatchObject({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: false, recordedBy: { id: managerId }, note: null });
    expect(c.timeline.items[0]).toMatchObject({ kind: 'consent_recorded', data: { given: true, coversReferral: true } });
    expect(outcome(await put(manager, `/api/cases/${c.id}/consent`, { given: false, version: 1 }))).toBe('409 CASE_VERSION_CONFLICT');
    expect((await auditOf(t.ctx, 'case.consent_recorded', c.id)).length).toBe(1);
  });

  it('answers 404 for an unknown case', async () => {
    expect(outcome(await manager.get('/api/cases/00000000-0000-4000-8000-000000000000'))).toBe('404 CASE_NOT_FOUND');
  });
});
