import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, PersonView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { CaseRow } from '../../../src/db/repos/case.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let manager: TestClient;
let operator: TestClient;
let otherManager: TestClient;

async function caseRow(extra: Partial<CaseRow> = {}) {
  return makeCaseRow(t.ctx, { organisationId: org.id, countryCode: 'GR', ...extra });
}
async function rawPerson(id: string) {
  const [row] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_persons WHERE id = ${id}`);
  return row!;
}
async function rawCase(id: string) {
  const [row] = await queryRows<{ involves_child: boolean; search_terms: string[] }>(t.ctx.database.db, sql`SELECT involves_child, search_terms FROM cases WHERE id = ${id}`);
  return row!;
}
async function events(caseId: string) {
  return queryRows<{ kind: string; data: Record<string, unknown> }>(t.ctx.database.db, sql`SELECT kind, data FROM case_events WHERE case_id = ${caseId} ORDER BY id`);
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  manager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: org.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  const elsewhere = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  otherManager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: elsewhere.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('persons of a case', () => {
  it('adds a potential victim with identifying data encrypted at rest', async () => {
    const c = await caseRow();
    const p = ok<PersonView>(
      await manager.post(`/api/cases/${c.id}/persons`, { givenName: 'Eleni', familyName: 'Karali', alias: 'Lena', dateOfBirth: '2010-04-02', contact: '+30 690 000 0000', notes: 'Lives with an aunt', ageYears: 15, nationality: 'GR', languages: ['el'] }),
    );
    expect(p).toMatchObject({ role: 'potential_victim', restricted: false, givenName: 'Eleni', familyName: 'Karali', ageBand: '15-17', treatedAsChild: true, presumedMinor: false, version: 1 });
    const raw = await rawPerson(p.id);
    const dump = JSON.stringify(raw);
    for (const plain of ['Eleni', 'Karali', 'Lena', '2010-04-02', '690 000', 'aunt']) expect(dump).not.toContain(plain);
    expect(raw.given_name_enc).toMatch(/^enc1/);
    expect(raw.age_band).toBe('15-17');
    expect((await rawCase(c.id)).search_terms.length).toBeGreaterThan(0);
    const evs = await events(c.id);
    expect(evs).toEqual([{ kind: 'person_added', data: { personId: p.id, role: 'potential_victim' } }]);
    expect(await auditOf(t.ctx, 'case.person_added', c.id)).toHaveLength(1);
  });

  it('recomputes involves_child from the potential victims (presumption of minority)', async () => {
    const c = await caseRow();
    const adult = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { givenName: 'Ana', ageYears: 30 }));
    expect(adult.treatedAsChild).toBe(false);
    expect((await rawCase(c.id)).involves_child).toBe(false);
    // A relative's age does not count.
    ok(await manager.post(`/api/cases/${c.id}/persons`, { role: 'relative_guardian', relationship: 'mother', ageYears: 12 }));
    expect((await rawCase(c.id)).involves_child).toBe(false);
    const uncertain = ok<PersonView>(await manager.patch(`/api/cases/${c.id}/persons/${adult.id}`, { ageYears: null, ageBand: 'unknown', ageUncertain: true, mayBeChild: true, version: 1 }));
    expect(uncertain).toMatchObject({ ageYears: null, ageBand: 'unknown', treatedAsChild: true, presumedMinor: true, givenName: 'Ana', version: 2 });
    expect((await rawCase(c.id)).involves_child).toBe(true);
    expect(outcome(await manager.patch(`/api/cases/${c.id}/persons/${adult.id}`, { notes: 'stale', version: 1 }))).toBe('409 RECORD_VERSION_CONFLICT');
    // Fields not sent keep their values (no schema defaults applied to them).
    const noted = ok<PersonView>(await manager.patch(`/api/cases/${c.id}/persons/${adult.id}`, { notes: 'Speaks little Greek', version: 2 }));
    expect(noted).toMatchObject({ notes: 'Speaks little Greek', ageUncertain: true, mayBeChild: true, presumedMinor: true, version: 3 });
    const kinds = (await events(c.id)).map((e) => e.kind);
    expect(kinds).toEqual(['person_added', 'person_added', 'person_changed', 'person_changed']);
  });

  it('records identification only as stated by an authority', async () => {
    const c = await caseRow();
    const p = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { givenName: 'Mira', ageYears: 16 }));
    const url = `/api/cases/${c.id}/persons/${p.id}/identification`;
    const missing = await put(manager, url, { traffickingStatus: 'identified', identifiedAt: '2026-11-01', version: 1 });
    expect(outcome(missing)).toBe('400 VALIDATION_FAILED');
    expect(JSON.stringify(missing.json())).toContain('identifiedBy');
    expect((await rawPerson(p.id)).trafficking_status).toBeNull();
    const done = ok<PersonView>(await put(manager, url, { traffickingStatus: 'identified', identifiedBy: 'Hellenic Police, anti-trafficking unit', identifiedAt: '2026-11-01', identificationRef: 'AT-77/2026', version: 1 }));
    expect(done).toMatchObject({ traffickingStatus: 'identified', identifiedBy: 'Hellenic Police, anti-trafficking unit', identifiedAt: '2026-11-01', identificationRef: 'AT-77/2026', version: 2 });
    expect(JSON.stringify(await rawPerson(p.id))).not.toContain('AT-77');
    expect(ok<PersonView>(await put(manager, url, { traffickingStatus: 'possible', version: 2 })).traffickingStatus).toBe('possible');
    const relative = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { role: 'relative_guardian' }));
    expect(outcome(await put(manager, `/api/cases/${c.id}/persons/${relative.id}/identification`, { traffickingStatus: 'possible', version: 1 }))).toBe('400 VALIDATION_FAILED');
    expect((await events(c.id)).filter((e) => e.kind === 'identification_recorded')).toHaveLength(2);
  });

  it('shows operators (read-only) only restricted potential victims, no notes or documents', async () => {
    const c = await caseRow();
    const victim = ok<PersonView>(await manager.post(`/api/cases/${c.id}/persons`, { givenName: 'Sofia', familyName: 'Dima', contact: 'phone', ageYears: 14 }));
    ok(await manager.post(`/api/cases/${c.id}/persons`, { role: 'suspected_perpetrator', givenName: 'Kostas' }));
    ok(await manager.post(`/api/cases/${c.id}/persons`, { role: 'relative_guardian', givenName: 'Maria' }));
    ok(await manager.post(`/api/cases/${c.id}/notes`, { body: 'Sofia said she was promised work.' }));
    const asManager = ok<CaseView>(await manager.get(`/api/cases/${c.id}`));
    expect(asManager.persons.map((p) => p.role)).toEqual(['potential_victim', 'suspected_perpetrator', 'relative_guardian']);
    expect(asManager.notes).toHaveLength(1);
    const res = await operator.get(`/api/cases/${c.id}`);
    const asOperator = ok<CaseView>(res);
    expect(asOperator.persons).toHaveLength(1);
    expect(asOperator.persons[0]).toMatchObject({ id: victim.id, restricted: true, givenName: null, familyName: null, alias: null, dateOfBirth: null, contact: null, notes: null, identificationRef: null, ageBand: '12-14', treatedAsChild: true });
    expect(asOperator.notes).toEqual([]);
    expect(asOperator.documents).toEqual([]);
    for (const name of ['Sofia', 'Dima', 'Kostas', 'Maria']) expect(res.body).not.toContain(name);
    expect(outcome(await operator.post(`/api/cases/${c.id}/persons`, { givenName: 'X' }))).toBe('403 FORBIDDEN');
  });

  it('refuses other teams and unknown persons, saving nothing', async () => {
    const c = await caseRow();
    expect(outcome(await otherManager.post(`/api/cases/${c.id}/persons`, { givenName: 'Y' }))).toBe('403 CASE_ACCESS_DENIED');
    expect(outcome(await manager.patch(`/api/cases/${c.id}/persons/00000000-0000-4000-8000-000000000000`, { notes: 'x', version: 1 }))).toBe('404 PERSON_NOT_FOUND');
    expect(outcome(await manager.post(`/api/cases/00000000-0000-4000-8000-000000000000/persons`, { givenName: 'Y' }))).toBe('404 CASE_NOT_FOUND');
    expect(await events(c.id)).toEqual([]);
    expect(await auditOf(t.ctx, 'case.access_denied', c.id)).toHaveLength(1);
  });
});
