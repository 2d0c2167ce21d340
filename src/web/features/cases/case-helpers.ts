/** Pure helpers of the cases UI (tested in test/unit/web-cases.test.ts). */
import type { IndicatorSetView, TaskView } from '../../../api/cases.schemas';
import { checkCaseTransition, type CaseClosureReason, type CaseStatus } from '../../../domain/cases/case-workflow';
import { INDICATOR_ELEMENTS, type IndicatorElement } from '../../../domain/cases/screening';

/** A span of time split into days, hours and minutes (rounded down to the minute). */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** The time between two ISO instants, or null when either is missing or the end comes first. */
export function measureDuration(from: string | null | undefined, to: string | null | undefined): DurationParts | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const totalMinutes = Math.floor(ms / 60000);
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

/** Open tasks first, overdue before the rest, then by due time; done tasks last, newest done first. */
export function sortTasks<T extends Pick<TaskView, 'overdue' | 'dueAt' | 'doneAt'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => {
    if (!!a.doneAt !== !!b.doneAt) return a.doneAt ? 1 : -1;
    if (a.doneAt && b.doneAt) return b.doneAt.localeCompare(a.doneAt);
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return a.dueAt.localeCompare(b.dueAt);
  });
}

type Indicator = IndicatorSetView['indicators'][number];

/** The indicators that apply to a child or an adult, grouped by element in the screening's order (empty groups left out). */
export function groupIndicators(indicators: readonly Indicator[], treatedAsChild: boolean): { element: IndicatorElement; indicators: Indicator[] }[] {
  const applies = (i: Indicator) => i.appliesTo === 'all' || i.appliesTo === (treatedAsChild ? 'child' : 'adult');
  return INDICATOR_ELEMENTS.map((element) => ({ element, indicators: indicators.filter((i) => i.element === element && applies(i)) })).filter((g) => g.indicators.length > 0);
}

/** What a status change must carry besides the new status. */
export function statusChangeNeeds(from: CaseStatus, to: CaseStatus, closureReason: CaseClosureReason | null): { closureReason: boolean; reason: boolean } {
  return {
    closureReason: to === 'closed',
    reason: checkCaseTransition({ from, to, closureReason: closureReason ?? 'assistance_completed', reason: null }) === 'reason_required' || (to === 'closed' && closureReason === 'other'),
  };
}

/** The values of a timeline entry's data that the UI shows next to its sentence, with the list that labels them. */
export function pickEventDetails(data: Record<string, unknown>): { key: string; value: string }[] {
  const shown = ['from', 'to', 'status', 'priority', 'concern', 'concernLevel', 'closureReason', 'kind', 'traffickingStatus', 'format', 'reference', 'countryCode', 'toCountry', 'fromCountry'];
  const out: { key: string; value: string }[] = [];
  for (const key of shown) {
    const value = data[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 80) out.push({ key, value });
    else if (typeof value === 'number') out.push({ key, value: String(value) });
  }
  return out;
}

/** A yyyy-mm-ddThh:mm value of a datetime-local input as an ISO instant in the browser's zone (null when empty or invalid). */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as the value of a datetime-local input in the browser's zone. */
export function isoToLocalInput(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Human file size in B, KB or MB (one decimal above 1 KB). */
export function formatBytes(bytes: number, locale = 'en'): string {
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}
