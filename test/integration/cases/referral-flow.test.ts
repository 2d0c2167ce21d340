import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryInputSchema } from '../../../src/api/knowledge.schemas';
import type { ReferralView } from '../../../src/api/referrals.schemas';
import { queryRows } from '../../../src/db/database';
import { insertEntry } from '../../../src/db/repos/directory.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import type { CaseConsentJson } from '../../../src/db/schema';
import { insertCasePerson } from '../../../src/services/case-person.service';
import { inTransaction } from '../../../src/services/context';
import { insertPathwayVersion } from '../../../src/services/nrm-pathway.service';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let police: OrganisationRow;
let caseManager: TestClient;
let supervisor: TestClient;
let operator: TestClient;
let liaison: TestClient;
let otherLiaison: TestClient;
let policeEntry: string;
let shelterEntry: string;
let identificationStep: string;

const consent: CaseConsentJson = { given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: false, recordedAt: '2026-03-01T10:00:00.000Z', recordedBy: null, note: 'Aunt agreed by phone.' };

async function entry(o: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await insertEntry(t.ctx.database.db, id, directoryInputSchema.parse({ countryCode: 'GR', ...o }), null);
  return id;
}

/** A GR case of the desk with a named child (consent covering referral unless told otherwise). */
async function makeCase(withConsent = true) {
  const row = await makeCaseRow(t.ctx, { organisationId: gr.id, title: 'Secret title: Maria K.', status: 'active', consent: withConsent ? consent : null, concernLevel: 'clear', forms: ['begging'] });
  const person = await insertCasePerson(t.ctx.database.db, t.ctx, row.id, { role: 'potential_victim', givenName: 'Maria', familyName: 'Kostova', contact: '+30 690 000 1111', notes: 'Sleeps at the station', ageYears: null, ageBand: '12-14', ageUncertain: true, mayBeChild: true, gender: 'female', nationality: 'BG', languages: ['bg'] }, null);
  return { row, person };
}

