import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeDesk } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { CSRF_PAIR, outcome, signedIn } from '../http/support';
import { auditOf, countContactsWhere, ok, rawContacts } from './support';

const LIMIT = 3;
const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR: String(LIMIT) });
let app: FastifyInstance;
let desk: OrganisationRow;
let ipCounter = 0;

/** Each test sends from its own address so the per-address limit does not leak between tests. */
const freshIp = () => `198.51.100.${(ipCounter += 1)}`;
const report = (body: Record<string, unknown>, ip: string) =>
  app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, headers: { ...CSRF_PAIR }, payload: body });
const valid = (over: Record<string, unknown> = {}) => ({ countryCode: 'GR', language: 'el', kind: 'report', reporterType: 'member_of_public', message: 'Παιδιά πουλάνε λουλούδια κάθε βράδυ στην πλατεία', region: 'Thessaloniki', ...over });

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  desk = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: desk.id, countryCode: 'GR', name: 'GR public desk', publicIntake: true, phoneNumbers: [{ number: '1109', service: 'thb_hotline' }, { number: '116 000', service: 'missing_children' }] });
  const other = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: other.id, countryCode: 'GR', name: 'GR private desk' });
});
afterAll(async () => {
  await app?.close();
});

describe('the public report form', () => {
  it('lists only desks that take public reports', async () => {
    const desks = ok<{ countryCode: string; deskName: string }[]>(await app.inject({ method: 'GET', url: '/api/public/desks' }));
    expect(desks.map((d) => d.deskName)).toEqual(['GR public desk']);
  });

  it('creates a queued contact at the country desk, in the reporter’s language, without an account', async () => {
    const res = await report(valid(), freshIp());
    const receipt = ok(res);
    expect(receipt.reference).toMatch(/^GR-\d{6}-[2-9A-Z]{6}$/);
    expect(receipt.phoneNumbers.map((n: { number: string }) => n.number)).toEqual(['116 000', '116 111', '1109']);
    const [row] = await rawContacts(t.ctx, sql`reference = ${receipt.reference}`);
    expect(row).toMatchObject({ organisation_id: desk.id, status: 'queued', source: 'public_form', channel: 'web_form', language: 'el', operator_user_id: null, caller_type: 'member_of_public' });
    expect(JSON.stringify(row)).not.toContain('λουλούδια');
    const audit = (await auditOf(t.ctx, 'contact.created', row!.id as string))[0]!;
    expect(audit.actorUserId).toBeNull();
  });

  it('answers a filled honeypot with a normal receipt and stores nothing', async () => {
    const before = await countContactsWhere(t.ctx, sql`true`);
    const receipt = ok(await report(valid({ website: 'http://spam.example' }), freshIp()));
    expect(receipt.reference).toMatch(/^GR-/);
    expect(await countContactsWhere(t.ctx, sql`reference = ${receipt.reference}`)).toBe(0);
    expect(await countContactsWhere(t.ctx, sql`true`)).toBe(before);
  });

  it('limits reports per address and says when to retry', async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMIT; i += 1) expect(outcome(await report(valid(), ip))).toBe('200');
    const before = await countContactsWhere(t.ctx, sql`true`);
    const limited = await report(valid(), ip);
    expect(outcome(limited)).toBe('429 RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countContactsWhere(t.ctx, sql`true`)).toBe(before);
    expect(outcome(await report(valid(), freshIp()))).toBe('200');
  });

  it('refuses an oversize message, a call-back without consent, and a country without a desk', async () => {
    const before = await countContactsWhere(t.ctx, sql`true`);
    expect(outcome(await report(valid({ message: 'x'.repeat(4001) }), freshIp()))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await report(valid({ kind: 'callback', callbackPhone: '+30 210 555 0100' }), freshIp()))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await report(valid({ kind: 'callback', callbackConsent: true }), freshIp()))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await report(valid({ countryCode: 'HR' }), freshIp()))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await report({ ...valid(), userId: 'x' }, freshIp()))).toBe('400 VALIDATION_FAILED');
    expect(await countContactsWhere(t.ctx, sql`true`)).toBe(before);
  });

  it('keeps the call-back number (encrypted) when the reporter consents', async () => {
    const receipt = ok(await report(valid({ kind: 'callback', callbackPhone: '+30 210 555 0177', callbackConsent: true }), freshIp()));
    const [row] = await rawContacts(t.ctx, sql`reference = ${receipt.reference}`);
    expect(row).toMatchObject({ consent_callback: true });
    expect(row!.callback_phone_enc).toEqual(expect.any(String));
    expect(JSON.stringify(row)).not.toContain('555 0177');
  });

  it('is claimed by one operator only', async () => {
    const receipt = ok(await report(valid({ message: 'Claim me' }), freshIp()));
    const [row] = await rawContacts(t.ctx, sql`reference = ${receipt.reference}`);
    const id = row!.id as string;
    const first: { client: TestClient; user: { id: string } } = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: desk.id });
    const second = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: desk.id })).client;
    expect(outcome(await first.client.patch(`/api/contacts/${id}`, { version: 1, region: 'x' }))).toBe('409 CONTACT_NOT_EDITABLE');
    const claimed = ok(await first.client.post(`/api/contacts/${id}/claim`));
    expect(claimed).toMatchObject({ status: 'draft', operatorUserId: first.user.id, notes: 'Public form: report of a concern\n\nClaim me' });
    expect(outcome(await second.post(`/api/contacts/${id}/claim`))).toBe('409 CONTACT_NOT_EDITABLE');
    expect((await rawContacts(t.ctx, sql`id = ${id}`))[0]!.operator_user_id).toBe(first.user.id);
  });
});
