/**
 * Who may see and act on a child alert. Reading: alerts.read in the alert's country (region scope:
 * everywhere), or alerts.publish in a country the alert was pre-alerted to. Acting: the permission
 * with a scope covering the alert's organisation / country (canAccessRecord).
 */
import { ROLE_PERMISSIONS, type Permission } from '../domain/access/roles';
import { canAccessRecord, type Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import * as parts from '../db/repos/alert-parts.repo';
import { requirePermission, type Actor } from './context';

/** The countries where the principal holds a permission (all: a region-wide grant). */
export function deskCountries(principal: Principal | null, permission: Permission): { all: boolean; codes: string[] } {
  if (principal === null) return { all: true, codes: [] };
  if (principal.tokenPermissions && !principal.tokenPermissions.includes(permission)) return { all: false, codes: [] };
  const grants = principal.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes(permission));
  return { all: grants.some((g) => g.scope === 'region'), codes: [...new Set(grants.map((g) => g.countryCode))] };
}

/**
 * Where the principal reads alerts: every country (region grant), countries where they read every
 * alert, and countries where their only grant is over their own records (a liaison officer): there
 * they read only alerts that were published (issued, actual), never drafts or drills with a child's data.
 */
export function alertReadScope(principal: Principal | null): { all: boolean; full: string[]; publishedOnly: string[] } {
  if (principal === null) return { all: true, full: [], publishedOnly: [] };
  if (principal.tokenPermissions && !principal.tokenPermissions.includes('alerts.read')) return { all: false, full: [], publishedOnly: [] };
  const grants = principal.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes('alerts.read'));
  const full = [...new Set(grants.filter((g) => g.scope !== 'own').map((g) => g.countryCode))];
  const publishedOnly = [...new Set(grants.filter((g) => g.scope === 'own').map((g) => g.countryCode))].filter((c) => !full.includes(c));
  return { all: grants.some((g) => g.scope === 'region'), full, publishedOnly };
}

/** True when the principal is a desk (permission) for the country. */
export function isDeskOf(principal: Principal | null, permission: Permission, countryCode: string): boolean {
  const d = deskCountries(principal, permission);
  return d.all || d.codes.includes(countryCode);
}

/** True when the actor may use the permission on the alert (scope covers it). */
export function canActOn(actor: Actor, permission: Permission, alert: Pick<alertRepo.AlertRow, 'organisationId' | 'countryCode' | 'draftedBy'>): boolean {
  if (actor.principal === null) return true;
  return canAccessRecord(actor.principal, permission, { organisationId: alert.organisationId, countryCode: alert.countryCode, ownerUserIds: alert.draftedBy ? [alert.draftedBy] : [] });
}

/** Throw FORBIDDEN unless the actor may use the permission on the alert. */
export function requireActOn(actor: Actor, permission: Permission, alert: Pick<alertRepo.AlertRow, 'organisationId' | 'countryCode' | 'draftedBy'>): void {
  if (!canActOn(actor, permission, alert)) throw new AppError('FORBIDDEN', `This needs the permission ${permission} for this alert's desk.`);
}

/** How the actor may read the alert: as its country's reader, as a pre-alerted desk, or not. */
export function readAccessOf(actor: Actor, alert: Pick<alertRepo.AlertRow, 'countryCode' | 'issuedAt' | 'mode'>, preAlertCountries: readonly string[]): 'country' | 'pre_alert' | null {
  const reads = alertReadScope(actor.principal);
  if (reads.all || reads.full.includes(alert.countryCode)) return 'country';
  if (reads.publishedOnly.includes(alert.countryCode) && alert.issuedAt !== null && alert.mode === 'actual') return 'country';
  if (preAlertCountries.some((c) => isDeskOf(actor.principal, 'alerts.publish', c))) return 'pre_alert';
  return null;
}

/** Load an alert the actor may read (ALERT_NOT_FOUND otherwise, so others' alerts stay invisible). */
export async function loadReadableAlert(db: Db, actor: Actor, id: string, lock = false): Promise<{ row: alertRepo.AlertRow; via: 'country' | 'pre_alert'; preAlerts: parts.PreAlertRow[] }> {
  const row = await alertRepo.findAlert(db, id, lock);
  if (!row) throw new AppError('ALERT_NOT_FOUND', 'No such alert.');
  const preAlerts = await parts.listPreAlertsOfAlert(db, row.id);
  const via = readAccessOf(actor, row, preAlerts.map((p) => p.toCountryCode));
  if (!via) throw new AppError('ALERT_NOT_FOUND', 'No such alert.');
  return { row, via, preAlerts };
}

/** Load an alert for a change: locked, readable, and with the expected version (ALERT_VERSION_CONFLICT). */
export async function loadAlertForChange(db: Db, actor: Actor, id: string, version: number | null, permission: Permission): Promise<alertRepo.AlertRow> {
  const { row } = await loadReadableAlert(db, actor, id, true);
  requireActOn(actor, permission, row);
  if (version !== null && row.version !== version) throw new AppError('ALERT_VERSION_CONFLICT', 'Someone changed this alert meanwhile; reload it and try again.');
  return row;
}

/**
 * Webhooks, e-mail distribution and other systems' feeds connect Victor to the outside for the whole
 * network: only a region-wide alerts.configure grant (regional coordinator, administrator) manages
 * them. Country coordinators configure their own country's alert settings.
 */
export function requireNetworkConfigure(actor: Actor): void {
  requirePermission(actor, 'alerts.configure');
  if (!deskCountries(actor.principal, 'alerts.configure').all) {
    throw new AppError('FORBIDDEN', 'Webhooks, e-mail distribution and feeds of other alert systems serve the whole network: a regional coordinator or an administrator manages them.');
  }
}