const referralCount = async (caseId: string) => Number((await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM referrals WHERE case_id = ${caseId}`))[0]!.n);
const caseRow = async (caseId: string) => (await queryRows<{ status: string; first_referral_at: Date | null; first_acceptance_at: Date | null }>(t.ctx.database.db, sql`SELECT status, first_referral_at, first_acceptance_at FROM cases WHERE id = ${caseId}`))[0]!;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  police = await makeOrganisation(t.ctx, { countryCode: 'GR', type: 'law_enforcement' });
  const otherPolice = await makeOrganisation(t.ctx, { countryCode: 'GR', type: 'law_enforcement' });
  caseManager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id })).client;
  supervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  liaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: police.id })).client;
  otherLiaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: otherPolice.id })).client;
  policeEntry = await entry({ kind: 'police', organisationId: police.id, name: 'Test Police THB Unit', languages: ['el', 'en'], nrmStages: ['identification', 'proceedings'], audience: 'internal' });
  shelterEntry = await entry({ kind: 'shelter', name: 'Test Shelter (offline)', languages: ['sq', 'bg'], nrmStages: ['first_assistance'] });
  const pathway = await inTransaction(t.ctx, (tx) =>
    insertPathwayVersion(
      tx,
      {
        countryCode: 'GR',
        titles: { en: 'NRM GR' },
        steps: [
          { stage: 'identification', titles: { en: 'Identification', el: 'Αναγνώριση' }, descriptions: {}, slaHours: 24, actorIds: [policeEntry] },
          { stage: 'first_assistance', titles: { en: 'First assistance' }, descriptions: {}, slaHours: 48, actorIds: [shelterEntry] },
        ],
      },
      { version: 1, status: 'published', createdBy: null, needsReview: true },
    ),
  );
  identificationStep = (await queryRows<{ id: string }>(t.ctx.database.db, sql`SELECT id FROM nrm_pathway_steps WHERE pathway_id = ${pathway.id} AND stage = 'identification'`))[0]!.id;
});
afterAll(async () => {
  await app?.close();
});

describe('the consent gate', () => {
  it('refuses to send without consent (422) and saves nothing', async () => {
    const { row, person } = await makeCase(false);
    const res = await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, personId: person.id, send: true, message: 'Please identify.' });
    expect(outcome(res)).toBe('422 CONSENT_REQUIRED');
    expect(await referralCount(row.id)).toBe(0);
    expect((await caseRow(row.id)).status).toBe('active');
    const events = await queryRows(t.ctx.database.db, sql`SELECT id FROM case_events WHERE case_id = ${row.id}`);
    expect(events).toHaveLength(0);
  });

  it('lets a draft wait for consent, and refuses sending it without consent', async () => {
    const { row } = await makeCase(false);
    const draft = ok<ReferralView>(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, stepId: identificationStep }));
    expect(draft).toMatchObject({ status: 'draft', side: 'sender', consent: null, actions: ['send', 'revoke'] });
    expect(outcome(await caseManager.post(`/api/referrals/${draft.id}/actions`, { action: 'send', version: draft.version }))).toBe('422 CONSENT_REQUIRED');
    expect(ok<ReferralView>(await caseManager.get(`/api/referrals/${draft.id}`)).status).toBe('draft');
  });

  it('lets a supervisor override with a reason (audited), not a case manager, not without a real reason', async () => {
    const { row, person } = await makeCase(false);
    const body = { directoryEntryId: policeEntry, personId: person.id, send: true, consentOverrideReason: 'Imminent danger: the child is being moved abroad tonight.' };
    expect(outcome(await caseManager.post(`/api/cases/${row.id}/referrals`, body))).toBe('403 FORBIDDEN');
    expect(outcome(await supervisor.post(`/api/cases/${row.id}/referrals`, { ...body, consentOverrideReason: 'urgent' }))).toBe('400 REASON_REQUIRED');
    expect(await referralCount(row.id)).toBe(0);
    const sent = ok<ReferralView>(await supervisor.post(`/api/cases/${row.id}/referrals`, body));
    expect(sent.status).toBe('sent');
    expect(sent.consent).toMatchObject({ snapshot: null, overridden: true, overrideReason: body.consentOverrideReason });
    expect(sent.consent!.overriddenBy).not.toBeNull();
    expect((await auditOf(t.ctx, 'referral.consent_overridden', sent.id)).length).toBe(1);
    const [stored] = await queryRows<{ consent_override_reason_enc: string }>(t.ctx.database.db, sql`SELECT consent_override_reason_enc FROM referrals WHERE id = ${sent.id}`);
    expect(stored!.consent_override_reason_enc).not.toContain('Imminent');
    // The receiver is told the names: the override covers the referral.
    expect(ok<ReferralView>(await liaison.get(`/api/referrals/${sent.id}`)).person).toMatchObject({ givenName: 'Maria' });
  });
});

describe('a referral to an in-app receiver', () => {
  let caseId: string;
  let referral: ReferralView;

  it('is sent with consent: step, SLA, receiver language, case timings, case moves to referred', async () => {
    const { row, person } = await makeCase();
    caseId = row.id;
    referral = ok<ReferralView>(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, stepId: identificationStep, personId: person.id, urgency: 'urgent', message: 'Please assess for identification.', send: true }));
    expect(referral).toMatchObject({ status: 'sent', stage: 'identification', slaHours: 24, receiverLanguage: 'el', urgency: 'urgent', overdue: false, side: 'sender', message: 'Please assess for identification.' });
    expect(referral.step).toMatchObject({ id: identificationStep, pathwayVersion: 1 });
    expect(referral.actor).toMatchObject({ id: policeEntry, inApp: true, organisationId: police.id });
    expect(new Date(referral.dueAt!).getTime() - new Date(referral.sentAt!).getTime()).toBe(24 * 3_600_000);
    expect(referral.consent?.snapshot).toMatchObject({ given: true, coversReferral: true });
    const c = await caseRow(row.id);
    expect(c.status).toBe('referred');
    expect(c.first_referral_at).not.toBeNull();
    const events = await queryRows<{ kind: string; data: Record<string, unknown>; referral_id: string | null }>(t.ctx.database.db, sql`SELECT kind, data, referral_id FROM case_events WHERE case_id = ${row.id} ORDER BY id`);
    expect(events.map((e) => e.kind)).toEqual(['referral_created', 'referral_sent', 'status_changed']);
    expect(events[2]!.data).toEqual({ from: 'active', to: 'referred', auto: true });
    expect(events[1]!.referral_id).toBe(referral.id);
    expect((await auditOf(t.ctx, 'referral.sent', referral.id)).length).toBe(2); // both sides
  });

  it('reaches the receiving liaison officer’s inbox with only what was referred', async () => {
    const inbox = ok<{ items: ReferralView[] }>(await liaison.get('/api/referrals?box=inbox'));
    expect(inbox.items.map((i) => i.id)).toContain(referral.id);
    const view = ok<ReferralView>(await liaison.get(`/api/referrals/${referral.id}`));
    expect(view).toMatchObject({ side: 'receiver', actions: ['acknowledge', 'accept', 'decline'], concernLevel: 'clear', forms: ['begging'], message: 'Please assess for identification.' });
    expect(view.person).toEqual({ givenName: 'Maria', familyName: 'Kostova', ageYears: null, ageBand: '12-14', presumedMinor: true, gender: 'female', nationality: 'BG', languages: ['bg'] });
    const raw = JSON.stringify(view);
    for (const secret of ['Secret title', 'Sleeps at the station', '+30 690 000 1111', 'Aunt agreed']) expect(raw).not.toContain(secret);
    expect(view.events.map((e) => e.kind)).toEqual(['referral_created', 'referral_sent']);
    expect((await auditOf(t.ctx, 'case.referral_viewed', caseId)).length).toBeGreaterThan(0);
    expect(outcome(await liaison.get(`/api/cases/${caseId}`))).toBe('403 CASE_ACCESS_DENIED');
  });

  it('is hidden from another organisation’s liaison officer (404, audited) and the inbox is only for receivers', async () => {
    expect(ok<{ items: ReferralView[] }>(await otherLiaison.get('/api/referrals?box=inbox')).items.map((i) => i.id)).not.toContain(referral.id);
    expect(outcome(await otherLiaison.get(`/api/referrals/${referral.id}`))).toBe('404 REFERRAL_NOT_FOUND');
    expect(outcome(await otherLiaison.post(`/api/referrals/${referral.id}/actions`, { action: 'accept', version: referral.version }))).toBe('404 REFERRAL_NOT_FOUND');
    expect(outcome(await otherLiaison.get(`/api/referrals/${referral.id}/packet.pdf`))).toBe('404 REFERRAL_NOT_FOUND');
    expect((await auditOf(t.ctx, 'referral.access_denied', referral.id)).length).toBe(3);
    expect(outcome(await caseManager.get('/api/referrals?box=inbox'))).toBe('403 FORBIDDEN');
  });

  it('keeps each side to its actions and refuses illegal moves and stale versions', async () => {
    expect(outcome(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'revoke', version: referral.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await caseManager.post(`/api/referrals/${referral.id}/actions`, { action: 'accept', version: referral.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'complete', version: referral.version }))).toBe('409 REFERRAL_TRANSITION_NOT_ALLOWED');
    expect(outcome(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'acknowledge', version: referral.version + 5 }))).toBe('409 RECORD_VERSION_CONFLICT');
    expect(outcome(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'decline', version: referral.version }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await operator.post(`/api/referrals/${referral.id}/actions`, { action: 'revoke', version: referral.version }))).toBe('403 FORBIDDEN');
  });

  it('is acknowledged and accepted by the liaison officer: timestamps, deadline per status, the case’s first acceptance', async () => {
    const acked = ok<ReferralView>(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'acknowledge', comment: 'Received, officer on duty will call.', version: referral.version }));
    expect(acked).toMatchObject({ status: 'acknowledged', side: 'receiver', actions: ['accept', 'decline'] });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(new Date(acked.dueAt!).getTime() - new Date(acked.acknowledgedAt!).getTime()).toBe(24 * 3_600_000);
    const msg = ok<ReferralView>(await caseManager.post(`/api/referrals/${referral.id}/messages`, { body: 'The child speaks Bulgarian only.' }));
    expect(msg.events.at(-1)).toMatchObject({ kind: 'referral_message', comment: 'The child speaks Bulgarian only.' });
    const accepted = ok<ReferralView>(await liaison.post(`/api/referrals/${referral.id}/actions`, { action: 'accept', comment: 'We take it.', version: acked.version }));
    expect(accepted).toMatchObject({ status: 'accepted', actions: ['complete'] });
    expect((await caseRow(caseId)).first_acceptance_at).not.toBeNull();
    const seenByDesk = ok<ReferralView>(await caseManager.get(`/api/referrals/${referral.id}`));
    expect(seenByDesk).toMatchObject({ status: 'accepted', side: 'sender', actions: ['revoke'] });
    expect(seenByDesk.events.map((e) => [e.kind, e.comment])).toEqual([
      ['referral_created', null],
      ['referral_sent', null],
      ['referral_acknowledged', 'Received, officer on duty will call.'],
      ['referral_message', 'The child speaks Bulgarian only.'],
      ['referral_accepted', 'We take it.'],
    ]);
    const [ev] = await queryRows<{ comment_enc: string }>(t.ctx.database.db, sql`SELECT comment_enc FROM case_events WHERE referral_id = ${referral.id} AND kind = 'referral_accepted'`);
    expect(ev!.comment_enc).not.toContain('We take it');
    expect((await auditOf(t.ctx, 'referral.accepted', referral.id)).length).toBe(2);
  });

  it('is listed with the case’s hand-offs on the case page', async () => {
    const page = ok<{ referrals: ReferralView[]; handoffs: unknown[] }>(await operator.get(`/api/cases/${caseId}/referrals`));
    expect(page.referrals.map((r) => [r.id, r.side, r.actions])).toEqual([[referral.id, 'sender', []]]);
    expect(page.referrals[0]!.person).toMatchObject({ givenName: null }); // operators do not see identifying data
    expect(page.handoffs).toEqual([]);
    expect(outcome(await liaison.get(`/api/cases/${caseId}/referrals`))).toBe('403 CASE_ACCESS_DENIED');
  });
});

describe('offline receivers, SLA and lists', () => {
  it('lets the desk record the answers of an offline receiver; its liaison-less referral never reaches an inbox', async () => {
    const { row } = await makeCase();
    const sent = ok<ReferralView>(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: shelterEntry, stage: 'first_assistance', send: true }));
    expect(sent).toMatchObject({ stage: 'first_assistance', slaHours: 48, receiverLanguage: 'bg', actor: { inApp: false, organisationId: null } });
    expect(sent.actions).toEqual(['revoke', 'acknowledge', 'accept', 'decline']);
    const declined = ok<ReferralView>(await caseManager.post(`/api/referrals/${sent.id}/actions`, { action: 'decline', comment: 'Shelter full, called at 10:00.', version: sent.version }));
    expect(declined).toMatchObject({ status: 'declined', dueAt: null, overdue: false, actions: [] });
    expect(outcome(await caseManager.post(`/api/referrals/${sent.id}/actions`, { action: 'revoke', version: declined.version }))).toBe('409 REFERRAL_TRANSITION_NOT_ALLOWED');
  });

  it('shows a referral past its deadline as overdue, and filters on it', async () => {
    const { row } = await makeCase();
    const sent = ok<ReferralView>(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, stepId: identificationStep, send: true }));
    const past = new Date(Date.now() - 30 * 3_600_000);
    await t.ctx.database.db.execute(sql`UPDATE referrals SET status_entered_at = ${past}, sent_at = ${past}, due_at = ${new Date(past.getTime() + 24 * 3_600_000)} WHERE id = ${sent.id}`);
    const view = ok<ReferralView>(await caseManager.get(`/api/referrals/${sent.id}`));
    expect(view.overdue).toBe(true);
    const overdue = ok<{ items: ReferralView[] }>(await caseManager.get('/api/referrals?box=sent&overdue=true&limit=100'));
    expect(overdue.items.map((i) => i.id)).toContain(sent.id);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const inbox = ok<{ items: ReferralView[] }>(await liaison.get('/api/referrals?box=inbox&overdue=true'));
    expect(inbox.items.map((i) => i.id)).toEqual([sent.id]);
    const notOverdue = ok<{ items: ReferralView[] }>(await caseManager.get('/api/referrals?box=sent&overdue=false&limit=100'));
    expect(notOverdue.items.map((i) => i.id)).not.toContain(sent.id);
  });

  it('pages the sent list newest first with a keyset cursor, within the reader’s scope', async () => {
    const all = ok<{ items: ReferralView[] }>(await caseManager.get('/api/referrals?box=sent&limit=100')).items;
    expect(all.length).toBeGreaterThan(3);
    const first = ok<{ items: ReferralView[]; nextCursor: string | null }>(await caseManager.get('/api/referrals?box=sent&limit=2'));
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 2).map((i) => i.id));
    const second = ok<{ items: ReferralView[]; nextCursor: string | null }>(await caseManager.get(`/api/referrals?box=sent&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((i) => i.id)).toEqual(all.slice(2, 4).map((i) => i.id));
    expect(ok<{ items: ReferralView[] }>(await caseManager.get('/api/referrals?box=sent&status=draft&limit=100')).items.every((i) => i.status === 'draft')).toBe(true);
    expect(ok<{ items: ReferralView[] }>(await liaison.get('/api/referrals?box=sent')).items).toEqual([]);
  });

  it('refuses unknown actors and steps, persons who are not potential victims of the case, and closed cases', async () => {
    const { row } = await makeCase();
    expect(outcome(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: randomUUID(), stage: 'identification' }))).toBe('404 REFERRAL_ACTOR_NOT_FOUND');
    expect(outcome(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, personId: randomUUID() }))).toBe('404 PERSON_NOT_FOUND');
    expect(outcome(await operator.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry }))).toBe('403 FORBIDDEN');
    expect(outcome(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, stepId: randomUUID() }))).toBe('404 PATHWAY_NOT_FOUND');
    const closed = await makeCaseRow(t.ctx, { organisationId: gr.id, status: 'closed', consent });
    expect(outcome(await caseManager.post(`/api/cases/${closed.id}/referrals`, { directoryEntryId: policeEntry, stage: 'identification', send: true }))).toBe('409 CASE_TRANSITION_NOT_ALLOWED');
    expect(await referralCount(row.id)).toBe(0);
  });
});

describe('the referral packet', () => {
  it('is a PDF in the receiver’s language (and others on request), not cached, audited on the case', async () => {
    const { row, person } = await makeCase();
    const sent = ok<ReferralView>(await caseManager.post(`/api/cases/${row.id}/referrals`, { directoryEntryId: policeEntry, stepId: identificationStep, personId: person.id, message: 'Παρακαλώ επικοινωνήστε — Прошу связаться.', send: true }));
    for (const lang of ['', '?lang=bg', '?lang=ru', '?lang=uk', '?lang=sr']) {
      const res = await liaison.get(`/api/referrals/${sent.id}/packet.pdf${lang}`);
      expect(res.statusCode, lang).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(2000);
    }
    expect((await liaison.get(`/api/referrals/${sent.id}/packet.pdf`)).headers['content-disposition']).toContain('-el.pdf');
    expect((await auditOf(t.ctx, 'case.packet_downloaded', row.id)).length).toBe(6);
    expect((await caseManager.get(`/api/referrals/${sent.id}/packet.pdf`)).statusCode).toBe(200);
  });
});
