/**
 * Rules of a helpline contact: what finishing one requires, handle time, notification times,
 * out-of-hours, and the terms that make encrypted notes searchable.
 */
import type { Action, CallerType, NonDataType, Outcome, ProfessionalSector } from './contact-fields';

/** The fields the completion rules look at. */
export interface ContactForCompletion {
  channel: string;
  direction: string;
  startedAt: Date;
  endedAt: Date | null;
  language: string | null;
  callerType: CallerType | null;
  callerSector: ProfessionalSector | null;
  categories: readonly string[];
  actionsTaken: readonly Action[];
  outcome: Outcome | null;
  nonDataType: NonDataType | null;
  consentCallback: boolean;
  hasCallbackPhone: boolean;
}

/** A field-level problem, shaped like the API's validation issues. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * What is missing or inconsistent before a contact can be completed. Non-data contacts need only
 * their type; every other contact needs who called, what about, what was done and how it ended.
 */
export function checkCompletion(c: ContactForCompletion, categoryProblems: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.endedAt && c.endedAt < c.startedAt) issues.push({ path: 'endedAt', message: 'the contact cannot end before it started' });
  if (c.nonDataType) {
    if (c.outcome && c.outcome !== 'non_data') issues.push({ path: 'outcome', message: 'a non-data contact has the outcome non_data' });
    return issues;
  }
  if (c.outcome === 'non_data') issues.push({ path: 'nonDataType', message: 'choose the kind of non-data contact' });
  if (!c.language) issues.push({ path: 'language', message: 'the language of the contact is required' });
  if (!c.callerType) issues.push({ path: 'callerType', message: 'who contacted the helpline is required' });
  if (c.callerType === 'professional' && !c.callerSector) issues.push({ path: 'callerSector', message: 'the sector of a professional caller is required' });
  if (c.callerType !== 'professional' && c.callerSector) issues.push({ path: 'callerSector', message: 'a sector is given only for professional callers' });
  if (c.categories.length === 0) issues.push({ path: 'categories', message: 'choose at least one category' });
  for (const p of categoryProblems) issues.push({ path: 'categories', message: p });
  if (c.actionsTaken.length === 0) issues.push({ path: 'actionsTaken', message: 'record at least one action taken' });
  if (!c.outcome) issues.push({ path: 'outcome', message: 'the outcome is required' });
  if (c.outcome === 'reported_to_police' && !c.actionsTaken.includes('police_report')) {
    issues.push({ path: 'actionsTaken', message: 'an outcome "reported to police" needs the action "report to police"' });
  }
  if (c.outcome === 'transferred' && !c.actionsTaken.includes('transfer_116000') && !c.actionsTaken.includes('referral')) {
    issues.push({ path: 'actionsTaken', message: 'a transfer needs the action "116 000 transfer" or "referral"' });
  }
  if (c.consentCallback && !c.hasCallbackPhone && c.actionsTaken.includes('callback_arranged')) {
    issues.push({ path: 'callbackPhone', message: 'a call-back needs a number to call' });
  }
  return issues;
}

/** Handle time in whole seconds, or null while the contact is open. */
export function computeHandleSeconds(startedAt: Date, endedAt: Date | null): number | null {
  if (!endedAt) return null;
  return Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000));
}

/**
 * When the police or the National Referral Mechanism were notified: kept once set, set to `at` when the
 * action first appears. Returns the new pair.
 */
export function stampNotifications(
  actions: readonly Action[],
  current: { policeNotifiedAt: Date | null; nrmNotifiedAt: Date | null },
  at: Date,
): { policeNotifiedAt: Date | null; nrmNotifiedAt: Date | null } {
  return {
    policeNotifiedAt: actions.includes('police_report') ? (current.policeNotifiedAt ?? at) : null,
    nrmNotifiedAt: actions.includes('nrm_notification') ? (current.nrmNotifiedAt ?? at) : null,
  };
}

/** A desk's opening hours: weekday (mon…sun) to [from, to) "HH:MM" pairs. Empty: around the clock. */
export type OpeningHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached weekday + 24-hour clock formatter per time zone (building one is slow). */
function weekdayClockFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  return f;
}

/** True when `at` falls outside the desk's opening hours in its time zone. */
export function isOutOfHours(at: Date, hours: OpeningHours, timeZone: string): boolean {
  if (Object.keys(hours).length === 0) return false;
  const parts = weekdayClockFormat(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = get('weekday').toLowerCase().slice(0, 3) as keyof OpeningHours;
  const hhmm = `${get('hour')}:${get('minute')}`;
  const slots = hours[weekday] ?? [];
  return !slots.some(([from, to]) => hhmm >= from && hhmm < to);
}

/** International dialling codes of the network's countries (to complete national phone numbers). */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  AL: '355', BA: '387', BG: '359', HR: '385', CY: '357', GR: '30', HU: '36', MD: '373', ME: '382', MK: '389', RO: '40', RS: '381', SI: '386', TR: '90', UA: '380', XK: '383',
};

/**
 * Normalise a caller id before hashing, so one caller always gives the same text: phone numbers to
 * international digits (a national number is completed with the desk country's calling code, its
 * trunk 0 dropped), e-mail addresses without their display name, chat ids trimmed, all lower case.
 */
export function normaliseCallerId(raw: string, countryCode?: string | null): string {
  const trimmed = raw.trim();
  if (/^[+\d][\d\s().-]{4,}$/.test(trimmed)) {
    const digits = trimmed.replace(/[^\d]/g, '');
    if (trimmed.startsWith('+')) return `tel:${digits}`;
    if (digits.startsWith('00')) return `tel:${digits.slice(2)}`;
    const calling = countryCode ? CALLING_CODES[countryCode] : undefined;
    if (calling && !digits.startsWith(calling)) return `tel:${calling}${digits.replace(/^0/, '')}`;
    return `tel:${digits}`;
  }
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(trimmed);
  return `id:${(angle ? angle[1]! : trimmed).toLowerCase()}`;
}

/**
 * Words of free text to index: lower case, accents removed (Greek and Cyrillic keep their letters),
 * three letters or more, each once. The service stores only keyed hashes of them.
 */
export function extractSearchWords(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && w.length <= 40);
  return [...new Set(words)];
}
