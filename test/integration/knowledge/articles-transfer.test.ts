import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ArticleView, KbBundle } from '../../../src/api/knowledge.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeArticle, makePublishedArticle } from '../../factories/knowledge.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let supervisorGr: TestClient;
let trainerRo: TestClient;

const count = async (table: 'kb_articles' | 'kb_revisions' | 'kb_translations' | 'kb_published') =>
  Number((await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  supervisorGr = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  trainerRo = (await signedIn(app, t.ctx, { role: 'trainer', organisationId: (await makeOrganisation(t.ctx, { countryCode: 'RO' })).id })).client;
  await makePublishedArticle(t.ctx, {
    slug: 'tr-published',
    organisationId: gr.id,
    type: 'faq',
    tags: ['faq'],
    taxonomyCodes: ['THB.LABOUR'],
    translations: [
      { lang: 'en', title: 'Published FAQ', summary: 'Short.', bodyMd: '## Q\n\nAnswer.' },
      { lang: 'el', title: 'Δημοσιευμένες ερωτήσεις', bodyMd: 'Απάντηση.' },
    ],
  });
  await makeArticle(t.ctx, { slug: 'tr-draft', organisationId: gr.id, translations: [{ lang: 'en', title: 'Draft only' }] });
});
afterAll(async () => {
  await app?.close();
});

describe('exporting for translators', () => {
  it('exports published revisions as a JSON bundle (download, audited), filtered by language', async () => {
    const res = await supervisorGr.get('/api/knowledge/export?langs=en&country=GR');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="victor-kb-\d{4}-\d{2}-\d{2}\.json"$/);
    const bundle = ok<KbBundle>(res);
    expect(bundle.format).toBe('victor-kb/1');
    expect(bundle.articles.map((a) => a.slug)).toEqual(['tr-published']);
    expect(bundle.articles[0]).toMatchObject({ type: 'faq', countryCode: 'GR', tags: ['faq'], taxonomyCodes: ['THB.LABOUR'], translations: [{ lang: 'en', title: 'Published FAQ', summary: 'Short.', bodyMd: '## Q\n\nAnswer.' }] });
    const working = ok<KbBundle>(await supervisorGr.get('/api/knowledge/export?source=working&country=GR'));
    expect(working.articles.map((a) => a.slug)).toEqual(['tr-draft', 'tr-published']);
    expect(working.articles[1]!.translations.map((x) => x.lang)).toEqual(['el', 'en']);
    expect(outcome(await supervisorGr.get('/api/knowledge/export?langs=xx'))).toBe('400 VALIDATION_FAILED');
    expect((await auditOf(t.ctx, 'knowledge.exported')).length).toBe(2);
  });

  it('exports one translation as Markdown with a YAML front matter', async () => {
    const [row] = await queryRows<{ id: string }>(t.ctx.database.db, sql`SELECT id FROM kb_articles WHERE slug = 'tr-published'`);
    const res = await supervisorGr.get(`/api/knowledge/articles/${row!.id}/translations/el/markdown`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tr-published.el.md"');
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(res.body)!;
    expect(parse(yaml!)).toEqual({ slug: 'tr-published', lang: 'el', title: 'Δημοσιευμένες ερωτήσεις', summary: expect.any(String), type: 'faq', audience: 'public', country: 'GR', tags: ['faq'], taxonomyCodes: ['THB.LABOUR'], revision: 1 });
    expect(body).toBe('Απάντηση.\n');
    expect(outcome(await trainerRo.get(`/api/knowledge/articles/${row!.id}/translations/el/markdown`))).toBe('403 OUT_OF_SCOPE');
  });
});

