import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEventKind, PersonView, TaskView } from '../../../api/cases.schemas';
import { AGE_BANDS } from '../../../domain/cases/age';
import { CASE_CLOSURE_REASONS, CASE_PRIORITIES, CASE_STATUSES, type CasePriority, type CaseStatus } from '../../../domain/cases/case-workflow';
import { ANSWERS, CONCERN_LEVELS, EXPLOITATION_FORMS, INDICATOR_ELEMENTS, INDICATOR_STRENGTHS, type ConcernLevel } from '../../../domain/cases/screening';

/** True only when the two unions hold the same members. */
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

/*
 * Enumerations defined next to zod schemas in src/api/cases.schemas.ts, repeated so that zod stays out
 * of the browser bundle, and checked against the contract's types at compile time.
 */
export const PERSON_ROLES = ['potential_victim', 'relative_guardian', 'suspected_perpetrator'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const TRAFFICKING_STATUSES = ['possible', 'identified', 'not_victim'] as const;
export const CONSENT_GIVERS = ['child', 'guardian', 'legal_representative'] as const;
export const TASK_KINDS = ['task', 'follow_up'] as const;
export const DOCUMENT_KINDS = ['identity', 'consent', 'assessment', 'report', 'correspondence', 'other'] as const;
export const NEXT_STEPS = ['no_further_action', 'gather_information', 'refer_for_identification'] as const;

const rolesSame: Same<(typeof PERSON_ROLES)[number], PersonView['role']> = true;
const gendersSame: Same<(typeof GENDERS)[number], NonNullable<PersonView['gender']>> = true;
const statusesSame: Same<(typeof TRAFFICKING_STATUSES)[number], NonNullable<PersonView['traffickingStatus']>> = true;
const kindsSame: Same<(typeof TASK_KINDS)[number], TaskView['kind']> = true;
void [rolesSame, gendersSame, statusesSame, kindsSame];

/** The coded value lists of cases that have labels under `cases.values.<list>` in the catalogue. */
const LISTS = {
  status: CASE_STATUSES,
  priority: CASE_PRIORITIES,
  concern: CONCERN_LEVELS,
  form: EXPLOITATION_FORMS,
  closureReason: CASE_CLOSURE_REASONS,
  gender: GENDERS,
  personRole: PERSON_ROLES,
  traffickingStatus: TRAFFICKING_STATUSES,
  consentGiver: CONSENT_GIVERS,
  taskKind: TASK_KINDS,
  documentKind: DOCUMENT_KINDS,
  element: INDICATOR_ELEMENTS,
  strength: INDICATOR_STRENGTHS,
  answer: ANSWERS,
  nextStep: NEXT_STEPS,
  origin: ['contact', 'direct', 'handoff'],
  via: ['scope', 'break_glass', 'referral', 'handoff'],
} as const;
export type CaseList = keyof typeof LISTS;

/** Colours of statuses, priorities and concern levels; every badge also carries its text. */
export const STATUS_COLOURS: Record<CaseStatus, string> = { open: 'blue', active: 'teal', referred: 'violet', monitoring: 'yellow', closed: 'gray' };
export const PRIORITY_COLOURS: Record<CasePriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const CONCERN_COLOURS: Record<ConcernLevel, string> = { none: 'gray', possible: 'orange', clear: 'red' };

/** Labels and options of the cases' coded values in the interface language. */
export interface CaseLabels {
  label: (list: CaseList, value: string | null | undefined) => string;
  options: (list: CaseList) => { value: string; label: string }[];
  ageBand: (band: string) => string;
  ageBandOptions: { value: string; label: string }[];
  /** The sentence of a timeline entry. */
  event: (kind: CaseEventKind, actor: string) => string;
}

/** Translated labels of statuses, priorities, concern levels, forms, roles, kinds, answers and timeline entries. */
export function useCaseLabels(): CaseLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (list: CaseList, value: string | null | undefined) => (value ? t(`cases.values.${list}.${value}`, { defaultValue: value }) : '—');
    const ageBand = (band: string) => (band === 'unknown' ? t('cases.person.ageUnknown') : t('cases.person.ageBandYears', { band }));
    return {
      label,
      options: (list) => LISTS[list].map((value) => ({ value, label: label(list, value) })),
      ageBand,
      ageBandOptions: AGE_BANDS.map((value) => ({ value, label: ageBand(value) })),
      event: (kind, actor) => t(`cases.events.${kind}`, { actor, defaultValue: kind }),
    };
  }, [t]);
}
