/**
 * The life of a case: open -> active -> referred -> monitoring -> closed, and reopened with a reason.
 * Pure rules; the case service checks permissions and scope and records every step on the timeline.
 */

export const CASE_STATUSES = ['open', 'active', 'referred', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** Why a case is closed (kept for statistics). */
export const CASE_CLOSURE_REASONS = ['assistance_completed', 'referred_elsewhere', 'not_trafficking', 'no_contact', 'transferred_abroad', 'duplicate', 'other'] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];

/** Moves between statuses. A closed case only reopens (to active), always with a reason. */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['active', 'referred', 'closed'],
  active: ['referred', 'monitoring', 'closed'],
  referred: ['active', 'monitoring', 'closed'],
  monitoring: ['active', 'referred', 'closed'],
  closed: ['active'],
};

/** A requested status change and what it must carry. */
export interface CaseTransition {
  from: CaseStatus;
  to: CaseStatus;
  /** Required when closing. */
  closureReason?: CaseClosureReason | null;
  /** Required when reopening a closed case, and with closure reason `other`. */
  reason?: string | null;
}

/** Why a transition is refused, or null when it is allowed. */
export type TransitionProblem = 'same_status' | 'not_allowed' | 'closure_reason_required' | 'reason_required';

/** Check a status change; null when allowed. */
export function checkCaseTransition(t: CaseTransition): TransitionProblem | null {
  if (t.from === t.to) return 'same_status';
  if (!NEXT[t.from].includes(t.to)) return 'not_allowed';
  if (t.to === 'closed') {
    if (!t.closureReason) return 'closure_reason_required';
    if (t.closureReason === 'other' && !t.reason?.trim()) return 'reason_required';
  }
  if (t.from === 'closed' && !t.reason?.trim()) return 'reason_required';
  return null;
}

/** The statuses a case may move to from its status (for the buttons). */
export function listNextStatuses(status: CaseStatus): CaseStatus[] {
  return [...NEXT[status]];
}

/** Timings kept on a case so statistics can derive report -> first assistance -> referral -> acceptance. */
export interface CaseTimings {
  reportedAt: string;
  openedAt: string;
  firstAssistanceAt: string | null;
  firstReferralAt: string | null;
  firstAcceptanceAt: string | null;
  closedAt: string | null;
}

/** Record the first time a milestone happens; later occurrences keep the first (ISO timestamps). */
export function recordMilestone(timings: CaseTimings, milestone: 'firstAssistanceAt' | 'firstReferralAt' | 'firstAcceptanceAt', at: string): CaseTimings {
  return timings[milestone] ? timings : { ...timings, [milestone]: at };
}
