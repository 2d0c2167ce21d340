import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, IndicatorSetView, PersonView, ScreeningView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { ensureIndicatorSets } from '../../../src/services/indicator-set-seed.service';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let manager: TestClient;
let operator: TestClient;
let coordinator: TestClient;

const yes = (...codes: string[]) => codes.map((code) => ({ code, answer: 'yes' as const }));
async function rawCase(id: string) {
  const [row] = await queryRows<{ concern_level: string | null; forms: string[] }>(t.ctx.database.db, sql`SELECT concern_level, forms FROM cases WHERE id = ${id}`);
  return row!;
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  manager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: org.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  coordinator = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: org.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('indicator sets', () => {
  it('lists the seeded sets (version 1, needs review) to case readers', async () => {
    const { items } = ok<{ items: IndicatorSetView[] }>(await operator.get('/api/indicator-sets?lang=el'));
    expect(items.map((s) => [s.key, s.version, s.status, s.needsReview])).toEqual([
      ['child-thb', 1, 'published', true],
      ['general-thb', 1, 'published', true],
    ]);
    const child = items[0]!;
    expect(child.indicators.find((i) => i.code === 'C-EXP-01')).toMatchObject({ element: 'exploitation', strength: 'strong', label: expect.stringContaining('sex') });
    expect(outcome(await operator.get('/api/indicator-sets/nope'))).toBe('404 INDICATOR_SET_NOT_FOUND');
  });

  it('publishes a new version, retiring the old one, and the seed never overwrites it', async () => {
    const input = {
      key: 'general-thb',
      audience: 'general',
      titles: { en: 'General indicators v2', el: 'Γενικοί δείκτες' },
      indicators: [
        { code: 'X-1', element: 'exploitation', strength: 'strong', appliesTo: 'all', labels: { en: 'Forced work', el: 'Καταναγκαστική εργασία' } },
        { code: 'X-2', element: 'recruitment', strength: 'medium', appliesTo: 'all', labels: { en: 'Deceived' } },
      ],
    };
    expect(outcome(await manager.post('/api/indicator-sets', input))).toBe('403 FORBIDDEN');
    const dupes = await coordinator.post('/api/indicator-sets', { ...input, indicators: [input.indicators[0], input.indicators[0]] });
    expect(outcome(dupes)).toBe('400 VALIDATION_FAILED');
    expect(dupes.body).toContain('X-1');
    const v2 = ok<IndicatorSetView>(await coordinator.post('/api/indicator-sets?lang=el', input));
    expect(v2).toMatchObject({ key: 'general-thb', version: 2, status: 'published', needsReview: false, title: 'Γενικοί δείκτες' });
    expect(v2.indicators.map((i) => i.label)).toEqual(['Καταναγκαστική εργασία', 'Deceived']);
    expect(ok<IndicatorSetView>(await operator.get('/api/indicator-sets/general-thb')).version).toBe(2);
    expect(ok<IndicatorSetView>(await operator.get('/api/indicator-sets/general-thb?version=1')).status).toBe('retired');
    await t.ctx.database.db.transaction(async (tx) => ensureIndicatorSets(tx as never));
    const versions = await queryRows<{ version: number; status: string }>(t.ctx.database.db, sql`SELECT version, status FROM indicator_sets WHERE key = 'general-thb' ORDER BY version`);
    expect(versions).toEqual([
      { version: 1, status: 'retired' },
      { version: 2, status: 'published' },
    ]);
    expect(await auditOf(t.ctx, 'indicator_set.published')).toHaveLength(1);
  });
});

describe('screening a case', () => {
  it('reaches a clear concern for a child without means, with evidence encrypted', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: org.id });
    const child = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { givenName: 'Ioanna', ageYears: 13 }));
    const s = ok<ScreeningView>(
      await manager.post(`/api/cases/${c.id}/screenings`, {
        setKey: 'child-thb',
        personId: child.id,
        answers: [
          { code: 'C-EXP-04', answer: 'yes', evidence: 'Seen begging at the metro every evening, hands money to a man' },
          { code: 'C-REC-01', answer: 'yes' },
          { code: 'C-MEA-02', answer: 'no' },
        ],
      }),
    );
    expect(s).toMatchObject({ setKey: 'child-thb', setVersion: 1, treatedAsChild: true, personId: child.id });
    expect(s.result).toMatchObject({ concern: 'clear', nextStep: 'refer_for_identification', meansWaived: true, missing: [], forms: ['begging'] });
    expect(s.result.reasons.map((r) => r.code)).toEqual(['C-EXP-04', 'C-REC-01']);
    expect(s.result.reasons[0]!.label).toContain('beg');
    expect(s.answers.find((a) => a.code === 'C-EXP-04')!.evidence).toContain('metro');
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_screenings WHERE id = ${s.id}`);
    expect(JSON.stringify(raw)).not.toContain('metro');
    expect(await rawCase(c.id)).toEqual({ concern_level: 'clear', forms: ['begging'] });
    const [ev] = await queryRows<{ data: Record<string, unknown> }>(t.ctx.database.db, sql`SELECT data FROM case_events WHERE case_id = ${c.id} AND kind = 'screening_recorded'`);
    expect(ev!.data).toEqual({ screeningId: s.id, concern: 'clear', setKey: 'child-thb', setVersion: 1 });
    expect(await auditOf(t.ctx, 'case.screening_recorded', c.id)).toHaveLength(1);

    const page = ok<CaseView>(await manager.get(`/api/cases/${c.id}`));
    expect(page.screenings[0]).toMatchObject({ id: s.id, result: { concern: 'clear' } });
    expect(page.screenings[0]!.answers.find((a) => a.code === 'C-EXP-04')!.evidence).toContain('metro');
    const asOperator = await operator.get(`/api/cases/${c.id}`);
    const opView = ok<CaseView>(asOperator);
    expect(opView.screenings[0]!.answers.every((a) => a.evidence === null)).toBe(true);
    expect(opView.screenings[0]!.result.concern).toBe('clear');
    expect(asOperator.body).not.toContain('metro');
  });

  it('needs means for an adult, screened against a named version', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: org.id });
    const adult = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { ageYears: 34 }));
    const body = { setKey: 'general-thb', setVersion: 1, personId: adult.id, answers: yes('G-EXP-02', 'G-REC-01') };
    const first = ok<ScreeningView>(await manager.post(`/api/cases/${c.id}/screenings`, body));
    expect(first).toMatchObject({ treatedAsChild: false, setVersion: 1 });
    expect(first.result).toMatchObject({ concern: 'possible', missing: ['means'], nextStep: 'gather_information', meansWaived: false });
    const second = ok<ScreeningView>(await manager.post(`/api/cases/${c.id}/screenings`, { ...body, answers: yes('G-EXP-02', 'G-REC-01', 'G-MEA-04') }));
    expect(second.result.concern).toBe('clear');
    expect((await rawCase(c.id)).concern_level).toBe('clear');
  });

  it('refuses unknown codes, unknown sets and read-only readers, saving nothing', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: org.id });
    const bad = await manager.post(`/api/cases/${c.id}/screenings`, { setKey: 'child-thb', answers: yes('C-EXP-01', 'NOPE-1', 'NOPE-2') });
    expect(outcome(bad)).toBe('400 VALIDATION_FAILED');
    expect(bad.body).toContain('NOPE-1');
    expect(bad.body).toContain('NOPE-2');
    expect(outcome(await manager.post(`/api/cases/${c.id}/screenings`, { setKey: 'child-thb', setVersion: 9, answers: [] }))).toBe('404 INDICATOR_SET_NOT_FOUND');
    expect(outcome(await manager.post(`/api/cases/${c.id}/screenings`, { setKey: 'child-thb', answers: yes('C-EXP-01', 'C-EXP-01') }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operator.post(`/api/cases/${c.id}/screenings`, { setKey: 'child-thb', answers: yes('C-EXP-01') }))).toBe('403 FORBIDDEN');
    const [n] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM case_screenings WHERE case_id = ${c.id}`);
    expect(Number(n!.n)).toBe(0);
    expect((await rawCase(c.id)).concern_level).toBeNull();
  });

  it('uses the case flag when no person is named', async () => {
    const c = await makeCaseRow(t.ctx, { organisationId: org.id, involvesChild: true });
    const s = ok<ScreeningView>(await manager.post(`/api/cases/${c.id}/screenings`, { setKey: 'child-thb', answers: yes('C-EXP-01') }));
    expect(s).toMatchObject({ treatedAsChild: true, personId: null, result: { concern: 'clear' } });
  });
});
