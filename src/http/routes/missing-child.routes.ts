import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Missing-child (116 000) cases: report, last seen, police / Interpol / SIS, found or closed. */
export async function registerMissingChildRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
