import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../src/api/knowledge.schemas';
import { queryRows } from '../../../src/db/database';
import type { Role } from '../../../src/domain/access/roles';
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
let coordinatorGr: TestClient;
let coordinatorRo: TestClient;
let regional: TestClient;

const translationOf = (a: ArticleView, lang: string) => a.translations.find((x) => x.lang === lang)!;
const act = (c: TestClient, a: ArticleView, lang: string, action: string, comment?: string) =>
  c.post(`/api/knowledge/articles/${a.id}/translations/${lang}/actions`, { action, version: translationOf(a, lang).version, ...(comment ? { comment } : {}) });

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  gr = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  const ro = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  supervisorGr = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: gr.id })).client;
  coordinatorGr = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: gr.id })).client;
  coordinatorRo = (await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: ro.id })).client;
  regional = (await signedIn(app, t.ctx, { role: 'regional_coordinator', organisationId: ro.id })).client;
});
afterAll(async () => {
  await app?.close();
});

describe('the editorial workflow', () => {
  let a: ArticleView;

  it('refuses transitions the workflow does not allow (409) and reviewer actions to editors (403)', async () => {
    a = ok(await supervisorGr.post('/api/knowledge/articles', { type: 'thb_information', audience: 'public', countryCode: 'GR', slug: 'gr-workflow', lang: 'en', translation: { title: 'Workflow article', bodyMd: 'First English text.' } }));
    a = ok(await put(supervisorGr, `/api/knowledge/articles/${a.id}/translations/el`, { title: 'Άρθρο ροής', bodyMd: 'Πρώτο ελληνικό κείμενο.' }));
    expect(outcome(await act(coordinatorGr, a, 'en', 'publish'))).toBe('409 WORKFLOW_TRANSITION_NOT_ALLOWED');
    expect(outcome(await act(supervisorGr, a, 'en', 'withdraw'))).toBe('409 WORKFLOW_TRANSITION_NOT_ALLOWED');
    expect(outcome(await act(coordinatorGr, a, 'en', 'restore'))).toBe('409 WORKFLOW_TRANSITION_NOT_ALLOWED');
    expect(outcome(await act(supervisorGr, a, 'en', 'archive'))).toBe('403 FORBIDDEN');
    expect(outcome(await supervisorGr.post(`/api/knowledge/articles/${a.id}/translations/en/actions`, { action: 'submit', version: 99 }))).toBe('409 ARTICLE_VERSION_CONFLICT');
    expect(outcome(await supervisorGr.post(`/api/knowledge/articles/${a.id}/translations/en/actions`, { action: 'delete', version: 1 }))).toBe('400 VALIDATION_FAILED');
  });

  it('submits, withdraws, rejects with a comment, and resubmits', async () => {
    a = ok(await act(supervisorGr, a, 'en', 'submit'));
    expect(translationOf(a, 'en')).toMatchObject({ status: 'in_review', actions: ['withdraw'] });
    expect(outcome(await act(supervisorGr, a, 'en', 'submit'))).toBe('409 WORKFLOW_TRANSITION_NOT_ALLOWED');
    a = ok(await act(supervisorGr, a, 'en', 'withdraw'));
    expect(translationOf(a, 'en').status).toBe('draft');
    a = ok(await act(supervisorGr, a, 'en', 'submit'));
    a = ok(await act(coordinatorGr, a, 'en', 'reject', 'Add the helpline number.'));
    expect(translationOf(a, 'en')).toMatchObject({ status: 'draft', reviewComment: 'Add the helpline number.' });
    a = ok(await put(supervisorGr, `/api/knowledge/articles/${a.id}/translations/en`, { title: 'Workflow article', bodyMd: 'First English text. Call 1109.', version: translationOf(a, 'en').version }));
    a = ok(await act(supervisorGr, a, 'en', 'submit'));
    for (const action of ['submitted', 'withdrawn', 'rejected']) expect((await auditOf(t.ctx, `knowledge.translation.${action}`, a.id)).length).toBeGreaterThan(0);
  });

  it('keeps four eyes: a reviewer who wrote a revision since the last publication cannot publish it', async () => {
    const el = translationOf(a, 'el');
    a = ok(await put(coordinatorGr, `/api/knowledge/articles/${a.id}/translations/el`, { title: el.title, bodyMd: 'Διορθωμένο ελληνικό κείμενο.', version: el.version }));
    a = ok(await act(coordinatorGr, a, 'el', 'submit'));
    const asCoordinator = ok<ArticleView>(await coordinatorGr.get(`/api/knowledge/articles/${a.id}`));
    expect(translationOf(asCoordinator, 'el').actions).toEqual(['withdraw', 'reject', 'archive']);
    expect(translationOf(asCoordinator, 'en').actions).toEqual(['withdraw', 'reject', 'publish', 'archive']);
    expect(outcome(await act(coordinatorGr, a, 'el', 'publish'))).toBe('403 REVIEWER_IS_AUTHOR');

    const queue = ok(await coordinatorGr.get('/api/knowledge/review-queue')).items.filter((i: { articleId: string }) => i.articleId === a.id);
    expect(queue.map((i: { lang: string; reason: string; canPublish: boolean }) => [i.lang, i.reason, i.canPublish]).sort()).toEqual([['el', 'in_review', false], ['en', 'in_review', true]]);
    expect(ok(await coordinatorRo.get('/api/knowledge/review-queue')).items.some((i: { articleId: string }) => i.articleId === a.id)).toBe(false);
    expect(outcome(await act(coordinatorRo, a, 'en', 'publish'))).toBe('403 OUT_OF_SCOPE');
  });

  it('publishes: readers see it, in their language or visibly in English', async () => {
    a = ok(await act(coordinatorGr, a, 'en', 'publish'));
    expect(translationOf(a, 'en')).toMatchObject({ status: 'published', publishedRevision: 2, hasUnpublishedChanges: false });
    const en = ok(await supervisorGr.get('/api/knowledge/read/gr-workflow?lang=en'));
    expect(en).toMatchObject({ lang: 'en', requestedLang: 'en', fallback: false, revision: 2, availableLangs: ['en'] });
    expect(en.bodyHtml).toContain('Call 1109.');
    const el = ok(await supervisorGr.get('/api/knowledge/read/gr-workflow?lang=el'));
    expect(el).toMatchObject({ lang: 'en', requestedLang: 'el', fallback: true });
    // Another reviewer publishes the Greek revision the country coordinator wrote.
    a = ok(await act(regional, a, 'el', 'publish'));
    expect(ok(await supervisorGr.get('/api/knowledge/read/gr-workflow?lang=el'))).toMatchObject({ lang: 'el', fallback: false, availableLangs: ['en', 'el'] });
    expect((await auditOf(t.ctx, 'knowledge.translation.published', a.id)).length).toBe(2);
    expect(outcome(await supervisorGr.get('/api/knowledge/read/no-such-article'))).toBe('404 ARTICLE_NOT_FOUND');
  });

  it('editing a published translation keeps the published revision live until the new one is published', async () => {
    const en = translationOf(a, 'en');
    a = ok(await put(supervisorGr, `/api/knowledge/articles/${a.id}/translations/en`, { title: 'Workflow article (new)', bodyMd: 'Second English text.', version: en.version }));
    expect(translationOf(a, 'en')).toMatchObject({ status: 'draft', revision: 3, publishedRevision: 2, hasUnpublishedChanges: true });
    const live = ok(await supervisorGr.get('/api/knowledge/read/gr-workflow?lang=en'));
    expect(live).toMatchObject({ revision: 2, title: 'Workflow article' });
    expect(live.bodyHtml).toContain('Call 1109.');
    const revisions = ok(await supervisorGr.get(`/api/knowledge/articles/${a.id}/translations/en/revisions`)).items;
    expect(revisions.map((r: { revision: number; published: boolean }) => [r.revision, r.published])).toEqual([[3, false], [2, true], [1, false]]);
    a = ok(await act(supervisorGr, a, 'en', 'submit'));
    a = ok(await act(coordinatorGr, a, 'en', 'publish'));
    expect(ok(await supervisorGr.get('/api/knowledge/read/gr-workflow?lang=en'))).toMatchObject({ revision: 3, title: 'Workflow article (new)' });
    const [row] = await queryRows<{ revision: number }>(t.ctx.database.db, sql`SELECT revision FROM kb_published WHERE article_id = ${a.id} AND lang = 'en'`);
    expect(row!.revision).toBe(3);
  });

  it('metadata changes reach the published copy; archiving takes a translation off, restoring makes it a draft', async () => {
    a = ok(await supervisorGr.patch(`/api/knowledge/articles/${a.id}`, { tags: ['renamed'], slug: 'gr-workflow-renamed', version: a.version }));
    const [meta] = await queryRows<{ slug: string; tags: string[] }>(t.ctx.database.db, sql`SELECT slug, tags FROM kb_published WHERE article_id = ${a.id} AND lang = 'el'`);
    expect(meta).toMatchObject({ slug: 'gr-workflow-renamed', tags: ['renamed'] });
    a = ok(await act(coordinatorGr, a, 'en', 'archive'));
    expect(translationOf(a, 'en')).toMatchObject({ status: 'archived', publishedRevision: null, actions: ['restore'] });
    expect(ok(await supervisorGr.get('/api/knowledge/read/gr-workflow-renamed?lang=en'))).toMatchObject({ lang: 'el', fallback: true, availableLangs: ['el'] });
    a = ok(await act(coordinatorGr, a, 'en', 'restore'));
    expect(translationOf(a, 'en').status).toBe('draft');
    expect((await auditOf(t.ctx, 'knowledge.translation.archived', a.id)).length).toBe(1);
    expect((await auditOf(t.ctx, 'knowledge.translation.restored', a.id)).length).toBe(1);
    // Every revision is still there.
    expect(ok(await supervisorGr.get(`/api/knowledge/articles/${a.id}/translations/en/revisions`)).items).toHaveLength(3);
  });
});

