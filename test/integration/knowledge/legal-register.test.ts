import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentView } from '../../../src/api/knowledge.schemas';
import { queryRows } from '../../../src/db/database';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let regional: TestClient;
let coordinatorSi: TestClient;
let coordinatorGr: TestClient;
let supervisorGr: TestClient;
let operatorGr: TestClient;
let evaluator: TestClient;

const bySlug = async (c: TestClient, slug: string) => ok<{ items: InstrumentView[] }>(await c.get('/api/knowledge/legal')).items.find((i) => i.slug === slug)!;
const statusOf = (i: InstrumentView, country: string) => i.statuses.find((s) => s.countryCode === country)!;
const countInstruments = async () => Number((await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM legal_instruments`))[0]!.n);
const national = (countryCode: string, over: Record<string, unknown> = {}) => ({
  kind: 'national',
  countryCode,
  title: `Demo act on the national referral mechanism (${countryCode})`,
  summaries: { en: 'Entered by the country desk.' },
  ...over,
});

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  const gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const si = await makeOrganisation(t.ctx, { countryCode: 'SI', city: 'Ljubljana' });
  regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: gr.id })).client;
  coordinatorSi = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: si.id })).client;
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: gr.id })).client;
  supervisorGr = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  operatorGr = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  evaluator = (await signedIn(app, t.ctx, { role: 'evaluator', organisationId: gr.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('the legal instruments register: reading', () => {
  it('lists the reference instruments with a status per country to knowledge readers only', async () => {
    expect(outcome(await evaluator.get('/api/knowledge/legal'))).toBe('403 FORBIDDEN');
    const { items } = ok<{ items: InstrumentView[] }>(await operatorGr.get('/api/knowledge/legal'));
    expect(items.length).toBeGreaterThanOrEqual(9);
    const palermo = items.find((i) => i.slug === 'un-palermo-protocol')!;
    expect(palermo).toMatchObject({ kind: 'international', countryCode: null, adoptedOn: '2000-11-15', inForceOn: '2003-12-25', canEdit: false });
    expect(palermo.statuses).toHaveLength(15);
    expect(palermo.statuses.every((s) => s.needsReview && s.status === 'unknown' && !s.signedOn && !s.ratifiedOn && !s.inForceOn)).toBe(true);
    const directive = items.find((i) => i.slug === 'eu-directive-2011-36')!;
    expect(statusOf(directive, 'RS').status).toBe('not_applicable');
    expect(statusOf(directive, 'GR').status).toBe('unknown');
    expect(Object.keys(palermo).sort()).toEqual(
      ['adoptedOn', 'canEdit', 'countryCode', 'id', 'inForceOn', 'kind', 'needsReview', 'officialUrl', 'reference', 'reviewNote', 'reviewedAt', 'shortTitle', 'slug', 'statuses', 'summaries', 'title', 'topics', 'updatedAt', 'version', 'year'].sort(),
    );
  });

  it('filters by kind, country (that country’s statuses only) and review flag', async () => {
    const eu = ok<{ items: InstrumentView[] }>(await operatorGr.get('/api/knowledge/legal?kind=eu')).items;
    expect(eu.length).toBeGreaterThanOrEqual(2);
    expect(eu.every((i) => i.kind === 'eu')).toBe(true);
    const si = ok<{ items: InstrumentView[] }>(await operatorGr.get('/api/knowledge/legal?country=SI')).items;
    expect(si.every((i) => i.statuses.length === 1 && i.statuses[0]!.countryCode === 'SI')).toBe(true);
    const flagged = ok<{ items: InstrumentView[] }>(await operatorGr.get('/api/knowledge/legal?needsReview=true')).items;
    expect(flagged.length).toBe(ok<{ items: InstrumentView[] }>(await operatorGr.get('/api/knowledge/legal')).items.length);
    expect(outcome(await operatorGr.get('/api/knowledge/legal?kind=treaty'))).toBe('400 VALIDATION_FAILED');
  });

  it('answers 404 for an unknown instrument and 400 for a malformed id', async () => {
    expect(outcome(await operatorGr.get('/api/knowledge/legal/00000000-0000-4000-8000-000000000000'))).toBe('404 INSTRUMENT_NOT_FOUND');
    expect(outcome(await operatorGr.get('/api/knowledge/legal/not-a-uuid'))).toBe('400 VALIDATION_FAILED');
  });
});

describe('country statuses', () => {
  it('lets a country’s desk record its own country only; the region records any', async () => {
    const palermo = await bySlug(regional, 'un-palermo-protocol');
    const body = { status: 'ratified', signedOn: '2000-12-12', ratifiedOn: '2004-05-21', sourceUrl: 'https://treaties.un.org/' };
    expect(outcome(await put(coordinatorSi, `/api/knowledge/legal/${palermo.id}/status/GR`, body))).toBe('403 OUT_OF_SCOPE');
    expect(statusOf(await bySlug(regional, 'un-palermo-protocol'), 'GR')).toMatchObject({ status: 'unknown', needsReview: true, ratifiedOn: null });

    const saved = ok<InstrumentView>(await put(coordinatorSi, `/api/knowledge/legal/${palermo.id}/status/SI`, body));
    expect(statusOf(saved, 'SI')).toMatchObject({ status: 'ratified', signedOn: '2000-12-12', ratifiedOn: '2004-05-21', needsReview: false });
    expect(ok<InstrumentView>(await put(regional, `/api/knowledge/legal/${palermo.id}/status/GR`, { status: 'signed', needsReview: true })).statuses.find((s) => s.countryCode === 'GR')).toMatchObject({ status: 'signed', needsReview: true });
    expect((await auditOf(t.ctx, 'knowledge.instrument.status_set', palermo.id)).map((e) => e.countryCode).sort()).toEqual(['GR', 'SI']);
  });

  it('refuses organisation-scoped editors, readers, unknown countries and bad links', async () => {
    const palermo = await bySlug(regional, 'un-palermo-protocol');
    expect(outcome(await put(supervisorGr, `/api/knowledge/legal/${palermo.id}/status/GR`, { status: 'ratified' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await put(operatorGr, `/api/knowledge/legal/${palermo.id}/status/GR`, { status: 'ratified' }))).toBe('403 FORBIDDEN');
    expect(outcome(await put(regional, `/api/knowledge/legal/${palermo.id}/status/ZZ`, { status: 'ratified' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await put(regional, `/api/knowledge/legal/${palermo.id}/status/GR`, { status: 'sort_of' }))).toBe('400 VALIDATION_FAILED');
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '/relative/path', 'ftp://example.org/x']) {
      expect(outcome(await put(regional, `/api/knowledge/legal/${palermo.id}/status/HU`, { status: 'ratified', sourceUrl })), sourceUrl).toBe('400 VALIDATION_FAILED');
    }
    expect(statusOf(await bySlug(regional, 'un-palermo-protocol'), 'HU')).toMatchObject({ status: 'unknown', sourceUrl: null });
  });
});

describe('instruments: create, edit, confirm', () => {
  let siAct: InstrumentView;

  it('lets a country desk add a national instrument of its own country only', async () => {
    expect(outcome(await coordinatorSi.post('/api/knowledge/legal', national('GR')))).toBe('403 OUT_OF_SCOPE');
    siAct = ok<InstrumentView>(await coordinatorSi.post('/api/knowledge/legal', national('SI', { needsReview: true, adoptedOn: '2020-01-15' })));
    expect(siAct).toMatchObject({ kind: 'national', countryCode: 'SI', needsReview: true, year: 2020, version: 1, canEdit: true, statuses: [] });
    expect(siAct.slug).toMatch(/^demo-act-on-the-national-referral-mechanism-si/);
    expect((await auditOf(t.ctx, 'knowledge.instrument.created', siAct.id)).length).toBe(1);
    expect(outcome(await supervisorGr.post('/api/knowledge/legal', national('GR')))).toBe('403 OUT_OF_SCOPE');
  });

  it('keeps regional instruments to region-wide editors, and a national one to its country', async () => {
    const palermo = await bySlug(regional, 'un-palermo-protocol');
    expect(outcome(await coordinatorSi.patch(`/api/knowledge/legal/${palermo.id}`, { version: palermo.version, reviewNote: 'x' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await coordinatorSi.post('/api/knowledge/legal', { kind: 'international', title: 'Some convention' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await coordinatorGr.patch(`/api/knowledge/legal/${siAct.id}`, { version: 1, title: 'Changed in Athens' }))).toBe('403 OUT_OF_SCOPE');
    expect(ok<InstrumentView>(await coordinatorGr.get(`/api/knowledge/legal/${siAct.id}`)).canEdit).toBe(false);
    const edited = ok<InstrumentView>(await regional.patch(`/api/knowledge/legal/${palermo.id}`, { version: palermo.version, topics: ['trafficking', 'children'] }));
    expect(edited).toMatchObject({ version: palermo.version + 1, topics: ['trafficking', 'children'], canEdit: true });
  });

  it('detects a stale version (409) and keeps the newer change', async () => {
    const first = ok<InstrumentView>(await coordinatorSi.patch(`/api/knowledge/legal/${siAct.id}`, { version: 1, title: 'Act on assistance to victims (SI, demo)' }));
    expect(first.version).toBe(2);
    expect(outcome(await coordinatorSi.patch(`/api/knowledge/legal/${siAct.id}`, { version: 1, title: 'Lost update' }))).toBe('409 RECORD_VERSION_CONFLICT');
    expect(ok<InstrumentView>(await coordinatorSi.get(`/api/knowledge/legal/${siAct.id}`)).title).toBe('Act on assistance to victims (SI, demo)');
  });

  it('refuses links that are not http(s) and saves nothing', async () => {
    const before = await countInstruments();
    for (const officialUrl of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '/eli/dir/2011/36', 'ftp://eur-lex.europa.eu/x', 'https://exa mple.org']) {
      expect(outcome(await regional.post('/api/knowledge/legal', { kind: 'international', title: `Bad link ${officialUrl}`, officialUrl })), officialUrl).toBe('400 VALIDATION_FAILED');
      expect(outcome(await coordinatorSi.patch(`/api/knowledge/legal/${siAct.id}`, { version: 2, officialUrl })), officialUrl).toBe('400 VALIDATION_FAILED');
    }
    expect(await countInstruments()).toBe(before);
    expect(ok<InstrumentView>(await coordinatorSi.get(`/api/knowledge/legal/${siAct.id}`))).toMatchObject({ officialUrl: null, version: 2 });
  });

  it('refuses a taken slug, a national instrument without a country and a status abroad', async () => {
    expect(outcome(await regional.post('/api/knowledge/legal', { kind: 'international', slug: 'un-palermo-protocol', title: 'Duplicate' }))).toBe('409 INSTRUMENT_SLUG_TAKEN');
    expect(outcome(await regional.post('/api/knowledge/legal', { kind: 'national', title: 'No country' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await regional.post('/api/knowledge/legal', national('ZZ')))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await put(regional, `/api/knowledge/legal/${siAct.id}/status/GR`, { status: 'in_force' }))).toBe('400 VALIDATION_FAILED');
  });

  it('lets the country’s reviewers confirm a national instrument, the region confirm a regional one', async () => {
    expect(outcome(await supervisorGr.post(`/api/knowledge/legal/${siAct.id}/confirm`))).toBe('403 FORBIDDEN');
    expect(outcome(await coordinatorGr.post(`/api/knowledge/legal/${siAct.id}/confirm`))).toBe('403 OUT_OF_SCOPE');
    const confirmed = ok<InstrumentView>(await coordinatorSi.post(`/api/knowledge/legal/${siAct.id}/confirm`));
    expect(confirmed.needsReview).toBe(false);
    expect(confirmed.reviewedAt).not.toBeNull();

    const lanzarote = await bySlug(regional, 'coe-lanzarote-convention');
    expect(outcome(await coordinatorSi.post(`/api/knowledge/legal/${lanzarote.id}/confirm`))).toBe('403 OUT_OF_SCOPE');
    expect(ok<InstrumentView>(await regional.post(`/api/knowledge/legal/${lanzarote.id}/confirm`)).reviewedAt).not.toBeNull();
    const [row] = await queryRows<{ reviewed_by: string | null }>(t.ctx.database.db, sql`SELECT reviewed_by FROM legal_instruments WHERE id = ${siAct.id}`);
    expect(row!.reviewed_by).not.toBeNull();
    expect((await auditOf(t.ctx, 'knowledge.instrument.confirmed')).map((e) => e.entityId).sort()).toEqual([siAct.id, lanzarote.id].sort());
    expect((await auditOf(t.ctx, 'knowledge.instrument.updated', siAct.id)).length).toBe(1);
  });
});
