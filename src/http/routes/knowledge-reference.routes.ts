import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Knowledge base routes (reference). */
export async function registerKnowledgeReferenceRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
