import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../services/context';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers). */
export async function registerHealthRoutes(app: FastifyInstance, ctx: ServiceContext, isDraining: () => boolean): Promise<void> {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    if (isDraining()) return reply.status(503).send({ status: 'draining' });
    try {
      await ctx.database.db.execute(sql`SELECT 1`);
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
}
