import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertSettings, AlertView, PreAlertView } from '../../../src/api/alerts.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { expireDueAlerts } from '../../../src/services/alert-lifecycle.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditCount, draftBody, ensureAlertSettings, messagesOf, uploadPhoto } from './alert-core-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let bg: OrganisationRow;
let ro: OrganisationRow;
let grOperator: TestClient;
let grSupervisor: TestClient;
let bgSupervisor: TestClient;
let bgCoordinator: TestClient;
let roSupervisor: TestClient;

const json = <T = AlertView>(res: { json(): unknown }) => res.json() as T;

async function issuedGr(): Promise<AlertView> {
  const d = json(await grOperator.post('/api/alerts', draftBody()));
  const p = json(await uploadPhoto(grOperator, d.id));
  const res = await grSupervisor.post(`/api/alerts/${d.id}/approve`, { version: p.version, issueNow: true });
  expect(outcome(res)).toBe('200');
  return json(res);
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  await ensureAlertSettings(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  bg = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  grOperator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  grSupervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  bgSupervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: bg.id })).client;
  bgCoordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: bg.id })).client;
  roSupervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: ro.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('scope between country desks', () => {
  it('another country cannot see or act on an alert', async () => {
    const a = await issuedGr();
    expect(outcome(await roSupervisor.get(`/api/alerts/${a.id}`))).toBe('404 ALERT_NOT_FOUND');
    expect(outcome(await roSupervisor.post(`/api/alerts/${a.id}/resolve`, { version: a.version }))).toBe('404 ALERT_NOT_FOUND');
    expect(outcome(await roSupervisor.post(`/api/alerts/${a.id}/pre-alerts`, { countries: ['BG'] }))).toBe('404 ALERT_NOT_FOUND');
    const list = json<{ items: { id: string }[] }>(await roSupervisor.get('/api/alerts'));
    expect(list.items.map((i) => i.id)).not.toContain(a.id);
    const grList = json<{ items: { id: string; awaitingMyApproval: boolean }[] }>(await grOperator.get('/api/alerts?state=active'));
    expect(grList.items.map((i) => i.id)).toContain(a.id);
    // A helpline operator drafts but does not publish.
    expect(outcome(await grOperator.post(`/api/alerts/${a.id}/resolve`, { version: a.version }))).toBe('403 FORBIDDEN');
  });

  it('settings: a country coordinator configures only their own country', async () => {
    const bgSettings = json<AlertSettings>(await bgCoordinator.get('/api/alert-settings/BG'));
    const { countryCode: _c, updatedAt: _u, ...body } = bgSettings;
    const res = await bgCoordinator.request('PUT', '/api/alert-settings/BG', { ...body, repeatMinutes: 30 });
    expect(outcome(res)).toBe('200');
    expect(json<AlertSettings>(res)).toMatchObject({ repeatMinutes: 30, version: bgSettings.version + 1 });
    expect(outcome(await bgCoordinator.request('PUT', '/api/alert-settings/GR', body))).toBe('403 FORBIDDEN');
    expect(outcome(await bgSupervisor.request('PUT', '/api/alert-settings/BG', body))).toBe('403 FORBIDDEN');
    expect(outcome(await bgCoordinator.request('PUT', '/api/alert-settings/BG', body))).toBe('409 RECORD_VERSION_CONFLICT');
    const list = json<{ items: AlertSettings[] }>(await grOperator.get('/api/alert-settings'));
    expect(list.items.map((s) => s.countryCode)).toEqual(['BG', 'GR', 'HU', 'MD', 'RO', 'RS', 'SI', 'UA']);
  });
});

