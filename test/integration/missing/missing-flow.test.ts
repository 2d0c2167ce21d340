import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, DocumentView, TimelineEntry } from '../../../src/api/cases.schemas';
import type { MissingPage, MissingReportView } from '../../../src/api/missing-children.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let grOther: OrganisationRow;
let manager: TestClient;
let managerId: string;
let operator: TestClient;
let outsider: TestClient;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(client: TestClient, caseId: string, name: string, type: string, bytes: Buffer): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('kind', 'identity');
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const req = new Request('http://local/', { method: 'POST', body: form });
  return client.request('POST', `/api/cases/${caseId}/documents`, Buffer.from(await req.arrayBuffer()), { 'content-type': req.headers.get('content-type')! });
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const report = (over: Record<string, unknown> = {}) => ({
  child: { givenName: 'Kalliopi', familyName: 'Testaki', ageYears: 12, gender: 'female', nationality: 'GR', languages: ['el'] },
  missingType: 'criminal_abduction',
  lastSeen: { at: hoursAgo(3), place: 'Aristotelous Square, Thessaloniki', country: 'GR', lat: 40.632468, lon: 22.940712, circumstances: 'Left school with an unknown man in a grey van' },
  description: 'Long dark hair, blue school jacket, pink backpack',
  police: { reported: true, reference: 'THS-77/2026' },
  sis: { reported: true },
  suspectedCountries: ['MK'],
  ...over,
});

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  grOther = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const m = await signedIn(app, t.ctx, { role: 'case_manager', organisationId: gr.id });
  manager = m.client;
  managerId = m.user.id;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  outsider = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: grOther.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('a missing-child case from report to found and back', () => {
  let r: MissingReportView;

  it('opens the case, the child and the report in one go (urgent for an abduction)', async () => {
    r = ok<MissingReportView>(await manager.post('/api/missing-children', report()));
    expect(r).toMatchObject({
      missingType: 'criminal_abduction',
      status: 'missing',
      nextActions: ['found', 'close'],
      restricted: false,
      child: { givenName: 'Kalliopi', familyName: 'Testaki', ageYears: 12, gender: 'female' },
      lastSeen: { place: 'Aristotelous Square, Thessaloniki', country: 'GR', lat: 40.63, lon: 22.94 },
      police: { reported: true, reference: 'THS-77/2026' },
      interpol: { reported: false, at: null },
      sis: { reported: true },
      suspectedCountries: ['MK'],
      alerts: [],
      alertsStillRunning: false,
      version: 1,
    });
    expect(r.police.at).not.toBeNull();
    const c = ok<CaseView>(await manager.get(`/api/cases/${r.caseId}`));
    expect(c).toMatchObject({ kind: 'missing_child', priority: 'urgent', involvesChild: true, reference: r.caseReference });
    expect(c.title).not.toContain('Kalliopi');
    expect(c.persons).toHaveLength(1);
    expect(c.persons[0]).toMatchObject({ id: r.child.personId, role: 'potential_victim', givenName: 'Kalliopi' });
    expect((await auditOf(t.ctx, 'missing_report.opened', r.caseId))).toHaveLength(1);
    expect((await auditOf(t.ctx, 'case.created', r.caseId))[0]?.details).toMatchObject({ kind: 'missing_child' });
  });

  it('keeps place, circumstances, description and police reference encrypted at rest', async () => {
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM missing_child_reports WHERE case_id = ${r.caseId}`);
    const dump = JSON.stringify(raw);
    for (const secret of ['Aristotelous', 'grey van', 'pink backpack', 'THS-77']) expect(dump).not.toContain(secret);
    expect(raw).toMatchObject({ missing_type: 'criminal_abduction', missing_status: 'missing', last_seen_country: 'GR' });
    const [person] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_persons WHERE case_id = ${r.caseId}`);
    expect(JSON.stringify(person)).not.toContain('Kalliopi');
  });

  it('defaults priority to high for an older runaway, and refuses bad input with 400', async () => {
    const runaway = ok<MissingReportView>(await manager.post('/api/missing-children', report({ missingType: 'runaway', child: { ageYears: 15, gender: 'male' }, police: undefined, sis: undefined })));
    expect(ok<CaseView>(await manager.get(`/api/cases/${runaway.caseId}`)).priority).toBe('high');
    expect(outcome(await manager.post('/api/missing-children', report({ missingType: 'kidnapped' })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await manager.post('/api/missing-children', report({ lastSeen: { at: new Date(Date.now() + 86_400_000).toISOString() } })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await manager.post('/api/missing-children', report({ child: { ageYears: 19 } })))).toBe('400 VALIDATION_FAILED');
  });

  it('lists the desk’s missing children without names, filtered and paged', async () => {
    const page = ok<MissingPage>(await manager.get('/api/missing-children?limit=1'));
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = ok<MissingPage>(await manager.get(`/api/missing-children?limit=1&cursor=${page.nextCursor}`));
    expect(next.items.map((i) => i.caseId)).not.toContain(page.items[0]!.caseId);
    const abductions = ok<MissingPage>(await manager.get('/api/missing-children?type=criminal_abduction'));
    expect(abductions.items.map((i) => i.caseId)).toEqual([r.caseId]);
    expect(abductions.items[0]).toMatchObject({ status: 'missing', ageYears: 12, reportedPolice: true, reportedSis: true, reportedInterpol: false, priority: 'urgent' });
    expect(JSON.stringify(abductions)).not.toContain('Kalliopi');
    const byRef = ok<MissingPage>(await manager.get(`/api/missing-children?q=${r.caseReference.toLowerCase()}`));
    expect(byRef.items.map((i) => i.caseId)).toEqual([r.caseId]);
    expect(ok<MissingPage>(await manager.get('/api/missing-children?status=found')).items).toEqual([]);
    expect(ok<MissingPage>(await outsider.get('/api/missing-children')).items).toEqual([]);
    expect(outcome(await manager.get('/api/missing-children?q=somebody'))).toBe('400 VALIDATION_FAILED');
  });

  it('updates the report at its version and writes the timeline', async () => {
    r = ok<MissingReportView>(await manager.patch(`/api/cases/${r.caseId}/missing-report`, { interpol: { reported: true }, suspectedCountries: ['MK', 'AL'], description: 'Long dark hair, blue school jacket', version: 1 }));
    expect(r).toMatchObject({ version: 2, interpol: { reported: true }, suspectedCountries: ['MK', 'AL'], description: 'Long dark hair, blue school jacket' });
    expect(outcome(await manager.patch(`/api/cases/${r.caseId}/missing-report`, { description: 'x', version: 1 }))).toBe('409 CASE_VERSION_CONFLICT');
    const audit = await auditOf(t.ctx, 'missing_report.updated', r.caseId);
    expect(audit[0]?.details).toMatchObject({ fields: ['description', 'interpol', 'suspectedCountries'] });
  });

  it('uses an uploaded image as the photo, and refuses a PDF', async () => {
    const pdf = ok<DocumentView>(await upload(manager, r.caseId, 'statement.pdf', 'application/pdf', PDF));
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/photo`, { documentId: pdf.id, version: r.version }))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/photo`, { documentId: randomUUID(), version: r.version }))).toBe('404 DOCUMENT_NOT_FOUND');
    const photo = ok<DocumentView>(await upload(manager, r.caseId, 'photo.png', 'image/png', PNG));
    r = ok<MissingReportView>(await manager.post(`/api/cases/${r.caseId}/missing-report/photo`, { documentId: photo.id, version: r.version }));
    expect(r.photoDocumentId).toBe(photo.id);
    expect((await auditOf(t.ctx, 'missing_report.photo_set', r.caseId))).toHaveLength(1);
  });

  it('shows operators the report restricted, and refuses other desks (audited)', async () => {
    const seen = ok<MissingReportView>(await operator.get(`/api/cases/${r.caseId}/missing-report`));
    expect(seen).toMatchObject({ restricted: true, nextActions: [], description: null, photoDocumentId: null, child: { givenName: null, ageYears: 12 }, lastSeen: { place: null, circumstances: null }, police: { reported: true, reference: null } });
    expect(outcome(await operator.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'close', closeReason: 'duplicate', version: r.version }))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get(`/api/cases/${r.caseId}/missing-report/alert-prefill`))).toBe('403 FORBIDDEN');
    expect(outcome(await outsider.get(`/api/cases/${r.caseId}/missing-report`))).toBe('403 CASE_ACCESS_DENIED');
    expect(outcome(await outsider.patch(`/api/cases/${r.caseId}/missing-report`, { description: 'x', version: r.version }))).toBe('403 CASE_ACCESS_DENIED');
    expect((await auditOf(t.ctx, 'case.access_denied', r.caseId)).length).toBeGreaterThanOrEqual(2);
    expect(outcome(await manager.get(`/api/cases/${randomUUID()}/missing-report`))).toBe('404 CASE_NOT_FOUND');
    expect((await auditOf(t.ctx, 'case.viewed', r.caseId)).length).toBeGreaterThanOrEqual(1);
  });

  it('answers MISSING_REPORT_NOT_FOUND for an ordinary case', async () => {
    const general = ok<CaseView>(await manager.post('/api/cases', { title: 'Ordinary case' }));
    expect(general.kind).toBe('general');
    expect(outcome(await manager.get(`/api/cases/${general.id}/missing-report`))).toBe('404 MISSING_REPORT_NOT_FOUND');
  });

  it('refuses found without outcome or condition, and reopen while missing', async () => {
    const base = { action: 'found', foundAt: new Date().toISOString(), version: r.version };
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { ...base, condition: 'unharmed' }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { ...base, outcome: 'found_safe' }))).toBe('400 REASON_REQUIRED');
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'reopen', note: 'Why not', version: r.version }))).toBe('409 MISSING_TRANSITION_NOT_ALLOWED');
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'close', version: r.version }))).toBe('400 REASON_REQUIRED');
  });

  it('records found (with a sealed note), points to alerts still running, and writes the timeline', async () => {
    const alertId = randomUUID();
    await t.ctx.database.db.execute(sql`INSERT INTO alerts (id, reference, incident_id, country_code, organisation_id, case_id, tier, status, drafted_by) VALUES (${alertId}, ${`GR-A-TEST-${alertId.slice(0, 6)}`}, ${alertId}, 'GR', ${gr.id}, ${r.caseId}, 'child_abduction', 'issued', ${managerId})`);
    r = ok<MissingReportView>(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'found', foundAt: new Date().toISOString(), outcome: 'found_safe', condition: 'needs_care', note: 'Found at the Evzoni crossing with the driver', version: r.version }));
    expect(r).toMatchObject({ status: 'found', nextActions: ['reopen'], found: { outcome: 'found_safe', condition: 'needs_care', note: 'Found at the Evzoni crossing with the driver' }, alertsStillRunning: true, alerts: [{ id: alertId, status: 'issued', tier: 'child_abduction' }] });
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT found_note_enc, found_outcome FROM missing_child_reports WHERE case_id = ${r.caseId}`);
    expect(JSON.stringify(raw)).not.toContain('Evzoni');
    expect(raw?.found_outcome).toBe('found_safe');
    const [alert] = await queryRows<{ status: string }>(t.ctx.database.db, sql`SELECT status FROM alerts WHERE id = ${alertId}`);
    expect(alert?.status).toBe('issued');
    const c = ok<CaseView>(await manager.get(`/api/cases/${r.caseId}`));
    const entry = c.timeline.items.find((e: TimelineEntry) => e.kind === 'missing_status_changed');
    expect(entry?.data).toMatchObject({ from: 'missing', to: 'found', outcome: 'found_safe', condition: 'needs_care' });
    expect((await auditOf(t.ctx, 'missing_report.found', r.caseId))[0]?.details).toMatchObject({ outcome: 'found_safe' });
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'close', closeReason: 'duplicate', version: r.version }))).toBe('409 MISSING_TRANSITION_NOT_ALLOWED');
  });

  it('reopens only with a reason, clearing the found record', async () => {
    expect(outcome(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'reopen', version: r.version }))).toBe('400 REASON_REQUIRED');
    r = ok<MissingReportView>(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'reopen', note: 'Ran away again from the care home', version: r.version }));
    expect(r).toMatchObject({ status: 'missing', found: null, nextActions: ['found', 'close'] });
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT e.comment_enc FROM case_events e WHERE e.case_id = ${r.caseId} AND e.kind = 'missing_status_changed' ORDER BY e.id DESC LIMIT 1`);
    expect(raw?.comment_enc).toBeTruthy();
    expect(JSON.stringify(raw)).not.toContain('care home');
    expect((await auditOf(t.ctx, 'missing_report.reopened', r.caseId))).toHaveLength(1);
    r = ok<MissingReportView>(await manager.post(`/api/cases/${r.caseId}/missing-report/actions`, { action: 'close', closeReason: 'handed_to_other_service', version: r.version }));
    expect(r).toMatchObject({ status: 'closed', closeReason: 'handed_to_other_service' });
  });
});
