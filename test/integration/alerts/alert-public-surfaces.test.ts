import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { closeTestAlert, makeAlertSettings, makeTestAlert, publishTestUpdate, TEST_PHOTO, type TestAlert } from '../../factories/alert.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
let app: FastifyInstance;
let gr: OrganisationRow;
let ro: OrganisationRow;
let live: TestAlert;

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const capPath = (identifier: string) => `/cap/${encodeURIComponent(identifier)}.xml`;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  ro = await makeOrganisation(t.ctx, { countryCode: 'RO', city: 'Bucharest' });
  await makeAlertSettings(t.ctx, 'GR', { languages: ['el', 'en'] });
  await makeAlertSettings(t.ctx, 'RO', { languages: ['ro', 'en'] });
  live = await makeTestAlert(t.ctx, {
    organisationId: gr.id,
    childName: 'Eleni Testopoulou',
    languages: ['el', 'en'],
    texts: {
      el: { headline: 'Απαγωγή παιδιού: Ελένη', description: 'Η Ελένη εξαφανίστηκε κοντά στον σταθμό.', instruction: 'Μην πλησιάσετε.' },
      en: { headline: 'Child abduction: Eleni', description: 'Eleni went missing near the station.', instruction: 'Do not approach.' },
    },
  });
});

afterAll(async () => {
  await app.close();
});

describe('CAP documents', () => {
  it('serves the stored XML as application/cap+xml with an ETag, a short cache and 304', async () => {
    const res = await get(capPath(live.messageIdentifiers[0]!));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/cap+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    const parsed = parseCapXml(res.body);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.alert.identifier).toBe(live.messageIdentifiers[0]);
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get(capPath(live.messageIdentifiers[0]!), { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Without the .xml suffix too.
    expect((await get(`/cap/${encodeURIComponent(live.messageIdentifiers[0]!)}`)).statusCode).toBe(200);
  });

  it('answers 404 CAP_DOCUMENT_NOT_FOUND for unknown, drill and restricted documents', async () => {
    const drill = await makeTestAlert(t.ctx, { organisationId: gr.id, mode: 'exercise', childName: 'Drill Child' });
    const pre = await makeTestAlert(t.ctx, { organisationId: gr.id, status: 'approved', preAlertOnly: true, childName: 'Pre Alert Child' });
    for (const id of ['urn:victor:nothing:1', drill.messageIdentifiers[0]!, pre.messageIdentifiers[0]!]) {
      const res = await get(capPath(id));
      expect(res.statusCode, id).toBe(404);
      expect(res.json().error.code).toBe('CAP_DOCUMENT_NOT_FOUND');
    }
  });
});

describe('Atom feeds', () => {
  it('lists only public actual alerts, with CAP and page links, categories and author', async () => {
    await makeTestAlert(t.ctx, { organisationId: gr.id, mode: 'test', childName: 'Test Mode Child' });
    await makeTestAlert(t.ctx, { organisationId: gr.id, status: 'draft', childName: 'Draft Child' });
    const res = await get('/feeds/child-alerts.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(res.body).toContain(`<id>${live.messageIdentifiers[0]}</id>`);
    expect(res.body).toContain(`<link rel="alternate" type="application/cap+xml" href="http://localhost:80${capPath(live.messageIdentifiers[0]!)}"/>`.replace('http://localhost:80', res.body.match(/<link rel="self" type="application\/atom\+xml" href="(https?:\/\/[^/"]+)/)![1]!));
    expect(res.body).toMatch(/<link rel="related" type="text\/html" href="[^"]+\/child-alerts\/en\/GR-A-/);
    expect(res.body).toContain('<category term="child_abduction"');
    expect(res.body).toContain('<name>Victor child alerts GR (test)</name>');
    for (const hidden of ['Drill Child', 'Test Mode Child', 'Draft Child', 'Pre Alert Child']) expect(res.body).not.toContain(hidden);
    // A valid Atom document whose entries lead to CAP documents that are served.
    const parsed = parseAtomFeed(res.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.valid).toBe(true);
    const entry = parsed.feed.entries.find((e) => e.id === live.messageIdentifiers[0])!;
    expect(entry.capUrl).toBeTruthy();
    const doc = await get(new URL(entry.capUrl!).pathname);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/cap+xml; charset=utf-8');
  });

  it('per country and per language', async () => {
    const roAlert = await makeTestAlert(t.ctx, { organisationId: ro.id, countryCode: 'RO', childName: 'Ana Testescu', languages: ['ro'], texts: { ro: { headline: 'Copil dispărut: Ana', description: 'Ana a dispărut.', instruction: 'Sunați la 116 000.' } } });
    const grFeed = (await get('/feeds/child-alerts/gr.atom')).body;
    expect(grFeed).toContain(live.messageIdentifiers[0]);
    expect(grFeed).not.toContain(roAlert.messageIdentifiers[0]);
    const roFeed = (await get('/feeds/child-alerts/ro.atom')).body;
    expect(roFeed).toContain(roAlert.messageIdentifiers[0]);
    expect(roFeed).not.toContain(live.messageIdentifiers[0]);
    const el = (await get('/feeds/child-alerts/lang/el.atom')).body;
    expect(el).toContain('<title>Απαγωγή παιδιού: Ελένη</title>');
    expect(el).toContain('xml:lang="el"');
    expect(el).not.toContain(roAlert.messageIdentifiers[0]);
    const en = (await get('/feeds/child-alerts/lang/en.atom')).body;
    expect(en).toContain('<title>Child abduction: Eleni</title>');
    expect((await get('/feeds/child-alerts/lang/xx.atom')).statusCode).toBe(404);
    expect((await get('/feeds/child-alerts/greece.atom')).statusCode).toBe(404);
  });

  it('answers 304 on its ETag and changes the ETag when a message is published', async () => {
    const first = await get('/feeds/child-alerts/gr.atom');
    const etag = String(first.headers.etag);
    expect((await get('/feeds/child-alerts/gr.atom', { 'if-none-match': etag })).statusCode).toBe(304);
    const fresh = await makeTestAlert(t.ctx, { organisationId: gr.id, childName: 'Newly Issued Child' });
    const after = await get('/feeds/child-alerts/gr.atom', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain(fresh.messageIdentifiers[0]);
    const etag2 = String(after.headers.etag);
    await publishTestUpdate(t.ctx, fresh, new Date(Date.now() + 2000));
    const updated = await get('/feeds/child-alerts/gr.atom', { 'if-none-match': etag2 });
    expect(updated.statusCode).toBe(200);
    expect(updated.body).toContain(fresh.messageIdentifiers[1]);
    expect(updated.body).not.toContain(`<id>${fresh.messageIdentifiers[0]}</id>`);
  });
});

