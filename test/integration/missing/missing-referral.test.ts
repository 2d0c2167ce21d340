import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertDraftCreateSchema } from '../../../src/api/alerts.schemas';
import type { CaseView } from '../../../src/api/cases.schemas';
import type { HandoffView } from '../../../src/api/referrals.schemas';
import type { MissingReportView } from '../../../src/api/missing-children.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let bg: OrganisationRow;
let ro: OrganisationRow;
let bg2: OrganisationRow;
let desk: TestClient;

const open = (over: Record<string, unknown> = {}) =>
  desk.post('/api/missing-children', {
    child: { givenName: 'Nadia', familyName: 'Probna', ageYears: 11, gender: 'female', nationality: 'SY' },
    missingType: 'missing_migration',
    lastSeen: { at: new Date(Date.now() - 5 * 3_600_000).toISOString(), place: 'Bus station, Sofia', country: 'BG', lat: 42.71, lon: 23.32, circumstances: 'Left with a group of adults' },
    description: 'Small, black curly hair, red scarf',
    suspectedCountries: ['RS'],
    ...over,
  });

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  bg = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  bg2 = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  await makeUser(t.ctx, { role: 'case_manager', organisationId: ro.id });
  await makeUser(t.ctx, { role: 'case_manager', organisationId: bg2.id });
  desk = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: bg.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('cross-border 116 000 referral', () => {
  it('needs consent covering transfer, and a desk in another country', async () => {
    const r = ok<MissingReportView>(await open());
    expect(outcome(await desk.post(`/api/cases/${r.caseId}/missing-report/referrals`, { toOrganisationId: ro.id }))).toBe('422 CONSENT_REQUIRED');
    const c = ok<CaseView>(await desk.get(`/api/cases/${r.caseId}`));
    ok(await desk.request('PUT', `/api/cases/${r.caseId}/consent`, { given: true, givenBy: 'legal_representative', coversReferral: true, coversTransfer: true, version: c.version }));
    expect(outcome(await desk.post(`/api/cases/${r.caseId}/missing-report/referrals`, { toOrganisationId: bg2.id }))).toBe('422 HANDOFF_SAME_COUNTRY');
    // Nothing changed on the report while refused.
    expect(ok<MissingReportView>(await desk.get(`/api/cases/${r.caseId}/missing-report`)).suspectedCountries).toEqual(['RS']);
  });

  it('creates a hand-off with a summary without names, and adds the country to the suspected ones', async () => {
    const r = ok<MissingReportView>(await open());
    const c = ok<CaseView>(await desk.get(`/api/cases/${r.caseId}`));
    ok(await desk.request('PUT', `/api/cases/${r.caseId}/consent`, { given: true, givenBy: 'legal_representative', coversReferral: true, coversTransfer: true, version: c.version }));
    const res = ok<{ handoff: HandoffView; report: MissingReportView }>(await desk.post(`/api/cases/${r.caseId}/missing-report/referrals`, { toOrganisationId: ro.id, note: 'May travel on to Hungary' }));
    expect(res.handoff).toMatchObject({ status: 'requested', to: { organisationId: ro.id, countryCode: 'RO' }, dataset: { ageBand: '6-11', gender: 'female', nationality: 'SY', urgency: 'urgent' } });
    expect(res.handoff.dataset.summary).toContain('missing in migration');
    expect(res.handoff.dataset.summary).toContain('Last seen');
    expect(res.handoff.dataset.summary).toContain('RS');
    expect(res.handoff.dataset.summary).not.toMatch(/Nadia|Probna|Bus station/);
    expect(res.report.suspectedCountries).toEqual(['RS', 'RO']);
    const [h] = await queryRows<{ from_case_id: string; status: string }>(t.ctx.database.db, sql`SELECT from_case_id, status FROM handoffs WHERE id = ${res.handoff.id}`);
    expect(h).toMatchObject({ from_case_id: r.caseId, status: 'requested' });
    expect(await auditOf(t.ctx, 'handoff.requested', res.handoff.id)).toHaveLength(1);
    expect((await auditOf(t.ctx, 'missing_report.referred_abroad', r.caseId))[0]?.details).toMatchObject({ handoffId: res.handoff.id, toCountry: 'RO' });
  });
});

describe('child-alert pre-fill', () => {
  it('is an endangered-missing draft for a child missing in migration, in English and Bulgarian', async () => {
    const r = ok<MissingReportView>(await open());
    const prefill = ok<Record<string, unknown>>(await desk.get(`/api/cases/${r.caseId}/missing-report/alert-prefill`));
    const draft = alertDraftCreateSchema.parse(prefill);
    expect(draft).toMatchObject({
      tier: 'endangered_missing',
      caseId: r.caseId,
      countryCode: 'BG',
      content: { child: { name: 'Nadia Probna', ageYears: 11, gender: 'female', description: 'Small, black curly hair, red scarf' }, lastSeen: { place: 'Bus station, Sofia, Bulgaria' } },
      area: { circles: ['42.71,23.32 10'], countries: ['BG', 'RS'] },
      criteria: { minor: true, abductionBelieved: false },
    });
    expect(Object.keys(draft.content.texts).sort()).toEqual(['bg', 'en']);
    expect(draft.content.texts.en?.instruction).toContain('116 000');
    expect(draft.content.texts.bg?.headline).toContain('Nadia Probna');
  });

  it('is a child-abduction draft for an abduction', async () => {
    const r = ok<MissingReportView>(await open({ missingType: 'parental_abduction' }));
    const draft = alertDraftCreateSchema.parse(ok(await desk.get(`/api/cases/${r.caseId}/missing-report/alert-prefill`)));
    expect(draft.tier).toBe('child_abduction');
    expect(draft.content.texts.en?.headline).toMatch(/^Child abduction alert/);
  });
});
