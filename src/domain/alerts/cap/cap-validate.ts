/**
 * CAP validator in three layers with coded results:
 * (1) `structure`: structure and types as in the official CAP 1.2 schema;
 * (2) `rules`: CAP 1.2 section 3 rules the schema cannot express;
 * (3) `profile`: the Victor child-alert profile, only when `opts.profile` is given.
 * `valid` is true when no issue has severity "error" (warnings, e.g. a missing references on an
 * Update, do not make an alert invalid).
 */
import type { CapAlert } from './cap-model';
import type { CapIssue } from './cap-issues';
import type { ChildAlertProfile } from './cap-profile';
import { checkChildAlertProfile } from './cap-profile';
import type { CapRulesVersion } from './cap-validate-structure';
import { checkCapStructure } from './cap-validate-structure';
import { checkSectionThreeRules } from './cap-validate-rules';

export type { CapIssue, CapIssueLayer } from './cap-issues';
export { CAP_ISSUE_CODES } from './cap-issues';
export type { ChildAlertProfile } from './cap-profile';

export interface CapValidation {
  valid: boolean;
  issues: CapIssue[];
}

export interface CapValidateOptions {
  profile?: ChildAlertProfile;
  /** Rules of which CAP version to apply (for documents read leniently); default 1.2. */
  version?: CapRulesVersion;
}

/** True when none of the issues is an error. */
export function hasNoErrors(issues: CapIssue[]): boolean {
  return !issues.some((i) => i.severity === 'error');
}

/**
 * Validates a CAP alert in three layers (structure, section-3 rules, optional Victor profile).
 * Never throws on malformed model objects: problems come back as coded issues.
 */
export function validateCapAlert(alert: CapAlert, opts: CapValidateOptions = {}): CapValidation {
  const issues = checkCapStructure(alert, opts.version ?? '1.2');
  if (alert !== null && typeof alert === 'object') {
    issues.push(...checkSectionThreeRules(alert));
    if (opts.profile) issues.push(...checkChildAlertProfile(alert, opts.profile));
  }
  return { valid: hasNoErrors(issues), issues };
}
