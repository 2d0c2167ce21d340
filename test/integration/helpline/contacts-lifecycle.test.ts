import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { completeFields, makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { countContactsWhere, ok } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let operator: TestClient;
let operatorId: string;
let colleague: TestClient;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
  const a = await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id });
  operator = a.client;
  operatorId = a.user.id;
  colleague = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('drafts and autosave', () => {
  it('creates a draft, autosaves with the version, refuses a stale version and keeps the stored draft', async () => {
    const draft = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', language: 'el' }));
    expect(draft).toMatchObject({ status: 'draft', source: 'console', version: 1, countryCode: 'GR', organisationId: org.id, operatorUserId: operatorId, taxonomyVersion: 1 });

    const saved = ok(await operator.patch(`/api/contacts/${draft.id}`, { version: 1, callerType: 'child', region: 'Attica' }));
    expect(saved).toMatchObject({ version: 2, callerType: 'child', region: 'Attica', language: 'el' });

    const stale = await operator.patch(`/api/contacts/${draft.id}`, { version: 1, callerType: 'professional', region: 'Crete' });
    expect(outcome(stale)).toBe('409 CONTACT_VERSION_CONFLICT');
    const stored = ok(await operator.get(`/api/contacts/${draft.id}`));
    expect(stored).toMatchObject({ version: 2, callerType: 'child', region: 'Attica' });
  });

  it('refuses to complete with missing fields, listing every issue, and keeps what was saved', async () => {
    const draft = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'chat', region: 'Epirus' }));
    const res = await operator.post(`/api/contacts/${draft.id}/complete`, { version: 1, callerType: 'professional' });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    const paths = (res.json().error.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['actionsTaken', 'callerSector', 'categories', 'language', 'outcome']));
    const stored = ok(await operator.get(`/api/contacts/${draft.id}`));
    expect(stored).toMatchObject({ status: 'draft', version: 1, region: 'Epirus', callerType: null, completedAt: null });
  });

  it('completes: stamps police and NRM, computes handle time, flags THB', async () => {
    const startedAt = new Date(Date.now() - 600_000).toISOString();
    const draft = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'hotline_116000', startedAt }));
    const done = ok(await operator.post(`/api/contacts/${draft.id}/complete`, {
      version: 1,
      ...completeFields({ categories: ['THB.SEXUAL'], actionsTaken: ['police_report', 'nrm_notification'], outcome: 'reported_to_police' }),
    }));
    expect(done).toMatchObject({ status: 'completed', isThb: true, outcome: 'reported_to_police', version: 2 });
    expect(done.policeNotifiedAt).not.toBeNull();
    expect(done.nrmNotifiedAt).toBe(done.policeNotifiedAt);
    expect(done.endedAt).toBe(done.completedAt);
    expect(done.handleSeconds).toBe(Math.round((Date.parse(done.endedAt) - Date.parse(startedAt)) / 1000));
    expect(done.handleSeconds).toBeGreaterThanOrEqual(600);
    // A completed contact is no longer the operator's to edit.
    expect(outcome(await operator.patch(`/api/contacts/${draft.id}`, { version: 2, region: 'Crete' }))).toBe('409 CONTACT_NOT_EDITABLE');
  });

  it('logs a whole contact in one request with complete=true, and a non-THB one is not flagged', async () => {
    const done = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', complete: true, ...completeFields({ categories: ['VIOLENCE.BULLYING'] }) }));
    expect(done).toMatchObject({ status: 'completed', isThb: false, policeNotifiedAt: null, nrmNotifiedAt: null });
  });

  it('refuses an unknown category even in a draft, and a group or foreign sub-code at completion', async () => {
    expect(outcome(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', categories: ['NO.SUCH'] }))).toBe('400 VALIDATION_FAILED');
    const res = await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', complete: true, ...completeFields({ categories: ['THB'] }) });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.issues)).toContain('THB is a group');
  });

  it('refuses an end before the start with a field error (not a failed query), on create and on autosave', async () => {
    const bad = { startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T09:59:00Z' };
    const key = newKey();
    const res = await operator.post('/api/contacts', { idempotencyKey: key, channel: 'phone', ...bad });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    expect(res.json().error.issues).toEqual([{ path: 'endedAt', message: 'the contact cannot end before it started' }]);
    expect(await countContactsWhere(t.ctx, sql`idempotency_key = ${key}`)).toBe(0);
    const draft = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', startedAt: bad.startedAt }));
    expect(outcome(await operator.patch(`/api/contacts/${draft.id}`, { version: 1, endedAt: bad.endedAt }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operator.patch(`/api/contacts/${draft.id}`, { version: 1, endedAt: '2026-03-02T10:04:00Z' }))).toBe('200');
    // Moving the start after the stored end is caught the same way.
    expect(outcome(await operator.patch(`/api/contacts/${draft.id}`, { version: 2, startedAt: '2026-03-02T10:05:00Z' }))).toBe('400 VALIDATION_FAILED');
    expect(ok(await operator.get(`/api/contacts/${draft.id}`))).toMatchObject({ version: 2, handleSeconds: 240 });
  });
});

describe('idempotent creation', () => {
  it('returns the first contact for a retry with the same key (replayed=true), one row', async () => {
    const key = newKey();
    const first = ok(await operator.post('/api/contacts', { idempotencyKey: key, channel: 'phone', region: 'Attica' }));
    expect(first.replayed).toBeUndefined();
    const again = ok(await operator.post('/api/contacts', { idempotencyKey: key, channel: 'phone', region: 'Attica' }));
    expect(again).toMatchObject({ id: first.id, reference: first.reference, replayed: true });
    expect(await countContactsWhere(t.ctx, sql`idempotency_key = ${key}`)).toBe(1);
  });

  it('refuses the same key from another user', async () => {
    const key = newKey();
    ok(await operator.post('/api/contacts', { idempotencyKey: key, channel: 'phone' }));
    expect(outcome(await colleague.post('/api/contacts', { idempotencyKey: key, channel: 'phone' }))).toBe('409 IDEMPOTENCY_KEY_REUSED');
    expect(await countContactsWhere(t.ctx, sql`idempotency_key = ${key}`)).toBe(1);
  });

  it('creates exactly one row for concurrent duplicates', async () => {
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 4 }, () => operator.post('/api/contacts', { idempotencyKey: key, channel: 'sms' })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(results.filter((r) => r.json().replayed === true)).toHaveLength(3);
    expect(await countContactsWhere(t.ctx, sql`idempotency_key = ${key}`)).toBe(1);
  });
});

describe('non-data contacts', () => {
  it('logs a silent call in one request as completed non-data', async () => {
    const c = ok(await operator.post('/api/contacts/non-data', { idempotencyKey: newKey(), channel: 'hotline_116000', nonDataType: 'silent' }));
    expect(c).toMatchObject({ status: 'completed', outcome: 'non_data', nonDataType: 'silent', categories: ['NONDATA.SILENT'], isThb: false });
    expect(c.handleSeconds).toBeGreaterThanOrEqual(0);
  });
});
