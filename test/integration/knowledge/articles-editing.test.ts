import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../src/api/knowledge.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { auditOf, ok, put } from '../helpline/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let gr: OrganisationRow;
let ro: OrganisationRow;
let supervisorGr: TestClient;
let coordinatorRo: TestClient;
let trainerRo: TestClient;
let operatorGr: TestClient;
let coordinatorGr: TestClient;

const newArticle = (over: Record<string, unknown> = {}) => ({
  type: 'national_mechanism',
  audience: 'professionals',
  countryCode: 'GR',
  tags: ['nrm'],
  taxonomyCodes: ['THB.LABOUR'],
  lang: 'el',
  translation: { title: 'Εθνικός Μηχανισμός Παραπομπής: οδηγός', summary: 'Ποιος κάνει τι.', bodyMd: '## Βήματα\n\nΠρώτο βήμα.' },
  ...over,
});

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  supervisorGr = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  coordinatorRo = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: ro.id })).client;
  trainerRo = (await signedIn(app, t.ctx, { role: 'trainer', organisationId: ro.id })).client;
  operatorGr = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: (await makeOrganisation(t.ctx, { countryCode: 'GR' })).id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('creating and saving articles', () => {
  let article: ArticleView;

  it('creates an article with its first translation as a draft at revision 1, slug transliterated from Greek', async () => {
    article = ok<ArticleView>(await supervisorGr.post('/api/knowledge/articles', newArticle()));
    expect(article.slug).toBe('ethnikos-michanismos-parapompis-odigos');
    expect(article).toMatchObject({ organisationId: gr.id, countryCode: 'GR', canEdit: true, canReview: false, version: 1 });
    expect(article.translations).toHaveLength(1);
    expect(article.translations[0]).toMatchObject({ lang: 'el', status: 'draft', revision: 1, publishedRevision: null, hasUnpublishedChanges: true, actions: ['submit'] });
    expect(article.translations[0]!.bodyHtml).toContain('<h2>Βήματα</h2>');
    expect((await auditOf(t.ctx, 'knowledge.article.created', article.id)).length).toBe(1);
    expect((await auditOf(t.ctx, 'knowledge.translation.saved', article.id)).length).toBe(1);
  });

  it('refuses a taken slug, unknown references and callers without knowledge.write', async () => {
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: article.slug })))).toBe('409 ARTICLE_SLUG_TAKEN');
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle()))).toBe('409 ARTICLE_SLUG_TAKEN');
    // A desk writes about its own country only, even for an article its organisation owns.
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'x-country', countryCode: 'SI' })))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'x-country', countryCode: 'ZZ' })))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'x-org', organisationId: '00000000-0000-4000-8000-000000000000' })))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'x-instrument', legalInstrumentId: '00000000-0000-4000-8000-000000000000' })))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operatorGr.post('/api/knowledge/articles', newArticle({ slug: 'x-operator' })))).toBe('403 FORBIDDEN');
    expect(outcome(await supervisorGr.post('/api/knowledge/articles', { ...newArticle({ slug: 'x-extra' }), extra: 1 }))).toBe('400 VALIDATION_FAILED');
  });

  it('saves a translation as a new revision, with optimistic versions', async () => {
    const el = article.translations[0]!;
    expect(outcome(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/el`, { title: el.title, bodyMd: 'x' }))).toBe('409 ARTICLE_VERSION_CONFLICT');
    expect(outcome(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/el`, { title: el.title, bodyMd: 'x', version: el.version + 5 }))).toBe('409 ARTICLE_VERSION_CONFLICT');
    article = ok(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/el`, { title: el.title, summary: el.summary, bodyMd: '## Βήματα\n\nΠρώτο και δεύτερο βήμα.', note: 'δεύτερο βήμα', version: el.version }));
    expect(article.translations[0]).toMatchObject({ revision: 2, status: 'draft', version: el.version + 1 });
    // The same content again saves nothing.
    const same = ok<ArticleView>(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/el`, { title: el.title, summary: el.summary, bodyMd: '## Βήματα\n\nΠρώτο και δεύτερο βήμα.', version: el.version + 1 }));
    expect(same.translations[0]!.revision).toBe(2);
    // A new language starts at revision 1.
    article = ok(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/en`, { title: 'National Referral Mechanism: a guide', bodyMd: 'First step.' }));
    expect(article.translations.map((x) => [x.lang, x.revision])).toEqual([['en', 1], ['el', 2]]);
    expect((await auditOf(t.ctx, 'knowledge.translation.saved', article.id)).length).toBe(3);
  });

  it('lists revisions with their authors, shows one, and diffs two word by word', async () => {
    const list = ok(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/el/revisions`));
    expect(list.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(list.items[0]).toMatchObject({ note: 'δεύτερο βήμα', published: false });
    expect(list.items[0].authorName).toMatch(/^Test User/);
    const one = ok(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/el/revisions/1`));
    expect(one).toMatchObject({ revision: 1, bodyMd: '## Βήματα\n\nΠρώτο βήμα.' });
    const diff = ok(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/el/diff?from=1&to=2`));
    expect(diff.title).toEqual([{ op: 'equal', text: 'Εθνικός Μηχανισμός Παραπομπής: οδηγός' }]);
    expect(diff.body.filter((s: { op: string }) => s.op === 'insert').map((s: { text: string }) => s.text).join('')).toContain('και δεύτερο');
    expect(diff.body.filter((s: { op: string }) => s.op === 'delete')).toEqual([]);
    expect(diff.body.map((s: { op: string; text: string }) => (s.op === 'delete' ? '' : s.text)).join('')).toBe('## Βήματα\n\nΠρώτο και δεύτερο βήμα.');
    expect(outcome(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/el/revisions/9`))).toBe('404 REVISION_NOT_FOUND');
    expect(outcome(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/el/diff?from=1&to=9`))).toBe('404 REVISION_NOT_FOUND');
    expect(outcome(await supervisorGr.get(`/api/knowledge/articles/${article.id}/translations/ru/revisions`))).toBe('404 TRANSLATION_NOT_FOUND');
  });

  it('changes metadata with optimistic versions and refuses a taken slug', async () => {
    const other = ok<ArticleView>(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'gr-other-article' })));
    expect(outcome(await supervisorGr.patch(`/api/knowledge/articles/${article.id}`, { slug: 'gr-other-article', version: article.version }))).toBe('409 ARTICLE_SLUG_TAKEN');
    const updated = ok<ArticleView>(await supervisorGr.patch(`/api/knowledge/articles/${article.id}`, { slug: 'gr-nrm-guide', tags: ['nrm', 'referral'], reviewDueOn: '2030-01-01', version: article.version }));
    expect(updated).toMatchObject({ slug: 'gr-nrm-guide', tags: ['nrm', 'referral'], reviewDueOn: '2030-01-01', version: article.version + 1 });
    expect(outcome(await supervisorGr.patch(`/api/knowledge/articles/${article.id}`, { tags: [], version: article.version }))).toBe('409 ARTICLE_VERSION_CONFLICT');
    // Fields not sent keep their values.
    const flagged = ok<ArticleView>(await supervisorGr.patch(`/api/knowledge/articles/${article.id}`, { needsReview: true, version: updated.version }));
    expect(flagged).toMatchObject({ needsReview: true, tags: ['nrm', 'referral'], reviewDueOn: '2030-01-01', taxonomyCodes: ['THB.LABOUR'], type: 'national_mechanism' });
    expect((await auditOf(t.ctx, 'knowledge.article.updated', article.id)).length).toBe(2);
    // A country coordinator cannot move an article to a country outside their scope.
    expect(outcome(await coordinatorGr.patch(`/api/knowledge/articles/${other.id}`, { countryCode: 'RO', version: other.version }))).toBe('403 OUT_OF_SCOPE');
    article = flagged;
  });

  it('keeps editors to their scope: another country is OUT_OF_SCOPE, regional articles are open to every editor', async () => {
    expect(outcome(await coordinatorRo.get(`/api/knowledge/articles/${article.id}`))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await put(coordinatorRo, `/api/knowledge/articles/${article.id}/translations/ro`, { title: 'Mecanism' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await coordinatorRo.patch(`/api/knowledge/articles/${article.id}`, { tags: [], version: article.version }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await trainerRo.get(`/api/knowledge/articles/${article.id}/translations/el/revisions`))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await operatorGr.get(`/api/knowledge/articles/${article.id}`))).toBe('403 FORBIDDEN');
    expect(outcome(await supervisorGr.get('/api/knowledge/articles/00000000-0000-4000-8000-000000000000'))).toBe('404 ARTICLE_NOT_FOUND');
    expect(outcome(await supervisorGr.get('/api/knowledge/articles/not-a-uuid'))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await put(supervisorGr, `/api/knowledge/articles/${article.id}/translations/xx`, { title: 'x' }))).toBe('400 VALIDATION_FAILED');
    const regional = ok<ArticleView>(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'regional-guide', countryCode: null, lang: 'en', translation: { title: 'Regional guide' } })));
    const translated = ok<ArticleView>(await put(trainerRo, `/api/knowledge/articles/${regional.id}/translations/ro`, { title: 'Ghid regional', bodyMd: 'Text.' }));
    expect(translated.translations.map((x) => x.lang)).toEqual(['en', 'ro']);
    const roList = ok(await coordinatorRo.get('/api/knowledge/articles?limit=200'));
    const roSlugs = roList.items.map((i: { slug: string }) => i.slug);
    expect(roSlugs).toContain('regional-guide');
    expect(roSlugs).not.toContain('gr-nrm-guide');
    const grList = ok(await supervisorGr.get('/api/knowledge/articles?country=GR&lang=el&status=draft&q=nrm'));
    expect(grList.items.map((i: { slug: string }) => i.slug)).toEqual(['gr-nrm-guide']);
    expect(grList.items[0].translations.map((x: { lang: string }) => x.lang).sort()).toEqual(['el', 'en']);
    expect(ok(await supervisorGr.get('/api/knowledge/articles?country=regional')).items.map((i: { slug: string }) => i.slug)).toEqual(['regional-guide']);
  });
});

