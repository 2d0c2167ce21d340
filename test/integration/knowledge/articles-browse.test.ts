import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowseItem } from '../../../src/api/knowledge.schemas';
import { makeArticle, makePublishedArticle } from '../../factories/knowledge.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
let app: FastifyInstance;
let operator: TestClient;
let liaison: TestClient;
let evaluator: TestClient;
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  const gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: gr.id })).client;
  liaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: gr.id })).client;
  evaluator = (await signedIn(app, t.ctx, { role: 'evaluator', organisationId: gr.id })).client;
  await makePublishedArticle(t.ctx, { slug: `browse-public-${tag}`, audience: 'public', countryCode: null, type: 'faq', translations: [{ lang: 'en', title: 'Public EN' }, { lang: 'el', title: 'Δημόσιο EL' }] });
  await makePublishedArticle(t.ctx, { slug: `browse-internal-${tag}`, audience: 'internal', countryCode: 'GR', type: 'canned_answer', translations: [{ lang: 'en', title: 'Internal EN' }] });
  await makePublishedArticle(t.ctx, { slug: `browse-si-${tag}`, audience: 'professionals', countryCode: 'SI', type: 'national_mechanism', translations: [{ lang: 'sl', title: 'Slovensko' }] });
  await makeArticle(t.ctx, { slug: `browse-draft-${tag}`, audience: 'public', countryCode: null, translations: [{ lang: 'en', title: 'Never published' }] });
});
afterAll(async () => {
  await app?.close();
});

async function browse(c: TestClient, query: string): Promise<BrowseItem[]> {
  const res = await c.get(`/api/knowledge/browse?${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: BrowseItem[] }).items.filter((i) => i.slug.endsWith(tag));
}

describe('browsing the library', () => {
  it('lists each published article once, in the reader language or visibly in another', async () => {
    const items = await browse(operator, 'lang=el');
    expect(items.map((i) => i.slug).sort()).toEqual([`browse-internal-${tag}`, `browse-public-${tag}`, `browse-si-${tag}`].sort());
    const pub = items.find((i) => i.slug === `browse-public-${tag}`)!;
    expect(pub).toMatchObject({ lang: 'el', title: 'Δημόσιο EL', fallback: false, audience: 'public', countryCode: null });
    expect(items.find((i) => i.slug === `browse-internal-${tag}`)).toMatchObject({ lang: 'en', fallback: true });
    expect(items.find((i) => i.slug === `browse-si-${tag}`)).toMatchObject({ lang: 'sl', fallback: true });
  });

  it('shows nobody an audience above theirs, and filters by country, type and audience', async () => {
    expect((await browse(liaison, 'lang=en')).map((i) => i.slug).sort()).toEqual([`browse-public-${tag}`, `browse-si-${tag}`].sort());
    expect((await browse(operator, 'lang=en&country=GR')).map((i) => i.slug).sort()).toEqual([`browse-internal-${tag}`, `browse-public-${tag}`].sort());
    expect((await browse(operator, 'lang=en&country=regional')).map((i) => i.slug)).toEqual([`browse-public-${tag}`]);
    expect((await browse(operator, 'lang=en&type=national_mechanism')).map((i) => i.slug)).toEqual([`browse-si-${tag}`]);
    expect((await browse(liaison, 'lang=en&audience=internal'))).toEqual([]);
    expect(outcome(await evaluator.get('/api/knowledge/browse?lang=en'))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get('/api/knowledge/browse?lang=xx'))).toBe('400 VALIDATION_FAILED');
  });
});
