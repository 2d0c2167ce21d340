/**
 * Ingest of other systems' CAP feeds: sources, received alerts (deduplicated on sender, identifier,
 * sent) and the quarantine of refused documents.
 */
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { alertIngested, alertIngestQuarantine, alertIngestSources } from '../schema';

export type IngestSourceRow = typeof alertIngestSources.$inferSelect;
export type IngestedRow = typeof alertIngested.$inferSelect;
export type QuarantineRow = typeof alertIngestQuarantine.$inferSelect;

/** Every source, by name. */
export async function listSources(db: Db): Promise<IngestSourceRow[]> {
  return db.select().from(alertIngestSources).orderBy(asc(alertIngestSources.name), asc(alertIngestSources.id));
}

/** One source. */
export async function findSource(db: Db, id: string): Promise<IngestSourceRow | undefined> {
  const [row] = await db.select().from(alertIngestSources).where(eq(alertIngestSources.id, id));
  return row;
}

/** Create a source. */
export async function insertSource(db: Db, row: typeof alertIngestSources.$inferInsert): Promise<IngestSourceRow> {
  const [created] = await db.insert(alertIngestSources).values(row).returning();
  return created!;
}

/** Change a source's settings (a new URL forgets the conditional-GET validators). */
export async function updateSource(db: Db, id: string, patch: Partial<Pick<IngestSourceRow, 'name' | 'url' | 'kind' | 'countryCode' | 'active' | 'pollSeconds' | 'etag' | 'lastModified'>>): Promise<IngestSourceRow | undefined> {
  const [row] = await db.update(alertIngestSources).set(patch).where(eq(alertIngestSources.id, id)).returning();
  return row;
}

/** Delete a source (its alerts and quarantine entries keep their rows, source_id becomes null). */
export async function deleteSource(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(alertIngestSources).where(eq(alertIngestSources.id, id)).returning({ id: alertIngestSources.id });
  return rows.length > 0;
}

/**
 * Claim up to `limit` active sources whose next poll is due, marking them polled now so another node
 * (or the next tick) does not pick them again meanwhile (FOR UPDATE SKIP LOCKED).
 */