describe('reading published articles by audience', () => {
  beforeAll(async () => {
    const translations = [{ lang: 'en' as const }];
    await makePublishedArticle(t.ctx, { slug: 'aud-public', audience: 'public', translations });
    await makePublishedArticle(t.ctx, { slug: 'aud-professionals', audience: 'professionals', translations });
    await makePublishedArticle(t.ctx, { slug: 'aud-internal', type: 'canned_answer', audience: 'internal', translations });
    await makeArticle(t.ctx, { slug: 'aud-draft', audience: 'public', translations });
  });

  it('gives each reader only the audiences they may read; others get ARTICLE_NOT_FOUND', async () => {
    const reader = async (role: Role) => (await signedIn(app, t.ctx, { role, organisationId: gr.id })).client;
    const expectations: [Role, string[]][] = [
      ['helpline_operator', ['aud-public', 'aud-professionals', 'aud-internal']],
      ['liaison_officer', ['aud-public', 'aud-professionals']],
      ['administrator', ['aud-public', 'aud-professionals']],
      ['trainer', ['aud-public', 'aud-professionals', 'aud-internal']],
    ];
    for (const [role, readable] of expectations) {
      const c = await reader(role);
      for (const slug of ['aud-public', 'aud-professionals', 'aud-internal', 'aud-draft']) {
        expect([role, slug, outcome(await c.get(`/api/knowledge/read/${slug}`))]).toEqual([role, slug, readable.includes(slug) ? '200' : '404 ARTICLE_NOT_FOUND']);
      }
    }
    expect(outcome(await (await reader('evaluator')).get('/api/knowledge/read/aud-public'))).toBe('403 FORBIDDEN');
  });
});

