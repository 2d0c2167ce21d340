/**
 * Parts of a child alert: its CAP messages, photo resources, history events, pre-alerts, and
 * the delivery counts distribution keeps per message.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { alertEvents, alertMessages, alertPreAlerts, alertResources, alerts, alertWebhookDeliveries } from '../schema';

export type AlertMessageRow = typeof alertMessages.$inferSelect;
export type AlertResourceRow = typeof alertResources.$inferSelect;
export type AlertEventRow = typeof alertEvents.$inferSelect;
export type PreAlertRow = typeof alertPreAlerts.$inferSelect;

/** Messages of an alert, oldest first. */
export async function listMessages(db: Db, alertId: string): Promise<AlertMessageRow[]> {
  return db.select().from(alertMessages).where(eq(alertMessages.alertId, alertId)).orderBy(asc(alertMessages.seq));
}

/** Insert a message. */
export async function insertMessage(db: Db, row: typeof alertMessages.$inferInsert): Promise<AlertMessageRow> {
  const [created] = await db.insert(alertMessages).values(row).returning();
  if (!created) throw new Error('alert message insert returned nothing');
  return created;
}

/** Replace a message's XML with its redacted variant. */
export async function redactMessage(db: Db, id: string, xml: string, at: Date): Promise<void> {
  await db.update(alertMessages).set({ xml, redactedAt: at }).where(eq(alertMessages.id, id));
}

/** Delivery counts per message (pending includes delivering). */
export async function countDeliveries(db: Db, messageIds: string[]): Promise<Map<string, { pending: number; delivered: number; dead: number }>> {
  const out = new Map<string, { pending: number; delivered: number; dead: number }>();
  if (messageIds.length === 0) return out;
  const rows = await db
    .select({ messageId: alertWebhookDeliveries.messageId, status: alertWebhookDeliveries.status, n: sql<number>`count(*)::int` })
    .from(alertWebhookDeliveries)
    .where(inArray(alertWebhookDeliveries.messageId, messageIds))
    .groupBy(alertWebhookDeliveries.messageId, alertWebhookDeliveries.status);
  for (const r of rows) {
    const c = out.get(r.messageId) ?? { pending: 0, delivered: 0, dead: 0 };
    if (r.status === 'delivered') c.delivered += Number(r.n);
    else if (r.status === 'dead') c.dead += Number(r.n);
    else c.pending += Number(r.n);
    out.set(r.messageId, c);
  }
  return out;
}

/** Insert a photo resource. */
export async function insertResource(db: Db, row: typeof alertResources.$inferInsert): Promise<AlertResourceRow> {
  const [created] = await db.insert(alertResources).values(row).returning();
  if (!created) throw new Error('alert resource insert returned nothing');
  return created;
}

/** The current photo of an alert (latest not deleted; or latest at all when `includeDeleted`). */
export async function findCurrentPhoto(db: Db, alertId: string, includeDeleted = false): Promise<AlertResourceRow | null> {
  const where = includeDeleted ? eq(alertResources.alertId, alertId) : and(eq(alertResources.alertId, alertId), isNull(alertResources.deletedAt));
  const [row] = await db.select().from(alertResources).where(where).orderBy(desc(alertResources.createdAt)).limit(1);
  return row ?? null;
}

/** Mark other photos of an alert replaced (bytes removed). */
export async function retireOtherPhotos(db: Db, alertId: string, keepId: string, at: Date): Promise<void> {
  await db
    .update(alertResources)
    .set({ contentEnc: null, deletedAt: at })
    .where(and(eq(alertResources.alertId, alertId), isNull(alertResources.deletedAt), sql`${alertResources.id} <> ${keepId}`));
}

/** Remove the bytes of every photo of an alert (after resolution). */
export async function deleteAlertPhotos(db: Db, alertId: string, at: Date): Promise<number> {
  const rows = await db.update(alertResources).set({ contentEnc: null, deletedAt: sql`coalesce(${alertResources.deletedAt}, ${at})` }).where(eq(alertResources.alertId, alertId)).returning({ id: alertResources.id });
  return rows.length;
}

/** Append a history event. */
export async function insertEvent(db: Db, row: typeof alertEvents.$inferInsert): Promise<void> {
  await db.insert(alertEvents).values(row);
}

/** History of an alert, oldest first. */
export async function listEvents(db: Db, alertId: string): Promise<AlertEventRow[]> {
  return db.select().from(alertEvents).where(eq(alertEvents.alertId, alertId)).orderBy(asc(alertEvents.at), asc(alertEvents.id));
}

/** Insert a pre-alert; null when that country already has one for the alert. */
export async function insertPreAlert(db: Db, row: typeof alertPreAlerts.$inferInsert): Promise<PreAlertRow | null> {
  const [created] = await db.insert(alertPreAlerts).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/** Pre-alerts of an alert. */
export async function listPreAlertsOfAlert(db: Db, alertId: string): Promise<PreAlertRow[]> {
  return db.select().from(alertPreAlerts).where(eq(alertPreAlerts.alertId, alertId)).orderBy(asc(alertPreAlerts.sentAt));
}

/** Pre-alerts received by some countries (inbox) or sent from some countries (sent); `all` for region scope. */
export async function listPreAlerts(db: Db, box: 'inbox' | 'sent', countries: { all: boolean; codes: string[] }, limit = 200): Promise<PreAlertRow[]> {
  if (!countries.all && countries.codes.length === 0) return [];
  const base = db.select({ p: alertPreAlerts }).from(alertPreAlerts).innerJoin(alerts, eq(alerts.id, alertPreAlerts.alertId));
  const where = countries.all ? undefined : box === 'inbox' ? inArray(alertPreAlerts.toCountryCode, countries.codes) : inArray(alerts.countryCode, countries.codes);
  const rows = await base.where(where).orderBy(desc(alertPreAlerts.sentAt)).limit(limit);
  return rows.map((r) => r.p);
}

/** One pre-alert (FOR UPDATE when `lock`). */
export async function findPreAlert(db: Db, id: string, lock = false): Promise<PreAlertRow | null> {
  const q = db.select().from(alertPreAlerts).where(eq(alertPreAlerts.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Change a pre-alert. */
export async function updatePreAlert(db: Db, id: string, patch: Partial<typeof alertPreAlerts.$inferInsert>): Promise<PreAlertRow> {
  const [row] = await db.update(alertPreAlerts).set(patch).where(eq(alertPreAlerts.id, id)).returning();
  if (!row) throw new Error('pre-alert update returned nothing');
  return row;
}

/** The neighbour issued its own alert for a pre-alert. */
export async function markPreAlertIssued(db: Db, id: string, neighbourAlertId: string): Promise<void> {
  await db.update(alertPreAlerts).set({ status: 'issued', neighbourAlertId }).where(eq(alertPreAlerts.id, id));
}

/** Pre-alerts still waiting for an answer when the origin ends: withdrawn. Returns how many. */
export async function withdrawOpenPreAlerts(db: Db, alertId: string): Promise<number> {
  const rows = await db
    .update(alertPreAlerts)
    .set({ status: 'withdrawn' })
    .where(and(eq(alertPreAlerts.alertId, alertId), inArray(alertPreAlerts.status, ['sent', 'acknowledged']), isNull(alertPreAlerts.neighbourAlertId)))
    .returning({ id: alertPreAlerts.id });
  return rows.length;
}
