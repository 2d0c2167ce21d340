import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, DocumentView } from '../../../src/api/cases.schemas';
import { queryRows } from '../../../src/db/database';
import type { CaseRow } from '../../../src/db/repos/case.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeCaseRow } from '../../factories/case.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const LIMIT = 4096;
const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', VICTOR_MAX_DOCUMENT_BYTES: String(LIMIT) });
let app: FastifyInstance;
let org: OrganisationRow;
let manager: TestClient;
let operator: TestClient;
let c: CaseRow;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Upload through the client as the web UI does (multipart with `kind` and `file`). */
async function upload(client: TestClient, caseId: string, name: string, type: string, bytes: Buffer, kind = 'report'): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const req = new Request('http://local/', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  return client.request('POST', `/api/cases/${caseId}/documents`, body, { 'content-type': req.headers.get('content-type')! });
}
async function countDocs(caseId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM case_documents WHERE case_id = ${caseId}`);
  return Number(row!.n);
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  manager = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: org.id })).client;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  c = await makeCaseRow(t.ctx, { organisationId: org.id });
});
afterAll(async () => {
  await app?.close();
});

describe('case documents', () => {
  let pdf: DocumentView;

  it('accepts a PDF, encrypted at rest, and downloads the same bytes', async () => {
    pdf = ok<DocumentView>(await upload(manager, c.id, 'Σύμβαση εργασίας.pdf', 'application/pdf', PDF, 'correspondence'));
    expect(pdf).toMatchObject({ fileName: 'Σύμβαση εργασίας.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, kind: 'correspondence', sha256: createHash('sha256').update(PDF).digest('hex') });
    const [raw] = await queryRows<Record<string, unknown>>(t.ctx.database.db, sql`SELECT * FROM case_documents WHERE id = ${pdf.id}`);
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain('Σύμβαση');
    expect(dump).not.toContain('PDF-1.4');
    expect(dump).not.toContain(PDF.toString('base64').slice(0, 20));
    const res = await manager.get(`/api/cases/${c.id}/documents/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Σύμβαση εργασίας.pdf')}`);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    expect((await manager.get(`/api/cases/${c.id}/documents/${pdf.id}/content`)).statusCode).toBe(200);
    const downloads = await auditOf(t.ctx, 'case.document_downloaded', c.id);
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ entityType: 'case', details: { documentId: pdf.id } });
    expect(await auditOf(t.ctx, 'case.document_added', c.id)).toHaveLength(1);
  });

  it('accepts a PNG and plain text, shown on the case page to case workers only', async () => {
    const png = ok<DocumentView>(await upload(manager, c.id, 'photo.png', 'image/png', PNG));
    expect(png.mediaType).toBe('image/png');
    const txt = ok<DocumentView>(await upload(manager, c.id, 'statement.txt', 'text/plain', Buffer.from('Ζητήθηκε βοήθεια.\n')));
    expect(txt.mediaType).toBe('text/plain');
    const page = ok<CaseView>(await manager.get(`/api/cases/${c.id}`));
    expect(page.documents.map((d) => d.id).sort()).toEqual([pdf.id, png.id, txt.id].sort());
    expect(ok<CaseView>(await operator.get(`/api/cases/${c.id}`)).documents).toEqual([]);
    expect(outcome(await operator.get(`/api/cases/${c.id}/documents/${png.id}`))).toBe('403 FORBIDDEN');
    expect(outcome(await upload(operator, c.id, 'photo.png', 'image/png', PNG))).toBe('403 FORBIDDEN');
  });

  it('refuses wrong types, mismatches and oversize files with coded errors, saving nothing', async () => {
    const before = await countDocs(c.id);
    expect(outcome(await upload(manager, c.id, 'anim.gif', 'image/gif', GIF))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    expect(outcome(await upload(manager, c.id, 'report.pdf', 'application/pdf', PNG))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    expect(outcome(await upload(manager, c.id, 'report.pdf', 'application/octet-stream', PNG))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    expect(outcome(await upload(manager, c.id, 'notes.txt', 'application/pdf', Buffer.from('hello')))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    expect(outcome(await upload(manager, c.id, 'bin.txt', 'text/plain', Buffer.from([0x68, 0x00, 0x69])))).toBe('415 DOCUMENT_TYPE_NOT_ALLOWED');
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]);
    expect(outcome(await upload(manager, c.id, 'big.pdf', 'application/pdf', big))).toBe('413 DOCUMENT_TOO_LARGE');
    expect(outcome(await upload(manager, c.id, 'x.pdf', 'application/pdf', PDF, 'passport'))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await manager.post(`/api/cases/${c.id}/documents`, { file: 'nope' }))).toBe('400 VALIDATION_FAILED');
    expect(await countDocs(c.id)).toBe(before);
    const added = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${c.id} AND kind = 'document_added'`);
    expect(Number(added[0]!.n)).toBe(before);
  });

  it('removes a document (soft delete) with a timeline entry', async () => {
    ok(await manager.delete(`/api/cases/${c.id}/documents/${pdf.id}`));
    expect(outcome(await manager.get(`/api/cases/${c.id}/documents/${pdf.id}`))).toBe('404 DOCUMENT_NOT_FOUND');
    expect(outcome(await manager.delete(`/api/cases/${c.id}/documents/${pdf.id}`))).toBe('404 DOCUMENT_NOT_FOUND');
    expect(outcome(await operator.delete(`/api/cases/${c.id}/documents/${pdf.id}`))).toBe('403 FORBIDDEN');
    const [raw] = await queryRows<{ deleted_at: unknown }>(t.ctx.database.db, sql`SELECT deleted_at FROM case_documents WHERE id = ${pdf.id}`);
    expect(raw!.deleted_at).not.toBeNull();
    expect(ok<CaseView>(await manager.get(`/api/cases/${c.id}`)).documents.map((d) => d.id)).not.toContain(pdf.id);
    expect(await auditOf(t.ctx, 'case.document_removed', c.id)).toHaveLength(1);
  });
});
