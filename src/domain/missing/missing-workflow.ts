/**
 * Missing-child (116 000) reports: the kinds of disappearance, the status machine (missing → found or
 * closed; found / closed → missing again only with a reason), the outcomes and conditions recorded when
 * a child is found, and the default case priority. Pure: no database, no HTTP.
 */

export const MISSING_TYPES = ['runaway', 'parental_abduction', 'criminal_abduction', 'lost_injured', 'missing_migration', 'otherwise_missing'] as const;
export type MissingType = (typeof MISSING_TYPES)[number];

export const MISSING_STATUSES = ['missing', 'found', 'closed'] as const;
export type MissingStatus = (typeof MISSING_STATUSES)[number];

export const FOUND_OUTCOMES = ['returned_home', 'found_safe', 'placed_in_care', 'found_abroad', 'found_harmed', 'found_deceased', 'other'] as const;
export type FoundOutcome = (typeof FOUND_OUTCOMES)[number];

export const FOUND_CONDITIONS = ['unharmed', 'injured', 'needs_care', 'deceased', 'unknown'] as const;
export type FoundCondition = (typeof FOUND_CONDITIONS)[number];

/** Why a report is closed without the child being found (kept plain for statistics). */
export const MISSING_CLOSE_REASONS = ['duplicate', 'not_missing', 'false_report', 'handed_to_other_service', 'other'] as const;
export type MissingCloseReason = (typeof MISSING_CLOSE_REASONS)[number];

export const MISSING_ACTIONS = ['found', 'close', 'reopen'] as const;
export type MissingAction = (typeof MISSING_ACTIONS)[number];

/** The status each action leads to, and the statuses it may start from. */
const ACTION_MOVES: Record<MissingAction, { from: readonly MissingStatus[]; to: MissingStatus }> = {
  found: { from: ['missing'], to: 'found' },
  close: { from: ['missing'], to: 'closed' },
  reopen: { from: ['found', 'closed'], to: 'missing' },
};

/** What a status action carries (as the client sent it; optional fields are checked here). */
export interface MissingActionRequest {
  from: MissingStatus;
  action: MissingAction;
  foundAt?: Date | null;
  outcome?: FoundOutcome | null;
  condition?: FoundCondition | null;
  closeReason?: MissingCloseReason | null;
  reason?: string | null;
  now?: Date;
}

/** Why an action is refused (null: allowed). */
export type MissingActionProblem =
  | { code: 'MISSING_TRANSITION_NOT_ALLOWED'; from: MissingStatus; action: MissingAction }
  | { code: 'REASON_REQUIRED'; path: 'foundAt' | 'outcome' | 'condition' | 'closeReason' | 'reason' }
  | { code: 'FOUND_TIME_INVALID' };

/** The status an action leads to. */
export function targetOfAction(action: MissingAction): MissingStatus {
  return ACTION_MOVES[action].to;
}

/** The actions allowed from a status (drives the buttons). */
export function actionsFrom(status: MissingStatus): MissingAction[] {
  return MISSING_ACTIONS.filter((a) => ACTION_MOVES[a].from.includes(status));
}

/**
 * Check a status action: the move must be allowed; "found" needs the time, outcome and condition (the
 * time not in the future); "close" needs a reason code (and a stated reason for "other"); "reopen"
 * needs a stated reason.
 */
export function checkMissingAction(req: MissingActionRequest): MissingActionProblem | null {
  if (!ACTION_MOVES[req.action].from.includes(req.from)) return { code: 'MISSING_TRANSITION_NOT_ALLOWED', from: req.from, action: req.action };
  const reason = req.reason?.trim() ?? '';
  if (req.action === 'found') {
    if (!req.foundAt) return { code: 'REASON_REQUIRED', path: 'foundAt' };
    if (!req.outcome) return { code: 'REASON_REQUIRED', path: 'outcome' };
    if (!req.condition) return { code: 'REASON_REQUIRED', path: 'condition' };
    const now = req.now ?? new Date();
    if (req.foundAt.getTime() > now.getTime() + 60_000) return { code: 'FOUND_TIME_INVALID' };
  }
  if (req.action === 'close') {
    if (!req.closeReason) return { code: 'REASON_REQUIRED', path: 'closeReason' };
    if (req.closeReason === 'other' && reason === '') return { code: 'REASON_REQUIRED', path: 'reason' };
  }
  if (req.action === 'reopen' && reason === '') return { code: 'REASON_REQUIRED', path: 'reason' };
  return null;
}

/** Abductions (parental or criminal). */
export function isAbduction(type: MissingType): boolean {
  return type === 'parental_abduction' || type === 'criminal_abduction';
}

/** Default case priority: urgent for abductions and for children under 13, else high. */
export function defaultMissingPriority(type: MissingType, ageYears: number | null | undefined): 'urgent' | 'high' {
  if (isAbduction(type)) return 'urgent';
  if (typeof ageYears === 'number' && ageYears < 13) return 'urgent';
  return 'high';
}

/** Round a coordinate to two decimals (about 1 km), so maps never carry an exact address. */
export function roundCoordinate(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * 100) / 100;
}

/** Whole hours (or days past 48 h) since the child was last seen, for lists: { unit, value }. */
export function timeMissing(lastSeenAt: Date, until: Date): { unit: 'm' | 'h' | 'd'; value: number } {
  const ms = Math.max(0, until.getTime() - lastSeenAt.getTime());
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { unit: 'm', value: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'h', value: hours };
  return { unit: 'd', value: Math.floor(hours / 24) };
}

/** Suspected countries with one more added (upper case, unique, order kept). */
export function withSuspectedCountry(list: readonly string[], code: string): string[] {
  const c = code.toUpperCase();
  return list.includes(c) ? [...list] : [...list, c];
}
