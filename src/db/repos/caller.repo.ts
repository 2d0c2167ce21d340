import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { callerFlags, callers, contacts } from '../schema';

export type CallerRow = typeof callers.$inferSelect;
export type CallerFlagRow = typeof callerFlags.$inferSelect;

/** Record a contact from this caller (creating the profile on first contact); returns the profile. */
export async function recordCallerContact(db: Db, row: { id: string; organisationId: string; callerHash: string; at: Date }): Promise<CallerRow> {
  const [saved] = await db
    .insert(callers)
    .values({ id: row.id, organisationId: row.organisationId, callerHash: row.callerHash, firstContactAt: row.at, lastContactAt: row.at })
    .onConflictDoUpdate({
      target: [callers.organisationId, callers.callerHash],
      set: { lastContactAt: sql`greatest(${callers.lastContactAt}, excluded.last_contact_at)`, firstContactAt: sql`least(${callers.firstContactAt}, excluded.first_contact_at)` },
    })
    .returning();
  return saved!;
}

/** How many contacts the caller has made (counted, so retries and races never skew it). */
export async function countContactsOfCaller(db: Db, callerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contacts).where(eq(contacts.callerId, callerId));
  return Number(row?.n ?? 0);
}

/** A desk's profile for a caller hash. */
export async function findCallerByHash(db: Db, organisationId: string, callerHash: string): Promise<CallerRow | undefined> {
  const [row] = await db.select().from(callers).where(and(eq(callers.organisationId, organisationId), eq(callers.callerHash, callerHash)));
  return row;
}

/** One profile. */
export async function findCaller(db: Db, id: string): Promise<CallerRow | undefined> {
  const [row] = await db.select().from(callers).where(eq(callers.id, id));
  return row;
}

/** Flags not cleared and not yet expired, newest first. */
export async function listActiveFlags(db: Db, callerIds: readonly string[], now = new Date()): Promise<CallerFlagRow[]> {
  if (callerIds.length === 0) return [];
  return db
    .select()
    .from(callerFlags)
    .where(and(inArray(callerFlags.callerId, [...callerIds]), isNull(callerFlags.clearedAt), gt(callerFlags.expiresAt, now)))
    .orderBy(desc(callerFlags.setAt));
}

/** Add a flag. */
export async function insertFlag(db: Db, row: typeof callerFlags.$inferInsert): Promise<void> {
  await db.insert(callerFlags).values(row);
}

/** Clear a flag of a caller; returns it, or undefined when there is no such active flag. */
export async function clearFlag(db: Db, callerId: string, flagId: string, by: string | null): Promise<CallerFlagRow | undefined> {
  const [row] = await db
    .update(callerFlags)
    .set({ clearedAt: new Date(), clearedBy: by })
    .where(and(eq(callerFlags.id, flagId), eq(callerFlags.callerId, callerId), isNull(callerFlags.clearedAt)))
    .returning();
  return row;
}

/** The caller's latest contacts. */
export async function listRecentContactsOfCaller(db: Db, callerId: string, limit = 5) {
  return db
    .select({ id: contacts.id, reference: contacts.reference, startedAt: contacts.startedAt, channel: contacts.channel, outcome: contacts.outcome, categories: contacts.categories })
    .from(contacts)
    .where(eq(contacts.callerId, callerId))
    .orderBy(desc(contacts.startedAt))
    .limit(limit);
}
