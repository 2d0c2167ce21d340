/**
 * Cooperation between countries' desks: a restricted pre-alert to neighbouring desks (a CAP
 * message with scope Restricted, never public), the receiving desk's inbox and its answers —
 * acknowledge, decline (with a note) or draft its own alert for the same incident, which then
 * references the origin's latest message.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AlertContent, AlertView, PreAlertView, preAlertActionSchema, preAlertCreateSchema } from '../api/alerts.schemas';
import * as alertRepo from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { mapUserNames } from '../db/repos/case.repo';
import type { AlertTier } from '../domain/alerts/alert-criteria';
import { latestExpiry } from '../domain/alerts/alert-expiry';
import { nextAlertStatus, type AlertStatus } from '../domain/alerts/alert-workflow';
import { ROLE_PERMISSIONS } from '../domain/access/roles';
import { AppError } from '../domain/errors';
import { alertReadScope, deskCountries, isDeskOf, loadAlertForChange } from './alert-access';
import { recordAlertChange, requireSettings, userIdOf } from './alert-common';
import { publishAlertMessage } from './alert-message.service';
import { openContent, PRE_ALERT_NOTE_FIELD, presentAlert, presentPreAlert } from './alert-presenter';
import { nudgeDistribution } from './alert-publication';
import { insertDraft } from './alert.service';
import { sealField } from './case-access';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

export type PreAlertCreateInput = z.output<typeof preAlertCreateSchema>;
export type PreAlertActionInput = z.output<typeof preAlertActionSchema>;

/** Send a restricted pre-alert to neighbouring countries' desks (alerts.publish on the alert). */
export async function sendPreAlerts(ctx: ServiceContext, actor: Actor, alertId: string, input: PreAlertCreateInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.publish');
  const view = await inTransaction(ctx, async (tx) => {
    const alert = await loadAlertForChange(tx, actor, alertId, null, 'alerts.publish');
    nextAlertStatus(alert.status as AlertStatus, 'pre_alert');
    const settings = await requireSettings(tx, alert.countryCode, alert.mode);
    const countries = [...new Set(input.countries.map((c) => c.toUpperCase()))];
    const regional = actor.principal === null || deskCountries(actor.principal, 'alerts.publish').all;
    const outside = countries.filter((c) => c === alert.countryCode || (!regional && !settings.neighbours.includes(c)));
    if (outside.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Pre-alerts go to neighbouring countries' desks (${settings.neighbours.join(', ') || 'none configured'}).`, { issues: outside.map((c) => ({ path: 'countries', message: `${c} is not a neighbour` })) });
    }
    const sentBy = userIdOf(actor);
    const created: parts.PreAlertRow[] = [];
    for (const c of countries) {
      const row = await parts.insertPreAlert(tx, { id: randomUUID(), alertId: alert.id, toCountryCode: c, sentBy, answerNoteEnc: null });
      if (row) created.push(row);
    }
    if (created.length === 0) throw new AppError('PRE_ALERT_TRANSITION_NOT_ALLOWED', 'These countries have been pre-alerted already.');
    const tier = alert.tier as AlertTier;
    const msg = await publishAlertMessage(ctx, tx, alert, { reason: 'pre_alert', settings, content: openContent(ctx, alert), maxExpires: latestExpiry(settings, tier, alert.issuedAt ?? new Date(), alert.extensions), restrictedTo: created.map((p) => p.toCountryCode) });
    await recordAlertChange(ctx, tx, actor, alert, 'pre_alert_sent', { countries: created.map((p) => p.toCountryCode), preAlertIds: created.map((p) => p.id), messageId: msg.id, identifier: msg.identifier }, input.note);
    const row = (await alertRepo.findAlert(tx, alert.id))!;
    return presentAlert(ctx, tx, actor, row);
  });
  nudgeDistribution();
  return view;
}

/** Pre-alerts received by the caller's desks (inbox) or sent by their countries (sent). Inbox reads are audited. */
export async function listPreAlerts(ctx: ServiceContext, actor: Actor, box: 'inbox' | 'sent'): Promise<{ items: PreAlertView[] }> {
  // Readers without a desk (alerts.publish) simply have an empty inbox.
  requirePermission(actor, 'alerts.read');
  return inTransaction(ctx, async (tx) => {
    // Sent pre-alerts carry the child's name: only readers of every alert of a country (not own-records scope).
    const reads = alertReadScope(actor.principal);
    const countries = box === 'inbox' ? deskCountries(actor.principal, 'alerts.publish') : { all: reads.all, codes: reads.full };
    const rows = await parts.listPreAlerts(tx, box, countries);
    const alertRows = new Map<string, alertRepo.AlertRow>();
    for (const id of new Set(rows.map((r) => r.alertId))) {
      const a = await alertRepo.findAlert(tx, id);
      if (a) alertRows.set(id, a);
    }
    const settings = new Map((await alertRepo.listSettings(tx)).map((s) => [s.countryCode, s]));
    const names = await mapUserNames(tx, rows.flatMap((r) => [r.sentBy, r.answeredBy]));
    const items = rows.filter((r) => alertRows.has(r.alertId)).map((r) => {
      const origin = alertRows.get(r.alertId)!;
      return presentPreAlert(ctx, r, origin, settings.get(origin.countryCode) ?? null, names);
    });
    if (box === 'inbox' && items.length > 0) {
      await recordAudit(tx, actor, { action: 'alert.pre_alerts_viewed', entityType: 'alert_pre_alert', entityId: null, details: { preAlertIds: items.map((i) => i.id) } });
    }
    return { items };
  });
}

