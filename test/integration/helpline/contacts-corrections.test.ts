import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { completeFields, makeContactRow, makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let operator: TestClient;
let colleague: TestClient;
let supervisor: TestClient;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  colleague = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  supervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: org.id })).client;
});
afterAll(async () => {
  await app?.close();
});

const day = () => ({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

describe('discarding', () => {
  it('discards an own draft (audited, left out of KPIs and the wallboard), but not a colleague’s or a completed contact', async () => {
    const before = ok(await supervisor.get(`/api/helpline/kpis?${new URLSearchParams(day())}`));
    const board = ok(await supervisor.get('/api/helpline/wallboard'));
    const draft = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone' }));
    expect(outcome(await colleague.post(`/api/contacts/${draft.id}/discard`, { version: 1, reason: 'opened_by_mistake' }))).toBe('409 CONTACT_NOT_EDITABLE');
    const gone = ok(await operator.post(`/api/contacts/${draft.id}/discard`, { version: 1, reason: 'opened_by_mistake' }));
    expect(gone).toMatchObject({ status: 'discarded', version: 2 });
    expect(await auditOf(t.ctx, 'contact.discarded', draft.id)).toHaveLength(1);
    expect(ok(await supervisor.get(`/api/helpline/kpis?${new URLSearchParams(day())}`)).offered).toBe(before.offered);
    expect(ok(await supervisor.get('/api/helpline/wallboard'))).toMatchObject({ total: board.total, openDrafts: board.openDrafts });

    const done = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', ...completeFields(), complete: true }));
    expect(outcome(await operator.post(`/api/contacts/${done.id}/discard`, { version: done.version, reason: 'duplicate' }))).toBe('409 CONTACT_NOT_EDITABLE');
  });

  it('lets anyone logging at the desk discard a spam report waiting in the queue', async () => {
    const queued = await makeContactRow(t.ctx, { organisationId: org.id, status: 'queued', source: 'public_form', channel: 'web_form', operatorUserId: null });
    expect(ok(await colleague.post(`/api/contacts/${queued.id}/discard`, { version: queued.version, reason: 'spam' }))).toMatchObject({ status: 'discarded' });
    expect(outcome(await operator.post(`/api/contacts/${queued.id}/discard`, { version: queued.version + 1, reason: 'spam' }))).toBe('409 CONTACT_NOT_EDITABLE');
  });
});

describe('corrections of completed contacts', () => {
  it('re-checks what is mandatory and re-stamps notification times on every correction', async () => {
    const done = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', ...completeFields({ actionsTaken: ['guidance', 'police_report'], outcome: 'reported_to_police' }), complete: true }));
    expect(done.policeNotifiedAt).not.toBeNull();
    const emptied = await supervisor.patch(`/api/contacts/${done.id}`, { version: done.version, categories: [], outcome: null });
    expect(outcome(emptied)).toBe('400 VALIDATION_FAILED');
    expect(ok(await supervisor.get(`/api/contacts/${done.id}`))).toMatchObject({ status: 'completed', version: done.version, outcome: 'reported_to_police' });

    const corrected = ok(await supervisor.patch(`/api/contacts/${done.id}`, { version: done.version, actionsTaken: ['guidance'], outcome: 'information_given' }));
    expect(corrected).toMatchObject({ status: 'completed', policeNotifiedAt: null, completedAt: done.completedAt });
  });
});

describe('input bounds', () => {
  it('refuses contact times before 2000 or after tomorrow, and accepts KPI periods given with different offsets', async () => {
    expect(outcome(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', startedAt: '0001-01-01T00:00:00Z' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', startedAt: '2099-01-01T00:00:00Z' }))).toBe('400 VALIDATION_FAILED');
    const q = new URLSearchParams({ from: '2026-02-01T10:00:00+02:00', to: '2026-02-01T09:00:00Z' });
    expect(outcome(await supervisor.get(`/api/helpline/kpis?${q}`))).toBe('200');
    const reversed = new URLSearchParams({ from: '2026-02-01T10:00:00Z', to: '2026-02-01T11:00:00+02:00' });
    expect(outcome(await supervisor.get(`/api/helpline/kpis?${reversed}`))).toBe('400 VALIDATION_FAILED');
  });
});

describe('repeat callers', () => {
  it('recognises a national number as the same caller as its international form, and an e-mail sender with or without a display name', async () => {
    await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: '+30 691 234 5678' });
    const again = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', callerId: '691-234-5678' }));
    expect(again.callerProfile?.contactCount).toBe(2);
    await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'email', callerId: 'Maria P <Someone@Example.org>' });
    const mail = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'email', callerId: 'someone@example.org' }));
    expect(mail.callerProfile?.contactCount).toBe(2);
  });
});
