import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Knowledge base routes (article). */
export async function registerKnowledgeArticleRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
