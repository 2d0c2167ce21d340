import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { alertCountrySettings, alertMessages, alertResources, alerts } from '../schema';

/**
 * Reads of the public alert surfaces (CAP documents, Atom feeds, pages, photos, widget, JSON).
 * Everything here is limited to what the public may see: messages flagged `public` (CAP status
 * Actual and scope Public, so never drafts, drills or restricted pre-alerts) of alerts in mode
 * `actual`. Whether personal data may be shown is decided by the service from the alert's status.
 */

/** A public CAP document as stored (the redacted version after resolution). */
export interface PublicCapDocumentRow {
  identifier: string;
  xml: string;
  sent: Date;
  redactedAt: Date | null;
}

/** The public CAP document with this identifier, or null (unknown, not public, or a drill). */
export async function findPublicCapDocument(db: Db, identifier: string): Promise<PublicCapDocumentRow | null> {
  const [row] = await db
    .select({ identifier: alertMessages.identifier, xml: alertMessages.xml, sent: alertMessages.sent, redactedAt: alertMessages.redactedAt })
    .from(alertMessages)
    .innerJoin(alerts, eq(alerts.id, alertMessages.alertId))
    .where(and(eq(alertMessages.identifier, identifier), eq(alertMessages.public, true), eq(alerts.mode, 'actual')))
    .limit(1);
  return row ?? null;
}

/** The latest public message of an alert, with what a feed entry needs of the alert. */
export interface FeedMessageRow {
  messageId: string;
  identifier: string;
  sent: Date;
  msgType: string;
  reason: string;
  xml: string;
  redactedAt: Date | null;
  alertId: string;
  reference: string;
  countryCode: string;
  tier: string;
  status: string;
  senderName: string | null;
}

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/**
 * The latest public message of each actual alert whose latest message was sent since `since` or
 * that is still issued, newest first, at most `limit`. Optionally one country's alerts. Reads the
 * partial index on public messages (and the (alert_id, seq) key); cost grows with the messages of
 * the window, not the table.
 */
export async function listFeedMessages(db: Db, opts: { since: Date; countryCode: string | null; limit: number }): Promise<FeedMessageRow[]> {
  const since = opts.since.toISOString();
  // Only public messages count, and those are never drills (public = Actual + Public); the mode is
  // checked again on the picked rows. No join with alerts before the LIMIT: without fresh planner
  // statistics (PGlite has no autovacuum) such a join was planned as a nested loop over every pair.
  const country = opts.countryCode ? sql`WHERE l.alert_id IN (SELECT a.id FROM alerts a WHERE a.country_code = ${opts.countryCode})` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH latest AS (
          SELECT m.alert_id, max(m.seq) AS seq FROM alert_messages m
          WHERE m.public AND m.sent >= ${since}::timestamptz GROUP BY m.alert_id
          UNION
          SELECT m.alert_id, max(m.seq) FROM alert_messages m
          WHERE m.public AND m.alert_id IN (SELECT a.id FROM alerts a WHERE a.status = 'issued' AND a.mode = 'actual')
          GROUP BY m.alert_id
        ), best AS (
          SELECT l.alert_id, max(l.seq) AS seq FROM latest l ${country} GROUP BY l.alert_id
        ), picked AS (
          SELECT m.id FROM best b JOIN alert_messages m ON m.alert_id = b.alert_id AND m.seq = b.seq
          ORDER BY m.sent DESC, m.identifier
          LIMIT ${opts.limit}
        )
        SELECT m.id AS message_id, m.identifier, m.sent, m.msg_type, m.reason, m.xml, m.redacted_at,
               a.id AS alert_id, a.reference, a.country_code, a.tier, a.status, s.sender_name
        FROM picked p
        JOIN alert_messages m ON m.id = p.id
        JOIN alerts a ON a.id = m.alert_id AND a.mode = 'actual'
        LEFT JOIN alert_country_settings s ON s.country_code = a.country_code
        ORDER BY m.sent DESC, m.identifier`,
  );
  return rows.map((r) => ({
    messageId: String(r.message_id),
    identifier: String(r.identifier),
    sent: toDate(r.sent),
    msgType: String(r.msg_type),
    reason: String(r.reason),
    xml: String(r.xml),
    redactedAt: toDateOrNull(r.redacted_at),
    alertId: String(r.alert_id),
    reference: String(r.reference),
    countryCode: String(r.country_code),
    tier: String(r.tier),
    status: String(r.status),
    senderName: r.sender_name === null || r.sender_name === undefined ? null : String(r.sender_name),
  }));
}

/** An alert as the public pages need it (content still encrypted). */
export interface PublicAlertRow {
  id: string;
  reference: string;
  countryCode: string;
  tier: string;
  status: string;
  resolution: string | null;
  contentEnc: string | null;
  areaDesc: string | null;
  areaPolygons: string[];
  areaCircles: string[];
  expiresAt: Date | null;
  issuedAt: Date | null;
  resolvedAt: Date | null;
  redactedAt: Date | null;
  authorityName: string | null;
  issuingAuthority: string | null;
  senderName: string | null;
  hotline: string | null;
  /** Identifier of the alert's latest public message (its CAP document). */
  latestIdentifier: string;
  latestSent: Date;
  /** The current photo (not deleted), if any. */
  photoId: string | null;
}

const PUBLIC_ALERT_COLUMNS = sql`a.id, a.reference, a.country_code, a.tier, a.status, a.resolution, a.content_enc, a.area_desc,
  a.area_polygons, a.area_circles, a.expires_at, a.issued_at, a.resolved_at, a.redacted_at, a.authority_name,
  s.issuing_authority, s.sender_name, s.hotline, lm.identifier AS latest_identifier, lm.sent AS latest_sent,
  (SELECT r.id FROM alert_resources r WHERE r.alert_id = a.id AND r.deleted_at IS NULL AND r.content_enc IS NOT NULL
    ORDER BY r.created_at DESC LIMIT 1) AS photo_id`;

const LATEST_PUBLIC = sql`JOIN LATERAL (SELECT m.identifier, m.sent FROM alert_messages m WHERE m.alert_id = a.id AND m.public
  ORDER BY m.seq DESC LIMIT 1) lm ON true
  LEFT JOIN alert_country_settings s ON s.country_code = a.country_code`;

function toTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{')) {
    const inner = value.slice(1, -1);
    return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
  }
  return [];
}

function toPublicAlertRow(r: Record<string, unknown>): PublicAlertRow {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    reference: String(r.reference),
    countryCode: String(r.country_code),
    tier: String(r.tier),
    status: String(r.status),
    resolution: str(r.resolution),
    contentEnc: str(r.content_enc),
    areaDesc: str(r.area_desc),
    areaPolygons: toTextArray(r.area_polygons),
    areaCircles: toTextArray(r.area_circles),
    expiresAt: toDateOrNull(r.expires_at),
    issuedAt: toDateOrNull(r.issued_at),
    resolvedAt: toDateOrNull(r.resolved_at),
    redactedAt: toDateOrNull(r.redacted_at),
    authorityName: str(r.authority_name),
    issuingAuthority: str(r.issuing_authority),
    senderName: str(r.sender_name),
    hotline: str(r.hotline),
    latestIdentifier: String(r.latest_identifier),
    latestSent: toDate(r.latest_sent),
    photoId: str(r.photo_id),
  };
}

/** Issued actual alerts that have a public message, newest first; optionally one country's. */
export async function listActivePublicAlerts(db: Db, opts: { countryCode: string | null; limit: number }): Promise<PublicAlertRow[]> {
  const country = opts.countryCode ? sql`AND a.country_code = ${opts.countryCode}` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT ${PUBLIC_ALERT_COLUMNS} FROM alerts a ${LATEST_PUBLIC}
        WHERE a.status = 'issued' AND a.mode = 'actual' ${country}
        ORDER BY a.issued_at DESC NULLS LAST, a.reference
        LIMIT ${opts.limit}`,
  );
  return rows.map(toPublicAlertRow);
}

