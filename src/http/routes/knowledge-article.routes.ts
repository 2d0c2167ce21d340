import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../api/common.schemas';
import {
  articleActionSchema,
  articleCreateSchema,
  articleListQuerySchema,
  articleListSchema,
  articleReadQuerySchema,
  articleReadSchema,
  articleUpdateSchema,
  articleViewSchema,
  browseListSchema,
  browseQuerySchema,
  bundleSchema,
  diffQuerySchema,
  diffViewSchema,
  exportQuerySchema,
  importInputSchema,
  importResultSchema,
  previewInputSchema,
  previewViewSchema,
  reviewQueueSchema,
  revisionListSchema,
  revisionParamsSchema,
  revisionViewSchema,
  slugParamsSchema,
  translationInputSchema,
  translationParamsSchema,
} from '../../api/knowledge.schemas';
import type { ServiceContext } from '../../services/context';
import * as articleService from '../../services/knowledge-article.service';
import * as historyService from '../../services/knowledge-history.service';
import * as queueService from '../../services/knowledge-review-queue.service';
import * as transferService from '../../services/knowledge-transfer.service';
import * as workflowService from '../../services/knowledge-workflow.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();
/** Imports carry whole bundles of articles. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** Knowledge-base articles for editors and staff readers: editing, workflow, history, review queue, import/export. */
export async function registerKnowledgeArticleRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];

  r.get('/api/knowledge/articles', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Articles in your editing scope (editor list)', querystring: articleListQuerySchema, response: { 200: articleListSchema, ...errors } },
  }, async (request) => articleService.listArticles(ctx, actorOf(request), request.query));

  r.post('/api/knowledge/articles', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Create an article with its first translation (a draft)', body: articleCreateSchema, response: { 200: articleViewSchema, ...errors } },
  }, async (request) => articleService.createArticle(ctx, actorOf(request), request.body));

  r.get('/api/knowledge/articles/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: "An article's metadata and every translation's working copy", params: idParams, response: { 200: articleViewSchema, ...errors } },
  }, async (request) => articleService.getArticle(ctx, actorOf(request), request.params.id));

  r.patch('/api/knowledge/articles/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: "Change an article's metadata", params: idParams, body: articleUpdateSchema, response: { 200: articleViewSchema, ...errors } },
  }, async (request) => articleService.updateArticle(ctx, actorOf(request), request.params.id, request.body));

  r.put('/api/knowledge/articles/:id/translations/:lang', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Save a translation as a new revision (a draft; the published one stays live)', params: translationParamsSchema, body: translationInputSchema, response: { 200: articleViewSchema, ...errors } },
  }, async (request) => articleService.saveTranslation(ctx, actorOf(request), request.params.id, request.params.lang, request.body));

  r.post('/api/knowledge/articles/:id/translations/:lang/actions', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Submit, withdraw, reject, publish, archive or restore a translation', params: translationParamsSchema, body: articleActionSchema, response: { 200: articleViewSchema, ...errors } },
  }, async (request) => workflowService.applyTranslationAction(ctx, actorOf(request), request.params.id, request.params.lang, request.body));

  r.get('/api/knowledge/articles/:id/translations/:lang/revisions', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Every revision of a translation, newest first', params: translationParamsSchema, response: { 200: revisionListSchema, ...errors } },
  }, async (request) => historyService.listRevisions(ctx, actorOf(request), request.params.id, request.params.lang));

  r.get('/api/knowledge/articles/:id/translations/:lang/revisions/:revision', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'One revision of a translation', params: revisionParamsSchema, response: { 200: revisionViewSchema, ...errors } },
  }, async (request) => historyService.getRevision(ctx, actorOf(request), request.params.id, request.params.lang, request.params.revision));

  r.get('/api/knowledge/articles/:id/translations/:lang/diff', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Word-level differences between two revisions', params: translationParamsSchema, querystring: diffQuerySchema, response: { 200: diffViewSchema, ...errors } },
  }, async (request) => historyService.diffRevisions(ctx, actorOf(request), request.params.id, request.params.lang, request.query.from, request.query.to));

  r.get('/api/knowledge/articles/:id/translations/:lang/markdown', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Download a translation as Markdown with a YAML front matter (audited)', params: translationParamsSchema },
  }, async (request, reply) => {
    const { filename, text } = await transferService.exportTranslationMarkdown(ctx, actorOf(request), request.params.id, request.params.lang);
    return reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(text);
  });

  r.post('/api/knowledge/preview', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Render Markdown as the article body would be shown (sanitised)', body: previewInputSchema, response: { 200: previewViewSchema, ...errors } },
  }, async (request) => articleService.previewMarkdown(actorOf(request), request.body.bodyMd));

  r.get('/api/knowledge/review-queue', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Translations awaiting review and articles due for review in your scope', response: { 200: reviewQueueSchema, ...errors } },
  }, async (request) => queueService.getReviewQueue(ctx, actorOf(request)));

  r.get('/api/knowledge/export', {
    config: { access: 'knowledge.write' },
    schema: { tags, summary: 'Download articles as a JSON bundle for translators (audited)', querystring: exportQuerySchema, response: { 200: bundleSchema, ...errors } },
  }, async (request, reply) => {
    const bundle = await transferService.exportBundle(ctx, actorOf(request), request.query);
    const name = `victor-kb-${new Date().toISOString().slice(0, 10)}.json`;
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    return bundle;
  });

  r.post('/api/knowledge/import', {
    config: { access: 'knowledge.write' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags, summary: 'Import a JSON bundle or a Markdown translation as draft revisions (audited)', body: importInputSchema, response: { 200: importResultSchema, ...errors } },
  }, async (request) => transferService.importArticles(ctx, actorOf(request), request.body));

  r.get('/api/knowledge/browse', {
    config: { access: 'knowledge.read' },
    schema: { tags, summary: 'Published articles you may read, one per article in your language or visibly in English', querystring: browseQuerySchema, response: { 200: browseListSchema, ...errors } },
  }, async (request) => articleService.browsePublishedArticles(ctx, actorOf(request).principal, request.query));

  r.get('/api/knowledge/read/:slug', {
    config: { access: 'knowledge.read' },
    schema: { tags, summary: 'A published article for staff, in your language or visibly in English', params: slugParamsSchema, querystring: articleReadQuerySchema, response: { 200: articleReadSchema, ...errors } },
  }, async (request) => articleService.readPublishedArticle(ctx, actorOf(request).principal, request.params.slug, request.query.lang));
}
