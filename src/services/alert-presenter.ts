/**
 * Console views of child alerts: whitelisted fields only (AlertView, PreAlertView, summaries).
 * Content is decrypted here for callers who may read the alert; it is null once redacted.
 */
import { resolvePublicBaseUrl } from '../config/config';
import type { AlertContent, AlertSettings, AlertView, PreAlertView } from '../api/alerts.schemas';
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import type { AlertRow, AlertSettingsRow } from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { mapUserNames } from '../db/repos/case.repo';
import { missingCriteria, requiredCriteria, type AlertTier } from '../domain/alerts/alert-criteria';
import { latestExpiry } from '../domain/alerts/alert-expiry';
import { publicAlertUrl } from '../domain/alerts/alert-message';
import { isAlertActionAllowed, type AlertStatus } from '../domain/alerts/alert-workflow';
import { canActOn, isDeskOf } from './alert-access';
import { openField } from './case-access';
import { userRef } from './case-screening.service';
import type { Actor, ServiceContext } from './context';

export const CONTENT_FIELD = 'alerts.content';
export const AUTHORITY_PERSON_FIELD = 'alerts.authority_person';
export const PRE_ALERT_NOTE_FIELD = 'alert_pre_alerts.answer_note';
export const EVENT_COMMENT_FIELD = 'alert_events.comment';

/** The alert's content, decrypted (null when redacted or never set). */
export function openContent(ctx: ServiceContext, alert: Pick<AlertRow, 'id' | 'contentEnc'>): AlertContent | null {
  const json = openField(ctx, CONTENT_FIELD, alert.id, alert.contentEnc);
  return json ? (JSON.parse(json) as AlertContent) : null;
}

