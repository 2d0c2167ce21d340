import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/db/database';
import type { CaseRow } from '../../../src/db/repos/case.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { HTCDS_FIELDS } from '../../../src/domain/cases/htcds';
import { insertCasePerson } from '../../../src/services/case-person.service';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let supervisor: TestClient;
let supervisorId: string;
let coordinatorGr: TestClient;
let manager: TestClient;
let operator: TestClient;
let supervisorRo: TestClient;
let c: CaseRow;

/** A small RFC 4180 reader: rows of cells (quoted cells may hold commas, quotes and newlines). */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      rows[rows.length - 1]!.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      rows[rows.length - 1]!.push(cell);
      cell = '';
      rows.push([]);
    } else cell += ch;
  }
  if (cell !== '' || rows[rows.length - 1]!.length > 0) rows[rows.length - 1]!.push(cell);
  const [header, ...data] = rows.filter((r) => r.length > 0);
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

type HtcdsDoc = { standard: string; version: string; generatedAt: string; caseReference: string; fields: { filled: string[]; empty: string[]; extensions: string[] }; records: Record<string, unknown>[] };

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  const s = await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id });
  supervisor = s.client;
  supervisorId = s.user.id;
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: (await makeOrganisation(t.ctx, { countryCode: 'GR' })).id })).client;
  manager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  supervisorRo = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: ro.id })).client;
  c = await makeCaseRow(t.ctx, {
    organisationId: gr.id,
    countryCode: 'GR',
    status: 'referred',
    forms: ['labour', 'begging'],
    concernLevel: 'clear',
    consent: { given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: false, recordedAt: new Date().toISOString(), recordedBy: null, note: null },
    firstAssistanceAt: new Date('2026-02-01T10:00:00Z'),
  });
  const db = t.ctx.database.db;
  await insertCasePerson(db, t.ctx, c.id, { role: 'potential_victim', givenName: 'Dimitra', familyName: 'Ioannou', dateOfBirth: '2012-05-06', contact: '+30 690 111 2222', notes: 'Lives near the port', ageYears: 13, ageBand: '12-14', ageUncertain: false, mayBeChild: false, gender: 'female', nationality: 'GR', languages: ['el'] }, null);
  await insertCasePerson(db, t.ctx, c.id, { role: 'suspected_perpetrator', givenName: 'Kostas', familyName: 'Suspect', alias: 'Big K', contact: 'kostas@example.org', notes: 'Drives a red van', ageBand: '25+', ageUncertain: false, mayBeChild: false, gender: 'male', nationality: 'AL', languages: [] }, null);
  await insertCasePerson(db, t.ctx, c.id, { role: 'relative_guardian', givenName: 'Maria', familyName: 'Ioannou', relationship: 'mother', ageBand: '25+', ageUncertain: false, mayBeChild: false, languages: [] }, null);
});
afterAll(async () => {
  await app?.close();
});

describe('HTCDS export', () => {
  it('gives a supervisor the case as HTCDS records, audited and on the timeline', async () => {
    const res = await supervisor.get(`/api/cases/${c.id}/export/htcds?format=json`);
    const doc = ok<HtcdsDoc>(res);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(doc).toMatchObject({ standard: 'HTCDS', version: '2.0', caseReference: c.reference });
    expect(doc.records).toHaveLength(2);
    const victim = doc.records.find((r) => r.victor_RecordType === 'victim')!;
    expect(victim).toMatchObject({ cas_Status: 'Active', prs_FirstName: 'Dimitra', prs_SecondName: 'Ioannou', prs_Birthdate: '2012-05-06', prs_Gender: 'Female', prs_Nationality: 'GR', vic_AgreementToManagePersonalData: true, victor_AgeBand: '12-14', victor_CaseReference: c.reference });
    expect(victim.vic_TypeOfExploitation).toEqual(['ForcedLabour', 'ForcedBegging']);
    const perpetrator = doc.records.find((r) => r.victor_RecordType === 'perpetrator')!;
    expect(perpetrator).toMatchObject({ prs_Gender: 'Male', prs_Nationality: 'AL', prs_FirstName: null, prs_SecondName: null });
    const text = JSON.stringify(doc);
    for (const secret of ['Kostas', 'Big K', 'red van', 'Maria', 'near the port', '690']) expect(text).not.toContain(secret);
    for (const f of HTCDS_FIELDS) expect(Object.keys(victim)).toContain(f.key);
    expect(doc.fields.filled).toContain('prs_FirstName');
    expect(doc.fields.empty).toContain('vic_MethodsOfControlDebtBondage');

    const audits = await auditOf(t.ctx, 'case.exported', c.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: supervisorId, entityType: 'case', organisationId: gr.id, countryCode: 'GR' });
    expect(audits[0]!.details).toMatchObject({ format: 'json', records: 2 });
    const events = await queryRows<{ kind: string; data: Record<string, unknown> }>(t.ctx.database.db, sql`SELECT kind, data FROM case_events WHERE case_id = ${c.id} AND kind = 'exported'`);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ format: 'json' });
  });

  it('gives CSV as an attachment, one column per field', async () => {
    const res = await supervisor.get(`/api/cases/${c.id}/export/htcds?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="victor-${c.reference}-htcds.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = readCsv(res.body);
    expect(rows).toHaveLength(2);
    const victim = rows.find((r) => r.victor_RecordType === 'victim')!;
    expect(victim).toMatchObject({ prs_FirstName: 'Dimitra', prs_Gender: 'Female', vic_TypeOfExploitation: 'ForcedLabour;ForcedBegging', vic_MethodsOfControlThreats: '' });
    expect(res.body).not.toContain('Kostas');
    const audits = await auditOf(t.ctx, 'case.exported', c.id);
    expect(audits.map((a) => (a.details as { format: string }).format).sort()).toEqual(['csv', 'json']);
  });

  it('is refused to case managers and operators (no cases.export)', async () => {
    expect(outcome(await manager.get(`/api/cases/${c.id}/export/htcds`))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get(`/api/cases/${c.id}/export/htcds?format=csv`))).toBe('403 FORBIDDEN');
  });

  it('needs export access to this case: other teams and countries are refused and audited', async () => {
    expect(outcome(await supervisorRo.get(`/api/cases/${c.id}/export/htcds`))).toBe('403 CASE_ACCESS_DENIED');
    expect((await auditOf(t.ctx, 'case.access_denied', c.id)).length).toBeGreaterThanOrEqual(1);
    expect(outcome(await supervisor.get('/api/cases/00000000-0000-4000-8000-000000000000/export/htcds'))).toBe('404 CASE_NOT_FOUND');
    expect(outcome(await supervisor.get(`/api/cases/${c.id}/export/htcds?format=xml`))).toBe('400 VALIDATION_FAILED');
    expect(await auditOf(t.ctx, 'case.exported', c.id)).toHaveLength(2);
  });

  it('is allowed to the country coordinator (country scope)', async () => {
    const doc = ok<HtcdsDoc>(await coordinatorGr.get(`/api/cases/${c.id}/export/htcds`));
    expect(doc.records.find((r) => r.victor_RecordType === 'victim')?.prs_FirstName).toBe('Dimitra');
  });
});