describe('importing', () => {
  it('round-trips a JSON bundle: unchanged content stays unchanged, edits become draft revisions, new articles are created', async () => {
    const bundle = ok<KbBundle>(await supervisorGr.get('/api/knowledge/export?country=GR'));
    const before = await count('kb_revisions');
    const same = ok(await supervisorGr.post('/api/knowledge/import', { format: 'json', bundle }));
    expect(same.results).toEqual([
      { slug: 'tr-published', lang: 'el', outcome: 'unchanged', message: null },
      { slug: 'tr-published', lang: 'en', outcome: 'unchanged', message: null },
    ]);
    expect(await count('kb_revisions')).toBe(before);

    const article = bundle.articles[0]!;
    article.translations.find((x) => x.lang === 'el')!.bodyMd = 'Νέα απάντηση.';
    article.translations.push({ lang: 'ro', title: 'Întrebări frecvente', summary: '', bodyMd: 'Răspuns.' });
    bundle.articles.push({ slug: 'tr-new-from-bundle', type: 'exploitation_forms', audience: 'professionals', countryCode: 'GR', tags: [], taxonomyCodes: [], translations: [{ lang: 'en', title: 'New', summary: '', bodyMd: 'Body.' }, { lang: 'bg', title: 'Ново', summary: '', bodyMd: 'Текст.' }] });
    // An article of another country and organisation: the supervisor may not change it.
    await makeArticle(t.ctx, { slug: 'tr-out-of-scope', countryCode: 'RO', translations: [{ lang: 'ro', title: 'Articol' }] });
    bundle.articles.push({ slug: 'tr-out-of-scope', type: 'faq', audience: 'public', countryCode: 'RO', tags: [], taxonomyCodes: [], translations: [{ lang: 'en', title: 'Romanian', summary: '', bodyMd: '' }] });
    const res = ok(await supervisorGr.post('/api/knowledge/import', { format: 'json', bundle }));
    expect(res.results.map((r: { slug: string; lang: string; outcome: string }) => `${r.slug}/${r.lang}/${r.outcome}`)).toEqual([
      'tr-published/el/updated',
      'tr-published/en/unchanged',
      'tr-published/ro/created',
      'tr-new-from-bundle/en/created',
      'tr-new-from-bundle/bg/created',
      'tr-out-of-scope/en/failed',
    ]);
    expect(res.results.at(-1).message).toMatch(/another country/);
    expect((await queryRows(t.ctx.database.db, sql`SELECT 1 AS x FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id WHERE a.slug = 'tr-out-of-scope'`)).length).toBe(1);

    // Imports never publish: the Greek published revision is still the live one, the new revision is a draft.
    const [el] = await queryRows<{ status: string; revision: number; published_revision: number }>(
      t.ctx.database.db,
      sql`SELECT t.status, t.revision, t.published_revision FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id WHERE a.slug = 'tr-published' AND t.lang = 'el'`,
    );
    expect(el).toMatchObject({ status: 'draft', revision: 2, published_revision: 1 });
    const [pub] = await queryRows<{ body_text: string }>(t.ctx.database.db, sql`SELECT p.body_text FROM kb_published p WHERE p.slug = 'tr-published' AND p.lang = 'el'`);
    expect(pub!.body_text).toBe('Απάντηση.');
    const [fresh] = await queryRows<{ n: number }>(t.ctx.database.db, sql`SELECT count(*)::int AS n FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id WHERE a.slug = 'tr-new-from-bundle' AND t.status = 'draft'`);
    expect(fresh!.n).toBe(2);
    const [audit] = await auditOf(t.ctx, 'knowledge.imported');
    expect(audit!.details).toMatchObject({ format: 'json', created: 3, updated: 1, unchanged: 1, failed: 1 });
  });

  it('imports a Markdown translation, creating the article when its front matter says what it is', async () => {
    const text = ['---', 'slug: tr-markdown', 'lang: sr', 'title: Trgovina ljudima', 'summary: Kratko.', 'type: thb_information', 'audience: public', 'country: regional', 'tags: [osnove]', '---', '', '## Šta je to', '', 'Tekst.'].join('\n');
    expect(ok(await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text })).results).toEqual([{ slug: 'tr-markdown', lang: 'sr', outcome: 'created', message: null }]);
    expect(ok(await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text })).results[0].outcome).toBe('unchanged');
    const [row] = await queryRows<{ id: string }>(t.ctx.database.db, sql`SELECT id FROM kb_articles WHERE slug = 'tr-markdown' AND country_code IS NULL`);
    const view = ok<ArticleView>(await supervisorGr.get(`/api/knowledge/articles/${row!.id}`));
    expect(view.translations[0]).toMatchObject({ lang: 'sr', status: 'draft', title: 'Trgovina ljudima', summary: 'Kratko.', bodyMd: '## Šta je to\n\nTekst.' });
    // A translation of an existing article needs no metadata.
    const en = ['---', 'slug: tr-markdown', 'lang: en', 'title: Human trafficking', '---', 'Text.'].join('\n');
    expect(ok(await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text: en })).results[0].outcome).toBe('created');
    // The exported Markdown imports back unchanged.
    const exported = (await supervisorGr.get(`/api/knowledge/articles/${row!.id}/translations/sr/markdown`)).body;
    expect(ok(await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text: exported })).results[0].outcome).toBe('unchanged');
  });

  it('refuses bad imports with a 4xx and saves nothing', async () => {
    const before = await Promise.all([count('kb_articles'), count('kb_translations'), count('kb_revisions')]);
    const bad: [unknown, string][] = [
      [{ format: 'markdown', text: 'no front matter here' }, '400 IMPORT_INVALID'],
      [{ format: 'markdown', text: '---\nslug: [unclosed\n---\nbody' }, '400 IMPORT_INVALID'],
      [{ format: 'markdown', text: '---\nslug: ok-slug\nlang: xx\ntitle: T\n---\nbody' }, '400 IMPORT_INVALID'],
      [{ format: 'markdown', text: '---\nslug: Bad Slug\nlang: en\ntitle: T\n---\nbody' }, '400 IMPORT_INVALID'],
      [{ format: 'markdown', text: '---\nslug: ok-slug\nlang: en\ntitle: T\nunknown: 1\n---\nbody' }, '400 IMPORT_INVALID'],
      [{ format: 'markdown', text: '---\n- a list\n---\nbody' }, '400 IMPORT_INVALID'],
      [{ format: 'json', bundle: { format: 'victor-kb/2', articles: [] } }, '400 VALIDATION_FAILED'],
      [{ format: 'json', bundle: { format: 'victor-kb/1', articles: [{ slug: 'x-y', type: 'faq', audience: 'public', countryCode: null, translations: [] }] } }, '400 VALIDATION_FAILED'],
      [{ format: 'json', bundle: { format: 'victor-kb/1', articles: [{ slug: 'dup-a', type: 'faq', audience: 'public', countryCode: null, translations: [{ lang: 'en', title: 'A' }] }, { slug: 'dup-a', type: 'faq', audience: 'public', countryCode: null, translations: [{ lang: 'en', title: 'B' }] }] } }, '400 IMPORT_INVALID'],
      [{ format: 'json', bundle: { format: 'victor-kb/1', articles: [{ slug: 'dup-l', type: 'faq', audience: 'public', countryCode: null, translations: [{ lang: 'en', title: 'A' }, { lang: 'en', title: 'B' }] }] } }, '400 IMPORT_INVALID'],
      [{ format: 'csv', text: 'a,b' }, '400 VALIDATION_FAILED'],
    ];
    for (const [body, expected] of bad) expect([body, outcome(await supervisorGr.post('/api/knowledge/import', body))]).toEqual([body, expected]);
    // A new article without its type in the front matter fails as an item, without saving anything.
    const partial = ok(await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text: '---\nslug: tr-no-type\nlang: en\ntitle: T\n---\nbody' }));
    expect(partial.results).toEqual([{ slug: 'tr-no-type', lang: 'en', outcome: 'failed', message: expect.stringMatching(/type, audience and country/) }]);
    expect(await Promise.all([count('kb_articles'), count('kb_translations'), count('kb_revisions')])).toEqual(before);
    const big = await supervisorGr.post('/api/knowledge/import', { format: 'markdown', text: `---\nslug: big\nlang: en\ntitle: T\n---\n${'x'.repeat(6 * 1024 * 1024)}` });
    expect(outcome(big)).toBe('413 PAYLOAD_TOO_LARGE');
  });

  it('lets an editor import translations of regional articles but not touch another country’s', async () => {
    const res = ok(await trainerRo.post('/api/knowledge/import', { format: 'markdown', text: '---\nslug: tr-markdown\nlang: ro\ntitle: Traficul de persoane\n---\nText.' }));
    expect(res.results[0].outcome).toBe('created');
    const refused = ok(await trainerRo.post('/api/knowledge/import', { format: 'markdown', text: '---\nslug: tr-published\nlang: ro\ntitle: Altceva\n---\nText.' }));
    expect(refused.results[0]).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/another country/) });
    void put;
  });
});
