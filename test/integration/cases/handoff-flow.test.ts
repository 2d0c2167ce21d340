import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoffView } from '../../../src/api/referrals.schemas';
import { queryRows } from '../../../src/db/database';
import * as caseRepo from '../../../src/db/repos/case.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import type { CaseConsentJson } from '../../../src/db/schema';
import { HANDOFF_FIELDS } from '../../../src/domain/cases/handoff-workflow';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { insertCasePerson } from '../../../src/services/case-person.service';
import { listHandoffViewsForCase } from '../../../src/services/handoff-read.service';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let grOther: OrganisationRow;
let ro: OrganisationRow;
let si: OrganisationRow;
let policeRo: OrganisationRow;
let archivedRo: OrganisationRow;
let senderGr: TestClient;
let deskRo: TestClient;
let deskRoId: string;
let operatorRo: TestClient;
let deskSi: TestClient;

const consent = (coversTransfer: boolean): CaseConsentJson => ({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer, recordedAt: new Date().toISOString(), recordedBy: null, note: 'Mother agreed on the phone; lives at 12 Odos Street.' });

/** A GR case with a named child, consent and screening results. */
async function makeSendingCase(coversTransfer = true) {
  const row = await makeCaseRow(t.ctx, { organisationId: gr.id, countryCode: 'GR', title: 'Eleni Papadopoulou, 14', consent: consent(coversTransfer), forms: ['sexual', 'begging'], concernLevel: 'clear', reportedAt: new Date('2026-03-01T10:00:00Z') });
  const person = await insertCasePerson(t.ctx.database.db, t.ctx, row.id, { role: 'potential_victim', givenName: 'Eleni', familyName: 'Papadopoulou', contact: '+30 690 000 0000', notes: 'Stays with an aunt in Patras', ageYears: null, ageBand: 'unknown', ageUncertain: true, mayBeChild: true, gender: 'female', nationality: 'AL', languages: ['sq', 'el'] }, null);
  return { row, person };
}

const request = (caseId: string, toOrganisationId: string, over: Record<string, unknown> = {}) =>
  senderGr.post(`/api/cases/${caseId}/handoffs`, { toOrganisationId, urgency: 'urgent', summary: 'Girl moved to Romania with an adult; needs assistance there.', ...over });

const eventsOf = (caseId: string) => queryRows<{ kind: string; data: Record<string, unknown> }>(t.ctx.database.db, sql`SELECT kind, data FROM case_events WHERE case_id = ${caseId} ORDER BY id`);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  grOther = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO', city: 'Bucharest' });
  si = await makeOrganisation(t.ctx, { countryCode: 'SI' });
  policeRo = await makeOrganisation(t.ctx, { countryCode: 'RO', type: 'law_enforcement' });
  archivedRo = await makeOrganisation(t.ctx, { countryCode: 'RO', archivedAt: new Date() });
  await makeUser(t.ctx, { role: 'case_manager', organisationId: grOther.id });
  await makeUser(t.ctx, { role: 'liaison_officer', organisationId: policeRo.id });
  await makeUser(t.ctx, { role: 'case_manager', organisationId: archivedRo.id });
  senderGr = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id })).client;
  const d = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: ro.id });
  deskRo = d.client;
  deskRoId = d.user.id;
  operatorRo = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: ro.id })).client;
  deskSi = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: si.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('hand-off desks', () => {
  it('lists active organisations that work cases, outside the given country', async () => {
    const { items } = ok<{ items: { organisationId: string; countryCode: string; city: string | null }[] }>(await senderGr.get('/api/handoff-desks?exceptCountry=GR'));
    const ids = items.map((i) => i.organisationId);
    expect(ids).toContain(ro.id);
    expect(ids).toContain(si.id);
    expect(ids).not.toContain(gr.id);
    expect(ids).not.toContain(grOther.id);
    expect(ids).not.toContain(policeRo.id);
    expect(ids).not.toContain(archivedRo.id);
    expect(items.every((i) => i.countryCode !== 'GR')).toBe(true);
    expect(items.find((i) => i.organisationId === ro.id)?.city).toBe('Bucharest');
  });

  it('is for users who work cases', async () => {
    expect(outcome(await operatorRo.get('/api/handoff-desks'))).toBe('403 FORBIDDEN');
  });
});

