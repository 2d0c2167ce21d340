import { createHash } from 'node:crypto';
import { alertContentSchema, type AlertContent } from '../api/alerts.schemas';
import * as repo from '../db/repos/alert-public.repo';
import { FieldDecryptionError } from '../lib/crypto/field-encryption';
import { CONTENT_FIELD } from './alert-presenter';
import { openField } from './case-access';
import type { ServiceContext } from './context';

/** Encryption context of photo bytes (as the alert service seals them, base64). */
const PHOTO_FIELD = 'alert_resources.content';

/**
 * Reads behind the public child-alert surfaces (pages, photos, widget, JSON, CAP documents). No
 * principal: only alerts in mode `actual` that produced a public message (CAP Actual + Public)
 * are ever returned, and personal data (name, age, description, last seen, suspect, vehicle,
 * photo) only while the alert is issued and not redacted. Drafts, drills and restricted
 * pre-alerts are "not found".
 */

/** Most active alerts on a list page, the widget and the JSON API. */
const ACTIVE_LIMIT = 200;

/** How an alert looks to the public. */
export type PublicAlertState = 'active' | 'found' | 'ended' | 'withdrawn';

/** Per-language texts the drafter wrote. */
export interface PublicAlertText {
  lang: string;
  headline: string;
  description: string;
  instruction: string;
}

/** What the public may see of an alert. Personal fields are null unless `state` is active. */
export interface PublicAlert {
  id: string;
  reference: string;
  countryCode: string;
  tier: 'child_abduction' | 'endangered_missing';
  state: PublicAlertState;
  issuedAt: Date | null;
  expiresAt: Date | null;
  endedAt: Date | null;
  /** The authority that decided (the alert's recorded authority, else the country's). */
  authority: string | null;
  senderName: string | null;
  hotline: string;
  /** Identifier of the latest public CAP message. */
  capIdentifier: string;
  updatedAt: Date;
  area: { description: string | null; polygons: string[]; circles: string[] };
  child: AlertContent['child'] | null;
  lastSeen: AlertContent['lastSeen'] | null;
  suspect: string | null;
  vehicle: string | null;
  text: PublicAlertText | null;
  photoId: string | null;
}

/** The address of a message's public CAP document. */
export function publicCapPath(identifier: string): string {
  return `/cap/${encodeURIComponent(identifier)}.xml`;
}

/** The public state of an alert from its status and resolution; null when not public. */
export function publicStateOf(status: string, resolution: string | null): PublicAlertState | null {
  if (status === 'issued') return 'active';
  if (status === 'resolved') return resolution === 'found' || resolution === null ? 'found' : resolution === 'expired' ? 'ended' : 'withdrawn';
  if (status === 'cancelled') return 'withdrawn';
  if (status === 'expired') return 'ended';
  return null;
}

