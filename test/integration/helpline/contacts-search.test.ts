import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRow } from '../../../src/db/repos/contact.repo';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { insertCodes } from '../../../src/db/repos/taxonomy.repo';
import { makeContactRow, makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let org: OrganisationRow;
let supervisor: TestClient;
let supervisorId: string;
let operator: TestClient;
const rows: Record<string, ContactRow> = {};
const JAN = 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const search = async (query: string) => ok<{ items: { id: string }[]; nextCursor: string | null; total: number }>(await supervisor.get(`/api/contacts?${query}`));

beforeAll(async () => {
  // A GR local sub-code in version 1, before anything loads (and caches) the version.
  await insertCodes(t.ctx.database.db, [{ version: 1, code: 'THB.LABOUR.GR_OLIVES', parentCode: 'THB.LABOUR', module: 'thb', countryCode: 'GR', mapsTo: 'THB.LABOUR', labels: { en: 'Olive harvest' }, sort: 9999, active: true }]);
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
  const s = await signedIn(app, t.ctx, { role: 'supervisor', organisationId: org.id });
  supervisor = s.client;
  supervisorId = s.user.id;
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 0, day, hour));
  const base = { organisationId: org.id };
  rows.phone = await makeContactRow(t.ctx, { ...base, startedAt: at(10), channel: 'phone', operatorUserId: supervisorId });
  rows.local = await makeContactRow(t.ctx, { ...base, startedAt: at(11), channel: 'chat', categories: ['THB.LABOUR.GR_OLIVES'], isThb: true, outcome: 'referred', actionsTaken: ['referral'] });
  rows.queued = await makeContactRow(t.ctx, { ...base, startedAt: at(12), channel: 'email', status: 'queued', outcome: null, categories: [], completedAt: null, endedAt: null, handleSeconds: null });
  rows.regional = await makeContactRow(t.ctx, { ...base, startedAt: at(13), channel: 'phone', status: 'draft', categories: ['THB.LABOUR'], isThb: true, outcome: null, completedAt: null, operatorUserId: supervisorId });
  rows.formula = await makeContactRow(t.ctx, { ...base, startedAt: at(14), channel: 'sms', region: '=HYPERLINK("http://evil.example","x")' });
  for (let d = 15; d < 22; d += 1) rows[`filler${d}`] = await makeContactRow(t.ctx, { ...base, startedAt: at(d), channel: 'walk_in' });
  // The same start time twice: the cursor must still not skip or repeat.
  rows.tieA = await makeContactRow(t.ctx, { ...base, startedAt: at(22), channel: 'walk_in' });
  rows.tieB = await makeContactRow(t.ctx, { ...base, startedAt: at(22), channel: 'walk_in' });
  // Another desk's contact in January: never in the supervisor's results.
  const other = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  rows.foreign = await makeContactRow(t.ctx, { organisationId: other.id, startedAt: at(10), channel: 'phone' });
});
afterAll(async () => {
  await app?.close();
});

describe('searching contacts', () => {
  it('filters by date range, channel, status and outcome within scope', async () => {
    const all = await search(`${JAN}&limit=200`);
    expect(all.total).toBe(14);
    expect(ids(all)).not.toContain(rows.foreign!.id);
    expect(ids(await search(`from=2026-01-11T00:00:00Z&to=2026-01-13T00:00:00Z`))).toEqual([rows.local!.id, rows.queued!.id].sort());
    expect(ids(await search(`${JAN}&channel=phone`))).toEqual([rows.phone!.id, rows.regional!.id].sort());
    expect(ids(await search(`${JAN}&channel=chat&channel=email`))).toEqual([rows.local!.id, rows.queued!.id].sort());
    expect(ids(await search(`${JAN}&status=queued`))).toEqual([rows.queued!.id]);
    expect(ids(await search(`${JAN}&outcome=referred`))).toEqual([rows.local!.id]);
  });

  it('finds a regional category through the local sub-codes that map onto it', async () => {
    expect(ids(await search(`${JAN}&category=THB.LABOUR`))).toEqual([rows.local!.id, rows.regional!.id].sort());
    expect(ids(await search(`${JAN}&category=THB.LABOUR.GR_OLIVES`))).toEqual([rows.local!.id]);
    expect(ids(await search(`${JAN}&isThb=true`))).toEqual([rows.local!.id, rows.regional!.id].sort());
    expect((await search(`${JAN}&isThb=false`)).total).toBe(12);
  });

  it('filters on the reader’s own contacts', async () => {
    expect(ids(await search(`${JAN}&operator=me`))).toEqual([rows.phone!.id, rows.regional!.id].sort());
  });

  it('pages with a cursor, newest first, without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search(`${JAN}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(14);
    expect(seen[seen.length - 1]).toBe(rows.phone!.id);
    expect(outcome(await supervisor.get('/api/contacts?cursor=bm90LWEtY3Vyc29y'))).toBe('400 VALIDATION_FAILED');
  });

  it('matches free-text words of the encrypted notes in any order, accents and case folded', async () => {
    const c = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', notes: 'Workers on a farm near Marathon, no papers', region: 'Ανατολική Αττική' }));
    const other = ok(await operator.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', notes: 'Farm question from a teacher' }));
    expect(ids(await search('q=marathon%20farm'))).toEqual([c.id]);
    expect(ids(await search('q=FARM%20Marathon'))).toEqual([c.id]);
    expect(ids(await search('q=farm'))).toEqual([c.id, other.id].sort());
    expect(ids(await search(`q=${encodeURIComponent('αττικη')}`))).toEqual([c.id]);
    expect(ids(await search('q=marathon%20city'))).toEqual([]);
    expect(outcome(await supervisor.get('/api/contacts?q=ab'))).toBe('400 VALIDATION_FAILED');
    // The list view carries no notes.
    expect(JSON.stringify(await search('q=marathon'))).not.toContain('papers');
  });
});

describe('exporting contacts', () => {
  it('is for contacts.export holders only, and a refused export is not audited', async () => {
    const before = (await auditOf(t.ctx, 'contacts.exported')).length;
    expect(outcome(await operator.get(`/api/contacts/export.csv?${JAN}`))).toBe('403 FORBIDDEN');
    expect((await auditOf(t.ctx, 'contacts.exported')).length).toBe(before);
  });

  it('exports coded fields as CSV: audited, no notes or numbers, formulas defused', async () => {
    const c = ok(await supervisor.post('/api/contacts', { idempotencyKey: newKey(), channel: 'phone', notes: 'Secret note text', consentCallback: true, callbackPhone: '+30 210 555 0142', callerId: '+30 697 111 2222', region: '+cmd' }));
    const expected = (await search('from=2026-01-01T00:00:00Z&limit=1')).total;
    expect(expected).toBeGreaterThanOrEqual(15);
    const res = await supervisor.get('/api/contacts/export.csv?from=2026-01-01T00:00:00Z');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const csv = res.body.replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^reference,status,source,/);
    expect(lines).toHaveLength(1 + expected);
    expect(csv).toContain(rows.local!.reference);
    expect(csv).toContain(c.reference);
    expect(csv).not.toContain(rows.foreign!.reference);
    for (const secret of ['Secret note', '555 0142', '5550142', '697 111 2222', '6971112222']) expect(csv).not.toContain(secret);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(",'+cmd,");
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv).toContain('THB.LABOUR.GR_OLIVES,THB.LABOUR,');
    const audits = await auditOf(t.ctx, 'contacts.exported');
    expect(audits[0]).toMatchObject({ actorUserId: supervisorId });
    expect(JSON.stringify(audits[0]!.details)).toContain(`"rows":${expected}`);
  });
});
