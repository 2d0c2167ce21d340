import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';

/** A claimed job. */
export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** Queue a job (inside the caller's transaction, so it exists only if the change commits). */
export async function insertJob(db: Db, kind: string, payload: Record<string, unknown>, runAt = new Date(), maxAttempts = 5): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO jobs (kind, payload, run_at, max_attempts) VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${runAt}, ${maxAttempts}) RETURNING id`,
  );
  return Number(rows[0]!.id);
}

/**
 * Claim the next due job for this worker: FOR UPDATE SKIP LOCKED, so several app nodes never take
 * the same job. A job whose worker died (locked longer than `staleAfterMs`) is taken again.
 */
export async function claimNextJob(db: Db, workerId: string, kinds: readonly string[], staleAfterMs = 300_000): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const rows = await queryRows<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
    db,
    sql`UPDATE jobs SET locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
        WHERE id = (
          SELECT id FROM jobs
          WHERE done_at IS NULL AND run_at <= now() AND attempts < max_attempts
            AND (locked_at IS NULL OR locked_at < ${staleBefore})
            AND kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          ORDER BY run_at, id
          FOR UPDATE SKIP LOCKED
          LIMIT 1)
        RETURNING id, kind, payload, attempts, max_attempts`,
  );
  const r = rows[0];
  return r ? { id: Number(r.id), kind: r.kind, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts } : null;
}

/** Mark a job done. */
export async function completeJob(db: Db, id: number): Promise<void> {
  await db.execute(sql`UPDATE jobs SET done_at = now(), locked_at = NULL, last_error = NULL WHERE id = ${id}`);
}

/** Record a failure and schedule a retry after `retryInMs` (the job stops once attempts reach max). */
export async function failJob(db: Db, id: number, message: string, retryInMs: number): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET locked_at = NULL, locked_by = NULL, last_error = ${message.slice(0, 500)}, run_at = ${new Date(Date.now() + retryInMs)} WHERE id = ${id}`,
  );
}

/** Counts by state, for health pages and tests. */
export async function countJobs(db: Db): Promise<{ pending: number; done: number; failed: number }> {
  const [r] = await queryRows<{ pending: number; done: number; failed: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE done_at IS NULL AND attempts < max_attempts)::int AS pending,
               count(*) FILTER (WHERE done_at IS NOT NULL)::int AS done,
               count(*) FILTER (WHERE done_at IS NULL AND attempts >= max_attempts)::int AS failed
        FROM jobs`,
  );
  return { pending: Number(r?.pending ?? 0), done: Number(r?.done ?? 0), failed: Number(r?.failed ?? 0) };
}
