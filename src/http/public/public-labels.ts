import type { ArticleType, KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { LATIN_SCRIPT_LABELS } from './public-labels-latin.data';
import { GREEK_CYRILLIC_LABELS } from './public-labels-greek-cyrillic.data';

/** Every text of the public pages' chrome (article content comes from the knowledge base). */
export interface PublicLabels {
  siteTitle: string;
  metaDescription: string;
  skipToContent: string;
  mainNav: string;
  home: string;
  helplines: string;
  search: string;
  searchLabel: string;
  searchButton: string;
  report: string;
  quickExit: string;
  missingChildren: string;
  childHelpline: string;
  thbHotline: string;
  languageLabel: string;
  countryLabel: string;
  allCountries: string;
  regional: string;
  filterButton: string;
  articlesHeading: string;
  helplinesHeading: string;
  helplinesIntro: string;
  noArticles: string;
  noHelplines: string;
  fallbackNotice: string;
  fallbackShown: string;
  alsoIn: string;
  published: string;
  resultsFor: string;
  noResults: string;
  alsoSearchedAs: string;
  enterQuery: string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  aroundTheClock: string;
  hours: string;
  languagesSpoken: string;
  operatedBy: string;
  free: string;
  emergency: string;
  website: string;
  types: Record<ArticleType, string>;
}

const endonyms = new Map<KbLanguage, string>();

/** The name of a language in that language ("Ελληνικά", "Srpski"), as the language switcher shows it. */
export function formatLanguageEndonym(lang: KbLanguage): string {
  let name = endonyms.get(lang);
  if (name === undefined) {
    const tag = htmlLangOf(lang);
    const raw = new Intl.DisplayNames([tag], { type: 'language' }).of(lang) ?? lang;
    name = raw.charAt(0).toLocaleUpperCase(tag) + raw.slice(1);
    endonyms.set(lang, name);
  }
  return name;
}

const LABELS: Record<KbLanguage, PublicLabels> = { ...LATIN_SCRIPT_LABELS, ...GREEK_CYRILLIC_LABELS };

/** The chrome labels of the public pages in a language. */
export function getPublicLabels(lang: KbLanguage): PublicLabels {
  return LABELS[lang];
}

/** The BCP 47 tag of a page language (Serbian pages are in Latin script). */
export function htmlLangOf(lang: KbLanguage): string {
  return lang === 'sr' ? 'sr-Latn' : lang;
}

const regionNames = new Map<KbLanguage, Intl.DisplayNames>();

/** A country's name in the page language (its code when the runtime has no name for it). */
export function formatCountryName(code: string, lang: KbLanguage): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([htmlLangOf(lang), 'en'], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date in the page language ("3 March 2026"). */
export function formatPublicDate(date: Date, lang: KbLanguage): string {
  return new Intl.DateTimeFormat(htmlLangOf(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
