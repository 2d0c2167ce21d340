/**
 * Country alert settings: who decides, which criteria per tier, durations, languages, neighbours.
 * Read by alert readers; changed by alerts.configure holders whose scope covers the country.
 */
import type { z } from 'zod';
import type { AlertSettings, alertSettingsUpdateSchema } from '../api/alerts.schemas';
import * as alertRepo from '../db/repos/alert.repo';
import { AppError } from '../domain/errors';
import { deskCountries } from './alert-access';
import { presentSettings } from './alert-presenter';
import { hasPermission } from '../domain/access/scope';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

/** Settings are read by those who draft or follow alerts and by those who configure them. */
function requireSettingsReader(actor: Actor): void {
  if (actor.principal === null) return;
  if (!hasPermission(actor.principal, 'alerts.read') && !hasPermission(actor.principal, 'alerts.configure')) {
    throw new AppError('FORBIDDEN', 'This needs the permission alerts.read or alerts.configure.');
  }
}

export type AlertSettingsUpdateInput = z.output<typeof alertSettingsUpdateSchema>;

/** Settings of every configured country (alerts.read). */
export async function listAlertSettings(ctx: ServiceContext, actor: Actor): Promise<{ items: AlertSettings[] }> {
  requireSettingsReader(actor);
  const rows = await alertRepo.listSettings(ctx.database.db);
  return { items: rows.map(presentSettings) };
}

/** One country's settings. */
export async function getAlertSettings(ctx: ServiceContext, actor: Actor, countryCode: string): Promise<AlertSettings> {
  requireSettingsReader(actor);
  const row = await alertRepo.findSettings(ctx.database.db, countryCode.toUpperCase());
  if (!row) throw new AppError('ALERT_COUNTRY_NOT_CONFIGURED', `Child alerts are not configured for ${countryCode}.`);
  return presentSettings(row);
}

/** Change a country's settings (alerts.configure for that country; optimistic version). */
export async function updateAlertSettings(ctx: ServiceContext, actor: Actor, countryCode: string, input: AlertSettingsUpdateInput): Promise<AlertSettings> {
  requirePermission(actor, 'alerts.configure');
  const code = countryCode.toUpperCase();
  const d = deskCountries(actor.principal, 'alerts.configure');
  if (!d.all && !d.codes.includes(code)) throw new AppError('FORBIDDEN', `You do not configure child alerts for ${code}.`);
  if (input.neighbours.includes(code)) throw new AppError('VALIDATION_FAILED', 'A country is not its own neighbour.', { issues: [{ path: 'neighbours', message: 'own country' }] });
  return inTransaction(ctx, async (tx) => {
    const values = {
      enabled: input.enabled,
      issuingAuthority: input.issuingAuthority,
      sender: input.sender,
      senderName: input.senderName,
      criteria: input.criteria,
      abductionMaxHours: input.abductionMaxHours,
      endangeredMaxHours: input.endangeredMaxHours,
      extensionHours: input.extensionHours,
      maxExtensions: input.maxExtensions,
      repeatMinutes: input.repeatMinutes,
      hotline: input.hotline,
      languages: input.languages,
      neighbours: input.neighbours,
      needsReview: input.needsReview,
      updatedBy: actor.principal?.userId ?? null,
    };
    const existing = await alertRepo.findSettings(tx, code);
    let row: alertRepo.AlertSettingsRow | null;
    if (!existing) {
      await alertRepo.insertSettingsIfMissing(tx, { countryCode: code, ...values });
      row = await alertRepo.findSettings(tx, code);
    } else {
      row = await alertRepo.updateSettings(tx, code, input.version, values);
      if (!row) throw new AppError('RECORD_VERSION_CONFLICT', 'Someone changed these settings meanwhile; reload and try again.');
    }
    await recordAudit(tx, actor, { action: 'alert.settings_updated', entityType: 'alert_country_settings', entityId: code, countryCode: code, details: { enabled: input.enabled, needsReview: input.needsReview } });
    return presentSettings(row!);
  });
}
