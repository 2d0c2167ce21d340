/**
 * The life cycle of an alert after drafting: approve (four-eyes; optionally issue at once), issue
 * (CAP Alert), extend (CAP Update), resolve (child found: CAP Cancel with AllClear), cancel (issued
 * in error: CAP Cancel; drafts are just withdrawn) and expire (background). Ending an issued alert
 * redacts every earlier message and deletes the photo bytes.
 */
import type { z } from 'zod';
import type { AlertView, alertApproveSchema, alertCancelSchema, alertExtendSchema, alertResolveSchema, alertVersionSchema } from '../api/alerts.schemas';
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import type { AlertRow, AlertSettingsRow } from '../db/repos/alert.repo';
import type { AlertTier } from '../domain/alerts/alert-criteria';
import { checkExpiry, defaultExpiry, extendExpiry, latestExpiry } from '../domain/alerts/alert-expiry';
import type { AlertMessageReason } from '../domain/alerts/alert-message';
import { checkFourEyes, nextAlertStatus, type AlertStatus } from '../domain/alerts/alert-workflow';
import { AppError } from '../domain/errors';
import { loadAlertForChange } from './alert-access';
import { applyAlertChange, checkApprovable, checkIssuable, recordAlertChange, requireSettings, userIdOf } from './alert-common';
import { publishAlertMessage, redactAlert } from './alert-message.service';
import { AUTHORITY_PERSON_FIELD, openContent, presentAlert } from './alert-presenter';
import { nudgeDistribution } from './alert-publication';
import { sealField } from './case-access';
import { inTransaction, requirePermission, SYSTEM_ACTOR, type Actor, type ServiceContext } from './context';

export type AlertApproveInput = z.output<typeof alertApproveSchema>;
export type AlertExtendInput = z.output<typeof alertExtendSchema>;
export type AlertResolveInput = z.output<typeof alertResolveSchema>;
export type AlertCancelInput = z.output<typeof alertCancelSchema>;
export type AlertVersionInput = z.output<typeof alertVersionSchema>;

/** Run a publishing use-case; wake distribution after commit when a message was written. */
async function publishing(ctx: ServiceContext, fn: (tx: Db, mark: () => void) => Promise<AlertView>): Promise<AlertView> {
  let published = false;
  const view = await inTransaction(ctx, (tx) => fn(tx, () => (published = true)));
  if (published) nudgeDistribution();
  return view;
}

/** Issue an approved alert inside tx: checks, expiry, CAP Alert, status issued. */
async function issueInTx(ctx: ServiceContext, tx: Db, actor: Actor, alert: AlertRow, settings: AlertSettingsRow): Promise<AlertRow> {
  nextAlertStatus(alert.status as AlertStatus, 'issue');
  const content = openContent(ctx, alert);
  await checkIssuable(tx, settings, alert, content);
  const now = new Date();
  const tier = alert.tier as AlertTier;
  const latest = latestExpiry(settings, tier, now);
  const expiresAt = alert.expiresAt ?? defaultExpiry(settings, tier, now);
  checkExpiry(expiresAt, latest, now);
  const row = await applyAlertChange(tx, alert, { status: 'issued', issuedBy: userIdOf(actor), issuedAt: now, expiresAt });
  const msg = await publishAlertMessage(ctx, tx, row, { reason: 'issued', settings, content, maxExpires: latest, now });
  if (row.preAlertId) await parts.markPreAlertIssued(tx, row.preAlertId, row.id);
  await recordAlertChange(ctx, tx, actor, row, 'issued', { messageId: msg.id, identifier: msg.identifier, expiresAt: expiresAt.toISOString(), public: msg.public });
  return row;
}

