import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Knowledge base routes (search). */
export async function registerKnowledgeSearchRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
