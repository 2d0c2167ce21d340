/**
 * The knowledge-base rows of the authorization matrix: actions, fixtures and the policy as the product
 * states it (written by hand, not computed from ROLE_PERMISSIONS). Used by
 * authorization-matrix-knowledge.test.ts; authorization-matrix.test.ts counts these routes as covered.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { directoryInputSchema, instrumentInputSchema } from '../../../src/api/knowledge.schemas';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { SYSTEM_ACTOR, type ServiceContext } from '../../../src/services/context';
import { createDirectoryEntry } from '../../../src/services/directory.service';
import { saveTranslation } from '../../../src/services/knowledge-article.service';
import { applyTranslationAction } from '../../../src/services/knowledge-workflow.service';
import { createInstrument } from '../../../src/services/legal-instrument.service';
import { makeArticle, makePublishedArticle } from '../../factories/knowledge.factory';
import type { TestClient } from '../../helpers/http-client';

/** Records one role acts on, fresh per role so that allowed actions can succeed. */
export interface KnowledgeFixture {
  tag: string;
  /** A GR draft article of the home organisation with two English revisions. */
  draftId: string;
  draftVersion: number;
  /** Another GR draft to submit. */
  submitId: string;
  submitVersion: number;
  /** A GR translation in review, written by nobody in particular (any reviewer may publish). */
  reviewId: string;
  reviewVersion: number;
  publishedSlug: string;
  instrumentId: string;
  directoryId: string;
}

interface KnowledgeAction {
  route: string;
  run: (c: TestClient, f: KnowledgeFixture) => Promise<LightMyRequestResponse>;
}

const A = '/api/knowledge/articles';