describe('requesting a hand-off', () => {
  it('refuses a desk in the same country, an unknown desk and a case without transfer consent', async () => {
    const { row } = await makeSendingCase();
    expect(outcome(await request(row.id, grOther.id))).toBe('422 HANDOFF_SAME_COUNTRY');
    expect(outcome(await request(row.id, policeRo.id))).toBe('422 HANDOFF_DESK_UNKNOWN');
    expect(outcome(await request(row.id, archivedRo.id))).toBe('422 HANDOFF_DESK_UNKNOWN');
    expect(outcome(await request(row.id, '00000000-0000-4000-8000-000000000000'))).toBe('422 HANDOFF_DESK_UNKNOWN');
    const noConsent = await makeSendingCase(false);
    expect(outcome(await request(noConsent.row.id, ro.id))).toBe('422 CONSENT_REQUIRED');
    const [n] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM handoffs WHERE from_case_id IN (${row.id}, ${noConsent.row.id})`);
    expect(Number(n!.n)).toBe(0);
  });

  it('refuses a case outside the sender’s scope', async () => {
    const { row } = await makeSendingCase();
    expect(outcome(await deskSi.post(`/api/cases/${row.id}/handoffs`, { toOrganisationId: ro.id, summary: 'x' }))).toBe('403 CASE_ACCESS_DENIED');
  });
});

describe('accepting a hand-off', () => {
  let sending: Awaited<ReturnType<typeof makeSendingCase>>;
  let h: HandoffView;

  beforeAll(async () => {
    sending = await makeSendingCase();
    h = ok<HandoffView>(await request(sending.row.id, ro.id));
  });

  it('carries only the minimum dataset, sealed, and the consent snapshot', async () => {
    expect(h).toMatchObject({ status: 'requested', side: 'sender', actions: ['withdraw'], from: { organisationId: gr.id, countryCode: 'GR', caseId: sending.row.id }, to: { organisationId: ro.id, countryCode: 'RO', caseId: null } });
    for (const key of Object.keys(h.dataset)) expect(HANDOFF_FIELDS as readonly string[]).toContain(key);
    expect(h.dataset).toMatchObject({ ageBand: 'unknown', presumedMinor: true, gender: 'female', nationality: 'AL', languages: ['sq', 'el'], formsOfExploitation: ['sexual', 'begging'], concernLevel: 'clear', urgency: 'urgent' });
    expect(h.dataset.consent).toMatchObject({ given: true, coversTransfer: true, note: null, recordedBy: null });
    const text = JSON.stringify(h);
    for (const secret of ['Eleni', 'Papadopoulou', 'Patras', '690', 'Odos']) expect(text).not.toContain(secret);
    const [raw] = await queryRows<{ dataset_enc: string; consent_snapshot: CaseConsentJson }>(t.ctx.database.db, sql`SELECT dataset_enc, consent_snapshot FROM handoffs WHERE id = ${h.id}`);
    expect(raw!.dataset_enc).not.toContain('Romania');
    expect(raw!.consent_snapshot.coversTransfer).toBe(true);
    const events = await eventsOf(sending.row.id);
    expect(events.find((e) => e.kind === 'handoff_requested')?.data).toEqual({ handoffId: h.id, toOrganisationId: ro.id, toCountry: 'RO' });
    const [audit] = await auditOf(t.ctx, 'handoff.requested', h.id);
    expect(audit).toMatchObject({ organisationId: gr.id, countryCode: 'GR' });
  });

  it('shows in the receiving desk’s inbox and the sender’s sent box; the receiver’s read is audited', async () => {
    const inbox = ok<{ items: HandoffView[] }>(await deskRo.get('/api/handoffs?box=inbox'));
    expect(inbox.items.find((i) => i.id === h.id)).toMatchObject({ side: 'receiver', actions: ['accept', 'decline'] });
    const sent = ok<{ items: HandoffView[] }>(await senderGr.get('/api/handoffs?box=sent'));
    expect(sent.items.find((i) => i.id === h.id)).toMatchObject({ side: 'sender', actions: ['withdraw'] });
    expect(ok<{ items: HandoffView[] }>(await senderGr.get('/api/handoffs?box=inbox')).items.find((i) => i.id === h.id)).toBeUndefined();
    expect(ok<HandoffView>(await deskRo.get(`/api/handoffs/${h.id}`)).side).toBe('receiver');
    const viewed = await auditOf(t.ctx, 'handoff.viewed', h.id);
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ organisationId: ro.id, countryCode: 'RO' });
  });

  it('keeps desks outside both sides out, and audits their attempts', async () => {
    expect(outcome(await deskSi.get(`/api/handoffs/${h.id}`))).toBe('404 HANDOFF_NOT_FOUND');
    expect(outcome(await deskSi.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: h.version }))).toBe('404 HANDOFF_NOT_FOUND');
    expect(ok<{ items: HandoffView[] }>(await deskSi.get('/api/handoffs?box=inbox')).items.find((i) => i.id === h.id)).toBeUndefined();
    const denied = await auditOf(t.ctx, 'handoff.access_denied', h.id);
    expect(denied.map((a) => (a.details as { attempted: string }).attempted).sort()).toEqual(['accept', 'read']);
    expect(outcome(await deskSi.get('/api/handoffs/00000000-0000-4000-8000-000000000000'))).toBe('404 HANDOFF_NOT_FOUND');
    expect(outcome(await senderGr.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: h.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await operatorRo.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: h.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: h.version + 1 }))).toBe('409 CONFLICT');
  });

  it('opens the receiving desk’s own linked case without names, audited on both sides', async () => {
    const accepted = ok<HandoffView>(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: h.version }));
    expect(accepted).toMatchObject({ status: 'accepted', side: 'receiver', actions: [], answeredBy: { id: deskRoId } });
    const toCaseId = accepted.to.caseId!;
    expect(toCaseId).toBeTruthy();
    expect(accepted.to.caseReference).toMatch(/^RO-\d{4}-\d{6}$/);

    const received = (await caseRepo.findCaseById(t.ctx.database.db, toCaseId))!;
    expect(received).toMatchObject({ organisationId: ro.id, countryCode: 'RO', origin: 'handoff', status: 'open', priority: 'high', assignedUserId: deskRoId, concernLevel: 'clear', involvesChild: true });
    expect(received.forms).toEqual(['sexual', 'begging']);
    expect(received.reportedAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(received.consent).toMatchObject({ given: true, coversReferral: true, coversTransfer: true, recordedBy: deskRoId });
    expect(received.consent?.note).toContain('hand-off');
    expect(received.consent?.note).not.toContain('Odos');
    expect(t.ctx.encryptor.decrypt(received.titleEnc, `cases.title:${toCaseId}`)).toBe(`Hand-off from ${sending.row.reference}`);
    expect(t.ctx.encryptor.decrypt(received.summaryEnc!, `cases.summary:${toCaseId}`)).toBe('Girl moved to Romania with an adult; needs assistance there.');

    const persons = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_persons WHERE case_id = ${toCaseId}`);
    expect(persons).toHaveLength(1);
    expect(persons[0]).toMatchObject({ role: 'potential_victim', given_name_enc: null, family_name_enc: null, alias_enc: null, date_of_birth_enc: null, contact_enc: null, notes_enc: null, age_band: 'unknown', age_uncertain: true, may_be_child: true, gender: 'female', nationality: 'AL' });
    expect(persons[0]!.languages).toEqual(['sq', 'el']);

    const [link] = await queryRows<{ to_case_id: string }>(t.ctx.database.db, sql`SELECT to_case_id FROM handoffs WHERE id = ${h.id}`);
    expect(link!.to_case_id).toBe(toCaseId);
    const receivedEvents = (await eventsOf(toCaseId)).map((e) => e.kind);
    expect(receivedEvents).toEqual(expect.arrayContaining(['created', 'handoff_received', 'person_added', 'consent_recorded']));
    expect((await eventsOf(toCaseId)).find((e) => e.kind === 'handoff_received')?.data).toEqual({ handoffId: h.id, fromCaseReference: sending.row.reference, fromCountry: 'GR' });
    expect((await eventsOf(sending.row.id)).find((e) => e.kind === 'handoff_accepted')?.data).toEqual({ handoffId: h.id, toCaseReference: accepted.to.caseReference });

    const audits = await auditOf(t.ctx, 'handoff.accepted', h.id);
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => `${a.organisationId}:${a.countryCode}`).sort()).toEqual([`${gr.id}:GR`, `${ro.id}:RO`].sort());

    // The sender sees the status and the receiving case's reference.
    const seen = ok<HandoffView>(await senderGr.get(`/api/handoffs/${h.id}`));
    expect(seen).toMatchObject({ status: 'accepted', side: 'sender', actions: [], to: { caseId: toCaseId, caseReference: accepted.to.caseReference } });
    // Each case lists the hand-off from its own side.
    const db = t.ctx.database.db;
    const fromSide = await listHandoffViewsForCase(db, t.ctx, SYSTEM_ACTOR, sending.row);
    expect(fromSide.map((v) => [v.id, v.side])).toEqual([[h.id, 'sender']]);
    const toSide = await listHandoffViewsForCase(db, t.ctx, SYSTEM_ACTOR, received);
    expect(toSide.map((v) => [v.id, v.side])).toEqual([[h.id, 'receiver']]);
  });

  it('cannot be answered twice', async () => {
    const again = await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'decline', note: 'Too late', version: h.version + 1 });
    expect(outcome(again)).toBe('409 HANDOFF_TRANSITION_NOT_ALLOWED');
  });
});

