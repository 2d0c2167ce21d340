/**
 * The criteria checklist (AMBER model): each country says which criteria must be met for each
 * tier; an alert may be approved or issued only when every required one is answered true.
 */
import { AppError } from '../errors';

export const ALERT_CRITERIA_KEYS = ['minor', 'abductionBelieved', 'lifeInDanger', 'enoughInformation', 'noAddedRisk', 'authorityDecision'] as const;
export type AlertCriterion = (typeof ALERT_CRITERIA_KEYS)[number];
export type AlertTier = 'child_abduction' | 'endangered_missing';

/** Criteria the country requires for a tier (unknown names in the settings are ignored). */
export function requiredCriteria(config: Partial<Record<AlertTier, readonly string[]>>, tier: AlertTier): AlertCriterion[] {
  const wanted = new Set(config[tier] ?? []);
  return ALERT_CRITERIA_KEYS.filter((k) => wanted.has(k));
}

/** Required criteria not answered true. */
export function missingCriteria(required: readonly AlertCriterion[], answers: Partial<Record<string, boolean>>): AlertCriterion[] {
  return required.filter((k) => answers[k] !== true);
}

/** Throw ALERT_CRITERIA_NOT_MET (listing the missing ones) unless every required criterion is met. */
export function checkCriteriaMet(required: readonly AlertCriterion[], answers: Partial<Record<string, boolean>>): void {
  const missing = missingCriteria(required, answers);
  if (missing.length > 0) {
    throw new AppError('ALERT_CRITERIA_NOT_MET', `These criteria are not met: ${missing.join(', ')}.`, { issues: missing.map((k) => ({ path: `criteria.${k}`, message: 'not met' })) });
  }
}
