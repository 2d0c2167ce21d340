import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS } from '../../../domain/cases/age';
import { HANDOFF_STATUSES } from '../../../domain/cases/handoff-workflow';
import { REFERRAL_STATUSES } from '../../../domain/cases/referral-workflow';
import { CONCERN_LEVELS, EXPLOITATION_FORMS } from '../../../domain/cases/screening';
import { NRM_STAGES } from '../../../domain/knowledge/knowledge-fields';
import { ApiError } from '../../api/client';
import { LANGUAGE_NAMES } from '../../i18n';
import { LOCALES } from '../../lib/enums';
import type { PersonView } from './referrals-api';

/** Coded value lists with labels in the `referrals` catalogue. */
const LISTS = {
  status: REFERRAL_STATUSES,
  handoffStatus: HANDOFF_STATUSES,
  urgency: ['normal', 'urgent'],
  concern: CONCERN_LEVELS,
  forms: EXPLOITATION_FORMS,
  ageBand: AGE_BANDS,
} as const;
export type ReferralList = keyof typeof LISTS;

/** Error codes of referrals and hand-offs with an explanation of their own in the `referrals` catalogue. */
export const EXPLAINED_CODES = [
  'CONSENT_REQUIRED',
  'REASON_REQUIRED',
  'FORBIDDEN',
  'REFERRAL_TRANSITION_NOT_ALLOWED',
  'HANDOFF_TRANSITION_NOT_ALLOWED',
  'HANDOFF_DESK_UNKNOWN',
  'HANDOFF_SAME_COUNTRY',
  'CASE_ACCESS_DENIED',
  'REFERRAL_NOT_FOUND',
  'HANDOFF_NOT_FOUND',
  'PATHWAY_NOT_FOUND',
  'PATHWAY_VERSION_CONFLICT',
  'REFERRAL_ACTOR_NOT_FOUND',
  'VERSION_CONFLICT',
] as const;

/** Labels of the referral screens' coded values in the interface language. */
export interface ReferralLabels {
  label: (list: ReferralList, value: string) => string;
  options: (list: ReferralList) => { value: string; label: string }[];
  stage: (stage: string) => string;
  stageOptions: { value: string; label: string }[];
  kind: (kind: string) => string;
  gender: (gender: string | null) => string;
  language: (lang: string) => string;
  languageOptions: { value: string; label: string }[];
  /** A person in one line: name where the reader may see it, else age band and gender. */
  person: (p: Pick<PersonView, 'givenName' | 'familyName' | 'ageYears' | 'ageBand' | 'gender' | 'presumedMinor'> & { alias?: string | null }) => string;
  /** A headline that explains a refusal by its code, or null when the code has none. */
  errorExplanation: (error: unknown) => { title: string; text: string } | null;
}

/** Labels of statuses, urgency, stages, concern levels, forms, age bands and explained error codes. */
export function useReferralLabels(): ReferralLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (list: ReferralList, value: string) => t(`referrals.${list}.${value}`);
    const stage = (s: string) => t(`knowledge.stage.${s}`);
    const gender = (g: string | null) => (g ? t(`referrals.gender.${g}`) : '—');
    return {
      label,
      options: (list) => LISTS[list].map((value) => ({ value, label: label(list, value) })),
      stage,
      stageOptions: NRM_STAGES.map((value) => ({ value, label: stage(value) })),
      kind: (k) => t(`knowledge.directoryKind.${k}`, { defaultValue: k }),
      gender,
      language: (lang) => LANGUAGE_NAMES[lang as (typeof LOCALES)[number]] ?? lang.toUpperCase(),
      languageOptions: LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })),
      person: (p) => {
        const name = [p.givenName, p.familyName].filter(Boolean).join(' ') || p.alias || '';
        const age = p.ageYears !== null ? t('referrals.person.years', { years: p.ageYears }) : label('ageBand', p.ageBand);
        const facts = [age, p.gender ? gender(p.gender) : null, p.presumedMinor ? t('referrals.person.presumedMinor') : null].filter(Boolean).join(', ');
        return name ? `${name} (${facts})` : t('referrals.person.unnamed', { facts });
      },
      errorExplanation: (error) => {
        if (!(error instanceof ApiError)) return null;
        const code = error.code === 'CASE_VERSION_CONFLICT' || error.code === 'RECORD_VERSION_CONFLICT' || error.code === 'CONFLICT' ? 'VERSION_CONFLICT' : error.code;
        if (!(EXPLAINED_CODES as readonly string[]).includes(code)) return null;
        return { title: t(`referrals.errors.${code}.title`), text: t(`referrals.errors.${code}.text`) };
      },
    };
  }, [t]);
}
