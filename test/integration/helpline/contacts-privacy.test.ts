import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import { insertFlag } from '../../../src/db/repos/caller.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, rawContacts } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let operator: TestClient;
let operatorId: string;

const NOTES = 'Ο πατέρας δουλεύει στο χωράφι χωρίς χαρτιά — seasonal farm near Marathon';
const PHONE = '+30 691 555 0101';

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
  const a = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id });
  operator = a.client;
  operatorId = a.user.id;
});
afterAll(async () => {
  await app?.close();
});

describe('personal data at rest', () => {
  it('stores notes and the call-back number encrypted, and decrypts them on read', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', notes: NOTES, consentCallback: true, callbackPhone: '+30 210 555 0199' }));
    expect(c.notes).toBe(NOTES);
    const [row] = await rawContacts(t.ctx, sql`id = ${c.id}`);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('Marathon');
    expect(stored).not.toContain('χωράφι');
    expect(stored).not.toContain('555 0199');
    expect(row!.notes_enc).toEqual(expect.any(String));
    const read = ok(await operator.get(`/api/contacts/${c.id}`));
    expect(read).toMatchObject({ notes: NOTES, callbackPhone: '+30 210 555 0199', hasNotes: true });
  });

  it('drops the call-back number when consent is withdrawn', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', consentCallback: true, callbackPhone: '+30 210 555 0100' }));
    const after = ok(await operator.patch(`/api/contacts/${c.id}`, { version: 1, consentCallback: false }));
    expect(after.callbackPhone).toBeNull();
    expect((await rawContacts(t.ctx, sql`id = ${c.id}`))[0]!.callback_phone_enc).toBeNull();
  });

  it('never stores the caller id: not in the contact row, not in the callers table', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: PHONE }));
    const [row] = await rawContacts(t.ctx, sql`id = ${c.id}`);
    const callers = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM callers WHERE id = ${row!.caller_id as string}`);
    expect(callers).toHaveLength(1);
    const everything = JSON.stringify([row, callers]);
    for (const form of ['6915550101', '691 555 0101', '306915550101']) expect(everything).not.toContain(form);
    expect(callers[0]!.caller_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('repeat callers', () => {
  it('recognises the same number written differently, and shows the profile', async () => {
    const phone = '+30 697 000 1234';
    const first = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: phone }));
    expect(first.callerProfile).toBeNull();
    const second = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'sms', callerId: '0030-697-000-1234' }));
    expect(second.callerProfile).toMatchObject({ contactCount: 2 });
    expect(second.callerProfile.recentContacts.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    const lookup = ok(await operator.get(`/api/callers/lookup?callerId=${encodeURIComponent('+306970001234')}`));
    expect(lookup.profile).toMatchObject({ id: second.callerProfile.id, contactCount: 2 });
    expect((await auditOf(t.ctx, 'caller.viewed', second.callerProfile.id)).length).toBe(1);
    expect(ok(await operator.get('/api/callers/lookup?callerId=%2B306970009999')).profile).toBeNull();
  });

  it('matches chat ids case-insensitively', async () => {
    ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'chat', callerId: 'Chat:Anna_2011' }));
    const again = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'chat', callerId: 'chat:anna_2011' }));
    expect(again.callerProfile?.contactCount).toBe(2);
  });

  it('shows active flags, hides expired ones, and clears a flag', async () => {
    const phone = '+30 697 000 7777';
    ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: phone }));
    const callerId = ok(await operator.get(`/api/callers/lookup?callerId=${encodeURIComponent(phone)}`)).profile.id as string;
    await insertFlag(t.ctx.database.db, { id: randomUUID(), callerId, flag: 'hoax_reports', setAt: new Date(Date.now() - 10 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) });
    const flagged = ok(await operator.post(`/api/callers/${callerId}/flags`, { flag: 'vulnerable', days: 30, note: 'lives with an aunt' }));
    expect(flagged.flags.map((f: { flag: string }) => f.flag)).toEqual(['vulnerable']);
    expect(flagged.flags[0].note).toBe('lives with an aunt');
    const noteRows = await queryRows<{ note_enc: string }>(t.ctx.database.db, sql`SELECT note_enc FROM caller_flags WHERE caller_id = ${callerId} AND flag = 'vulnerable'`);
    expect(noteRows[0]!.note_enc).not.toContain('aunt');
    const cleared = ok(await operator.delete(`/api/callers/${callerId}/flags/${flagged.flags[0].id}`));
    expect(cleared.flags).toEqual([]);
    expect(outcome(await operator.delete(`/api/callers/${callerId}/flags/${flagged.flags[0].id}`))).toBe('404 FLAG_NOT_FOUND');
  });
});

describe('record scope', () => {
  it('hides a contact from an operator of another organisation (404, not in search) and shows it region-wide', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', region: 'Scopetown' }));
    const otherOrg = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    const stranger = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: otherOrg.id })).client;
    expect(outcome(await stranger.get(`/api/contacts/${c.id}`))).toBe('404 CONTACT_NOT_FOUND');
    expect(outcome(await stranger.patch(`/api/contacts/${c.id}`, { version: 1, region: 'Hacked' }))).toBe('404 CONTACT_NOT_FOUND');
    expect(outcome(await stranger.post(`/api/contacts/${c.id}/complete`, { version: 1 }))).toBe('404 CONTACT_NOT_FOUND');
    expect(ok(await stranger.get('/api/contacts?q=scopetown')).items).toEqual([]);
    expect((await rawContacts(t.ctx, sql`id = ${c.id}`))[0]!.region).toBe('Scopetown');

    const regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: otherOrg.id })).client;
    expect(ok(await regional.get(`/api/contacts/${c.id}`)).id).toBe(c.id);
    expect(ok(await regional.get('/api/contacts?q=scopetown')).items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });

  it('keeps caller profiles per desk: another desk neither finds nor flags them', async () => {
    const phone = '+30 697 000 4242';
    ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: phone }));
    const callerId = ok(await operator.get(`/api/callers/lookup?callerId=${encodeURIComponent(phone)}`)).profile.id as string;
    const otherOrg = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    const stranger = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: otherOrg.id })).client;
    expect(ok(await stranger.get(`/api/callers/lookup?callerId=${encodeURIComponent(phone)}`)).profile).toBeNull();
    expect(outcome(await stranger.post(`/api/callers/${callerId}/flags`, { flag: 'abusive', days: 5 }))).toBe('404 CALLER_NOT_FOUND');
    const flags = await queryRows(t.ctx.database.db, sql`SELECT 1 FROM caller_flags WHERE caller_id = ${callerId}`);
    expect(flags).toHaveLength(0);
  });

  it('refuses to create a contact at a desk outside the actor’s scope', async () => {
    const otherOrg = await makeOrganisation(t.ctx, { countryCode: 'BG' });
    expect(outcome(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', organisationId: otherOrg.id }))).toBe('403 OUT_OF_SCOPE');
  });
});

describe('audited reads', () => {
  it('writes contact.viewed for every full read, naming the reader', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone' }));
    expect(await auditOf(t.ctx, 'contact.viewed', c.id)).toHaveLength(0);
    ok(await operator.get(`/api/contacts/${c.id}`));
    ok(await operator.get(`/api/contacts/${c.id}`));
    const views = await auditOf(t.ctx, 'contact.viewed', c.id);
    expect(views).toHaveLength(2);
    expect(views[0]!.actorUserId).toBe(operatorId);
    expect(await auditOf(t.ctx, 'contact.created', c.id)).toHaveLength(1);
  });
});
