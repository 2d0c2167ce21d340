/**
 * The life of a child alert: draft → approved → issued → (updated / extended, still issued) →
 * resolved (child found) | cancelled (issued in error, or a withdrawn draft) | expired (automatic).
 * Pure rules: allowed transitions, four-eyes, criteria and authority checks before publication.
 */
import { AppError } from '../errors';

export type AlertStatus = 'draft' | 'approved' | 'issued' | 'resolved' | 'cancelled' | 'expired';
export type AlertAction = 'edit' | 'approve' | 'issue' | 'update' | 'extend' | 'resolve' | 'cancel' | 'expire' | 'pre_alert';

/** Which action may run in which status (the status after it is in ALERT_NEXT_STATUS). */
export const ALERT_ACTIONS_BY_STATUS: Readonly<Record<AlertStatus, readonly AlertAction[]>> = {
  draft: ['edit', 'approve', 'cancel', 'pre_alert'],
  approved: ['edit', 'issue', 'cancel', 'pre_alert'],
  issued: ['update', 'extend', 'resolve', 'cancel', 'expire', 'pre_alert'],
  resolved: [],
  cancelled: [],
  expired: [],
};

/** The status an action leads to from a status (null: the action keeps the status). */
export function nextAlertStatus(from: AlertStatus, action: AlertAction): AlertStatus {
  if (!ALERT_ACTIONS_BY_STATUS[from].includes(action)) {
    throw new AppError('ALERT_TRANSITION_NOT_ALLOWED', `An alert in status ${from} cannot be ${describeAction(action)}.`);
  }
  switch (action) {
    case 'approve':
      return 'approved';
    case 'issue':
      return 'issued';
    case 'resolve':
      return 'resolved';
    case 'cancel':
      return 'cancelled';
    case 'expire':
      return 'expired';
    default:
      return from;
  }
}

/** True when the action is allowed in the status. */
export function isAlertActionAllowed(from: AlertStatus, action: AlertAction): boolean {
  return ALERT_ACTIONS_BY_STATUS[from].includes(action);
}

function describeAction(action: AlertAction): string {
  const words: Record<AlertAction, string> = { edit: 'edited', approve: 'approved', issue: 'issued', update: 'updated', extend: 'extended', resolve: 'resolved', cancel: 'cancelled', expire: 'expired', pre_alert: 'pre-alerted' };
  return words[action];
}

/** Four-eyes: whoever approves an alert must not be the one who drafted it (system actors pass). */
export function checkFourEyes(draftedBy: string | null, approverId: string | null): void {
  if (approverId !== null && draftedBy !== null && approverId === draftedBy) {
    throw new AppError('ALERT_APPROVER_IS_DRAFTER', 'A second person must approve this alert: you drafted it.');
  }
}

/** The issuing authority's decision, as recorded on the alert. */
export interface AuthorityDecision {
  name: string;
  reference: string;
  decidedAt: Date;
}

/** Refuse to issue without the authority's decision on record. */
export function checkAuthorityDecision(decision: Partial<AuthorityDecision> | null): void {
  if (!decision || !decision.name || !decision.reference || !decision.decidedAt) {
    throw new AppError('ALERT_AUTHORITY_DECISION_REQUIRED', 'Record the issuing authority’s decision (name, reference, time) before the alert is issued.');
  }
}

/** Refuse to approve / issue an alert without a photo (the CAP profile requires one). */
export function checkPhotoPresent(hasPhoto: boolean): void {
  if (!hasPhoto) throw new AppError('ALERT_PHOTO_REQUIRED', 'Add a photo of the child before the alert is approved or issued.');
}
