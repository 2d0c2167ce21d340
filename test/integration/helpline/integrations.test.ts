import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { signWebhookBody } from '../../../src/domain/helpline/webhook-signature';
import { makeDesk } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { countContactsWhere, ok, rawContacts } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let admin: TestClient;
let operatorEmail: string;
let operatorId: string;
let tel: { id: string; secret: string };
let mail: { id: string; secret: string };

/** POST a signed webhook (the signature covers the exact body string). */
function hook(path: string, integration: { id: string; secret: string }, body: unknown, opts: { at?: Date; signature?: string } = {}) {
  const raw = JSON.stringify(body);
  const signature = opts.signature ?? signWebhookBody(integration.secret, raw, opts.at);
  return app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', 'x-victor-integration': integration.id, 'x-victor-signature': signature }, payload: raw });
}
const telEvent = (body: Record<string, unknown>, opts?: { at?: Date; signature?: string }, integ = tel) => hook('/api/integrations/telephony/events', integ, body, opts);
const mailEvent = (body: Record<string, unknown>, integ = mail) => hook('/api/integrations/email/messages', integ, body);
const byCall = (callId: string) => sql`source = 'telephony' AND external_ref = ${callId}`;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
  admin = (await signedIn(app, t.ctx, { role: 'administrator', organisationId: org.id })).client;
  const op = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id });
  operatorEmail = op.user.email;
  operatorId = op.user.id;
  tel = ok(await admin.post('/api/admin/integrations', { kind: 'telephony', name: 'Asterisk GR', organisationId: org.id }));
  mail = ok(await admin.post('/api/admin/integrations', { kind: 'email', name: 'Mail GR', organisationId: org.id }));
});
afterAll(async () => {
  await app?.close();
});