/** Approve a draft (alerts.publish, approver ≠ drafter, criteria met, photo); issueNow issues it in the same transaction. */
export async function approveAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertApproveInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.publish');
  return publishing(ctx, async (tx, mark) => {
    let alert = await loadAlertForChange(tx, actor, id, input.version, 'alerts.publish');
    nextAlertStatus(alert.status as AlertStatus, 'approve');
    checkFourEyes(alert.draftedBy, userIdOf(actor));
    const settings = await requireSettings(tx, alert.countryCode, alert.mode);
    const patch: Partial<alertRepo.AlertInsert> = {};
    if (input.criteria) patch.criteria = { ...alert.criteria, ...(input.criteria as Record<string, boolean>) };
    if (input.authority) Object.assign(patch, { authorityName: input.authority.name, authorityReference: input.authority.reference, authorityDecidedAt: new Date(input.authority.decidedAt), authorityPersonEnc: sealField(ctx, AUTHORITY_PERSON_FIELD, alert.id, input.authority.person) });
    const candidate = { ...alert, ...patch } as AlertRow;
    const content = openContent(ctx, alert);
    await checkApprovable(tx, settings, candidate, content);
    if (alert.expiresAt) {
      const now = new Date();
      checkExpiry(alert.expiresAt, latestExpiry(settings, alert.tier as AlertTier, now), now);
    }
    if (input.issueNow) await checkIssuable(tx, settings, candidate, content);
    alert = await applyAlertChange(tx, alert, { ...patch, status: 'approved', approvedBy: userIdOf(actor), approvedAt: new Date() });
    await recordAlertChange(ctx, tx, actor, alert, 'approved', { issueNow: input.issueNow });
    if (input.issueNow) {
      alert = await issueInTx(ctx, tx, actor, alert, settings);
      mark();
    }
    return presentAlert(ctx, tx, actor, alert);
  });
}

/** Issue an approved alert (alerts.publish; authority decision recorded). */
export async function issueAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertVersionInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.publish');
  return publishing(ctx, async (tx, mark) => {
    const alert = await loadAlertForChange(tx, actor, id, input.version, 'alerts.publish');
    const settings = await requireSettings(tx, alert.countryCode, alert.mode);
    const row = await issueInTx(ctx, tx, actor, alert, settings);
    mark();
    return presentAlert(ctx, tx, actor, row);
  });
}

/** Extend an issued alert by the country's extension hours (at most max_extensions times): CAP Update. */
export async function extendAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertExtendInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.publish');
  return publishing(ctx, async (tx, mark) => {
    const alert = await loadAlertForChange(tx, actor, id, input.version, 'alerts.publish');
    nextAlertStatus(alert.status as AlertStatus, 'extend');
    const settings = await requireSettings(tx, alert.countryCode, alert.mode);
    const tier = alert.tier as AlertTier;
    const issuedAt = alert.issuedAt ?? new Date();
    const ext = extendExpiry(settings, tier, issuedAt, alert.expiresAt ?? new Date(), alert.extensions, input.hours);
    const row = await applyAlertChange(tx, alert, { expiresAt: ext.expiresAt, extensions: ext.extensions });
    const msg = await publishAlertMessage(ctx, tx, row, { reason: 'extended', settings, content: openContent(ctx, row), maxExpires: latestExpiry(settings, tier, issuedAt, ext.extensions) });
    mark();
    await recordAlertChange(ctx, tx, actor, row, 'extended', { messageId: msg.id, identifier: msg.identifier, expiresAt: ext.expiresAt.toISOString(), extensions: ext.extensions }, input.note);
    return presentAlert(ctx, tx, actor, row);
  });
}

