/**
 * Cross-border hand-off between country desks: the sending desk requests, the receiving desk accepts
 * (opening its own linked case) or declines; the sender may withdraw while it is pending. Only a minimum
 * dataset and the consent snapshot travel.
 */

export const HANDOFF_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export type HandoffAction = 'accept' | 'decline' | 'withdraw';

/** The status after an action, or null when the hand-off is no longer pending. */
export function nextHandoffStatus(status: HandoffStatus, action: HandoffAction): HandoffStatus | null {
  if (status !== 'requested') return null;
  return action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'withdrawn';
}

/** What a hand-off carries: never names, addresses or notes; the receiving desk asks the sender for more. */
export const HANDOFF_FIELDS = ['ageBand', 'presumedMinor', 'gender', 'nationality', 'languages', 'formsOfExploitation', 'concernLevel', 'urgency', 'summary', 'consent'] as const;
export type HandoffField = (typeof HANDOFF_FIELDS)[number];

/** Keep only the minimum dataset of a hand-off (anything else is dropped, not rejected). */
export function pickHandoffDataset(input: Record<string, unknown>): Partial<Record<HandoffField, unknown>> {
  const out: Partial<Record<HandoffField, unknown>> = {};
  for (const f of HANDOFF_FIELDS) if (input[f] !== undefined) out[f] = input[f];
  return out;
}

/** Why a hand-off request is refused, or null. */
export type HandoffProblem = 'same_country' | 'consent_missing';

/** A hand-off goes to another country's desk and needs consent covering the transfer of data abroad. */
export function checkHandoffRequest(fromCountry: string, toCountry: string, consentCoversTransfer: boolean): HandoffProblem | null {
  if (fromCountry === toCountry) return 'same_country';
  return consentCoversTransfer ? null : 'consent_missing';
}
