import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';

/**
 * Count one hit against a fixed window shared by every app node. Returns the count in the
 * current window and when it resets. One atomic upsert: safe under concurrency.
 */
export async function hitRateLimit(db: Db, key: string, windowSeconds: number, now = new Date()): Promise<{ count: number; resetAt: Date }> {
  const windowStartMs = Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000;
  const windowStart = new Date(windowStartMs);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
        RETURNING count`,
  );
  return { count: Number(rows[0]?.count ?? 1), resetAt: new Date(windowStartMs + windowSeconds * 1000) };
}

/** Remove windows older than a day. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 86_400_000)}`);
}
