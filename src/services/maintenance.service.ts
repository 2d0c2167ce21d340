import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database';
import { pruneRateLimits } from '../db/repos/rate-limit.repo';
import { deleteExpiredSessions } from '../db/repos/session.repo';
import type { ServiceContext } from './context';
import { enqueueJob, type JobHandler } from './jobs.service';

/** Job kind of the recurring maintenance pass. */
export const MAINTENANCE_JOB = 'maintenance.run';
const SCHEDULE_LOCK_KEY = 727003;

/** One maintenance pass: delete expired sessions and old rate-limit windows. */
export async function runMaintenance(ctx: ServiceContext): Promise<{ sessionsDeleted: number }> {
  const sessionsDeleted = await deleteExpiredSessions(ctx.database.db);
  await pruneRateLimits(ctx.database.db);
  return { sessionsDeleted };
}

/**
 * Make sure exactly one future maintenance job is queued (several nodes may call this at once:
 * an advisory lock makes the check-and-insert atomic).
 */
export async function scheduleMaintenance(ctx: ServiceContext, inMs = 0): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SCHEDULE_LOCK_KEY})`);
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${MAINTENANCE_JOB} AND done_at IS NULL AND attempts < max_attempts AND locked_at IS NULL`,
    );
    if (Number(row?.n ?? 0) === 0) await enqueueJob(tx, MAINTENANCE_JOB, {}, { runAt: new Date(Date.now() + inMs) });
  });
}

/** The maintenance job: run, then queue the next pass in `intervalMs`. */
export function createMaintenanceHandler(intervalMs = 600_000): JobHandler {
  return async (ctx) => {
    const result = await runMaintenance(ctx);
    ctx.logger.info({ sessionsDeleted: result.sessionsDeleted }, 'maintenance done');
    await scheduleMaintenance(ctx, intervalMs);
  };
}