export const KNOWLEDGE_ACTIONS: Record<string, KnowledgeAction> = {
  'list articles': { route: 'GET /api/knowledge/articles', run: (c) => c.get(A) },
  'create article': {
    route: 'POST /api/knowledge/articles',
    run: (c, f) => c.post(A, { slug: `matrix-${f.tag}`, type: 'faq', audience: 'public', countryCode: 'GR', lang: 'en', translation: { title: `Matrix article ${f.tag}` } }),
  },
  'get article': { route: 'GET /api/knowledge/articles/:id', run: (c, f) => c.get(`${A}/${f.draftId}`) },
  'update article': { route: 'PATCH /api/knowledge/articles/:id', run: (c, f) => c.patch(`${A}/${f.draftId}`, { tags: ['matrix'], version: f.draftVersion }) },
  'save translation': { route: 'PUT /api/knowledge/articles/:id/translations/:lang', run: (c, f) => c.request('PUT', `${A}/${f.draftId}/translations/el`, { title: 'Μήτρα' }) },
  'submit translation': {
    route: 'POST /api/knowledge/articles/:id/translations/:lang/actions',
    run: (c, f) => c.post(`${A}/${f.submitId}/translations/en/actions`, { action: 'submit', version: f.submitVersion }),
  },
  'publish translation': {
    route: 'POST /api/knowledge/articles/:id/translations/:lang/actions',
    run: (c, f) => c.post(`${A}/${f.reviewId}/translations/en/actions`, { action: 'publish', version: f.reviewVersion }),
  },
  'list revisions': { route: 'GET /api/knowledge/articles/:id/translations/:lang/revisions', run: (c, f) => c.get(`${A}/${f.draftId}/translations/en/revisions`) },
  'read revision': { route: 'GET /api/knowledge/articles/:id/translations/:lang/revisions/:revision', run: (c, f) => c.get(`${A}/${f.draftId}/translations/en/revisions/1`) },
  'diff revisions': { route: 'GET /api/knowledge/articles/:id/translations/:lang/diff', run: (c, f) => c.get(`${A}/${f.draftId}/translations/en/diff?from=1&to=2`) },
  'translation as Markdown': { route: 'GET /api/knowledge/articles/:id/translations/:lang/markdown', run: (c, f) => c.get(`${A}/${f.draftId}/translations/en/markdown`) },
  'preview Markdown': { route: 'POST /api/knowledge/preview', run: (c) => c.post('/api/knowledge/preview', { bodyMd: '**Matrix**' }) },
  'review queue': { route: 'GET /api/knowledge/review-queue', run: (c) => c.get('/api/knowledge/review-queue') },
  'export articles': { route: 'GET /api/knowledge/export', run: (c) => c.get('/api/knowledge/export?country=GR') },
  'import articles': {
    route: 'POST /api/knowledge/import',
    run: (c, f) =>
      c.post('/api/knowledge/import', {
        format: 'json',
        bundle: { format: 'victor-kb/1', articles: [{ slug: `matrix-import-${f.tag}`, type: 'faq', audience: 'public', countryCode: 'GR', translations: [{ lang: 'en', title: 'Imported by the matrix' }] }] },
      }),
  },
  'browse published articles': { route: 'GET /api/knowledge/browse', run: (c) => c.get('/api/knowledge/browse?lang=el&country=GR') },
  'read published article': { route: 'GET /api/knowledge/read/:slug', run: (c, f) => c.get(`/api/knowledge/read/${f.publishedSlug}?lang=el`) },
  'search knowledge': { route: 'GET /api/knowledge/search', run: (c) => c.get('/api/knowledge/search?q=trafficking') },
  'article suggestions': { route: 'GET /api/knowledge/suggestions', run: (c) => c.get('/api/knowledge/suggestions?codes=THB.SEXUAL&lang=el&country=GR') },
  'list instruments': { route: 'GET /api/knowledge/legal', run: (c) => c.get('/api/knowledge/legal') },
  'read instrument': { route: 'GET /api/knowledge/legal/:id', run: (c, f) => c.get(`/api/knowledge/legal/${f.instrumentId}`) },
  'add GR instrument': { route: 'POST /api/knowledge/legal', run: (c, f) => c.post('/api/knowledge/legal', { kind: 'national', countryCode: 'GR', title: `Matrix law ${f.tag}` }) },
  'update instrument': { route: 'PATCH /api/knowledge/legal/:id', run: (c, f) => c.patch(`/api/knowledge/legal/${f.instrumentId}`, { reviewNote: 'Checked by the matrix', version: 1 }) },
  'set GR status': {
    route: 'PUT /api/knowledge/legal/:id/status/:country',
    run: (c, f) => c.request('PUT', `/api/knowledge/legal/${f.instrumentId}/status/GR`, { status: 'in_force', needsReview: true }),
  },
  'confirm instrument': { route: 'POST /api/knowledge/legal/:id/confirm', run: (c, f) => c.post(`/api/knowledge/legal/${f.instrumentId}/confirm`) },
  'list directory': { route: 'GET /api/knowledge/directory', run: (c) => c.get('/api/knowledge/directory?country=GR') },
  'read directory entry': { route: 'GET /api/knowledge/directory/:id', run: (c, f) => c.get(`/api/knowledge/directory/${f.directoryId}`) },
  'add GR directory entry': { route: 'POST /api/knowledge/directory', run: (c, f) => c.post('/api/knowledge/directory', { kind: 'ngo', countryCode: 'GR', name: `Matrix NGO ${f.tag}` }) },
  'update directory entry': { route: 'PATCH /api/knowledge/directory/:id', run: (c, f) => c.patch(`/api/knowledge/directory/${f.directoryId}`, { city: 'Patras', version: 1 }) },
  'verify directory entry': { route: 'POST /api/knowledge/directory/:id/verify', run: (c, f) => c.post(`/api/knowledge/directory/${f.directoryId}/verify`) },
  'archive directory entry': { route: 'DELETE /api/knowledge/directory/:id', run: (c, f) => c.delete(`/api/knowledge/directory/${f.directoryId}`) },
};

const Y = '200';
const N = '403 FORBIDDEN';
/** Holds the permission, but the record (Greek, national or not of their organisation) is outside the scope. */
const O = '403 OUT_OF_SCOPE';

