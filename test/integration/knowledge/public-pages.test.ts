import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryInputSchema, type DirectoryInput } from '../../../src/api/knowledge.schemas';
import { insertEntry } from '../../../src/db/repos/directory.repo';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { applyTranslationAction } from '../../../src/services/knowledge-workflow.service';
import { makeArticle, makePublishedArticle } from '../../factories/knowledge.factory';
import { createTestApp } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
let app: FastifyInstance;
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const slugs: Record<string, string> = {};

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const addHelpline = (input: Partial<DirectoryInput> & Pick<DirectoryInput, 'kind' | 'countryCode' | 'name'>) =>
  insertEntry(t.ctx.database.db, randomUUID(), directoryInputSchema.parse({ audience: 'public', ...input }), null);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  const ctx = t.ctx;
  const nrm = await makePublishedArticle(ctx, {
    type: 'national_mechanism',
    countryCode: 'GR',
    translations: [
      { lang: 'en', title: 'Greek national referral mechanism', summary: 'How victims are referred in Greece.', bodyMd: 'The mechanism coordinates **identification**.' },
      { lang: 'el', title: 'Εθνικός Μηχανισμός Παραπομπής', summary: 'Πώς γίνεται η παραπομπή.', bodyMd: 'Ο μηχανισμός συντονίζει την αναγνώριση.' },
    ],
  });
  slugs.nrm = nrm.slug;
  // Published in English, Slovenian still a draft: the Slovenian page falls back visibly.
  const signs = await makePublishedArticle(ctx, {
    type: 'exploitation_forms',
    countryCode: null,
    translations: [
      { lang: 'en', title: 'Signs of child trafficking', summary: 'What to look out for.', bodyMd: 'A child who is not allowed to speak for themselves.' },
      { lang: 'sl', title: 'Znaki trgovine z otroki', summary: 'Na kaj biti pozoren.', bodyMd: 'Otrok, ki ne sme govoriti zase.' },
    ],
    publishLangs: ['en'],
  });
  slugs.signs = signs.slug;
  const xss = await makePublishedArticle(ctx, {
    countryCode: 'RS',
    translations: [{ lang: 'sr', title: `Trgovina ljudima ${XSS}`, summary: `Sažetak "${XSS}"`, bodyMd: `Tekst <script>alert(2)</script> [link](javascript:alert(3)) <a href="x" onclick="alert(4)">a</a> trgovina ljudima.` }],
  });
  slugs.xss = xss.slug;
  slugs.professional = (await makePublishedArticle(ctx, { audience: 'professionals', translations: [{ lang: 'en', title: 'Professional trafficking protocol' }] })).slug;
  slugs.internal = (await makePublishedArticle(ctx, { audience: 'internal', type: 'canned_answer', translations: [{ lang: 'en', title: 'Internal trafficking answer' }] })).slug;
  slugs.draft = (await makeArticle(ctx, { translations: [{ lang: 'en', title: 'Draft trafficking article' }] })).slug;
  const archived = await makePublishedArticle(ctx, { translations: [{ lang: 'en', title: 'Archived trafficking article' }] });
  await applyTranslationAction(ctx, SYSTEM_ACTOR, archived.id, 'en', { action: 'archive', version: archived.translations[0]!.version });
  slugs.archived = archived.slug;
  await addHelpline({ kind: 'missing_children_hotline', countryCode: 'GR', name: 'Missing children line GR', phones: [{ number: '116 000', free: true }], aroundTheClock: true, languages: ['el', 'en'] });
  await addHelpline({ kind: 'child_helpline', countryCode: 'RS', name: `Dečija linija ${XSS}`, phones: [{ number: '116 111' }], hours: '08-20' });
  await addHelpline({ kind: 'thb_hotline', countryCode: 'GR', name: 'Internal police line', phones: [{ number: '+30 210 000 0000' }], audience: 'internal' });
});

afterAll(async () => {
  await app?.close();
});