export async function claimDueSources(db: Db, now: Date, limit: number): Promise<IngestSourceRow[]> {
  const ids = await queryRows<{ id: string }>(db, sql`
    UPDATE alert_ingest_sources SET last_polled_at = ${now.toISOString()}::timestamptz
    WHERE id IN (
      SELECT id FROM alert_ingest_sources
      WHERE active AND (last_polled_at IS NULL OR last_polled_at + make_interval(secs => poll_seconds) <= ${now.toISOString()}::timestamptz)
      ORDER BY last_polled_at NULLS FIRST
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  const list = ids.map((r) => r.id);
  if (!list.length) return [];
  // One after another: `db` may be a transaction (one connection, one query at a time).
  const rows: IngestSourceRow[] = [];
  for (const id of list) {
    const row = await findSource(db, id);
    if (row) rows.push(row);
  }
  return rows;
}

/** Record how a poll went. */
export async function recordPollOutcome(db: Db, id: string, outcome: { at: Date; outcome: string; error: string | null; etag?: string | null; lastModified?: string | null }): Promise<void> {
  await db
    .update(alertIngestSources)
    .set({
      lastPolledAt: outcome.at,
      lastOutcome: outcome.outcome,
      lastError: outcome.error,
      ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
    })
    .where(eq(alertIngestSources.id, id));
}

/** Store a received alert unless (sender, identifier, sent) is known; undefined for a duplicate. */
export async function insertIngested(db: Db, row: typeof alertIngested.$inferInsert): Promise<IngestedRow | undefined> {
  const [created] = await db.insert(alertIngested).values(row).onConflictDoNothing({ target: [alertIngested.sender, alertIngested.identifier, alertIngested.sent] }).returning();
  return created;
}

/** Mark the earlier alert (sender, identifier, sent) superseded by a later message; true when one was. */
export async function supersedeIngested(db: Db, earlier: { sender: string; identifier: string; sent: Date }, by: string): Promise<boolean> {
  const rows = await db
    .update(alertIngested)
    .set({ supersededBy: by })
    .where(and(eq(alertIngested.sender, earlier.sender), eq(alertIngested.identifier, earlier.identifier), eq(alertIngested.sent, earlier.sent), isNull(alertIngested.supersededBy)))
    .returning({ id: alertIngested.id });
  return rows.length > 0;
}

/** Received alerts, newest first (keyset on received_at, id). */
export async function listIngested(db: Db, opts: { limit: number; before?: { at: Date; id: string } }): Promise<(IngestedRow & { sourceName: string | null })[]> {
  const rows = await db
    .select({ a: alertIngested, sourceName: alertIngestSources.name })
    .from(alertIngested)
    .leftJoin(alertIngestSources, eq(alertIngestSources.id, alertIngested.sourceId))
    .where(opts.before ? sql`(${alertIngested.receivedAt}, ${alertIngested.id}) < (${opts.before.at.toISOString()}::timestamptz, ${opts.before.id}::uuid)` : undefined)
    .orderBy(desc(alertIngested.receivedAt), desc(alertIngested.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.a, sourceName: r.sourceName }));
}

/**
 * Alerts to show live: not superseded, not expired (an alert without expires counts as live for
 * 24 hours after it was sent), Alert or Update messages, Public scope; Actual only unless drills are asked for.
 */
export async function listLiveIngested(db: Db, now: Date, includeDrills: boolean): Promise<(IngestedRow & { sourceName: string | null })[]> {
  const statuses = includeDrills ? ['Actual', 'Exercise', 'Test'] : ['Actual'];
  const rows = await db
    .select({ a: alertIngested, sourceName: alertIngestSources.name })
    .from(alertIngested)
    .leftJoin(alertIngestSources, eq(alertIngestSources.id, alertIngested.sourceId))
    .where(
      and(
        isNull(alertIngested.supersededBy),
        sql`${alertIngested.msgType} IN ('Alert','Update')`,
        eq(alertIngested.scope, 'Public'),
        sql`${alertIngested.capStatus} IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`,
        sql`COALESCE(${alertIngested.expiresAt}, ${alertIngested.sent} + interval '24 hours') > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(alertIngested.sent))
    .limit(500);
  return rows.map((r) => ({ ...r.a, sourceName: r.sourceName }));
}

/** Put a refused document in quarantine. */
export async function insertQuarantine(db: Db, row: typeof alertIngestQuarantine.$inferInsert): Promise<QuarantineRow> {
  const [created] = await db.insert(alertIngestQuarantine).values(row).returning();
  return created!;
}

/** Quarantine entries, newest first (keyset on id). */
export async function listQuarantine(db: Db, opts: { limit: number; beforeId?: number }): Promise<(QuarantineRow & { sourceName: string | null })[]> {
  const rows = await db
    .select({ q: alertIngestQuarantine, sourceName: alertIngestSources.name })
    .from(alertIngestQuarantine)
    .leftJoin(alertIngestSources, eq(alertIngestSources.id, alertIngestQuarantine.sourceId))
    .where(opts.beforeId !== undefined ? lt(alertIngestQuarantine.id, opts.beforeId) : undefined)
    .orderBy(desc(alertIngestQuarantine.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.q, sourceName: r.sourceName }));
}

/** Delete one quarantine entry. */
export async function deleteQuarantine(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(alertIngestQuarantine).where(eq(alertIngestQuarantine.id, id)).returning({ id: alertIngestQuarantine.id });
  return rows.length > 0;
}

/** Empty the quarantine; returns how many entries went. */
export async function clearQuarantine(db: Db): Promise<number> {
  const rows = await db.delete(alertIngestQuarantine).returning({ id: alertIngestQuarantine.id });
  return rows.length;
}