/** The organisation of the receiving desk in a country (the actor's membership with alerts.publish there). */
function receivingOrganisation(actor: Actor, countryCode: string): string | null {
  const p = actor.principal;
  if (!p) return null;
  const grants = p.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes('alerts.publish'));
  return (grants.find((g) => g.countryCode === countryCode) ?? grants.find((g) => g.scope === 'region'))?.organisationId ?? null;
}

/** Adapt the origin's content to the receiving country: keep the texts in its languages (English kept as a fallback). */
export function adaptContent(content: AlertContent, languages: readonly string[]): AlertContent {
  const texts: AlertContent['texts'] = {};
  for (const [lang, text] of Object.entries(content.texts)) {
    if (text && (languages.includes(lang) || lang === 'en')) texts[lang as keyof AlertContent['texts']] = text;
  }
  return { ...content, texts: Object.keys(texts).length > 0 ? texts : content.texts };
}

/**
 * Answer a pre-alert as the receiving desk (alerts.publish in the target country): acknowledge,
 * decline (note), or draft our own alert for the same incident (origin referenced; four-eyes as usual).
 */
export async function actOnPreAlert(ctx: ServiceContext, actor: Actor, id: string, input: PreAlertActionInput): Promise<{ preAlert: PreAlertView; alert: AlertView | null }> {
  requirePermission(actor, 'alerts.publish');
  return inTransaction(ctx, async (tx) => {
    const pre = await parts.findPreAlert(tx, id, true);
    if (!pre || !isDeskOf(actor.principal, 'alerts.publish', pre.toCountryCode)) throw new AppError('PRE_ALERT_NOT_FOUND', 'No such pre-alert for your desk.');
    const origin = (await alertRepo.findAlert(tx, pre.alertId))!;
    const allowed: Record<string, string[]> = { acknowledge: ['sent'], decline: ['sent', 'acknowledged'], draft_alert: ['sent', 'acknowledged'] };
    if (!allowed[input.action]!.includes(pre.status)) throw new AppError('PRE_ALERT_TRANSITION_NOT_ALLOWED', `This pre-alert is ${pre.status} already.`);
    const now = new Date();
    const by = userIdOf(actor);
    let neighbour: alertRepo.AlertRow | null = null;
    let updated: parts.PreAlertRow;
    if (input.action === 'draft_alert') {
      if (pre.neighbourAlertId) throw new AppError('PRE_ALERT_TRANSITION_NOT_ALLOWED', 'Your desk has drafted its alert for this incident already.');
      if (['resolved', 'cancelled', 'expired'].includes(origin.status)) throw new AppError('PRE_ALERT_TRANSITION_NOT_ALLOWED', `The origin alert is ${origin.status}.`);
      const content = openContent(ctx, origin);
      if (!content) throw new AppError('PRE_ALERT_TRANSITION_NOT_ALLOWED', 'The origin alert has no content any more.');
      const settings = await requireSettings(tx, pre.toCountryCode, origin.mode);
      const organisationId = receivingOrganisation(actor, pre.toCountryCode) ?? origin.organisationId;
      neighbour = await insertDraft(ctx, tx, actor, {
        countryCode: pre.toCountryCode,
        organisationId,
        tier: origin.tier as AlertTier,
        mode: origin.mode as 'actual' | 'exercise' | 'test',
        caseId: null,
        incidentId: origin.incidentId,
        originAlertId: origin.id,
        preAlertId: pre.id,
        content: adaptContent(content, settings.languages),
        area: { description: origin.areaDesc ?? pre.toCountryCode, polygons: [], circles: [], countries: [pre.toCountryCode] },
        expiresAt: null,
        criteria: {},
        authority: null,
      });
      updated = await parts.updatePreAlert(tx, pre.id, { status: 'acknowledged', answeredBy: by, answeredAt: now, neighbourAlertId: neighbour.id });
    } else {
      updated = await parts.updatePreAlert(tx, pre.id, { status: input.action === 'acknowledge' ? 'acknowledged' : 'declined', answeredBy: by, answeredAt: now, answerNoteEnc: sealField(ctx, PRE_ALERT_NOTE_FIELD, pre.id, input.note ?? null) });
    }
    const kind = input.action === 'draft_alert' ? 'pre_alert_drafted' : input.action === 'acknowledge' ? 'pre_alert_acknowledged' : 'pre_alert_declined';
    await parts.insertEvent(tx, { alertId: origin.id, actorUserId: by, kind, data: { preAlertId: pre.id, toCountry: pre.toCountryCode, ...(neighbour ? { neighbourAlertId: neighbour.id } : {}) } });
    await recordAudit(tx, actor, { action: `alert.${kind}`, entityType: 'alert_pre_alert', entityId: pre.id, countryCode: pre.toCountryCode, details: { alertId: origin.id, ...(neighbour ? { neighbourAlertId: neighbour.id } : {}) } });
    const settingsOrigin = await alertRepo.findSettings(tx, origin.countryCode);
    const names = await mapUserNames(tx, [updated.sentBy, updated.answeredBy]);
    return { preAlert: presentPreAlert(ctx, updated, origin, settingsOrigin, names), alert: neighbour ? await presentAlert(ctx, tx, actor, neighbour) : null };
  });
}