/** Country settings as the API shows them. */
export function presentSettings(row: AlertSettingsRow): AlertSettings {
  return {
    countryCode: row.countryCode,
    enabled: row.enabled,
    issuingAuthority: row.issuingAuthority,
    sender: row.sender,
    senderName: row.senderName,
    criteria: { child_abduction: requiredCriteria(row.criteria, 'child_abduction'), endangered_missing: requiredCriteria(row.criteria, 'endangered_missing') },
    abductionMaxHours: row.abductionMaxHours,
    endangeredMaxHours: row.endangeredMaxHours,
    extensionHours: row.extensionHours,
    maxExtensions: row.maxExtensions,
    repeatMinutes: row.repeatMinutes,
    hotline: row.hotline,
    languages: row.languages as AlertSettings['languages'],
    neighbours: row.neighbours,
    needsReview: row.needsReview,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The first headline of the content (country's first language first). */
export function headlineOf(content: AlertContent | null, languages: readonly string[]): string | null {
  if (!content) return null;
  for (const l of languages) {
    const t = content.texts[l as keyof AlertContent['texts']];
    if (t) return t.headline;
  }
  return Object.values(content.texts)[0]?.headline ?? null;
}

/** A pre-alert as the sending or receiving desk sees it. */
export function presentPreAlert(ctx: ServiceContext, p: parts.PreAlertRow, origin: AlertRow, settings: AlertSettingsRow | null, names: ReadonlyMap<string, string>): PreAlertView {
  const content = openContent(ctx, origin);
  return {
    id: p.id,
    alertId: origin.id,
    alertReference: origin.reference,
    fromCountry: origin.countryCode,
    toCountry: p.toCountryCode,
    status: p.status as PreAlertView['status'],
    sentAt: p.sentAt.toISOString(),
    sentBy: userRef(names, p.sentBy),
    answeredAt: p.answeredAt?.toISOString() ?? null,
    answeredBy: userRef(names, p.answeredBy),
    note: openField(ctx, PRE_ALERT_NOTE_FIELD, p.id, p.answerNoteEnc),
    neighbourAlertId: p.neighbourAlertId,
    summary: {
      tier: origin.tier as AlertTier,
      incidentId: origin.incidentId,
      headline: headlineOf(content, settings?.languages ?? []) ?? origin.reference,
      childName: content?.child.name ?? null,
      lastSeenPlace: content?.lastSeen.place ?? null,
      lastSeenAt: content?.lastSeen.at ?? null,
      areaDescription: origin.areaDesc,
      originStatus: origin.status as AlertStatus,
    },
  };
}

/** What the caller may do next on the alert (the server re-checks every action). */
export function allowedActions(actor: Actor, alert: AlertRow): AlertView['allowed'] {
  const s = alert.status as AlertStatus;
  const draft = canActOn(actor, 'alerts.draft', alert);
  const publish = canActOn(actor, 'alerts.publish', alert);
  const me = actor.principal?.userId ?? null;
  return {
    edit: isAlertActionAllowed(s, 'edit') && draft,
    approve: isAlertActionAllowed(s, 'approve') && publish && (me === null || me !== alert.draftedBy),
    issue: isAlertActionAllowed(s, 'issue') && publish,
    update: isAlertActionAllowed(s, 'update') && publish,
    extend: isAlertActionAllowed(s, 'extend') && publish,
    resolve: isAlertActionAllowed(s, 'resolve') && publish,
    cancel: isAlertActionAllowed(s, 'cancel') && (s === 'issued' ? publish : draft),
    preAlert: isAlertActionAllowed(s, 'pre_alert') && publish,
  };
}

/**
 * The full console view of an alert. A desk reading through a pre-alert (`via: 'pre_alert'`) does
 * not see the authority's official nor the history comments of the origin desk.
 */
export async function presentAlert(ctx: ServiceContext, db: Db, actor: Actor, alert: AlertRow, via: 'country' | 'pre_alert' = 'country'): Promise<AlertView> {
  const inner = via === 'country';
  const settings = await alertRepo.findSettings(db, alert.countryCode);
  // One after another: `db` may be a transaction, whose single connection runs one query at a time.
  const messages = await parts.listMessages(db, alert.id);
  const photo = await parts.findCurrentPhoto(db, alert.id, true);
  const events = await parts.listEvents(db, alert.id);
  const preAlerts = await parts.listPreAlertsOfAlert(db, alert.id);
  const deliveries = await parts.countDeliveries(db, messages.map((m) => m.id));
  const names = await mapUserNames(db, [alert.draftedBy, alert.approvedBy, alert.issuedBy, ...events.map((e) => e.actorUserId), ...preAlerts.flatMap((p) => [p.sentBy, p.answeredBy])]);
  const caseRef = alert.caseId ? await alertRepo.findCaseReference(db, alert.caseId) : null;
  const origin = alert.originAlertId ? await alertRepo.findAlert(db, alert.originAlertId) : null;
  const content = openContent(ctx, alert);
  const tier = alert.tier as AlertTier;
  const required = settings ? requiredCriteria(settings.criteria, tier) : [];
  const base = resolvePublicBaseUrl(ctx.config);
  const start = alert.issuedAt ?? new Date();
  const sender = actor.principal === null || isDeskOf(actor.principal, 'alerts.publish', alert.countryCode) || isDeskOf(actor.principal, 'alerts.read', alert.countryCode);
  return {
    id: alert.id,
    reference: alert.reference,
    incidentId: alert.incidentId,
    countryCode: alert.countryCode,
    organisationId: alert.organisationId,
    caseId: alert.caseId,
    caseReference: caseRef?.reference ?? null,
    tier,
    mode: alert.mode as AlertView['mode'],
    status: alert.status as AlertView['status'],
    criteria: alert.criteria,
    criteriaRequired: required,
    criteriaMissing: missingCriteria(required, alert.criteria),
    authority: alert.authorityName && alert.authorityReference && alert.authorityDecidedAt
      ? { name: alert.authorityName, reference: alert.authorityReference, decidedAt: alert.authorityDecidedAt.toISOString(), person: inner ? openField(ctx, AUTHORITY_PERSON_FIELD, alert.id, alert.authorityPersonEnc) : null }
      : null,
    content,
    area: { description: alert.areaDesc ?? '', polygons: alert.areaPolygons, circles: alert.areaCircles, countries: alert.areaCountries },
    expiresAt: alert.expiresAt?.toISOString() ?? null,
    maxExpiresAt: settings && !['resolved', 'cancelled', 'expired'].includes(alert.status) ? latestExpiry(settings, tier, start, alert.extensions).toISOString() : null,
    extensions: alert.extensions,
    maxExtensions: settings?.maxExtensions ?? 0,
    photo: photo ? { id: photo.id, mediaType: photo.mediaType, sizeBytes: photo.sizeBytes, sha1: photo.sha1, deleted: photo.deletedAt !== null || photo.contentEnc === null } : null,
    draftedBy: userRef(names, alert.draftedBy),
    approvedBy: userRef(names, alert.approvedBy),
    approvedAt: alert.approvedAt?.toISOString() ?? null,
    issuedBy: userRef(names, alert.issuedBy),
    issuedAt: alert.issuedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolution: (alert.resolution as AlertView['resolution']) ?? null,
    redactedAt: alert.redactedAt?.toISOString() ?? null,
    origin: origin ? { alertId: origin.id, reference: origin.reference, countryCode: origin.countryCode } : null,
    messages: messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      identifier: m.identifier,
      sent: m.sent.toISOString(),
      msgType: m.msgType as 'Alert' | 'Update' | 'Cancel',
      capStatus: m.capStatus,
      scope: m.scope,
      reason: m.reason,
      public: m.public,
      redacted: m.redactedAt !== null,
      capUrl: m.public ? `${base}/cap/${encodeURIComponent(m.identifier)}.xml` : null,
      deliveries: deliveries.get(m.id) ?? { pending: 0, delivered: 0, dead: 0 },
    })),
    // The receiving desk sees only its own pre-alert; the sending country's readers see them all.
    preAlerts: preAlerts
      .filter((p) => sender || isDeskOf(actor.principal, 'alerts.publish', p.toCountryCode))
      .map((p) => presentPreAlert(ctx, p, alert, settings, names)),
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actor: userRef(names, e.actorUserId), data: e.data, comment: inner ? openField(ctx, EVENT_COMMENT_FIELD, e.alertId, e.commentEnc) : null })),
    allowed: allowedActions(actor, alert),
    publicUrl: alert.mode === 'actual' && alert.status === 'issued' ? publicAlertUrl(base, alert.id) : null,
    version: alert.version,
    createdAt: alert.createdAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
  };
}
