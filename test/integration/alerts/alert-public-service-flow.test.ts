import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../src/api/alerts.schemas';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { draftBody, ensureAlertSettings, uploadPhoto } from './alert-core-support';

/** The public surfaces fed by the real alert service: issue → feed, page, photo → resolve → gone. */
const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', PUBLIC_URL: 'https://victor.test' });
let app: FastifyInstance;
let gr: OrganisationRow;
let operator: TestClient;
let supervisor: TestClient;

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const json = (res: { json(): unknown }) => res.json() as AlertView;

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  await ensureAlertSettings(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  supervisor = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('public surfaces through the alert service', () => {
  it('an issued alert is on the feed, page and photo at once; after resolution name and photo are gone', async () => {
    const before = await get('/feeds/child-alerts/gr.atom');
    const created = await operator.post('/api/alerts', draftBody());
    expect(outcome(created)).toBe('200');
    const withPhoto = await uploadPhoto(operator, json(created).id);
    expect(outcome(withPhoto)).toBe('200');
    // A draft is nowhere public.
    expect((await get(`/child-alerts/en/${json(created).reference}`)).statusCode).toBe(404);

    const approved = await supervisor.post(`/api/alerts/${json(created).id}/approve`, { version: json(withPhoto).version, issueNow: true });
    expect(outcome(approved)).toBe('200');
    const alert = json(approved);
    expect(alert.status).toBe('issued');
    const first = alert.messages.find((m) => m.public)!;
    expect(first.capUrl).toBe(`https://victor.test/cap/${encodeURIComponent(first.identifier)}.xml`);

    // Immediately in the feed (new ETag), as a valid Atom entry leading to the CAP document.
    const feed = await get('/feeds/child-alerts/gr.atom', { 'if-none-match': String(before.headers.etag) });
    expect(feed.statusCode).toBe(200);
    const parsed = parseAtomFeed(feed.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const entry = parsed.feed.entries.find((e) => e.id === first.identifier)!;
    // Country feeds carry the first info block (the country's first language).
    expect(entry.title).toBe('Απαγωγή παιδιού στη Θεσσαλονίκη');
    expect(entry.capUrl).toBe(first.capUrl);
    expect((await get(new URL(entry.capUrl!).pathname)).body).toContain('Kalliopi Testaki');
    const en = await get('/feeds/child-alerts/lang/en.atom');
    expect(en.body).toContain('<title>Child abduction in Thessaloniki</title>');

    // The page (also by the address in CAP <web>), with photo and 116 000.
    expect((await get(`/child-alerts/${alert.id}`, { 'accept-language': 'en' })).headers.location).toBe(`/child-alerts/en/${alert.reference}`);
    const page = await get(`/child-alerts/en/${alert.reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kalliopi Testaki');
    expect(page.body).toContain('Yellow raincoat');
    expect(page.body).toContain('href="tel:116000"');
    const photoUrl = /src="(\/child-alerts\/photos\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
    expect(photoUrl).toBeTruthy();
    const photo = await get(photoUrl!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await get('/api/public/child-alerts?country=GR')).body).toContain('Kalliopi Testaki');

    const resolved = await supervisor.post(`/api/alerts/${alert.id}/resolve`, { version: alert.version });
    expect(outcome(resolved)).toBe('200');
    const after = await get(`/child-alerts/en/${alert.reference}`);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('The child has been found');
    expect(after.body).not.toContain('Kalliopi Testaki');
    expect(after.body).not.toContain('/child-alerts/photos/');
    expect((await get(photoUrl!)).statusCode).toBe(410);
    for (const url of ['/feeds/child-alerts.atom', '/feeds/child-alerts/gr.atom', '/feeds/child-alerts/lang/el.atom', '/feeds/child-alerts/lang/en.atom', '/api/public/child-alerts', '/child-alerts/widget?lang=en']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('Kalliopi Testaki');
      expect(res.body, url).not.toContain('Yellow raincoat');
    }
    const doc = await get(new URL(first.capUrl!).pathname);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).not.toContain('Kalliopi Testaki');
  });

  it('a drill runs through the service without reaching any public surface', async () => {
    const created = await operator.post('/api/alerts', draftBody({ mode: 'exercise' }));
    expect(outcome(created)).toBe('200');
    const withPhoto = await uploadPhoto(operator, json(created).id);
    const approved = await supervisor.post(`/api/alerts/${json(created).id}/approve`, { version: json(withPhoto).version, issueNow: true });
    expect(outcome(approved)).toBe('200');
    const drill = json(approved);
    expect(drill.status).toBe('issued');
    expect((await get(`/child-alerts/en/${drill.reference}`)).statusCode).toBe(404);
    for (const m of drill.messages) expect((await get(`/cap/${encodeURIComponent(m.identifier)}.xml`)).statusCode).toBe(404);
    const feed = (await get('/feeds/child-alerts.atom')).body;
    for (const m of drill.messages) expect(feed).not.toContain(m.identifier);
  });
});
