import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../src/api/alerts.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditCount, draftBody, ensureAlertSettings, messagesOf, uploadPhoto } from './alert-core-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', PUBLIC_URL: 'https://victor.test' });
let app: FastifyInstance;
let gr: OrganisationRow;
let operator: TestClient;
let supervisor: TestClient;
let supervisorId: string;

const json = <T = AlertView>(res: { json(): unknown }) => res.json() as T;

async function draftWithPhoto(over: Record<string, unknown> = {}): Promise<AlertView> {
  const res = await operator.post('/api/alerts', draftBody(over));
  expect(outcome(res)).toBe('200');
  const up = await uploadPhoto(operator, json(res).id);
  expect(outcome(up)).toBe('200');
  return json(up);
}

async function issued(over: Record<string, unknown> = {}): Promise<AlertView> {
  const d = await draftWithPhoto(over);
  const res = await supervisor.post(`/api/alerts/${d.id}/approve`, { version: d.version, issueNow: true });
  expect(outcome(res)).toBe('200');
  return json(res);
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  await ensureAlertSettings(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  const sup = await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id });
  supervisor = sup.client;
  supervisorId = sup.user.id;
});
afterAll(async () => {
  await app?.close();
});

describe('child alert life cycle over HTTP', () => {
  it('drafts, approves (second person), issues, updates, extends and resolves with redaction', async () => {
    const created = await operator.post('/api/alerts', draftBody());
    expect(outcome(created)).toBe('200');
    const draft = json(created);
    expect(draft).toMatchObject({ status: 'draft', countryCode: 'GR', tier: 'child_abduction', mode: 'actual', criteriaMissing: [] });
    expect(draft.reference).toMatch(/^GR-A-\d{4}-\d{4}$/);
    expect(draft.incidentId).toMatch(/^urn:victor:incident:[0-9a-f-]{36}$/);

    // No photo yet: refused.
    expect(outcome(await supervisor.post(`/api/alerts/${draft.id}/approve`, { version: draft.version }))).toBe('422 ALERT_PHOTO_REQUIRED');
    const withPhoto = json(await uploadPhoto(operator, draft.id));
    expect(withPhoto.photo).toMatchObject({ mediaType: 'image/png', deleted: false });
    expect(withPhoto.photo!.sha1).toMatch(/^[0-9a-f]{40}$/);

    const approved = await supervisor.post(`/api/alerts/${draft.id}/approve`, { version: withPhoto.version, issueNow: true });
    expect(outcome(approved)).toBe('200');
    const live = json(approved);
    expect(live).toMatchObject({ status: 'issued', approvedBy: { id: supervisorId }, publicUrl: `https://victor.test/child-alerts/${draft.id}` });
    expect(live.messages).toHaveLength(1);
    expect(live.messages[0]).toMatchObject({ msgType: 'Alert', capStatus: 'Actual', scope: 'Public', public: true, reason: 'issued' });
    const [m1] = await messagesOf(t.ctx, draft.id);
    const parsed = parseCapXml(m1!.xml);
    expect(parsed.ok).toBe(true);
    expect(m1!.xml).toContain('Kalliopi Testaki');
    expect(m1!.xml).toContain(`https://victor.test/child-alerts/photos/${withPhoto.photo!.id}`);

    // Update (note required), then extend.
    expect(outcome(await supervisor.patch(`/api/alerts/${draft.id}`, { version: live.version, area: { description: 'Thessaloniki and Chalkidiki' } }))).toBe('400 VALIDATION_FAILED');
    const upd = await supervisor.patch(`/api/alerts/${draft.id}`, { version: live.version, area: { description: 'Thessaloniki and Chalkidiki', countries: ['GR'] }, note: 'Seen driving south' });
    expect(outcome(upd)).toBe('200');
    const ext = await supervisor.post(`/api/alerts/${draft.id}/extend`, { version: json(upd).version });
    expect(outcome(ext)).toBe('200');
    expect(json(ext).extensions).toBe(1);
    expect(json(ext).messages.map((m) => m.msgType)).toEqual(['Alert', 'Update', 'Update']);

    const resolved = await supervisor.post(`/api/alerts/${draft.id}/resolve`, { version: json(ext).version, note: 'Found safe' });
    expect(outcome(resolved)).toBe('200');
    const end = json(resolved);
    expect(end).toMatchObject({ status: 'resolved', resolution: 'found', content: null, publicUrl: null });
    expect(end.redactedAt).not.toBeNull();
    expect(end.photo!.deleted).toBe(true);

    const msgs = await messagesOf(t.ctx, draft.id);
    expect(msgs.map((m) => m.msg_type)).toEqual(['Alert', 'Update', 'Update', 'Cancel']);
    for (const m of msgs) {
      expect(m.xml).not.toContain('Kalliopi');
      expect(m.xml).not.toContain('Yellow raincoat');
      expect(m.xml).not.toContain('/child-alerts/photos/');
    }
    expect(msgs.slice(0, 3).every((m) => m.redacted_at !== null)).toBe(true);
    const cancel = parseCapXml(msgs[3]!.xml);
    if (!cancel.ok) throw new Error('cancel does not parse');
    expect(cancel.alert.info[0]!.responseType).toEqual(['AllClear']);
    expect(cancel.alert.references!.split(' ')).toHaveLength(3);
    const [photoRow] = await queryRows<{ content_enc: string | null; deleted_at: Date | null }>(t.ctx.database.db, sql`SELECT content_enc, deleted_at FROM alert_resources WHERE alert_id = ${draft.id}`);
    expect(photoRow).toMatchObject({ content_enc: null });
    expect(photoRow!.deleted_at).not.toBeNull();
    expect(outcome(await supervisor.get(`/api/alerts/${draft.id}/photo`))).toBe('404 DOCUMENT_NOT_FOUND');
    for (const action of ['alert.drafted', 'alert.approved', 'alert.issued', 'alert.updated', 'alert.extended', 'alert.resolved']) {
      expect(await auditCount(t.ctx, action, draft.id), action).toBe(1);
    }
  });

  it('four-eyes: the drafter cannot approve their own alert', async () => {
    const d = await draftWithPhoto();
    expect(outcome(await supervisor.post(`/api/alerts/${d.id}/approve`, { version: d.version, issueNow: true }))).toBe('200');
    // A supervisor who drafts cannot approve it either.
    const own = json(await supervisor.post('/api/alerts', draftBody()));
    await uploadPhoto(supervisor, own.id);
    const fresh = json(await supervisor.get(`/api/alerts/${own.id}`));
    expect(fresh.allowed.approve).toBe(false);
    expect(outcome(await supervisor.post(`/api/alerts/${own.id}/approve`, { version: fresh.version }))).toBe('403 ALERT_APPROVER_IS_DRAFTER');
  });

  it('refuses without the criteria met, listing the missing ones', async () => {
    const d = await draftWithPhoto({ criteria: { minor: true, lifeInDanger: true } });
    expect(d.criteriaMissing).toEqual(['abductionBelieved', 'enoughInformation', 'noAddedRisk', 'authorityDecision']);
    const res = await supervisor.post(`/api/alerts/${d.id}/approve`, { version: d.version });
    expect(outcome(res)).toBe('422 ALERT_CRITERIA_NOT_MET');
    expect(JSON.stringify(res.json())).toContain('criteria.abductionBelieved');
    expect(await auditCount(t.ctx, 'alert.approved', d.id)).toBe(0);
  });

  it('refuses to issue without the authority decision, and an expiry past the country maximum', async () => {
    const d = await draftWithPhoto({ authority: null });
    expect(outcome(await supervisor.post(`/api/alerts/${d.id}/approve`, { version: d.version, issueNow: true }))).toBe('422 ALERT_AUTHORITY_DECISION_REQUIRED');
    const late = new Date(Date.now() + 25 * 3_600_000).toISOString();
    expect(outcome(await operator.post('/api/alerts', draftBody({ expiresAt: late })))).toBe('422 ALERT_EXPIRY_TOO_LATE');
    expect(outcome(await operator.patch(`/api/alerts/${d.id}`, { version: d.version, expiresAt: late }))).toBe('422 ALERT_EXPIRY_TOO_LATE');
  });

  it('extends at most max_extensions times', async () => {
    let a = await issued();
    for (let i = 0; i < 2; i++) a = json(await supervisor.post(`/api/alerts/${a.id}/extend`, { version: a.version }));
    expect(a.extensions).toBe(2);
    expect(outcome(await supervisor.post(`/api/alerts/${a.id}/extend`, { version: a.version }))).toBe('422 ALERT_EXTENSION_LIMIT');
  });

  it('drills run the whole chain but are never public', async () => {
    const a = await issued({ mode: 'exercise' });
    const res = await supervisor.post(`/api/alerts/${a.id}/resolve`, { version: a.version });
    expect(outcome(res)).toBe('200');
    const msgs = await messagesOf(t.ctx, a.id);
    expect(msgs.map((m) => [m.cap_status, m.public])).toEqual([['Exercise', false], ['Exercise', false]]);
    expect(a.publicUrl).toBeNull();
  });

  it('optimistic version: a stale edit is refused', async () => {
    const d = json(await operator.post('/api/alerts', draftBody()));
    expect(outcome(await operator.patch(`/api/alerts/${d.id}`, { version: d.version, criteria: { minor: true } }))).toBe('200');
    expect(outcome(await operator.patch(`/api/alerts/${d.id}`, { version: d.version, criteria: { minor: false } }))).toBe('409 ALERT_VERSION_CONFLICT');
  });

  it('a refused action leaves no audit row, no message and no state change', async () => {
    const a = await issued();
    const before = (await messagesOf(t.ctx, a.id)).length;
    // A stale version after the checks would have passed: nothing is written.
    expect(outcome(await supervisor.post(`/api/alerts/${a.id}/resolve`, { version: a.version - 1 }))).toBe('409 ALERT_VERSION_CONFLICT');
    expect(await auditCount(t.ctx, 'alert.resolved', a.id)).toBe(0);
    expect((await messagesOf(t.ctx, a.id)).length).toBe(before);
    // An update whose CAP document would be invalid (a sender with a space) is refused whole.
    await queryRows(t.ctx.database.db, sql`UPDATE alert_country_settings SET sender = 'bad sender' WHERE country_code = 'GR'`);
    try {
      const res = await supervisor.patch(`/api/alerts/${a.id}`, { version: a.version, area: { description: 'Elsewhere', countries: ['GR'] }, note: 'x' });
      expect(outcome(res)).toBe('422 ALERT_INVALID_CAP');
    } finally {
      await queryRows(t.ctx.database.db, sql`UPDATE alert_country_settings SET sender = 'alerts.gr@victor.example' WHERE country_code = 'GR'`);
    }
    expect(await auditCount(t.ctx, 'alert.updated', a.id)).toBe(0);
    expect((await messagesOf(t.ctx, a.id)).length).toBe(before);
    const after = (await supervisor.get(`/api/alerts/${a.id}`)).json() as AlertView;
    expect(after).toMatchObject({ version: a.version, area: { description: 'Thessaloniki' } });
  });

  it('cancelling an issued alert (issued in error) publishes a Cancel and redacts; a draft is just withdrawn', async () => {
    const a = await issued();
    const res = await supervisor.post(`/api/alerts/${a.id}/cancel`, { version: a.version, reason: 'Wrong child' });
    expect(outcome(res)).toBe('200');
    expect(json(res)).toMatchObject({ status: 'cancelled', resolution: 'cancelled_in_error', content: null });
    const msgs = await messagesOf(t.ctx, a.id);
    expect(msgs.map((m) => m.msg_type)).toEqual(['Alert', 'Cancel']);
    expect(msgs.every((m) => !m.xml.includes('Kalliopi'))).toBe(true);
    const d = json(await operator.post('/api/alerts', draftBody()));
    const w = await operator.post(`/api/alerts/${d.id}/cancel`, { version: d.version, reason: 'Duplicate' });
    expect(json(w)).toMatchObject({ status: 'cancelled', resolution: 'withdrawn' });
    expect(await messagesOf(t.ctx, d.id)).toEqual([]);
  });

  it('reads are audited and the photo preview too; other types are refused from the bytes', async () => {
    const d = await draftWithPhoto();
    await supervisor.get(`/api/alerts/${d.id}`);
    expect(await auditCount(t.ctx, 'alert.viewed', d.id)).toBeGreaterThan(0);
    const photo = await supervisor.get(`/api/alerts/${d.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(await auditCount(t.ctx, 'alert.photo_viewed', d.id)).toBe(1);
    expect(outcome(await uploadPhoto(operator, d.id, Buffer.from('%PDF-1.4 not an image'), 'image/png'))).toMatch(/^4\d\d DOCUMENT_TYPE_NOT_ALLOWED$/);
    // Copying from the case needs a linked case (as the web sends it: empty form + ?fromCase=true).
    const form = new Request('http://local/', { method: 'POST', body: new FormData() });
    const res = await operator.request('POST', `/api/alerts/${d.id}/photo?fromCase=true`, Buffer.from(await form.arrayBuffer()), { 'content-type': form.headers.get('content-type')! });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    expect(JSON.stringify(res.json())).toContain('not linked to a case');
  });
});

describe('who reads alerts', () => {
  it('a liaison officer (own-records scope) reads published alerts of their country, never drafts or drills', async () => {
    const police = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    const liaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: police.id })).client;
    const draft = await draftWithPhoto();
    const drill = await issued({ mode: 'exercise' });
    const live = await issued();

    expect(outcome(await liaison.get(`/api/alerts/${draft.id}`))).toBe('404 ALERT_NOT_FOUND');
    expect(outcome(await liaison.get(`/api/alerts/${draft.id}/photo`))).toBe('404 ALERT_NOT_FOUND');
    expect(outcome(await liaison.get(`/api/alerts/${drill.id}`))).toBe('404 ALERT_NOT_FOUND');
    expect(outcome(await liaison.get(`/api/alerts/${live.id}`))).toBe('200');
    const listed = (await liaison.get('/api/alerts?state=all&limit=100')).json() as { items: { id: string }[] };
    const ids = listed.items.map((i) => i.id);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(drill.id);
    // Their sent pre-alerts box holds nothing with a child's name either.
    expect((await liaison.get('/api/pre-alerts?box=sent')).json()).toEqual({ items: [] });
    // An operator of another Greek organisation reads every alert of the country (drafts included).
    const otherDesk = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    const otherOperator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: otherDesk.id })).client;
    expect(outcome(await otherOperator.get(`/api/alerts/${draft.id}`))).toBe('200');
  });
});
