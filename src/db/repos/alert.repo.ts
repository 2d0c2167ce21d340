/**
 * Child alerts: rows, reference counters, country settings, the console list (scoped by the
 * caller's countries) and the due-expiry claim (FOR UPDATE SKIP LOCKED).
 */
import { and, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { alertCountrySettings, alertPreAlerts, alertReferenceCounters, alerts, cases } from '../schema';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertInsert = typeof alerts.$inferInsert;
export type AlertSettingsRow = typeof alertCountrySettings.$inferSelect;
export type AlertSettingsInsert = typeof alertCountrySettings.$inferInsert;

/** Next alert reference of a country and year, e.g. GR-A-2026-0007. */
export async function nextAlertReference(db: Db, countryCode: string, year: number): Promise<string> {
  const [row] = await db
    .insert(alertReferenceCounters)
    .values({ countryCode, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [alertReferenceCounters.countryCode, alertReferenceCounters.year], set: { lastNumber: sql`${alertReferenceCounters.lastNumber} + 1` } })
    .returning();
  if (!row) throw new Error('alert reference counter upsert returned nothing');
  return `${countryCode}-A-${year}-${String(row.lastNumber).padStart(4, '0')}`;
}

/** Insert an alert. */
export async function insertAlert(db: Db, row: AlertInsert): Promise<AlertRow> {
  const [created] = await db.insert(alerts).values(row).returning();
  if (!created) throw new Error('alert insert returned nothing');
  return created;
}

/** One alert by id (FOR UPDATE when `lock`). */
export async function findAlert(db: Db, id: string, lock = false): Promise<AlertRow | null> {
  const q = db.select().from(alerts).where(eq(alerts.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Change an alert if its version still matches (bumps version); null when it moved on. */
export async function updateAlert(db: Db, id: string, version: number, patch: Partial<AlertInsert>): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ ...patch, version: sql`${alerts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(alerts.id, id), eq(alerts.version, version)))
    .returning();
  return row ?? null;
}

/** Alerts of an incident (origin and neighbours). */
export async function listAlertsOfIncident(db: Db, incidentId: string): Promise<AlertRow[]> {
  return db.select().from(alerts).where(eq(alerts.incidentId, incidentId)).orderBy(alerts.createdAt);
}

/** What a caller may list: every alert, or those of some countries, or those pre-alerted to some countries. */
export interface AlertListScope {
  all: boolean;
  countryCodes: string[];
  /** Countries where only published (issued, actual) alerts are visible. */
  publishedOnlyCountryCodes?: string[];
  preAlertedTo: string[];
}

/** List filters. */
export interface AlertListFilter {
  statuses?: string[];
  countryCode?: string;
  mode?: string;
  before?: { updatedAt: Date; id: string };
  limit: number;
}

function scopeCondition(scope: AlertListScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.countryCodes.length > 0) parts.push(inArray(alerts.countryCode, scope.countryCodes));
  if (scope.publishedOnlyCountryCodes?.length) {
    parts.push(and(inArray(alerts.countryCode, scope.publishedOnlyCountryCodes), isNotNull(alerts.issuedAt), eq(alerts.mode, 'actual'))!);
  }
  if (scope.preAlertedTo.length > 0) {
    parts.push(sql`EXISTS (SELECT 1 FROM ${alertPreAlerts} WHERE ${alertPreAlerts.alertId} = ${alerts.id} AND ${inArray(alertPreAlerts.toCountryCode, scope.preAlertedTo)})`);
  }
  return parts.length === 0 ? sql`false` : or(...parts);
}

/** One page of alerts, last changed first, and the total matching. */
export async function listAlerts(db: Db, scope: AlertListScope, filter: AlertListFilter): Promise<{ rows: AlertRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [scopeCondition(scope)];
  if (filter.statuses) conds.push(inArray(alerts.status, filter.statuses));
  if (filter.countryCode) conds.push(eq(alerts.countryCode, filter.countryCode));
  if (filter.mode) conds.push(eq(alerts.mode, filter.mode));
  const base = and(...conds);
  const page = filter.before
    ? and(base, or(lt(alerts.updatedAt, filter.before.updatedAt), and(eq(alerts.updatedAt, filter.before.updatedAt), lt(alerts.id, filter.before.id))))
    : base;
  const rows = await db.select().from(alerts).where(page).orderBy(desc(alerts.updatedAt), desc(alerts.id)).limit(filter.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(alerts).where(base);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Issued alerts whose expiry has passed, locked for this worker (others skip them). */
export async function claimDueAlerts(db: Db, now: Date, limit: number): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.status, 'issued'), lt(alerts.expiresAt, now)))
    .orderBy(alerts.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** The reference of a case (for the view). */
export async function findCaseReference(db: Db, caseId: string): Promise<{ id: string; reference: string; countryCode: string; organisationId: string } | null> {
  const [row] = await db.select({ id: cases.id, reference: cases.reference, countryCode: cases.countryCode, organisationId: cases.organisationId }).from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

// ── Country settings ──────────────────────────────────────────────────────────────────────────

/** A country's alert settings. */
export async function findSettings(db: Db, countryCode: string): Promise<AlertSettingsRow | null> {
  const [row] = await db.select().from(alertCountrySettings).where(eq(alertCountrySettings.countryCode, countryCode));
  return row ?? null;
}

/** Settings of all countries (or the listed ones). */
export async function listSettings(db: Db, countryCodes?: string[]): Promise<AlertSettingsRow[]> {
  const where = countryCodes ? inArray(alertCountrySettings.countryCode, countryCodes) : undefined;
  return db.select().from(alertCountrySettings).where(where).orderBy(alertCountrySettings.countryCode);
}

/** Insert settings unless the country has some already; returns true when inserted. */
export async function insertSettingsIfMissing(db: Db, row: AlertSettingsInsert): Promise<boolean> {
  const rows = await db.insert(alertCountrySettings).values(row).onConflictDoNothing().returning({ c: alertCountrySettings.countryCode });
  return rows.length > 0;
}

/** Replace a country's settings if the version matches; null when it moved on or is missing. */
export async function updateSettings(db: Db, countryCode: string, version: number, patch: Partial<AlertSettingsInsert>): Promise<AlertSettingsRow | null> {
  const [row] = await db
    .update(alertCountrySettings)
    .set({ ...patch, version: sql`${alertCountrySettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(alertCountrySettings.countryCode, countryCode), eq(alertCountrySettings.version, version)))
    .returning();
  return row ?? null;
}