describe('pre-alerts and the neighbour’s alert', () => {
  it('pre-alerts a neighbour, who drafts its own alert sharing the incident and referencing the origin', async () => {
    const a = await issuedGr();
    expect(outcome(await grSupervisor.post(`/api/alerts/${a.id}/pre-alerts`, { countries: ['RO'] }))).toBe('400 VALIDATION_FAILED');
    const sent = await grSupervisor.post(`/api/alerts/${a.id}/pre-alerts`, { countries: ['BG'], note: 'Heading north' });
    expect(outcome(sent)).toBe('200');
    const msgs = await messagesOf(t.ctx, a.id);
    const pre = msgs.find((m) => m.reason === 'pre_alert')!;
    expect(pre).toMatchObject({ scope: 'Restricted', public: false, msg_type: 'Alert' });
    expect(pre.xml).toContain('<restriction>Pre-alert for the child-alert desks of BG</restriction>');

    // The receiving desk sees it (audited); another desk does not.
    const inbox = json<{ items: PreAlertView[] }>(await bgSupervisor.get('/api/pre-alerts?box=inbox'));
    const item = inbox.items.find((p) => p.alertId === a.id)!;
    expect(item).toMatchObject({ fromCountry: 'GR', toCountry: 'BG', status: 'sent', summary: { childName: 'Kalliopi Testaki', incidentId: a.incidentId } });
    expect(json<{ items: PreAlertView[] }>(await roSupervisor.get('/api/pre-alerts?box=inbox')).items.find((p) => p.alertId === a.id)).toBeUndefined();
    const [viewed] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'alert.pre_alerts_viewed'`);
    expect(Number(viewed!.n)).toBeGreaterThan(0);
    const seenByBg = await bgSupervisor.get(`/api/alerts/${a.id}`);
    expect(outcome(seenByBg)).toBe('200');
    expect(json(seenByBg).authority).toMatchObject({ name: 'Public prosecutor', person: null });
    expect(json(seenByBg).allowed).toMatchObject({ resolve: false, update: false, preAlert: false });
    expect(json(await grSupervisor.get(`/api/alerts/${a.id}`)).authority!.person).toBe('Prosecutor Testidis');
    expect(json<{ items: PreAlertView[] }>(await grSupervisor.get('/api/pre-alerts?box=sent')).items.some((p) => p.id === item.id)).toBe(true);
    // Only the receiving desk answers.
    expect(outcome(await roSupervisor.post(`/api/pre-alerts/${item.id}/actions`, { action: 'acknowledge' }))).toBe('404 PRE_ALERT_NOT_FOUND');

    const drafted = await bgSupervisor.post(`/api/pre-alerts/${item.id}/actions`, { action: 'draft_alert' });
    expect(outcome(drafted)).toBe('200');
    const result = json<{ preAlert: PreAlertView; alert: AlertView }>(drafted);
    const n = result.alert;
    expect(n).toMatchObject({ countryCode: 'BG', status: 'draft', incidentId: a.incidentId, origin: { alertId: a.id, countryCode: 'GR' } });
    expect(Object.keys(n.content!.texts)).toEqual(['en']);
    expect(result.preAlert.neighbourAlertId).toBe(n.id);
    expect(outcome(await bgSupervisor.post(`/api/pre-alerts/${item.id}/actions`, { action: 'draft_alert' }))).toBe('409 PRE_ALERT_TRANSITION_NOT_ALLOWED');

    // The BG desk writes its Bulgarian texts, adds the photo; a second BG publisher approves and issues.
    const content = { ...n.content!, texts: { ...n.content!.texts, bg: { headline: 'Отвличане на дете от Гърция', description: 'Може да е в България.', instruction: 'Обадете се веднага.' } } };
    const edited = json(await bgSupervisor.patch(`/api/alerts/${n.id}`, { version: n.version, content, criteria: draftBody().criteria, authority: draftBody().authority }));
    const withPhoto = json(await uploadPhoto(bgSupervisor, n.id));
    expect(outcome(await bgSupervisor.post(`/api/alerts/${n.id}/approve`, { version: withPhoto.version }))).toBe('403 ALERT_APPROVER_IS_DRAFTER');
    const issuedRes = await bgCoordinator.post(`/api/alerts/${n.id}/approve`, { version: withPhoto.version, issueNow: true });
    expect(outcome(issuedRes)).toBe('200');
    expect(edited.version).toBeLessThan(withPhoto.version);
    const [nm] = await messagesOf(t.ctx, n.id);
    const cap = parseCapXml(nm!.xml);
    if (!cap.ok) throw new Error('neighbour message does not parse');
    expect(cap.alert.incidents).toBe(a.incidentId);
    const originLatest = msgs.filter((m) => m.reason !== 'pre_alert').at(-1)!;
    expect(cap.alert.references).toContain(`,${originLatest.identifier},`);
    expect(cap.alert.info.map((i) => i.language)).toEqual(['bg', 'en']);
    const [preRow] = await queryRows<{ status: string }>(t.ctx.database.db, sql`SELECT status FROM alert_pre_alerts WHERE id = ${item.id}`);
    expect(preRow!.status).toBe('issued');
  });

  it('declining needs a note and is recorded', async () => {
    const a = await issuedGr();
    await grSupervisor.post(`/api/alerts/${a.id}/pre-alerts`, { countries: ['BG'] });
    const item = json<{ items: PreAlertView[] }>(await bgSupervisor.get('/api/pre-alerts')).items.find((p) => p.alertId === a.id)!;
    expect(outcome(await bgSupervisor.post(`/api/pre-alerts/${item.id}/actions`, { action: 'decline' }))).toBe('400 VALIDATION_FAILED');
    const res = await bgSupervisor.post(`/api/pre-alerts/${item.id}/actions`, { action: 'decline', note: 'No sign of the child here' });
    expect(json<{ preAlert: PreAlertView }>(res).preAlert).toMatchObject({ status: 'declined', note: 'No sign of the child here' });
    expect(await auditCount(t.ctx, 'alert.pre_alert_declined', item.id)).toBe(1);
  });

  it('pending pre-alerts are withdrawn when the origin ends, and their restricted message is redacted', async () => {
    const a = await issuedGr();
    await grSupervisor.post(`/api/alerts/${a.id}/pre-alerts`, { countries: ['BG', 'TR'] });
    const fresh = json(await grSupervisor.get(`/api/alerts/${a.id}`));
    expect(outcome(await grSupervisor.post(`/api/alerts/${a.id}/resolve`, { version: fresh.version }))).toBe('200');
    const rows = await queryRows<{ status: string }>(t.ctx.database.db, sql`SELECT status FROM alert_pre_alerts WHERE alert_id = ${a.id}`);
    expect(rows.map((r) => r.status)).toEqual(['withdrawn', 'withdrawn']);
    const pre = (await messagesOf(t.ctx, a.id)).find((m) => m.reason === 'pre_alert')!;
    expect(pre.redacted_at).not.toBeNull();
    expect(pre.xml).not.toContain('Kalliopi');
    expect(pre.xml).toContain('<restriction>Pre-alert for the child-alert desks of BG, TR</restriction>');
    expect(json<{ items: PreAlertView[] }>(await bgSupervisor.get('/api/pre-alerts')).items.find((p) => p.alertId === a.id)!.summary.childName).toBeNull();
  });
});

describe('automatic expiry', () => {
  it('expires due issued alerts with a Cancel message and redaction', async () => {
    const a = await issuedGr();
    await queryRows(t.ctx.database.db, sql`UPDATE alerts SET expires_at = now() - interval '1 minute' WHERE id = ${a.id}`);
    expect(await expireDueAlerts(t.ctx)).toBeGreaterThanOrEqual(1);
    const after = json(await grSupervisor.get(`/api/alerts/${a.id}`));
    expect(after).toMatchObject({ status: 'expired', resolution: 'expired', content: null });
    const msgs = await messagesOf(t.ctx, a.id);
    expect(msgs.map((m) => [m.msg_type, m.reason])).toEqual([['Alert', 'issued'], ['Cancel', 'expired']]);
    expect(msgs.every((m) => !m.xml.includes('Kalliopi'))).toBe(true);
    expect(await auditCount(t.ctx, 'alert.expired', a.id)).toBe(1);
    expect(await expireDueAlerts(t.ctx)).toBe(0);
  });
});
