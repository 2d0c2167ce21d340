import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Public alert surfaces: CAP documents, Atom feeds, alert pages, photos, embeddable widget. */
export async function registerAlertPublicRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
