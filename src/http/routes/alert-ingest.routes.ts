import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context';

/** Ingest of other systems' CAP feeds, quarantine, and the regional map data. */
export async function registerAlertIngestRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  void app;
  void ctx;
}
