import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntryView } from '../../../src/api/knowledge.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { listPublicHelplines } from '../../../src/services/directory.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let regional: TestClient;
let coordinatorGr: TestClient;
let coordinatorSi: TestClient;
let supervisorGr: TestClient;
let operatorGr: TestClient;
let trainerGr: TestClient;
let liaison: TestClient;
let administrator: TestClient;
let evaluator: TestClient;

type List = { items: DirectoryEntryView[]; total: number };
const entry = (over: Record<string, unknown> = {}) => ({
  kind: 'police',
  countryCode: 'GR',
  name: 'Test Anti-Trafficking Unit, Patras',
  descriptions: { en: 'Identification of victims of trafficking.', el: 'Αναγνώριση θυμάτων εμπορίας ανθρώπων.' },
  phones: [{ number: '+30 000 000 0001', label: 'Duty officer' }],
  city: 'Patras',
  nrmStages: ['identification', 'proceedings'],
  audience: 'professionals',
  ...over,
});
const countEntries = async () => Number((await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM directory_entries`))[0]!.n);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const si = await makeOrganisation(t.ctx, { countryCode: 'SI', city: 'Ljubljana' });
  const opts = (role: Parameters<typeof signedIn>[2] extends infer O ? O extends { role?: infer R } ? R : never : never, organisationId = gr.id) => ({ role, organisationId });
  regional = (await signedIn(app, t.ctx, opts('regional_coordinator'))).client;
  coordinatorGr = (await signedIn(app, t.ctx, opts('country_coordinator'))).client;
  coordinatorSi = (await signedIn(app, t.ctx, opts('country_coordinator', si.id))).client;
  supervisorGr = (await signedIn(app, t.ctx, opts('supervisor'))).client;
  operatorGr = (await signedIn(app, t.ctx, opts('helpline_operator'))).client;
  trainerGr = (await signedIn(app, t.ctx, opts('trainer'))).client;
  liaison = (await signedIn(app, t.ctx, opts('liaison_officer'))).client;
  administrator = (await signedIn(app, t.ctx, opts('administrator'))).client;
  evaluator = (await signedIn(app, t.ctx, opts('evaluator'))).client;
});
afterAll(async () => {
  await app?.close();
});

describe('directory entries: create and read', () => {
  let police: DirectoryEntryView;
  let internal: DirectoryEntryView;

  it('creates an entry (knowledge.write over its country or organisation), audited and searchable', async () => {
    police = ok<DirectoryEntryView>(await coordinatorGr.post('/api/knowledge/directory', entry({ needsReview: false })));
    expect(police).toMatchObject({ kind: 'police', countryCode: 'GR', needsReview: false, version: 1, canEdit: true, archivedAt: null });
    expect(police.verifiedAt).not.toBeNull();
    expect((await auditOf(t.ctx, 'knowledge.directory.created', police.id)).length).toBe(1);
    const [row] = await queryRows<{ name_folded: string; hit: boolean }>(
      t.ctx.database.db,
      sql`SELECT name_folded, tsv @@ to_tsquery('simple', 'patras') AS hit FROM directory_entries WHERE id = ${police.id}`,
    );
    expect(row).toMatchObject({ name_folded: 'test anti-trafficking unit, patras', hit: true });
    const [word] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM kb_lexicon WHERE word = 'patras'`);
    expect(Number(word!.n)).toBe(1);
  });

  it('leaves entries by editors who may not verify flagged, and keeps editors to their scope', async () => {
    const own = ok<DirectoryEntryView>(await supervisorGr.post('/api/knowledge/directory', entry({ kind: 'ngo', organisationId: gr.id, name: 'Our own desk', needsReview: false })));
    expect(own).toMatchObject({ needsReview: true, verifiedAt: null, canEdit: true });
    expect(outcome(await supervisorGr.post('/api/knowledge/directory', entry({ name: 'Not ours' })))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await coordinatorSi.post('/api/knowledge/directory', entry({ name: 'Greek entry by SI' })))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await operatorGr.post('/api/knowledge/directory', entry()))).toBe('403 FORBIDDEN');
    expect(outcome(await regional.post('/api/knowledge/directory', entry({ countryCode: 'ZZ' })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await regional.post('/api/knowledge/directory', entry({ organisationId: '00000000-0000-4000-8000-000000000000' })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await regional.post('/api/knowledge/directory', entry({ phones: [{ number: '<script>' }] })))).toBe('400 VALIDATION_FAILED');
  });

  it('refuses websites that are not http(s) and saves nothing', async () => {
    const before = await countEntries();
    for (const website of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', '/contacts', 'ftp://example.org', 'mailto:a@b.example']) {
      expect(outcome(await regional.post('/api/knowledge/directory', entry({ website }))), website).toBe('400 VALIDATION_FAILED');
      expect(outcome(await regional.patch(`/api/knowledge/directory/${police.id}`, { version: police.version, website })), website).toBe('400 VALIDATION_FAILED');
    }
    expect(await countEntries()).toBe(before);
    expect(ok<DirectoryEntryView>(await regional.get(`/api/knowledge/directory/${police.id}`))).toMatchObject({ website: null, version: 1 });
  });

  it('shows internal entries only to those who read internal knowledge', async () => {
    internal = ok<DirectoryEntryView>(await regional.post('/api/knowledge/directory', entry({ name: 'Direct line of the duty prosecutor', kind: 'prosecutor', audience: 'internal' })));
    for (const reader of [operatorGr, trainerGr, coordinatorSi]) {
      expect(ok<List>(await reader.get('/api/knowledge/directory?kind=prosecutor')).items.map((i) => i.id)).toContain(internal.id);
    }
    for (const reader of [liaison, administrator]) {
      const list = ok<List>(await reader.get('/api/knowledge/directory'));
      expect(list.items.some((i) => i.audience === 'internal')).toBe(false);
      expect(list.items.map((i) => i.id)).toContain(police.id);
      expect(outcome(await reader.get(`/api/knowledge/directory/${internal.id}`))).toBe('404 DIRECTORY_ENTRY_NOT_FOUND');
    }
    expect(outcome(await evaluator.get('/api/knowledge/directory'))).toBe('403 FORBIDDEN');
  });

  it('filters by country, kind, stage, helplines and review flag, with paging', async () => {
    await regional.post('/api/knowledge/directory', entry({ kind: 'child_helpline', name: 'Test child line', phones: [{ number: '116 111' }], audience: 'public', nrmStages: ['first_assistance'] }));
    await regional.post('/api/knowledge/directory', entry({ kind: 'shelter', countryCode: 'SI', name: 'Test shelter, Maribor', city: 'Maribor', nrmStages: ['long_term_assistance'] }));
    const all = ok<List>(await operatorGr.get('/api/knowledge/directory'));
    expect(all.total).toBe(all.items.length);
    expect(ok<List>(await operatorGr.get('/api/knowledge/directory?country=SI')).items.every((i) => i.countryCode === 'SI')).toBe(true);
    expect(ok<List>(await operatorGr.get('/api/knowledge/directory?stage=long_term_assistance')).items.map((i) => i.name)).toEqual(['Test shelter, Maribor']);
    expect(ok<List>(await operatorGr.get('/api/knowledge/directory?helplinesOnly=true')).items.map((i) => i.kind)).toEqual(['child_helpline']);
    expect(ok<List>(await operatorGr.get('/api/knowledge/directory?needsReview=false')).items.every((i) => !i.needsReview)).toBe(true);
    const page = ok<List>(await operatorGr.get('/api/knowledge/directory?limit=2&offset=1'));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(all.total);
    expect(page.items[0]!.id).toBe(all.items[1]!.id);
    expect(outcome(await operatorGr.get('/api/knowledge/directory?stage=somewhere'))).toBe('400 VALIDATION_FAILED');
  });

  describe('change, verify, archive', () => {
    it('changes an entry with optimistic versions and re-indexes it', async () => {
      const changed = ok<DirectoryEntryView>(await coordinatorGr.patch(`/api/knowledge/directory/${police.id}`, { version: 1, name: 'Test Anti-Trafficking Unit, Larissa', city: 'Larissa' }));
      expect(changed).toMatchObject({ version: 2, name: 'Test Anti-Trafficking Unit, Larissa', kind: 'police', phones: police.phones });
      expect(outcome(await coordinatorGr.patch(`/api/knowledge/directory/${police.id}`, { version: 1, name: 'Lost update' }))).toBe('409 RECORD_VERSION_CONFLICT');
      const [row] = await queryRows<{ hit: boolean }>(t.ctx.database.db, sql`SELECT tsv @@ to_tsquery('simple', 'larissa') AS hit FROM directory_entries WHERE id = ${police.id}`);
      expect(row!.hit).toBe(true);
      expect(outcome(await coordinatorSi.patch(`/api/knowledge/directory/${police.id}`, { version: 2, name: 'Taken over' }))).toBe('403 OUT_OF_SCOPE');
      expect(outcome(await coordinatorGr.patch(`/api/knowledge/directory/${police.id}`, { version: 2, countryCode: 'SI' }))).toBe('403 OUT_OF_SCOPE');
      expect((await auditOf(t.ctx, 'knowledge.directory.updated', police.id)).length).toBe(1);
    });

    it('verifies with knowledge.review over the entry', async () => {
      const flagged = ok<DirectoryEntryView>(await regional.post('/api/knowledge/directory', entry({ name: 'To be verified' })));
      expect(flagged.needsReview).toBe(true);
      expect(outcome(await supervisorGr.post(`/api/knowledge/directory/${flagged.id}/verify`))).toBe('403 FORBIDDEN');
      expect(outcome(await coordinatorSi.post(`/api/knowledge/directory/${flagged.id}/verify`))).toBe('403 OUT_OF_SCOPE');
      const verified = ok<DirectoryEntryView>(await coordinatorGr.post(`/api/knowledge/directory/${flagged.id}/verify`));
      expect(verified).toMatchObject({ needsReview: false, version: 2 });
      expect(verified.verifiedAt).not.toBeNull();
      const [row] = await queryRows<{ verified_by: string | null }>(t.ctx.database.db, sql`SELECT verified_by FROM directory_entries WHERE id = ${flagged.id}`);
      expect(row!.verified_by).not.toBeNull();
      expect((await auditOf(t.ctx, 'knowledge.directory.verified', flagged.id)).length).toBe(1);
    });

    it('archives instead of deleting: gone from lists and public helplines, kept for history', async () => {
      const line = ok<DirectoryEntryView>(await regional.post('/api/knowledge/directory', entry({ kind: 'missing_children_hotline', name: 'Test missing line', phones: [{ number: '116 000', free: true }], audience: 'public', website: 'https://example.org/116000' })));
      expect((await listPublicHelplines(t.ctx, 'GR')).map((h) => h.id)).toContain(line.id);
      expect(outcome(await operatorGr.delete(`/api/knowledge/directory/${line.id}`))).toBe('403 FORBIDDEN');
      expect(outcome(await coordinatorSi.delete(`/api/knowledge/directory/${line.id}`))).toBe('403 OUT_OF_SCOPE');
      expect(ok(await coordinatorGr.delete(`/api/knowledge/directory/${line.id}`))).toEqual({ ok: true });
      expect(ok<List>(await operatorGr.get('/api/knowledge/directory')).items.map((i) => i.id)).not.toContain(line.id);
      expect(ok<DirectoryEntryView>(await operatorGr.get(`/api/knowledge/directory/${line.id}`)).archivedAt).not.toBeNull();
      expect((await listPublicHelplines(t.ctx)).map((h) => h.id)).not.toContain(line.id);
      expect(outcome(await coordinatorGr.patch(`/api/knowledge/directory/${line.id}`, { version: 2, name: 'Revived' }))).toBe('404 DIRECTORY_ENTRY_NOT_FOUND');
      expect(outcome(await coordinatorGr.delete(`/api/knowledge/directory/${line.id}`))).toBe('404 DIRECTORY_ENTRY_NOT_FOUND');
      expect((await auditOf(t.ctx, 'knowledge.directory.archived', line.id)).length).toBe(1);
    });
  });
});

describe('public helplines', () => {
  it('lists public helpline kinds only, with public fields only', async () => {
    await regional.post('/api/knowledge/directory', entry({ kind: 'thb_hotline', name: 'Staff-only THB line', audience: 'professionals' }));
    const lines = await listPublicHelplines(t.ctx);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => ['missing_children_hotline', 'child_helpline', 'thb_hotline'].includes(l.kind))).toBe(true);
    expect(lines.map((l) => l.name)).not.toContain('Staff-only THB line');
    expect(Object.keys(lines[0]!).sort()).toEqual(['aroundTheClock', 'city', 'countryCode', 'descriptions', 'hours', 'id', 'kind', 'languages', 'localName', 'name', 'operator', 'phones', 'website'].sort());
    expect(await listPublicHelplines(t.ctx, 'SI')).toEqual([]);
  });
});
