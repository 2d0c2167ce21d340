import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Child alerts in the console: drafts, four-eyes approval, life cycle, photo, country settings, pre-alerts. */
export async function registerAlertRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