function openContent(ctx: ServiceContext, row: repo.PublicAlertRow): AlertContent | null {
  if (!row.contentEnc) return null;
  try {
    const parsed = alertContentSchema.safeParse(JSON.parse(openField(ctx, CONTENT_FIELD, row.id, row.contentEnc) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof FieldDecryptionError || error instanceof SyntaxError) {
      ctx.logger.warn({ alertId: row.id }, 'public alert content could not be read');
      return null;
    }
    throw error;
  }
}

/** The texts in the wanted language, else the country's first language, else any. */
function pickText(content: AlertContent, lang: string): PublicAlertText | null {
  const texts = content.texts as Partial<Record<string, { headline: string; description: string; instruction: string }>>;
  const chosen = texts[lang] ? lang : Object.keys(texts).find((k) => texts[k] !== undefined);
  const text = chosen ? texts[chosen] : undefined;
  return chosen && text ? { lang: chosen, ...text } : null;
}

function toPublicAlert(ctx: ServiceContext, row: repo.PublicAlertRow, lang: string): PublicAlert | null {
  const state = publicStateOf(row.status, row.resolution);
  if (!state) return null;
  const live = state === 'active' && row.redactedAt === null;
  const content = live ? openContent(ctx, row) : null;
  return {
    id: row.id,
    reference: row.reference,
    countryCode: row.countryCode,
    tier: row.tier === 'endangered_missing' ? 'endangered_missing' : 'child_abduction',
    state,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    endedAt: state === 'active' ? null : (row.resolvedAt ?? row.expiresAt),
    authority: row.authorityName ?? row.issuingAuthority,
    senderName: row.senderName,
    hotline: row.hotline ?? '116000',
    capIdentifier: row.latestIdentifier,
    updatedAt: row.latestSent,
    area: { description: row.areaDesc, polygons: row.areaPolygons, circles: row.areaCircles },
    child: content?.child ?? null,
    lastSeen: content?.lastSeen ?? null,
    suspect: content?.suspect ?? null,
    vehicle: content?.vehicle ?? null,
    text: content ? pickText(content, lang) : null,
    photoId: live ? row.photoId : null,
  };
}

/** Active public alerts (optionally one country's), newest first, texts in `lang` where written. */
export async function listActivePublicAlerts(ctx: ServiceContext, opts: { countryCode: string | null; lang: string }): Promise<PublicAlert[]> {
  const rows = await repo.listActivePublicAlerts(ctx.database.db, { countryCode: opts.countryCode, limit: ACTIVE_LIMIT });
  return rows.map((r) => toPublicAlert(ctx, r, opts.lang)).filter((a): a is PublicAlert => a !== null);
}

/** A public alert by reference (or id), or null when it is not public (draft, drill, unknown). */
export async function getPublicAlert(ctx: ServiceContext, key: { reference?: string; id?: string }, lang: string): Promise<PublicAlert | null> {
  const row = await repo.findPublicAlert(ctx.database.db, key);
  return row ? toPublicAlert(ctx, row, lang) : null;
}

/** Countries with an enabled alert system (filters). */
export async function listAlertCountries(ctx: ServiceContext): Promise<string[]> {
  return repo.listAlertCountries(ctx.database.db);
}

/** A public CAP document with its ETag, or null. */
export async function getPublicCapDocument(ctx: ServiceContext, identifier: string): Promise<{ xml: string; etag: string; modified: Date } | null> {
  const row = await repo.findPublicCapDocument(ctx.database.db, identifier);
  if (!row) return null;
  // A redaction replaces the document: it counts as a change for Last-Modified too.
  const modified = row.redactedAt && row.redactedAt > row.sent ? row.redactedAt : row.sent;
  return { xml: row.xml, etag: `"${createHash('sha256').update(row.xml).digest('base64url').slice(0, 32)}"`, modified };
}

/** The outcome of a photo request: the bytes, gone (deleted after resolution), or not found. */
export type PublicPhoto = { kind: 'photo'; bytes: Buffer; mediaType: string; etag: string } | { kind: 'gone' } | { kind: 'not_found' };

/**
 * A photo of a public alert. Only while the alert is issued (actual, with a public message) and
 * not redacted; a deleted photo or one of an ended alert is "gone". The bytes are checked
 * against the stored SHA-256 before they are served.
 */
export async function getPublicPhoto(ctx: ServiceContext, resourceId: string): Promise<PublicPhoto> {
  const row = await repo.findPublicPhoto(ctx.database.db, resourceId);
  if (!row || row.alertMode !== 'actual' || !row.hasPublicMessage) return { kind: 'not_found' };
  if (row.deletedAt || !row.contentEnc || row.alertStatus !== 'issued' || row.alertRedactedAt) {
    return publicStateOf(row.alertStatus, null) ? { kind: 'gone' } : { kind: 'not_found' };
  }
  let bytes: Buffer;
  try {
    const text = openField(ctx, PHOTO_FIELD, row.id, row.contentEnc) ?? '';
    bytes = Buffer.from(text.replace(/^data:[^,]*;base64,/, ''), 'base64');
  } catch (error) {
    if (!(error instanceof FieldDecryptionError)) throw error;
    ctx.logger.warn({ resourceId: row.id }, 'alert photo could not be decrypted');
    return { kind: 'not_found' };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== row.sha256.toLowerCase()) {
    ctx.logger.warn({ resourceId: row.id }, 'alert photo does not match its digest');
    return { kind: 'not_found' };
  }
  return { kind: 'photo', bytes, mediaType: row.mediaType, etag: `"${sha256.slice(0, 32)}"` };
}
