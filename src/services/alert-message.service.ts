/**
 * Publishing a child alert's CAP messages inside the use-case's transaction: build, validate with
 * the child-alert profile (refused: ALERT_INVALID_CAP), store the exact document, queue its
 * distribution; and the redaction of every earlier message once an alert ends.
 */
import { randomUUID } from 'node:crypto';
import { resolvePublicBaseUrl } from '../config/config';
import type { Db } from '../db/database';
import type { AlertRow, AlertSettingsRow } from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { buildAlertMessage, buildRedactedMessage, capInstant, CLOSING_REASONS, msgTypeFor, type AlertMessageContent, type AlertMessageInput, type AlertMessageReason, type CapReference } from '../domain/alerts/alert-message';
import { formatCapTime } from '../domain/alerts/cap/cap-time';
import { serializeCapAlert } from '../domain/alerts/cap/cap-serialize';
import { validateCapAlert } from '../domain/alerts/cap/cap-validate';
import { AppError } from '../domain/errors';
import { queueMessageDistribution, type PublishedMessage } from './alert-publication';
import type { ServiceContext } from './context';

const CLOSING_MESSAGE_TTL_MS = 3_600_000;

/** What a publication needs besides the alert row. */
export interface PublishOptions {
  reason: AlertMessageReason;
  settings: AlertSettingsRow;
  content: AlertMessageContent | null;
  /** Latest expiry the country allows (live messages; checked by the profile). */
  maxExpires: Date | null;
  /** Pre-alert: the receiving countries. */
  restrictedTo?: string[];
  now?: Date;
}

function triple(m: Pick<parts.AlertMessageRow, 'sender' | 'identifier' | 'sent'>): CapReference {
  return { sender: m.sender, identifier: m.identifier, sent: formatCapTime(m.sent) };
}

/** The public chain of an alert's messages (pre-alerts are a restricted chain of their own). */
function publicChain(messages: readonly parts.AlertMessageRow[]): parts.AlertMessageRow[] {
  return messages.filter((m) => m.reason !== 'pre_alert');
}

/** The messages an origin's neighbour references: the origin's latest public-chain message. */
async function originReference(db: Db, alert: AlertRow): Promise<CapReference | null> {
  if (!alert.originAlertId) return null;
  const chain = publicChain(await parts.listMessages(db, alert.originAlertId));
  const latest = chain[chain.length - 1];
  return latest ? triple(latest) : null;
}

/** The alert fields a message is built from. */
export function messageAlertOf(alert: AlertRow): AlertMessageInput['alert'] {
  return {
    id: alert.id,
    reference: alert.reference,
    incidentId: alert.incidentId,
    countryCode: alert.countryCode,
    tier: alert.tier as AlertMessageInput['alert']['tier'],
    mode: alert.mode as AlertMessageInput['alert']['mode'],
    areaDesc: alert.areaDesc ?? alert.countryCode,
    areaPolygons: alert.areaPolygons,
    areaCircles: alert.areaCircles,
    areaCountries: alert.areaCountries.length > 0 ? alert.areaCountries : [alert.countryCode],
  };
}

/** Message info languages: the country's languages that have texts (in order), then the others. */
export function languagesOf(settings: AlertSettingsRow, content: AlertMessageContent | null, fallback: readonly string[]): string[] {
  if (!content) return fallback.length > 0 ? [...fallback] : [...settings.languages];
  const have = Object.keys(content.texts).filter((k) => content.texts[k] !== undefined);
  return [...settings.languages.filter((l) => have.includes(l)), ...have.filter((l) => !settings.languages.includes(l))];
}

function refuseInvalid(issues: { code: string; path: string; message: string; severity: string }[]): never {
  const errors = issues.filter((i) => i.severity === 'error');
  throw new AppError('ALERT_INVALID_CAP', 'The CAP message would not be valid, so it was not published.', { issues: errors.map((i) => ({ path: i.path, message: `${i.code}: ${i.message}` })) });
}

/**
 * Build, validate and store one message of the alert, then queue its distribution (same
 * transaction). The caller calls nudgeDistribution() after commit.
 */