describe('declining and withdrawing', () => {
  it('needs a note to decline, and tells the sender', async () => {
    const { row } = await makeSendingCase();
    const h = ok<HandoffView>(await request(row.id, ro.id));
    expect(outcome(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'decline', version: h.version }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'decline', note: '   ', version: h.version }))).toBe('400 REASON_REQUIRED');
    const declined = ok<HandoffView>(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'decline', note: 'The child is not in our area; try Timisoara.', version: h.version }));
    expect(declined).toMatchObject({ status: 'declined', answerNote: 'The child is not in our area; try Timisoara.', to: { caseId: null } });
    expect((await eventsOf(row.id)).find((e) => e.kind === 'handoff_declined')?.data).toMatchObject({ handoffId: h.id });
    const seen = ok<HandoffView>(await senderGr.get(`/api/handoffs/${h.id}`));
    expect(seen).toMatchObject({ status: 'declined', side: 'sender', answerNote: 'The child is not in our area; try Timisoara.' });
    expect(await auditOf(t.ctx, 'handoff.declined', h.id)).toHaveLength(2);
  });

  it('lets only the sender withdraw while pending', async () => {
    const { row } = await makeSendingCase();
    const h = ok<HandoffView>(await request(row.id, ro.id));
    expect(outcome(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'withdraw', version: h.version }))).toBe('403 FORBIDDEN');
    const withdrawn = ok<HandoffView>(await senderGr.post(`/api/handoffs/${h.id}/actions`, { action: 'withdraw', version: h.version }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', side: 'sender', actions: [] });
    expect((await eventsOf(row.id)).map((e) => e.kind)).toContain('handoff_withdrawn');
    expect(outcome(await deskRo.post(`/api/handoffs/${h.id}/actions`, { action: 'accept', version: withdrawn.version }))).toBe('409 HANDOFF_TRANSITION_NOT_ALLOWED');
    const [audit] = await auditOf(t.ctx, 'handoff.withdrawn', h.id);
    expect(audit).toMatchObject({ organisationId: gr.id, countryCode: 'GR' });
  });

  it('pages the inbox newest first with a cursor and a status filter', async () => {
    const { row } = await makeSendingCase();
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push(ok<HandoffView>(await request(row.id, si.id)).id);
    const first = ok<{ items: HandoffView[]; nextCursor: string | null }>(await deskSi.get('/api/handoffs?box=inbox&limit=2'));
    expect(first.items.map((i) => i.id)).toEqual([made[2], made[1]]);
    expect(first.nextCursor).toBeTruthy();
    const second = ok<{ items: HandoffView[]; nextCursor: string | null }>(await deskSi.get(`/api/handoffs?box=inbox&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((i) => i.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();
    expect(ok<{ items: HandoffView[] }>(await deskSi.get('/api/handoffs?box=inbox&status=accepted')).items).toHaveLength(0);
    expect(outcome(await deskSi.get('/api/handoffs?cursor=not-a-cursor'))).toBe('400 VALIDATION_FAILED');
  });
});
