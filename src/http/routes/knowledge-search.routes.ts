import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../api/common.schemas';
import { searchQuerySchema, searchResultSchema, suggestionListSchema, suggestionQuerySchema } from '../../api/knowledge.schemas';
import type { ServiceContext } from '../../services/context';
import * as searchService from '../../services/knowledge-search.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** Knowledge base routes (search): full-text search for staff and the console's article suggestions. */
export async function registerKnowledgeSearchRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];

  r.get('/api/knowledge/search', {
    config: { access: 'knowledge.read' },
    schema: {
      tags,
      summary: 'Search published articles and the directory (every language, typo-tolerant, Cyrillic and Latin)',
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema, ...errors },
    },
  }, async (request) => searchService.searchForStaff(ctx, actorOf(request), request.query));

  r.get('/api/knowledge/suggestions', {
    config: { access: 'knowledge.read' },
    schema: {
      tags,
      summary: 'Articles for the taxonomy codes being logged (asked language, else English marked as fallback)',
      querystring: suggestionQuerySchema,
      response: { 200: suggestionListSchema, ...errors },
    },
  }, async (request) => searchService.suggestArticles(ctx, actorOf(request), request.query));
}
