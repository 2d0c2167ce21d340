/**
 * How long an alert may run: at most the country's maximum hours for the tier from the issue
 * time (from now for drafts), plus extensions of extension_hours each, up to max_extensions.
 */
import { AppError } from '../errors';
import type { AlertTier } from './alert-criteria';

/** The country limits that matter for expiry. */
export interface ExpiryLimits {
  abductionMaxHours: number;
  endangeredMaxHours: number;
  extensionHours: number;
  maxExtensions: number;
}

const HOUR = 3_600_000;

/** Maximum hours for the tier. */
export function maxHoursFor(limits: ExpiryLimits, tier: AlertTier): number {
  return tier === 'child_abduction' ? limits.abductionMaxHours : limits.endangeredMaxHours;
}

/** The latest expiry allowed: start (issue time, or now for drafts) + max hours + granted extensions. */
export function latestExpiry(limits: ExpiryLimits, tier: AlertTier, start: Date, extensions = 0): Date {
  return new Date(start.getTime() + (maxHoursFor(limits, tier) + extensions * limits.extensionHours) * HOUR);
}

/** The expiry a new alert gets when none is given: the latest allowed. */
export function defaultExpiry(limits: ExpiryLimits, tier: AlertTier, start: Date): Date {
  return latestExpiry(limits, tier, start);
}

/** Refuse an expiry past the latest allowed (ALERT_EXPIRY_TOO_LATE) or not after `now` (VALIDATION_FAILED). */
export function checkExpiry(expiresAt: Date, latest: Date, now: Date): void {
  if (expiresAt.getTime() > latest.getTime()) {
    throw new AppError('ALERT_EXPIRY_TOO_LATE', `The alert may run until ${latest.toISOString()} at the latest.`, { issues: [{ path: 'expiresAt', message: `latest ${latest.toISOString()}` }] });
  }
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'The expiry must be in the future.', { issues: [{ path: 'expiresAt', message: 'must be in the future' }] });
  }
}

/**
 * One more extension: refused past max_extensions (ALERT_EXTENSION_LIMIT) or beyond extension_hours.
 * The new expiry is the current one + hours, capped at the latest the extensions allow.
 */
export function extendExpiry(limits: ExpiryLimits, tier: AlertTier, issuedAt: Date, current: Date, extensionsSoFar: number, hours?: number): { expiresAt: Date; extensions: number } {
  if (extensionsSoFar >= limits.maxExtensions) {
    throw new AppError('ALERT_EXTENSION_LIMIT', `This alert has already been extended ${extensionsSoFar} time(s); the country allows ${limits.maxExtensions}.`);
  }
  const h = hours ?? limits.extensionHours;
  if (h > limits.extensionHours) {
    throw new AppError('ALERT_EXPIRY_TOO_LATE', `An extension may add ${limits.extensionHours} hours at most.`, { issues: [{ path: 'hours', message: `at most ${limits.extensionHours}` }] });
  }
  const extensions = extensionsSoFar + 1;
  const cap = latestExpiry(limits, tier, issuedAt, extensions);
  const wanted = new Date(current.getTime() + h * HOUR);
  return { expiresAt: wanted.getTime() > cap.getTime() ? cap : wanted, extensions };
}