//                        operator case_mgr superv. country  region   trainer  liaison  evaluat. admin
const READ = /*       */ [Y,       Y,       Y,       Y,       Y,       Y,       Y,       N,       Y];
const WRITE = /*      */ [N,       N,       Y,       Y,       Y,       Y,       N,       N,       N];
const REVIEW = /*     */ [N,       N,       N,       Y,       Y,       N,       N,       N,       N];
/** Writers without review rights are refused the reviewer's step. */
const PUBLISH = /*    */ [N,       N,       N,       Y,       Y,       N,       N,       N,       N];
/** Country records that belong to no organisation: the country's coordinators and the region. */
const COUNTRY_WRITE = [N, N, O, Y, Y, O, N, N, N];

/** The policy, per action, in the column order of the main matrix. */
export const KNOWLEDGE_MATRIX: Record<keyof typeof KNOWLEDGE_ACTIONS, string[]> = {
  'list articles': WRITE,
  'create article': WRITE,
  'get article': WRITE,
  'update article': WRITE,
  'save translation': WRITE,
  'submit translation': WRITE,
  'publish translation': PUBLISH,
  'list revisions': WRITE,
  'read revision': WRITE,
  'diff revisions': WRITE,
  'translation as Markdown': WRITE,
  'preview Markdown': WRITE,
  'review queue': WRITE,
  'export articles': WRITE,
  'import articles': WRITE,
  'browse published articles': READ,
  'read published article': READ,
  'search knowledge': READ,
  'article suggestions': READ,
  'list instruments': READ,
  'read instrument': READ,
  'add GR instrument': COUNTRY_WRITE,
  'update instrument': COUNTRY_WRITE,
  'set GR status': COUNTRY_WRITE,
  'confirm instrument': REVIEW,
  'list directory': READ,
  'read directory entry': READ,
  'add GR directory entry': COUNTRY_WRITE,
  'update directory entry': COUNTRY_WRITE,
  'verify directory entry': REVIEW,
  'archive directory entry': COUNTRY_WRITE,
};

/** Fresh knowledge records in Greece, owned by the home organisation where they have an owner. */
export async function makeKnowledgeFixture(ctx: ServiceContext, home: OrganisationRow): Promise<KnowledgeFixture> {
  const tag = randomUUID().slice(0, 8);
  const draft = await makeArticle(ctx, { organisationId: home.id, countryCode: 'GR', audience: 'professionals' });
  const twice = await saveTranslation(ctx, SYSTEM_ACTOR, draft.id, 'en', { title: 'Second revision', summary: '', bodyMd: 'Changed body', version: draft.translations[0]!.version });
  const submit = await makeArticle(ctx, { organisationId: home.id, countryCode: 'GR' });
  const review = await makeArticle(ctx, { organisationId: home.id, countryCode: 'GR' });
  const inReview = await applyTranslationAction(ctx, SYSTEM_ACTOR, review.id, 'en', { action: 'submit', version: review.translations[0]!.version });
  const published = await makePublishedArticle(ctx, { organisationId: home.id, countryCode: 'GR', audience: 'professionals' });
  const instrument = await createInstrument(ctx, SYSTEM_ACTOR, instrumentInputSchema.parse({ kind: 'national', countryCode: 'GR', title: `Matrix fixture law ${tag}` }));
  const entry = await createDirectoryEntry(ctx, SYSTEM_ACTOR, directoryInputSchema.parse({ kind: 'shelter', countryCode: 'GR', name: `Matrix shelter ${tag}` }));
  return {
    tag,
    draftId: draft.id,
    draftVersion: twice.version,
    submitId: submit.id,
    submitVersion: submit.translations[0]!.version,
    reviewId: review.id,
    reviewVersion: inReview.translations[0]!.version,
    publishedSlug: published.slug,
    instrumentId: instrument.id,
    directoryId: entry.id,
  };
}
