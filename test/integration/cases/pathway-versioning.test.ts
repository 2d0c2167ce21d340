import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathwayView } from '../../../src/api/referrals.schemas';
import { queryRows } from '../../../src/db/database';
import { archiveEntry, insertEntry } from '../../../src/db/repos/directory.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { directoryInputSchema } from '../../../src/api/knowledge.schemas';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let coordinatorGr: TestClient;
let coordinatorSi: TestClient;
let regional: TestClient;
let caseManagerGr: TestClient;
let operatorGr: TestClient;
let policeGr: string;
let shelterGr: string;
let archivedGr: string;
let policeSi: string;

async function entry(countryCode: string, kind: string, name: string): Promise<string> {
  const id = randomUUID();
  await insertEntry(t.ctx.database.db, id, directoryInputSchema.parse({ kind, countryCode, name, languages: ['el'], nrmStages: ['identification'] }), null);
  return id;
}

const input = (countryCode: string, actorIds: string[], over: Record<string, unknown> = {}) => ({
  countryCode,
  titles: { en: `NRM ${countryCode}`, el: `ΕΜΠ ${countryCode}` },
  notes: 'Test pathway',
  steps: [
    { stage: 'identification', titles: { en: 'Identification', el: 'Αναγνώριση' }, slaHours: 24, actorIds },
    { stage: 'first_assistance', titles: { en: 'First assistance' }, descriptions: { en: 'Shelter and care' }, slaHours: 48, actorIds: [] },
  ],
  ...over,
});

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const si = await makeOrganisation(t.ctx, { countryCode: 'SI' });
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: gr.id })).client;
  coordinatorSi = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: si.id })).client;
  regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: si.id })).client;
  caseManagerGr = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id })).client;
  operatorGr = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  policeGr = await entry('GR', 'police', 'Test Police Unit Athens');
  shelterGr = await entry('GR', 'shelter', 'Test Shelter Athens');
  archivedGr = await entry('GR', 'ngo', 'Closed NGO');
  await archiveEntry(t.ctx.database.db, archivedGr);
  policeSi = await entry('SI', 'police', 'Test Police Ljubljana');
});
afterAll(async () => {
  await app?.close();
});

