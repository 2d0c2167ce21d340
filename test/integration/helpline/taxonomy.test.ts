import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCode } from '../../../src/db/repos/taxonomy.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { completeFields, makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let regional: TestClient;
let countryGr: TestClient;
let operator: TestClient;

const localCode = (countryCode: string, mapsTo = 'THB.LABOUR') => ({ parentCode: mapsTo, module: 'thb', countryCode, mapsTo, labels: { en: 'Fishing boats (local)', el: 'Αλιευτικά σκάφη' } });

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: gr.id });
  regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: gr.id })).client;
  countryGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: gr.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('the taxonomy editor and versions', () => {
  let oldDraftId: string;
  let oldCompletedId: string;

  it('records contacts with the current version (1)', async () => {
    const current = ok(await operator.get('/api/taxonomy'));
    expect(current).toMatchObject({ version: 1, status: 'published' });
    oldDraftId = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone' })).id;
    const done = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', complete: true, ...completeFields() }));
    oldCompletedId = done.id;
    expect(done.taxonomyVersion).toBe(1);
  });

  it('opens one draft at a time (taxonomy.manage), copied from the current version', async () => {
    expect(outcome(await operator.post('/api/taxonomy/draft', {}))).toBe('403 FORBIDDEN');
    const draft = ok(await regional.post('/api/taxonomy/draft', { notes: 'Add local sub-codes' }));
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    expect(draft.codeCount).toBe(ok(await operator.get('/api/taxonomy?version=1')).codeCount);
    expect(outcome(await countryGr.post('/api/taxonomy/draft', {}))).toBe('409 TAXONOMY_DRAFT_EXISTS');
  });

  it('lets a country coordinator add sub-codes for his own country only, never regional codes', async () => {
    const saved = ok(await put(countryGr, '/api/taxonomy/draft/codes/THB.LABOUR.GR_FISHING', localCode('GR')));
    expect(saved).toMatchObject({ code: 'THB.LABOUR.GR_FISHING', countryCode: 'GR', mapsTo: 'THB.LABOUR' });
    expect((await auditOf(t.ctx, 'taxonomy.code_added', '2:THB.LABOUR.GR_FISHING')).length).toBe(1);

    expect(outcome(await put(countryGr, '/api/taxonomy/draft/codes/THB.LABOUR.RO_FISHING', localCode('RO')))).toBe('403 OUT_OF_SCOPE');
    expect(await findCode(t.ctx.database.db, 2, 'THB.LABOUR.RO_FISHING')).toBeUndefined();
    const regionalBody = { parentCode: 'THB', module: 'thb', countryCode: null, mapsTo: null, labels: { en: 'Forced criminality online' } };
    expect(outcome(await put(countryGr, '/api/taxonomy/draft/codes/THB.CYBERCRIME', regionalBody))).toBe('403 OUT_OF_SCOPE');
    // Taking over a regional code by calling it a GR sub-code is refused too.
    expect(outcome(await put(countryGr, '/api/taxonomy/draft/codes/THB.SEXUAL', localCode('GR', 'THB.LABOUR')))).toBe('403 OUT_OF_SCOPE');
    expect((await findCode(t.ctx.database.db, 2, 'THB.SEXUAL'))!.countryCode).toBeNull();

    expect(outcome(await put(countryGr, '/api/taxonomy/draft/codes/THB.LABOUR.GR_BAD', localCode('GR', 'VIOLENCE.BULLYING')))).toBe('400 VALIDATION_FAILED');
    ok(await put(regional, '/api/taxonomy/draft/codes/THB.CYBERCRIME', regionalBody));
  });

  it('does not let anyone use a draft code before it is published', async () => {
    const res = await operator.patch(`/api/contacts/${oldDraftId}`, { version: 1, categories: ['THB.LABOUR.GR_FISHING'] });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
  });

  it('publishes with region-wide rights only; the new version becomes current', async () => {
    expect(outcome(await countryGr.post('/api/taxonomy/draft/publish'))).toBe('403 OUT_OF_SCOPE');
    const published = ok(await regional.post('/api/taxonomy/draft/publish'));
    expect(published).toMatchObject({ version: 2, status: 'published' });
    expect(ok(await operator.get('/api/taxonomy'))).toMatchObject({ version: 2 });
    const versions = ok<{ version: number; status: string }[]>(await operator.get('/api/taxonomy/versions'));
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'retired']]);
    expect(outcome(await regional.post('/api/taxonomy/draft/publish'))).toBe('404 TAXONOMY_NO_DRAFT');
  });

  it('keeps old contacts on their version; new contacts get the new one at once', async () => {
    expect(ok(await operator.get(`/api/contacts/${oldCompletedId}`)).taxonomyVersion).toBe(1);
    // A draft started under version 1 is still checked against version 1.
    expect(outcome(await operator.patch(`/api/contacts/${oldDraftId}`, { version: 1, categories: ['THB.LABOUR.GR_FISHING'] }))).toBe('400 VALIDATION_FAILED');
    const done = ok(await operator.post(`/api/contacts/${oldDraftId}/complete`, { version: 1, ...completeFields({ categories: ['VIOLENCE.BULLYING'] }) }));
    expect(done.taxonomyVersion).toBe(1);

    const fresh = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', complete: true, ...completeFields({ categories: ['THB.LABOUR.GR_FISHING'] }) }));
    expect(fresh).toMatchObject({ taxonomyVersion: 2, isThb: true, status: 'completed' });
  });

  it('discards a draft', async () => {
    ok(await regional.post('/api/taxonomy/draft', {}));
    ok(await regional.delete('/api/taxonomy/draft'));
    expect(outcome(await regional.delete('/api/taxonomy/draft'))).toBe('404 TAXONOMY_NO_DRAFT');
    expect(ok(await operator.get('/api/taxonomy'))).toMatchObject({ version: 2 });
  });
});
