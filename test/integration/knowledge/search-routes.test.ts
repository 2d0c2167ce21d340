import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleHit, SearchResult } from '../../../src/api/knowledge.schemas';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, TestClient, type TestClient as Client } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { publishArticle } from './search-support';

const t = useTestContext();
let app: FastifyInstance;
let operator: Client;
let liaison: Client;
let evaluator: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  const org = await makeOrganisation(t.ctx);
  operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
  liaison = (await signedIn(app, t.ctx, { role: 'liaison_officer', organisationId: org.id })).client;
  evaluator = (await signedIn(app, t.ctx, { role: 'evaluator', organisationId: org.id })).client;
  const publish = async (key: string, a: Parameters<typeof publishArticle>[2]) => (ids[key] = await publishArticle(t.ctx, org.id, a));
  await publish('labourGreece', {
    type: 'national_mechanism',
    countryCode: 'GR',
    taxonomyCodes: ['THB.LABOUR'],
    translations: {
      en: { title: 'Labour exploitation in Greece', body: 'Seasonal work in agriculture.' },
      el: { title: 'Εργασιακή εκμετάλλευση στην Ελλάδα', body: 'Η εκμετάλλευση στην εποχική εργασία στη γεωργία.' },
    },
  });
  await publish('thbRegional', { taxonomyCodes: ['THB'], translations: { en: { title: 'What trafficking is', body: 'Recruitment, transport and exploitation.' } } });
  await publish('labourRomania', { countryCode: 'RO', taxonomyCodes: ['THB.LABOUR'], translations: { en: { title: 'Labour exploitation in Romania', body: 'Work abroad.' } } });
  await publish('cannedSexual', {
    type: 'canned_answer',
    audience: 'internal',
    taxonomyCodes: ['THB.SEXUAL'],
    translations: { en: { title: 'Reply: sexual exploitation report', body: 'Thank you for your message.' } },
  });
  await publish('onlySerbian', { taxonomyCodes: ['THB.LABOUR'], translations: { sr: { title: 'Radna eksploatacija', body: 'Sezonski rad.' } } });
});

afterAll(async () => {
  await app.close();
});

describe('GET /api/knowledge/search', () => {
  it('needs knowledge.read', async () => {
    expect(outcome(await new TestClient(app).get('/api/knowledge/search?q=labour'))).toBe('401 UNAUTHENTICATED');
    expect(outcome(await evaluator.get('/api/knowledge/search?q=labour'))).toBe('403 FORBIDDEN');
    expect(outcome(await liaison.get('/api/knowledge/search?q=labour'))).toBe('200');
  });

  it('answers 400 to bad parameters', async () => {
    for (const qs of ['', 'q=', 'q=x&limit=500', 'q=x&langs=en,xx', 'q=x&type=novel', 'q=x&country=greece', 'q=x&extra=1']) {
      expect(outcome(await operator.get(`/api/knowledge/search?${qs}`)), qs).toBe('400 VALIDATION_FAILED');
    }
  });

  it('returns ranked hits with plain-text snippets and corrections', async () => {
    const res = await operator.get(`/api/knowledge/search?q=${encodeURIComponent('εκμεταλευση')}&lang=el`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as SearchResult;
    expect(body.articles[0]).toMatchObject({ articleId: ids.labourGreece, lang: 'el', fallback: false });
    expect(body.corrections).toEqual([{ word: 'εκμεταλευση', replacements: expect.arrayContaining(['εκμεταλλευση']) }]);
    expect(body.articles[0]!.snippet.some((s) => s.hit)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/<b>|\\u0002/);
  });
});

describe('GET /api/knowledge/suggestions', () => {
  const suggest = async (client: Client, qs: string) => {
    const res = await client.get(`/api/knowledge/suggestions?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: ArticleHit[] }).items;
  };

  it('suggests articles for a code, its parents and local sub-codes, the country first, canned answers included', async () => {
    const items = await suggest(operator, 'codes=THB.LABOUR.GR_SEASONAL&lang=el&country=GR');
    expect(items.map((i) => i.articleId)).toEqual([ids.labourGreece, ids.thbRegional]);
    expect(items[0]).toMatchObject({ lang: 'el', fallback: false, matchedCodes: ['THB.LABOUR.GR_SEASONAL'] });
    expect(items[1]).toMatchObject({ lang: 'en', fallback: true });
    const canned = await suggest(operator, 'codes=THB.SEXUAL,MISSING.RUNAWAY&lang=en');
    expect(canned.map((i) => i.articleId)).toEqual([ids.cannedSexual, ids.thbRegional]);
    expect(canned[0]!.matchedCodes).toEqual(['THB.SEXUAL']);
  });

  it('never suggests above the reader\'s audience, honours the limit and needs knowledge.read', async () => {
    expect((await suggest(liaison, 'codes=THB.SEXUAL')).map((i) => i.articleId)).toEqual([ids.thbRegional]);
    expect(await suggest(operator, 'codes=THB.LABOUR&limit=1')).toHaveLength(1);
    expect(outcome(await evaluator.get('/api/knowledge/suggestions?codes=THB'))).toBe('403 FORBIDDEN');
    expect(outcome(await operator.get('/api/knowledge/suggestions?codes=thb lower'))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await operator.get('/api/knowledge/suggestions?codes=THB&limit=99'))).toBe('400 VALIDATION_FAILED');
  });
});
