import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Routes of the cases area (issue 5). */
export async function registerReferralRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