describe('sanitising article bodies', () => {
  const payloads = [
    '<script>alert(1)</script>Text',
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">j</a>',
    '[md link](javascript:alert(4))',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==">d</a>',
    '<a href="jav&#x09;ascript:alert(6)">e</a>',
    '<a href="&#106;avascript:alert(7)">f</a>',
    '[tab](java\tscript:alert(8))',
    '<p onclick="alert(9)" style="x">p</p>',
    '<iframe src="https://evil.example"></iframe><svg onload=alert(10)></svg>',
    '<a href="//evil.example/x">protocol-relative</a>',
  ];

  it('strips scripts, event handlers and unsafe link schemes from revisions and from the published copy', async () => {
    const body = payloads.join('\n\n') + '\n\n[safe](https://example.org/page)';
    const created = ok<ArticleView>(await supervisorGr.post('/api/knowledge/articles', newArticle({ slug: 'xss-probe', lang: 'en', translation: { title: '<script>alert("t")</script>Title', bodyMd: body } })));
    const { makePublishedArticle } = await import('../../factories/knowledge.factory');
    const published = await makePublishedArticle(t.ctx, { slug: 'xss-probe-published', translations: [{ lang: 'en', title: 'Probe', bodyMd: body }] });
    const rows = await queryRows<{ html: string }>(
      t.ctx.database.db,
      sql`SELECT body_html AS html FROM kb_revisions WHERE article_id IN (${created.id}, ${published.id}) UNION ALL SELECT body_html FROM kb_published WHERE article_id = ${published.id}`,
    );
    expect(rows).toHaveLength(3);
    for (const { html } of rows) {
      expect(html).not.toMatch(/<script|<iframe|<svg|<img|onerror|onclick|onload|style=|javascript|data:|href="\/\//i);
      expect(html).toContain('href="https://example.org/page"');
      expect(html).toContain('Text');
    }
    expect(created.translations[0]!.bodyHtml).not.toMatch(/<script|onerror|javascript:/i);
    // A title is plain text: it is stored as typed and the client renders it as text (never as HTML).
    expect(created.translations[0]!.title).toBe('<script>alert("t")</script>Title');
    const preview = ok(await supervisorGr.post('/api/knowledge/preview', { bodyMd: payloads.join('\n\n') }));
    expect(preview.bodyHtml).not.toMatch(/<script|onerror|onclick|javascript|data:/i);
  });
});
