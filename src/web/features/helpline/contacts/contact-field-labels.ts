import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIONS,
  CALLER_AGE_BANDS,
  CALLER_FLAGS,
  CALLER_TYPES,
  CHANNELS,
  CHILD_AGE_BANDS,
  CONTACT_SOURCES,
  CONTACT_STATUSES,
  GENDERS,
  INFORMATION_TOPICS,
  NON_DATA_TYPES,
  OUTCOMES,
  PROFESSIONAL_SECTORS,
} from '../../../../domain/helpline/contact-fields';
import { formatLocale } from '../../../i18n';

/** The coded fields of a contact and the catalogue group of their labels (contactFields.<group>.<value>). */
const CODED = {
  channel: CHANNELS,
  status: CONTACT_STATUSES,
  source: CONTACT_SOURCES,
  callerType: CALLER_TYPES,
  sector: PROFESSIONAL_SECTORS,
  callerAgeBand: CALLER_AGE_BANDS,
  childAgeBand: CHILD_AGE_BANDS,
  gender: GENDERS,
  informationTopic: INFORMATION_TOPICS,
  action: ACTIONS,
  outcome: OUTCOMES,
  nonDataType: NON_DATA_TYPES,
  callerFlag: CALLER_FLAGS,
  direction: ['inbound', 'outbound'],
  review: ['approved', 'needs_changes'],
} as const;

export type CodedField = keyof typeof CODED;

/** Languages offered for the language of a contact: the region's, then the usual languages of migrants. */
export const CONTACT_LANGUAGES = ['el', 'bg', 'ro', 'sl', 'sr', 'hr', 'bs', 'mk', 'sq', 'hu', 'uk', 'ru', 'tr', 'en', 'de', 'fr', 'it', 'ar', 'fa', 'ps', 'ur', 'rom'] as const;

/** Translated labels and select options of the coded contact fields. */
export interface ContactFieldLabels {
  /** The label of one value, e.g. label('channel', 'phone'); an em dash for none. */
  label: (field: CodedField, value: string | null | undefined) => string;
  /** Options for a Select, MultiSelect or Chip group. */
  options: (field: CodedField) => { value: string; label: string }[];
  /** A language code's name in the interface language. */
  language: (code: string | null | undefined) => string;
  languageOptions: { value: string; label: string }[];
  /** Handle time as m:ss or h:mm:ss. */
  duration: (seconds: number | null | undefined) => string;
}

/** Format seconds as m:ss, or h:mm:ss from one hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes).padStart(2, '0')}:${rest}`;
}

/** Labels of the contact fields in the interface language. */
export function useContactFieldLabels(): ContactFieldLabels {
  const { t, i18n } = useTranslation();
  const tag = formatLocale(i18n.resolvedLanguage ?? i18n.language ?? 'en');
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'language' });
    } catch {
      names = null;
    }
    const language = (code: string | null | undefined) => {
      if (!code) return '—';
      const name = code === 'rom' ? null : names?.of(code);
      return name && name !== code ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : code === 'rom' ? t('contactFields.romani') : code;
    };
    const label = (field: CodedField, value: string | null | undefined) => (value ? t(`contactFields.${field}.${value}`) : '—');
    return {
      label,
      options: (field) => CODED[field].map((value) => ({ value, label: label(field, value) })),
      language,
      languageOptions: CONTACT_LANGUAGES.map((code) => ({ value: code, label: language(code) })),
      duration: (seconds) => (seconds === null || seconds === undefined ? '—' : formatDuration(seconds)),
    };
  }, [t, tag]);
}