describe('public alert page', () => {
  it('negotiates the language and shows photo, child, 116 000, map and links', async () => {
    const redirect = await get('/child-alerts', { 'accept-language': 'el-GR,el;q=0.9' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/child-alerts/el');
    const byId = await get(`/child-alerts/${live.id}`, { 'accept-language': 'ro' });
    expect(byId.statusCode).toBe(302);
    expect(byId.headers.location).toBe(`/child-alerts/ro/${live.reference}`);

    const res = await get(`/child-alerts/en/${live.reference}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Eleni Testopoulou');
    expect(res.body).toContain(`src="/child-alerts/photos/${live.photoId}" alt="Photo of the missing child"`);
    expect(res.body).toContain('href="tel:116000"');
    expect(res.body).toContain('116 000');
    expect(res.body).toContain('Alert issued by Public prosecutor (GR, test)');
    expect(res.body).toContain('<svg class="alert-map"');
    expect(res.body).toContain('fill="#c92a2a"');
    expect(res.body).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(res.body).toContain(`href="${capPath(live.messageIdentifiers[0]!)}"`);
    expect(res.body).toContain('White van');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    // The Greek page uses the Greek texts.
    const el = await get(`/child-alerts/el/${live.reference}`);
    expect(el.body).toContain('Απαγωγή παιδιού: Ελένη');
    expect(el.body).toContain('Φωτογραφία του παιδιού που αγνοείται');
  });

  it('lists active alerts by country with the feed links and the widget snippet', async () => {
    const res = await get('/child-alerts/en?country=GR');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Eleni Testopoulou');
    expect(res.body).not.toContain('Ana Testescu');
    expect(res.body).toContain('Add these alerts to your website');
    expect(res.body).toContain('/child-alerts/widget.js&quot; data-country=&quot;GR&quot; data-lang=&quot;en&quot; async&gt;&lt;/script&gt;');
    expect(res.body).toContain('href="/feeds/child-alerts/gr.atom"');
  });

  it('serves the photo decrypted with its type, and 404 for drafts, drills and unknown alerts', async () => {
    const photo = await get(`/child-alerts/photos/${live.photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['cache-control']).toBe('public, no-cache');
    expect(photo.rawPayload.equals(TEST_PHOTO)).toBe(true);
    const drill = await makeTestAlert(t.ctx, { organisationId: gr.id, mode: 'exercise', childName: 'Another Drill' });
    const draft = await makeTestAlert(t.ctx, { organisationId: gr.id, status: 'draft', childName: 'Another Draft' });
    for (const a of [drill, draft]) {
      expect((await get(`/child-alerts/en/${a.reference}`)).statusCode).toBe(404);
      expect((await get(`/child-alerts/${a.id}`)).statusCode).toBe(404);
      expect((await get(`/child-alerts/photos/${a.photoId}`)).statusCode).toBe(404);
    }
    expect((await get('/child-alerts/en/GR-A-2026-9999')).statusCode).toBe(404);
    expect((await get('/child-alerts/photos/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('after resolution', () => {
  it('removes name and photo from the page, feeds, CAP documents, photo and JSON', async () => {
    const child = await makeTestAlert(t.ctx, { organisationId: gr.id, childName: 'Zoe Foundlater', languages: ['en'] });
    expect((await get(`/child-alerts/en/${child.reference}`)).body).toContain('Zoe Foundlater');
    const firstDoc = await get(capPath(child.messageIdentifiers[0]!));
    expect(firstDoc.body).toContain('Zoe Foundlater');
    const closing = await closeTestAlert(t.ctx, child, 'resolved');

    const page = await get(`/child-alerts/en/${child.reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The child has been found');
    expect(page.body).toContain('<meta name="robots" content="noindex">');
    expect(page.body).not.toContain('Zoe Foundlater');
    expect(page.body).not.toContain('Short dark hair');
    expect(page.body).not.toContain('/child-alerts/photos/');
    expect(page.body).not.toContain('<svg');

    expect((await get(`/child-alerts/photos/${child.photoId}`)).statusCode).toBe(410);
    // A cache revalidating the first document gets the redacted one, whatever validator it sends.
    const redacted = await get(capPath(child.messageIdentifiers[0]!), { 'if-none-match': firstDoc.headers.etag as string, 'if-modified-since': String(firstDoc.headers['last-modified']) });
    expect(redacted.statusCode).toBe(200);
    expect(redacted.headers.etag).not.toBe(firstDoc.headers.etag);
    for (const id of child.messageIdentifiers) {
      const doc = await get(capPath(id));
      expect(doc.statusCode).toBe(200);
      expect(doc.body).not.toContain('Zoe Foundlater');
      expect(doc.body).not.toContain('<resource>');
    }
    for (const url of ['/feeds/child-alerts.atom', '/feeds/child-alerts/gr.atom', '/feeds/child-alerts/lang/en.atom']) {
      const feed = (await get(url)).body;
      expect(feed).not.toContain('Zoe Foundlater');
      expect(feed).toContain(`<id>${closing}</id>`);
    }
    const json = (await get('/api/public/child-alerts?country=GR')).body;
    expect(json).not.toContain('Zoe Foundlater');
    const list = (await get('/child-alerts/en?country=GR')).body;
    expect(list).not.toContain('Zoe Foundlater');
  });

  it('says a cancelled alert was withdrawn', async () => {
    const child = await makeTestAlert(t.ctx, { organisationId: gr.id, childName: 'Withdrawn Child' });
    await closeTestAlert(t.ctx, child, 'cancelled');
    const page = await get(`/child-alerts/en/${child.reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This alert was withdrawn');
    expect(page.body).not.toContain('Withdrawn Child');
  });
});

describe('widget and JSON', () => {
  it('the widget may be framed by any site, other pages may not', async () => {
    const res = await get('/child-alerts/widget?country=GR&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).toContain('frame-ancestors *');
    expect(String(res.headers['content-security-policy'])).not.toContain("frame-ancestors 'none'");
    expect(res.body).toContain('Eleni Testopoulou');
    expect(res.body).toContain(`/child-alerts/photos/${live.photoId}`);
    const list = await get('/child-alerts/en');
    expect(list.headers['x-frame-options']).toBe('DENY');
    expect(String(list.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const js = await get('/child-alerts/widget.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain("createElement('iframe')");
  });

  it('the JSON API answers with CORS for any origin and only public fields', async () => {
    const res = await get('/api/public/child-alerts?country=GR&lang=en', { origin: 'https://partner.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json() as { alerts: Record<string, unknown>[] };
    const mine = body.alerts.find((a) => a.reference === live.reference)!;
    expect(mine).toBeTruthy();
    expect(mine.photoUrl).toMatch(new RegExp(`/child-alerts/photos/${live.photoId}$`));
    expect(mine.capUrl).toMatch(/\/cap\/.+\.xml$/);
    expect(Object.keys(mine)).not.toContain('id');
    expect(JSON.stringify(body)).not.toContain('Drill Child');
    expect(JSON.stringify(body)).not.toContain('contentEnc');
  });
});

describe('escaping', () => {
  it('a hostile child name is escaped in the page, the feeds, the widget and the list', async () => {
    const evil = '<script>alert(1)</script>';
    const x = await makeTestAlert(t.ctx, { organisationId: gr.id, childName: evil, texts: { en: { headline: `Missing: ${evil}`, description: `Name ${evil} & "quotes"`, instruction: 'Call <b>now</b>' } } });
    for (const url of [`/child-alerts/en/${x.reference}`, '/child-alerts/en', '/child-alerts/widget?lang=en', '/feeds/child-alerts.atom', '/feeds/child-alerts/lang/en.atom']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('<script>alert(1)</script>');
      expect(res.body, url).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});