/** A public alert by reference or id (any status once it had a public message), or null. */
export async function findPublicAlert(db: Db, key: { reference?: string; id?: string }): Promise<PublicAlertRow | null> {
  const where = key.id ? sql`a.id = ${key.id}` : sql`a.reference = ${key.reference ?? ''}`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT ${PUBLIC_ALERT_COLUMNS} FROM alerts a ${LATEST_PUBLIC} WHERE ${where} AND a.mode = 'actual' LIMIT 1`,
  );
  return rows[0] ? toPublicAlertRow(rows[0]) : null;
}

/** A photo with what decides whether it may be shown. */
export interface PublicPhotoRow {
  id: string;
  alertId: string;
  mediaType: string;
  sha256: string;
  contentEnc: string | null;
  deletedAt: Date | null;
  alertStatus: string;
  alertMode: string;
  alertRedactedAt: Date | null;
  hasPublicMessage: boolean;
}

/** A photo resource by id, or null when unknown. */
export async function findPublicPhoto(db: Db, resourceId: string): Promise<PublicPhotoRow | null> {
  const [row] = await db
    .select({
      id: alertResources.id,
      alertId: alertResources.alertId,
      mediaType: alertResources.mediaType,
      sha256: alertResources.sha256,
      contentEnc: alertResources.contentEnc,
      deletedAt: alertResources.deletedAt,
      alertStatus: alerts.status,
      alertMode: alerts.mode,
      alertRedactedAt: alerts.redactedAt,
      hasPublicMessage: sql<boolean>`EXISTS (SELECT 1 FROM alert_messages m WHERE m.alert_id = ${alerts.id} AND m.public)`,
    })
    .from(alertResources)
    .innerJoin(alerts, eq(alerts.id, alertResources.alertId))
    .where(eq(alertResources.id, resourceId))
    .orderBy(desc(alertResources.createdAt))
    .limit(1);
  return row ? { ...row, hasPublicMessage: row.hasPublicMessage === true || String(row.hasPublicMessage) === 'true' } : null;
}

/** Countries whose alert system is enabled (for the filters). */
export async function listAlertCountries(db: Db): Promise<string[]> {
  const rows = await db.select({ code: alertCountrySettings.countryCode }).from(alertCountrySettings).where(eq(alertCountrySettings.enabled, true)).orderBy(alertCountrySettings.countryCode);
  return rows.map((r) => r.code);
}
