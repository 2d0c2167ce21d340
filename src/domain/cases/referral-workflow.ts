/**
 * Referrals to an NRM actor: draft -> sent -> acknowledged -> accepted / declined -> completed, or revoked
 * by the sender while still open. A referral is sent only with the child's (or guardian's) consent
 * recorded, or with an override by a permitted user who states a reason (audited by the service).
 */

export const REFERRAL_STATUSES = ['draft', 'sent', 'acknowledged', 'accepted', 'declined', 'completed', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ReferralAction = 'send' | 'acknowledge' | 'accept' | 'decline' | 'complete' | 'revoke';

/** Which side acts: the referring desk or the receiving actor (its liaison officer). */
export type ReferralSide = 'sender' | 'receiver';

const RULES: Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus; side: ReferralSide }> = {
  send: { from: ['draft'], to: 'sent', side: 'sender' },
  acknowledge: { from: ['sent'], to: 'acknowledged', side: 'receiver' },
  accept: { from: ['sent', 'acknowledged'], to: 'accepted', side: 'receiver' },
  decline: { from: ['sent', 'acknowledged'], to: 'declined', side: 'receiver' },
  complete: { from: ['accepted'], to: 'completed', side: 'receiver' },
  revoke: { from: ['draft', 'sent', 'acknowledged', 'accepted'], to: 'revoked', side: 'sender' },
};

/** The status after an action, or null when the action is not possible from this status. */
export function nextReferralStatus(status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  return RULES[action].from.includes(status) ? RULES[action].to : null;
}

/** Which side may take an action. */
export function sideOf(action: ReferralAction): ReferralSide {
  return RULES[action].side;
}

/** The actions a side may take from a status. */
export function listReferralActions(status: ReferralStatus, side: ReferralSide): ReferralAction[] {
  return (Object.keys(RULES) as ReferralAction[]).filter((a) => RULES[a].side === side && RULES[a].from.includes(status));
}

/** True while the receiver still owes an answer or the work (the SLA clock runs). */
export function isOpenReferral(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'acknowledged' || status === 'accepted';
}

/** Consent as recorded on the case when a referral is sent. */
export interface ConsentRecord {
  /** Consent given (by the child where mature enough, or the guardian), with its scope covering referral. */
  given: boolean;
  givenBy: 'child' | 'guardian' | 'legal_representative' | null;
  coversReferral: boolean;
}

/** A permitted user's override of a missing consent (e.g. imminent danger), with the reason stated. */
export interface ConsentOverride {
  reason: string;
}

/** Why a referral may not be sent, or null when the consent gate is passed. */
export type ConsentProblem = 'consent_missing' | 'override_reason_required';

/** The consent gate: consent covering referral, or an override with a reason of at least 10 characters. */
export function checkReferralConsent(consent: ConsentRecord | null, override: ConsentOverride | null): ConsentProblem | null {
  if (consent?.given && consent.coversReferral) return null;
  if (!override) return 'consent_missing';
  return override.reason.trim().length >= 10 ? null : 'override_reason_required';
}

/**
 * When an open referral is overdue: the deadline is the time it entered its status plus the pathway step's
 * SLA (hours). Returns the due time (ISO) and whether it has passed at `now`.
 */
export function computeReferralDue(status: ReferralStatus, enteredStatusAt: string, slaHours: number | null, now: Date): { dueAt: string | null; overdue: boolean } {
  if (!isOpenReferral(status) || slaHours === null) return { dueAt: null, overdue: false };
  const due = new Date(new Date(enteredStatusAt).getTime() + slaHours * 3_600_000);
  return { dueAt: due.toISOString(), overdue: due.getTime() < now.getTime() };
}
