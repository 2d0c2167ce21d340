import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Distribution: webhook subscriptions (deliveries, dead letters) and e-mail subscriptions. */
export async function registerAlertDistributionRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