/** End an issued alert inside tx: closing CAP Cancel, status, redaction of every earlier message. */
export async function closeIssuedAlert(ctx: ServiceContext, tx: Db, actor: Actor, alert: AlertRow, reason: Extract<AlertMessageReason, 'resolved' | 'cancelled' | 'expired'>, note?: string | null): Promise<AlertRow> {
  const action = reason === 'resolved' ? 'resolve' : reason === 'cancelled' ? 'cancel' : 'expire';
  const status = nextAlertStatus(alert.status as AlertStatus, action);
  const settings = await alertRepo.findSettings(tx, alert.countryCode);
  if (!settings) throw new AppError('ALERT_COUNTRY_NOT_CONFIGURED', `Child alerts are not configured for ${alert.countryCode}.`);
  const now = new Date();
  const resolution = reason === 'resolved' ? 'found' : reason === 'cancelled' ? 'cancelled_in_error' : 'expired';
  const row = await applyAlertChange(tx, alert, { status, resolution, resolvedAt: now, contentEnc: null, redactedAt: now });
  const msg = await publishAlertMessage(ctx, tx, row, { reason, settings, content: null, maxExpires: null, now });
  const redacted = await redactAlert(ctx, tx, row, settings, now);
  const preAlertsWithdrawn = await parts.withdrawOpenPreAlerts(tx, row.id);
  await recordAlertChange(ctx, tx, actor, row, reason, { messageId: msg.id, identifier: msg.identifier, redactedMessages: redacted, preAlertsWithdrawn }, note);
  return row;
}

/** Resolve an issued alert: the child was found (CAP Cancel with AllClear; personal data removed). */
export async function resolveAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertResolveInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.publish');
  return publishing(ctx, async (tx, mark) => {
    const alert = await loadAlertForChange(tx, actor, id, input.version, 'alerts.publish');
    const row = await closeIssuedAlert(ctx, tx, actor, alert, 'resolved', input.note);
    mark();
    return presentAlert(ctx, tx, actor, row);
  });
}

/**
 * Cancel an alert: an issued one was issued in error (alerts.publish; CAP Cancel + redaction); a
 * draft or approved one is withdrawn (alerts.draft; nothing was published).
 */
export async function cancelAlert(ctx: ServiceContext, actor: Actor, id: string, input: AlertCancelInput): Promise<AlertView> {
  requirePermission(actor, 'alerts.draft');
  return publishing(ctx, async (tx, mark) => {
    const probe = await loadAlertForChange(tx, actor, id, input.version, 'alerts.read');
    const issued = probe.status === 'issued';
    const alert = await loadAlertForChange(tx, actor, id, input.version, issued ? 'alerts.publish' : 'alerts.draft');
    if (issued) {
      const row = await closeIssuedAlert(ctx, tx, actor, alert, 'cancelled', input.reason);
      mark();
      return presentAlert(ctx, tx, actor, row);
    }
    const status = nextAlertStatus(alert.status as AlertStatus, 'cancel');
    const now = new Date();
    // Restricted pre-alert messages may carry personal data: redact them too.
    const settings = await alertRepo.findSettings(tx, alert.countryCode);
    const row = await applyAlertChange(tx, alert, { status, resolution: 'withdrawn', resolvedAt: now });
    let redacted = 0;
    if (settings) redacted = await redactAlert(ctx, tx, row, settings, now);
    const preAlertsWithdrawn = await parts.withdrawOpenPreAlerts(tx, row.id);
    await recordAlertChange(ctx, tx, actor, row, 'withdrawn', { redactedMessages: redacted, preAlertsWithdrawn }, input.reason);
    return presentAlert(ctx, tx, actor, row);
  });
}

/**
 * Expire due issued alerts, one per transaction (claimed with SKIP LOCKED so several nodes share
 * the work). Returns the number expired.
 */
export async function expireDueAlerts(ctx: ServiceContext, now = new Date(), max = 50): Promise<number> {
  let n = 0;
  for (; n < max; n++) {
    const done = await inTransaction(ctx, async (tx) => {
      const [due] = await alertRepo.claimDueAlerts(tx, now, 1);
      if (!due) return false;
      await closeIssuedAlert(ctx, tx, SYSTEM_ACTOR, due, 'expired');
      return true;
    });
    if (!done) break;
    nudgeDistribution();
  }
  return n;
}

/** Start the expiry loop (every VICTOR_ALERT_TICK_MS); stop with the handle. */
export function startAlertExpiryLoop(ctx: ServiceContext): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => expireDueAlerts(ctx)).catch((err: unknown) => ctx.logger.error({ err }, 'alert expiry tick failed'));
  }, ctx.config.VICTOR_ALERT_TICK_MS);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
