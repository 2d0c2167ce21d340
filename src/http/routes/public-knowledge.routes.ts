import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Server-rendered public knowledge pages (/kb/…). */
export async function registerPublicKnowledgeRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
