/**
 * Indicator screening: an indicator set (versioned data) holds indicators, each of one element of the
 * trafficking definition (recruitment — the act; exploitation — the purpose; means and control;
 * vulnerability), with a strength and the forms of exploitation it points to. The answers (yes / no /
 * unknown, with evidence) give an advisory, explained concern level and a suggested next step. For a
 * child, means are not required. The software never decides whether someone is a victim: formal
 * identification is made by the competent authority and only recorded.
 */

export const INDICATOR_ELEMENTS = ['recruitment', 'exploitation', 'means', 'vulnerability'] as const;
export type IndicatorElement = (typeof INDICATOR_ELEMENTS)[number];

export const INDICATOR_STRENGTHS = ['weak', 'medium', 'strong'] as const;
export type IndicatorStrength = (typeof INDICATOR_STRENGTHS)[number];

export const EXPLOITATION_FORMS = ['sexual', 'labour', 'begging', 'criminal_activities', 'domestic_servitude', 'forced_marriage', 'organ_removal', 'illegal_adoption', 'online'] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

export const CONCERN_LEVELS = ['none', 'possible', 'clear'] as const;
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

export type NextStep = 'no_further_action' | 'gather_information' | 'refer_for_identification';

/** One indicator of a set. Labels and help texts live with the set's data, per language. */
export interface Indicator {
  code: string;
  element: IndicatorElement;
  strength: IndicatorStrength;
  /** Who the indicator is asked about. */
  appliesTo: 'child' | 'adult' | 'all';
  forms: readonly ExploitationForm[];
}

/** A versioned set of indicators. */
export interface IndicatorSet {
  key: string;
  version: number;
  indicators: readonly Indicator[];
}

/** One answer with its evidence (free text, encrypted by the service). */
export interface IndicatorAnswer {
  code: string;
  answer: Answer;
}

/** An answer that led to the result. */
export interface Reason {
  code: string;
  element: IndicatorElement;
  strength: IndicatorStrength;
}

/** The explained result of a screening. */
export interface ScreeningResult {
  concern: ConcernLevel;
  nextStep: NextStep;
  /** The strongest "yes" per element (null: none). */
  elements: Record<IndicatorElement, IndicatorStrength | null>;
  /** The "yes" answers, strongest first: what led to the result. */
  reasons: Reason[];
  /** Elements still missing for a clear concern (empty when clear). */
  missing: IndicatorElement[];
  /** Forms of exploitation the "yes" answers point to, most indicated first. */
  forms: ExploitationForm[];
  /** Indicators asked of this person but answered "unknown" or not at all. */
  unanswered: string[];
  /** True when means were not required (a child, or presumed to be one). */
  meansWaived: boolean;
}

const RANK: Record<IndicatorStrength, number> = { weak: 1, medium: 2, strong: 3 };

function atLeast(s: IndicatorStrength | null, min: IndicatorStrength): boolean {
  return s !== null && RANK[s] >= RANK[min];
}

/** The indicators of a set that apply to a child or an adult. */
export function listApplicableIndicators(set: IndicatorSet, treatedAsChild: boolean): Indicator[] {
  return set.indicators.filter((i) => i.appliesTo === 'all' || i.appliesTo === (treatedAsChild ? 'child' : 'adult'));
}

/**
 * Assess answers against a set. Clear concern: exploitation at least medium, with recruitment at least
 * medium or exploitation strong, means at least medium unless the person is treated as a child, and at
 * least one strong answer. Possible concern: otherwise, when the "yes" answers weigh 3 or more (weak 1,
 * medium 2, strong 3). Unknown codes and indicators that do not apply to the person are ignored.
 */
export function assessScreening(set: IndicatorSet, answers: readonly IndicatorAnswer[], treatedAsChild: boolean): ScreeningResult {
  const applicable = listApplicableIndicators(set, treatedAsChild);
  const byCode = new Map(applicable.map((i) => [i.code, i]));
  const given = new Map(answers.filter((a) => byCode.has(a.code)).map((a) => [a.code, a.answer]));
  const yes = applicable.filter((i) => given.get(i.code) === 'yes');
  const reasons = yes
    .map((i) => ({ code: i.code, element: i.element, strength: i.strength }))
    .sort((a, b) => RANK[b.strength] - RANK[a.strength] || INDICATOR_ELEMENTS.indexOf(a.element) - INDICATOR_ELEMENTS.indexOf(b.element) || a.code.localeCompare(b.code));
  const elements = Object.fromEntries(INDICATOR_ELEMENTS.map((e) => [e, null])) as Record<IndicatorElement, IndicatorStrength | null>;
  for (const r of reasons) if (!atLeast(elements[r.element], r.strength)) elements[r.element] = r.strength;

  const meansWaived = treatedAsChild;
  const missing: IndicatorElement[] = [];
  if (!atLeast(elements.exploitation, 'medium')) missing.push('exploitation');
  if (!atLeast(elements.recruitment, 'medium') && elements.exploitation !== 'strong') missing.push('recruitment');
  if (!meansWaived && !atLeast(elements.means, 'medium')) missing.push('means');
  const anyStrong = reasons.some((r) => r.strength === 'strong');
  const weight = reasons.reduce((sum, r) => sum + RANK[r.strength], 0);
  const concern: ConcernLevel = missing.length === 0 && anyStrong ? 'clear' : weight >= 3 ? 'possible' : 'none';
  if (concern === 'clear') missing.length = 0;

  const formCounts = new Map<ExploitationForm, number>();
  for (const i of yes) for (const f of i.forms) formCounts.set(f, (formCounts.get(f) ?? 0) + RANK[i.strength]);
  const forms = [...formCounts].sort((a, b) => b[1] - a[1] || EXPLOITATION_FORMS.indexOf(a[0]) - EXPLOITATION_FORMS.indexOf(b[0])).map(([f]) => f);
  const unanswered = applicable.filter((i) => (given.get(i.code) ?? 'unknown') === 'unknown').map((i) => i.code);
  // Some signs but unanswered questions: ask them before deciding there is nothing to do.
  const worthAsking = concern === 'possible' || (weight > 0 && unanswered.length > 0);
  const nextStep: NextStep = concern === 'clear' ? 'refer_for_identification' : worthAsking ? 'gather_information' : 'no_further_action';
  return { concern, nextStep, elements, reasons, missing: concern === 'clear' ? [] : missing, forms, unanswered, meansWaived };
}