describe('NRM pathways: drafts, versions and publishing', () => {
  let v1: PathwayView;

  it('has no published pathway at first (PATHWAY_NOT_FOUND)', async () => {
    expect(outcome(await operatorGr.get('/api/nrm-pathways/current/GR'))).toBe('404 PATHWAY_NOT_FOUND');
  });

  it('lets the country coordinator save a draft as version 1, with actors and titles in the reader’s language', async () => {
    v1 = ok<PathwayView>(await coordinatorGr.post('/api/nrm-pathways', input('GR', [policeGr])));
    expect(v1).toMatchObject({ countryCode: 'GR', version: 1, status: 'draft', title: 'NRM GR', needsReview: true, publishedAt: null });
    expect(v1.steps.map((s) => [s.stage, s.position, s.slaHours])).toEqual([['identification', 1, 24], ['first_assistance', 2, 48]]);
    expect(v1.steps[0]!.actors).toEqual([expect.objectContaining({ id: policeGr, name: 'Test Police Unit Athens', kind: 'police', inApp: false, organisationId: null })]);
    const greek = ok<PathwayView>(await operatorGr.get(`/api/nrm-pathways/${v1.id}?lang=el`));
    expect(greek.title).toBe('ΕΜΠ GR');
    expect(greek.steps[1]!.title).toBe('First assistance'); // English fallback
    expect(greek.steps[1]!.description).toBe('Shelter and care');
    expect((await auditOf(t.ctx, 'nrm_pathway.drafted', v1.id)).length).toBe(1);
  });

  it('replaces the draft when saved again (still the next version, one draft a country)', async () => {
    const again = ok<PathwayView>(await coordinatorGr.post('/api/nrm-pathways', input('GR', [policeGr, shelterGr])));
    expect(again).toMatchObject({ version: 1, status: 'draft' });
    expect(again.id).not.toBe(v1.id);
    expect(outcome(await operatorGr.get(`/api/nrm-pathways/${v1.id}`))).toBe('404 PATHWAY_NOT_FOUND');
    v1 = again;
    const [n] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM nrm_pathways WHERE country_code = 'GR'`);
    expect(Number(n!.n)).toBe(1);
  });

  it('publishes the draft; the next draft is version 2, and publishing it retires version 1', async () => {
    const published = ok<PathwayView>(await coordinatorGr.post(`/api/nrm-pathways/${v1.id}/publish`));
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(published.publishedAt).not.toBeNull();
    expect(published.publishedBy).not.toBeNull();
    expect(ok<PathwayView>(await operatorGr.get('/api/nrm-pathways/current/GR')).id).toBe(v1.id);
    expect(outcome(await coordinatorGr.post(`/api/nrm-pathways/${v1.id}/publish`))).toBe('409 PATHWAY_VERSION_CONFLICT');

    const v2 = ok<PathwayView>(await regional.post('/api/nrm-pathways', input('GR', [shelterGr], { titles: { en: 'NRM GR v2' } })));
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    expect(ok<PathwayView>(await operatorGr.get('/api/nrm-pathways/current/GR')).id).toBe(v1.id);
    ok(await regional.post(`/api/nrm-pathways/${v2.id}/publish`));
    const current = ok<PathwayView>(await operatorGr.get('/api/nrm-pathways/current/GR'));
    expect(current).toMatchObject({ id: v2.id, version: 2, title: 'NRM GR v2' });
    const list = ok<{ items: { id: string; version: number; status: string; steps: number }[] }>(await operatorGr.get('/api/nrm-pathways?country=GR'));
    expect(list.items.map((i) => [i.version, i.status, i.steps])).toEqual([[2, 'published', 2], [1, 'retired', 2]]);
    const audits = await auditOf(t.ctx, 'nrm_pathway.published', v2.id);
    expect(audits[0]!.details).toMatchObject({ version: 2, retiredVersion: 1 });
  });

  it('keeps coordinators to their country and needs network.manage', async () => {
    expect(outcome(await coordinatorSi.post('/api/nrm-pathways', input('GR', [])))).toBe('403 FORBIDDEN');
    const draft = ok<PathwayView>(await coordinatorGr.post('/api/nrm-pathways', input('GR', [])));
    expect(outcome(await coordinatorSi.post(`/api/nrm-pathways/${draft.id}/publish`))).toBe('403 FORBIDDEN');
    expect(outcome(await caseManagerGr.post('/api/nrm-pathways', input('GR', [])))).toBe('403 FORBIDDEN');
    expect(ok<PathwayView>(await coordinatorSi.post('/api/nrm-pathways', input('SI', [policeSi]))).version).toBe(1);
  });

  it('refuses actors that are unknown, archived or of another country (REFERRAL_ACTOR_NOT_FOUND), saving nothing', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM nrm_pathways`);
    expect(outcome(await coordinatorGr.post('/api/nrm-pathways', input('GR', [policeSi])))).toBe('404 REFERRAL_ACTOR_NOT_FOUND');
    expect(outcome(await coordinatorGr.post('/api/nrm-pathways', input('GR', [archivedGr])))).toBe('404 REFERRAL_ACTOR_NOT_FOUND');
    expect(outcome(await coordinatorGr.post('/api/nrm-pathways', input('GR', [randomUUID()])))).toBe('404 REFERRAL_ACTOR_NOT_FOUND');
    const after = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM nrm_pathways`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('validates the input (English title, known stage)', async () => {
    expect(outcome(await coordinatorGr.post('/api/nrm-pathways', input('GR', [], { titles: { el: 'μόνο ελληνικά' } })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await coordinatorGr.post('/api/nrm-pathways', { ...input('GR', []), steps: [{ stage: 'rescue', titles: { en: 'x' } }] }))).toBe('400 VALIDATION_FAILED');
  });
});
