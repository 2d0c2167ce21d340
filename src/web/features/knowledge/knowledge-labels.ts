import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ARTICLE_TYPES,
  AUDIENCES,
  DIRECTORY_KINDS,
  INSTRUMENT_KINDS,
  INSTRUMENT_STATUSES,
  KB_LANGUAGES,
  NRM_STAGES,
  TRANSLATION_STATUSES,
  type KbLanguage,
} from '../../../domain/knowledge/knowledge-fields';
import { LANGUAGE_NAMES } from '../../i18n';

/** The coded value lists of the knowledge base that have labels in the `knowledge` catalogue. */
const LISTS = {
  type: ARTICLE_TYPES,
  audience: AUDIENCES,
  status: TRANSLATION_STATUSES,
  instrumentKind: INSTRUMENT_KINDS,
  instrumentStatus: INSTRUMENT_STATUSES,
  directoryKind: DIRECTORY_KINDS,
  stage: NRM_STAGES,
} as const;
export type KnowledgeList = keyof typeof LISTS;

/** Colours of a translation's status (with dark text, for contrast). */
export const STATUS_COLOURS = { draft: 'yellow', in_review: 'blue', published: 'green', archived: 'gray' } as const;

/** Labels and select options of the knowledge base's coded values in the interface language. */
export interface KnowledgeLabels {
  label: (list: KnowledgeList, value: string) => string;
  options: (list: KnowledgeList) => { value: string; label: string }[];
  /** A language named in itself (as in the language switcher). */
  language: (lang: string) => string;
  languageOptions: { value: KbLanguage; label: string }[];
}

/** Translated labels of article types, audiences, statuses, instrument kinds, directory kinds and NRM stages. */
export function useKnowledgeLabels(): KnowledgeLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (list: KnowledgeList, value: string) => t(`knowledge.${list}.${value}`);
    return {
      label,
      options: (list) => LISTS[list].map((value) => ({ value, label: label(list, value) })),
      language: (lang) => LANGUAGE_NAMES[lang as KbLanguage] ?? lang,
      languageOptions: KB_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })),
    };
  }, [t]);
}

/** The title of an article in the language, else English, else the first translation's. */
export function titleIn(item: { slug: string; translations: readonly { lang: string; title: string }[] }, lang: string): string {
  const pick = item.translations.find((tr) => tr.lang === lang) ?? item.translations.find((tr) => tr.lang === 'en') ?? item.translations[0];
  return pick?.title ?? item.slug;
}