describe('the review queue', () => {
  it('lists overdue, due-soon and flagged articles in the reviewer’s scope', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const far = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await makeArticle(t.ctx, { slug: 'q-overdue', countryCode: 'GR', reviewDueOn: '2020-01-01' });
    await makeArticle(t.ctx, { slug: 'q-soon', countryCode: 'GR', reviewDueOn: soon });
    await makeArticle(t.ctx, { slug: 'q-far', countryCode: 'GR', reviewDueOn: far });
    await makeArticle(t.ctx, { slug: 'q-flagged', countryCode: 'GR', needsReview: true });
    await makeArticle(t.ctx, { slug: 'q-regional', countryCode: null, needsReview: true });
    await makeArticle(t.ctx, { slug: 'q-ro', countryCode: 'RO', reviewDueOn: '2020-01-01' });
    const reasons = async (c: TestClient) =>
      Object.fromEntries(ok(await c.get('/api/knowledge/review-queue')).items.filter((i: { slug: string }) => i.slug.startsWith('q-')).map((i: { slug: string; reason: string }) => [i.slug, i.reason]));
    expect(await reasons(coordinatorGr)).toEqual({ 'q-overdue': 'overdue', 'q-soon': 'due_soon', 'q-flagged': 'flagged' });
    expect(await reasons(coordinatorRo)).toEqual({ 'q-ro': 'overdue' });
    expect(await reasons(regional)).toEqual({ 'q-overdue': 'overdue', 'q-soon': 'due_soon', 'q-flagged': 'flagged', 'q-regional': 'flagged', 'q-ro': 'overdue' });
  });
});