export async function publishAlertMessage(ctx: ServiceContext, tx: Db, alert: AlertRow, opts: PublishOptions): Promise<parts.AlertMessageRow> {
  const now = capInstant(opts.now ?? new Date());
  const messages = await parts.listMessages(tx, alert.id);
  const seq = (messages[messages.length - 1]?.seq ?? 0) + 1;
  const closing = CLOSING_REASONS.includes(opts.reason);
  const pre = opts.reason === 'pre_alert';
  const earlier = pre ? [] : publicChain(messages).map(triple);
  const origin = pre ? null : await originReference(tx, alert);
  const references = origin && !earlier.some((e) => e.identifier === origin.identifier) ? [...earlier, origin] : earlier;
  const lastLive = [...publicChain(messages)].reverse().find((m) => !CLOSING_REASONS.includes(m.reason as AlertMessageReason));
  const photo = closing || pre ? null : await parts.findCurrentPhoto(tx, alert.id);
  const expires = closing ? new Date(now.getTime() + CLOSING_MESSAGE_TTL_MS) : alert.expiresAt ?? new Date(now.getTime() + CLOSING_MESSAGE_TTL_MS);
  const languages = languagesOf(opts.settings, closing ? null : opts.content, lastLive?.languageCodes ?? []);
  const cap = buildAlertMessage({
    alert: messageAlertOf(alert),
    settings: opts.settings,
    reason: opts.reason,
    seq,
    sent: now,
    expires,
    languages,
    content: closing ? null : opts.content,
    photo: photo ? { id: photo.id, mediaType: photo.mediaType, sizeBytes: photo.sizeBytes, sha1: photo.sha1 } : null,
    references,
    restrictedTo: opts.restrictedTo,
    baseUrl: resolvePublicBaseUrl(ctx.config),
  });
  const validation = validateCapAlert(cap, {
    profile: {
      hotline: opts.settings.hotline,
      earlier,
      requirePhoto: !closing && !pre,
      ...(opts.maxExpires && !closing ? { maxExpires: formatCapTime(opts.maxExpires) } : {}),
    },
  });
  if (!validation.valid) refuseInvalid(validation.issues);
  const isPublic = alert.mode === 'actual' && cap.scope === 'Public';
  const row = await parts.insertMessage(tx, {
    id: randomUUID(),
    alertId: alert.id,
    seq,
    identifier: cap.identifier,
    sender: cap.sender,
    sent: now,
    msgType: cap.msgType,
    capStatus: cap.status,
    scope: cap.scope,
    reason: opts.reason,
    languageCodes: languages,
    expiresAt: expires,
    xml: serializeCapAlert(cap),
    public: isPublic,
  });
  const published: PublishedMessage = { id: row.id, alertId: alert.id, countryCode: alert.countryCode, capStatus: row.capStatus, scope: row.scope, msgType: msgTypeFor(opts.reason), languageCodes: languages, public: isPublic };
  await queueMessageDistribution(ctx, tx, published);
  return row;
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
function elementText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m ? m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e) : undefined;
}

/**
 * Remove personal data from every public surface: each earlier message's XML becomes its redacted
 * variant (same identifier, sent and references; no name, description or photo), the photo bytes
 * are deleted and the alert's content is cleared. Returns the number of messages redacted.
 */
export async function redactAlert(ctx: ServiceContext, tx: Db, alert: AlertRow, settings: AlertSettingsRow, now = new Date()): Promise<number> {
  const messages = await parts.listMessages(tx, alert.id);
  let n = 0;
  for (const m of messages) {
    if (m.redactedAt || CLOSING_REASONS.includes(m.reason as AlertMessageReason)) continue;
    const refs = (elementText(m.xml, 'references') ?? '').split(/\s+/).filter(Boolean).map((t) => {
      const [sender = '', identifier = '', sent = ''] = t.split(',');
      return { sender, identifier, sent };
    });
    const restriction = elementText(m.xml, 'restriction');
    const cap = buildRedactedMessage({
      alert: messageAlertOf(alert),
      settings: { ...settings, sender: m.sender },
      reason: m.reason as AlertMessageReason,
      seq: m.seq,
      sent: m.sent,
      expires: m.expiresAt ?? m.sent,
      languages: m.languageCodes.length > 0 ? m.languageCodes : settings.languages,
      content: null,
      photo: null,
      references: refs,
      restrictedTo: restriction ? restriction.replace(/^Pre-alert for the child-alert desks of /, '').split(', ') : undefined,
      baseUrl: resolvePublicBaseUrl(ctx.config),
    });
    if (restriction) cap.restriction = restriction;
    cap.identifier = m.identifier;
    await parts.redactMessage(tx, m.id, serializeCapAlert(cap), now);
    n++;
  }
  await parts.deleteAlertPhotos(tx, alert.id, now);
  return n;
}

/** Expose for the presenter: is the alert's stored content gone? */
export function isRedacted(alert: Pick<AlertRow, 'redactedAt'>): boolean {
  return alert.redactedAt !== null;
}