describe('integration administration', () => {
  it('shows the signing secret once and stores it encrypted', async () => {
    expect(tel.secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/admin/integrations');
    expect(list.body).not.toContain(tel.secret);
    expect(ok<{ id: string }[]>(list).map((i) => i.id)).toEqual([tel.id, mail.id]);
    const [row] = await queryRows<{ secret_enc: string }>(t.ctx.database.db, sql`SELECT secret_enc FROM channel_integrations WHERE id = ${tel.id}`);
    expect(row!.secret_enc).not.toContain(tel.secret.slice(6));
  });
});

describe('telephony events', () => {
  it('opens a queued contact for call.started, hashing the caller; the same event again is a duplicate', async () => {
    const event = { event: 'call.started', callId: 'call-001', channel: 'hotline_116000', callerId: '+30 694 123 4567', at: new Date().toISOString() };
    const ack = ok(await telEvent(event));
    expect(ack).toMatchObject({ status: 'queued', duplicate: false });
    const [row] = await rawContacts(t.ctx, byCall('call-001'));
    expect(row).toMatchObject({ id: ack.contactId, source: 'telephony', channel: 'hotline_116000', status: 'queued', operator_user_id: null });
    expect(row!.caller_id).toEqual(expect.any(String));
    const callers = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM callers WHERE id = ${row!.caller_id as string}`);
    expect(JSON.stringify([row, callers])).not.toMatch(/6941234567|694 123 4567/);

    const again = ok(await telEvent(event));
    expect(again).toMatchObject({ contactId: ack.contactId, duplicate: true });
    expect(await countContactsWhere(t.ctx, byCall('call-001'))).toBe(1);
    expect(await countContactsWhere(t.ctx, sql`caller_id = ${row!.caller_id as string}`)).toBe(1);
  });

  it('pops a draft up for the named operator and closes the timer on call.ended', async () => {
    const start = new Date(Date.now() - 240_000);
    const ack = ok(await telEvent({ event: 'call.started', callId: 'call-002', at: start.toISOString(), operatorEmail }));
    expect(ack.status).toBe('draft');
    const end = new Date(start.getTime() + 185_000);
    const ended = ok(await telEvent({ event: 'call.ended', callId: 'call-002', at: end.toISOString(), answered: true }));
    expect(ended).toMatchObject({ contactId: ack.contactId, status: 'draft', duplicate: false });
    const [row] = await rawContacts(t.ctx, byCall('call-002'));
    expect(new Date(row!.ended_at as string).toISOString()).toBe(end.toISOString());
    expect(row).toMatchObject({ handle_seconds: 185, operator_user_id: operatorId });
    expect(ok(await telEvent({ event: 'call.ended', callId: 'call-002', at: end.toISOString(), answered: true })).duplicate).toBe(true);
  });

  it('marks an unanswered call with no operator as abandoned', async () => {
    const start = new Date(Date.now() - 60_000);
    ok(await telEvent({ event: 'call.started', callId: 'call-003', at: start.toISOString() }));
    const ack = ok(await telEvent({ event: 'call.ended', callId: 'call-003', at: new Date(start.getTime() + 20_000).toISOString(), answered: false }));
    expect(ack.status).toBe('abandoned');
    expect((await rawContacts(t.ctx, byCall('call-003')))[0]).toMatchObject({ status: 'abandoned', handle_seconds: 20 });
  });

  it('refuses bad signatures, old timestamps, wrong kinds and revoked integrations, writing nothing', async () => {
    const event = (callId: string) => ({ event: 'call.started', callId, at: new Date().toISOString() });
    const refused = async (res: Awaited<ReturnType<typeof telEvent>>, callId: string) => {
      expect(outcome(res)).toBe('401 SIGNATURE_INVALID');
      expect(await countContactsWhere(t.ctx, byCall(callId))).toBe(0);
    };
    await refused(await telEvent(event('bad-1'), { signature: signWebhookBody('whsec_wrong', JSON.stringify(event('bad-1'))) }), 'bad-1');
    await refused(await telEvent(event('bad-2'), { at: new Date(Date.now() - 3_600_000) }), 'bad-2');
    await refused(await telEvent(event('bad-3'), { signature: 'garbage' }), 'bad-3');
    await refused(await telEvent(event('bad-4'), undefined, { id: mail.id, secret: mail.secret }), 'bad-4');
    const noHeader = await app.inject({ method: 'POST', url: '/api/integrations/telephony/events', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(event('bad-5')) });
    await refused(noHeader, 'bad-5');

    const spare = ok<{ id: string; secret: string }>(await admin.post('/api/admin/integrations', { kind: 'telephony', name: 'Spare', organisationId: org.id }));
    ok(await telEvent(event('ok-6'), undefined, spare));
    ok(await admin.delete(`/api/admin/integrations/${spare.id}`));
    await refused(await telEvent(event('bad-7'), undefined, spare), 'bad-7');
  });
});

describe('e-mail gateway', () => {
  it('queues a received e-mail with the sender hashed; the same message id again is a duplicate', async () => {
    const msg = { messageId: '<abc-1@mail.example>', from: 'Worried.Parent@Example.org', subject: 'My son', text: 'He left with a recruiter for a job abroad', receivedAt: new Date().toISOString(), language: 'el' };
    const ack = ok(await mailEvent(msg));
    expect(ack).toMatchObject({ status: 'queued', duplicate: false });
    const [row] = await rawContacts(t.ctx, sql`id = ${ack.contactId}`);
    expect(row).toMatchObject({ source: 'email', channel: 'email', status: 'queued', language: 'el', external_ref: msg.messageId });
    const callers = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM callers WHERE id = ${row!.caller_id as string}`);
    expect(JSON.stringify([row, callers]).toLowerCase()).not.toContain('worried.parent');
    expect(JSON.stringify(row)).not.toContain('recruiter');

    expect(ok(await mailEvent(msg))).toMatchObject({ contactId: ack.contactId, duplicate: true });
    expect(await countContactsWhere(t.ctx, sql`source = 'email' AND external_ref = ${msg.messageId}`)).toBe(1);
    // A second e-mail from the same sender, however the address is cased, is the same caller.
    const next = ok(await mailEvent({ ...msg, messageId: '<abc-2@mail.example>', from: 'worried.parent@example.org' }));
    expect((await rawContacts(t.ctx, sql`id = ${next.contactId}`))[0]!.caller_id).toBe(row!.caller_id);
  });
});