describe('public knowledge pages', () => {
  it('redirects /kb to the best language of Accept-Language', async () => {
    expect((await get('/kb', { 'accept-language': 'el-GR,el;q=0.9,en;q=0.5' })).headers.location).toBe('/kb/el');
    expect((await get('/kb', { 'accept-language': 'de-DE' })).headers.location).toBe('/kb/en');
    const res = await get('/kb');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/kb/en');
  });

  it('renders the home page: html lang, public articles grouped by type, public helplines only, cache headers, CSP', async () => {
    const res = await get('/kb/el');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<html lang="el"');
    expect(res.body).toContain('Εθνικός Μηχανισμός Παραπομπής');
    expect(res.body).toContain('Εθνικός μηχανισμός παραπομπής</h3>');
    // Not translated into Greek: the English title, marked as English.
    expect(res.body).toMatch(/<a href="\/kb\/el\/a\/[^"]+" lang="en">Signs of child trafficking<\/a>/);
    expect(res.body).toContain('href="tel:116000"');
    expect(res.body).toMatch(/<a href="tel:116000">116 000<\/a> Γραμμή για εξαφανισμένα παιδιά/);
    for (const hidden of ['Professional trafficking protocol', 'Internal trafficking answer', 'Draft trafficking article', 'Archived trafficking article', 'Internal police line']) {
      expect(res.body).not.toContain(hidden);
    }
    expect(res.body).not.toContain('210 000 0000');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toMatch(/<link rel="stylesheet" href="\/kb\/assets\/kb\.css\?v=[0-9a-f]{12}">/);
    const again = await get('/kb/el', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('filters by country: regional articles and that country only', async () => {
    const res = await get('/kb/en?country=gr');
    expect(res.body).toContain('Greek national referral mechanism');
    expect(res.body).toContain('Signs of child trafficking');
    expect(res.body).not.toContain('Trgovina ljudima');
    const summary = /<ul class="summary">[\s\S]*?<\/ul>/.exec(res.body)![0];
    expect(summary).toContain('Greece');
    expect(summary).not.toContain('Serbia');
    expect(res.body).toContain('<option value="GR" selected>');
  });

  it('shows an article in its language with hreflang alternates, canonical, description and Open Graph title', async () => {
    const res = await get(`/kb/el/a/${slugs.nrm}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Εθνικός Μηχανισμός Παραπομπής</h1>');
    expect(res.body).toContain('<meta name="description" content="Πώς γίνεται η παραπομπή.">');
    expect(res.body).toContain('<meta property="og:title" content="Εθνικός Μηχανισμός Παραπομπής">');
    expect(res.body).toMatch(new RegExp(`<link rel="canonical" href="http://[^"]+/kb/el/a/${slugs.nrm}">`));
    expect(res.body).toMatch(new RegExp(`<link rel="alternate" hreflang="en" href="http://[^"]+/kb/en/a/${slugs.nrm}">`));
    expect(res.body).not.toMatch(/hreflang="sl" href="[^"]+\/a\//);
    expect(res.body).not.toContain('class="notice"');
  });

  it('falls back visibly to English with a notice in the page language', async () => {
    const res = await get(`/kb/sl/a/${slugs.signs}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="sl"');
    expect(res.body).toContain('Ta članek še ni preveden v ta jezik.');
    expect(res.body).toContain('<article lang="en">');
    expect(res.body).toContain('<h1>Signs of child trafficking</h1>');
    expect(res.body).not.toContain('Znaki trgovine z otroki');
  });

  it('answers 404 (the same page) for professional, internal, unpublished, archived, unknown and malformed', async () => {
    const unknown = await get('/kb/en/a/no-such-article');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/text\/html/);
    const shape = (body: string) => body.replace(/no-such-article/g, '');
    for (const key of ['professional', 'internal', 'draft', 'archived'] as const) {
      const res = await get(`/kb/en/a/${slugs[key]}`);
      expect(res.statusCode, key).toBe(404);
      expect(shape(res.body)).toBe(shape(unknown.body));
    }
    expect((await get('/kb/en/a/Bad%20Slug')).statusCode).toBe(404);
    expect((await get('/kb/xx')).statusCode).toBe(404);
    expect((await get('/kb/en/nothing/here')).statusCode).toBe(404);
  });

  it('escapes titles, summaries and names; sanitises the body', async () => {
    const page = await get(`/kb/sr/a/${slugs.xss}`);
    expect(page.statusCode).toBe(200);
    const home = await get('/kb/sr');
    const helplines = await get('/kb/sr/helplines');
    for (const body of [page.body, home.body, helplines.body]) {
      expect(body).not.toContain('<script');
      expect(body).not.toContain('<img');
      // Attribute values hold no raw quote (escaped), so blanking them leaves only real attribute names.
      expect(body.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(body).not.toContain('javascript:');
    }
    expect(page.body).toContain('Trgovina ljudima &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.body).toContain('content="Sažetak &quot;&lt;script&gt;');
    expect(helplines.body).toContain('Dečija linija &lt;script&gt;');
  });

  it('searches public articles only, with escaped queries and <mark> snippets; Cyrillic finds Latin', async () => {
    const res = await get(`/kb/sr/search?q=${encodeURIComponent('трговина људима')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/kb/sr/a/${slugs.xss}`);
    expect(res.body).toMatch(/<mark>[^<]*<\/mark>/);
    const all = await get(`/kb/en/search?q=trafficking`);
    expect(all.body).toContain('Signs of child trafficking');
    for (const hidden of ['Professional trafficking protocol', 'Internal trafficking answer', 'Draft trafficking article', 'Archived trafficking article']) {
      expect(all.body).not.toContain(hidden);
    }
    const hostile = await get(`/kb/en/search?q=${encodeURIComponent(`"><script>alert(1)</script>`)}`);
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script');
    expect(hostile.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    const empty = await get('/kb/en/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Type one or more words');
  });

  it('lists helplines per country with tel: links', async () => {
    const res = await get('/kb/en/helplines?country=GR');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="tel:116000">116 000</a>');
    expect(res.body).toContain('Open 24 hours a day');
    expect(res.body).toContain('Missing children line GR');
    expect(res.body).not.toContain('Dečija linija');
    expect(res.body).not.toContain('Internal police line');
  });

  it('serves a valid sitemap with the public translations and their alternates', async () => {
    const res = await get('/kb/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    const xml = res.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toMatch(/<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/);
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>(\d{4}-\d{2}-\d{2})<\/lastmod>)?((?:<xhtml:link rel="alternate" hreflang="[a-zA-Z-]+" href="[^"<>]+"\/>)*)<\/url>/g)];
    expect((xml.match(/<url>/g) ?? []).length).toBe(urls.length);
    const locs = urls.map((m) => new URL(m[1]!).pathname);
    expect(locs).toContain(`/kb/el/a/${slugs.nrm}`);
    expect(locs).toContain(`/kb/en/a/${slugs.nrm}`);
    expect(locs).toContain(`/kb/en/a/${slugs.signs}`);
    expect(locs).not.toContain(`/kb/sl/a/${slugs.signs}`);
    for (const key of ['professional', 'internal', 'draft', 'archived'] as const) expect(xml).not.toContain(slugs[key]);
    const nrmEntry = urls.find((m) => m[1]!.endsWith(`/kb/el/a/${slugs.nrm}`))!;
    expect(nrmEntry[3]).toContain('hreflang="en"');
    expect(nrmEntry[3]).toContain('hreflang="el"');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)/);
  });

  it('serves the style sheet with a long cache when versioned', async () => {
    const home = await get('/kb/en');
    const href = /href="(\/kb\/assets\/kb\.css\?v=[0-9a-f]+)"/.exec(home.body)![1]!;
    const css = await get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.headers['cache-control']).toContain('immutable');
    expect((await get('/kb/assets/kb.css')).headers['cache-control']).toBe('public, max-age=300');
  });
});
