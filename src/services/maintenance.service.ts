import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database';
import { pruneRateLimits } from '../db/repos/rate-limit.repo';
import { deleteExpiredSessions } from '../db/repos/session.repo';
import type { ServiceContext } from './context';

const MAINTENANCE_LOCK_KEY = 727003;

/**
 * One maintenance pass: delete expired sessions and old rate-limit windows. Guarded by a
 * transaction-level advisory lock so that, with several app nodes, one node does it at a time.
 */
export async function runMaintenance(ctx: ServiceContext): Promise<{ ran: boolean; sessionsDeleted: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${MAINTENANCE_LOCK_KEY}) AS locked`);
    if (!row?.locked) return { ran: false, sessionsDeleted: 0 };
    const sessionsDeleted = await deleteExpiredSessions(tx);
    await pruneRateLimits(tx);
    return { ran: true, sessionsDeleted };
  });
}

/** Run maintenance every `intervalMs` (default 10 minutes) until stopped. */
export function startMaintenance(ctx: ServiceContext, intervalMs = 600_000): { stop(): void } {
  const timer = setInterval(() => {
    runMaintenance(ctx).catch((err: unknown) => ctx.logger.warn({ err: { message: (err as Error).message } }, 'maintenance failed'));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
