/**
 * Shared steps of alert use-cases: history event + audit row in the same transaction, settings
 * lookups, content sealing and the checks that make an alert publishable.
 */
import type { AlertContent } from '../api/alerts.schemas';
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import type { AlertRow, AlertSettingsRow } from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { checkCriteriaMet, requiredCriteria, type AlertTier } from '../domain/alerts/alert-criteria';
import { checkAuthorityDecision, checkPhotoPresent } from '../domain/alerts/alert-workflow';
import { AppError } from '../domain/errors';
import { sealField } from './case-access';
import { recordAudit, type Actor, type ServiceContext } from './context';
import { CONTENT_FIELD, EVENT_COMMENT_FIELD } from './alert-presenter';

export const userIdOf = (actor: Actor): string | null => actor.principal?.userId ?? null;

/** Append a history event and the audit row for an alert change (same transaction). */
export async function recordAlertChange(ctx: ServiceContext, tx: Db, actor: Actor, alert: Pick<AlertRow, 'id' | 'organisationId' | 'countryCode'>, kind: string, data: Record<string, unknown> = {}, comment?: string | null): Promise<void> {
  await parts.insertEvent(tx, { alertId: alert.id, actorUserId: userIdOf(actor), kind, data, commentEnc: sealField(ctx, EVENT_COMMENT_FIELD, alert.id, comment ?? null) });
  await recordAudit(tx, actor, { action: `alert.${kind}`, entityType: 'alert', entityId: alert.id, organisationId: alert.organisationId, countryCode: alert.countryCode, details: data });
}

/** The country's settings (ALERT_COUNTRY_NOT_CONFIGURED when missing; when disabled, only drills run). */
export async function requireSettings(db: Db, countryCode: string, mode: string): Promise<AlertSettingsRow> {
  const settings = await alertRepo.findSettings(db, countryCode);
  if (!settings || (!settings.enabled && mode === 'actual')) {
    throw new AppError('ALERT_COUNTRY_NOT_CONFIGURED', `Child alerts are not configured for ${countryCode}${settings ? ' (only drills run while it is disabled)' : ''}.`);
  }
  return settings;
}

/** Seal the content of an alert. */
export function sealContent(ctx: ServiceContext, alertId: string, content: AlertContent): string {
  return sealField(ctx, CONTENT_FIELD, alertId, JSON.stringify(content)) ?? '';
}

/** Texts in the country's first language are required before approval or issue. */
export function checkTextsComplete(settings: AlertSettingsRow, content: AlertContent | null): void {
  if (!content) throw new AppError('VALIDATION_FAILED', 'The alert has no content.', { issues: [{ path: 'content', message: 'required' }] });
  const first = settings.languages[0];
  if (first && !content.texts[first as keyof AlertContent['texts']]) {
    throw new AppError('VALIDATION_FAILED', `Write the texts in ${first}, the country's first language.`, { issues: [{ path: `content.texts.${first}`, message: 'required' }] });
  }
}

/** Everything that must hold before an alert is approved (criteria, photo, texts). */
export async function checkApprovable(tx: Db, settings: AlertSettingsRow, alert: AlertRow, content: AlertContent | null): Promise<void> {
  checkCriteriaMet(requiredCriteria(settings.criteria, alert.tier as AlertTier), alert.criteria);
  checkTextsComplete(settings, content);
  checkPhotoPresent((await parts.findCurrentPhoto(tx, alert.id)) !== null);
}

/** Everything that must hold before an alert is issued: the approval checks plus the authority's decision. */
export async function checkIssuable(tx: Db, settings: AlertSettingsRow, alert: AlertRow, content: AlertContent | null): Promise<void> {
  await checkApprovable(tx, settings, alert, content);
  checkAuthorityDecision(alert.authorityName && alert.authorityReference && alert.authorityDecidedAt ? { name: alert.authorityName, reference: alert.authorityReference, decidedAt: alert.authorityDecidedAt } : null);
}

/** Apply a version-checked change (ALERT_VERSION_CONFLICT when it moved on). */
export async function applyAlertChange(tx: Db, alert: AlertRow, patch: Partial<alertRepo.AlertInsert>): Promise<AlertRow> {
  const row = await alertRepo.updateAlert(tx, alert.id, alert.version, patch);
  if (!row) throw new AppError('ALERT_VERSION_CONFLICT', 'Someone changed this alert meanwhile; reload it and try again.');
  return row;
}
