import type { KbLanguage } from './knowledge-fields';

/**
 * Text normalisation for knowledge search: PostgreSQL text-search configurations per language, accent
 * folding, Serbian Cyrillic -> Latin transliteration, and splitting a query into words. Pure functions,
 * used on both sides (what is indexed and what is searched) so they always agree.
 */

/**
 * The PostgreSQL text-search configuration of each language. Bulgarian, Slovenian and Ukrainian have no
 * Snowball stemmer in PostgreSQL: they are indexed with `simple` over accent-folded text. The `serbian`
 * stemmer reads both scripts and stems to Latin.
 */
export const SEARCH_CONFIG: Record<KbLanguage, 'english' | 'greek' | 'romanian' | 'serbian' | 'russian' | 'hungarian' | 'simple'> = {
  en: 'english',
  el: 'greek',
  bg: 'simple',
  ro: 'romanian',
  sl: 'simple',
  sr: 'serbian',
  uk: 'simple',
  hu: 'hungarian',
  ru: 'russian',
};

/** The distinct configurations, for building one query that covers every language. */
export const SEARCH_CONFIGS = [...new Set(Object.values(SEARCH_CONFIG))];

/** True when a language is indexed over folded text with the `simple` configuration. */
export function usesFoldedIndex(lang: KbLanguage): boolean {
  return SEARCH_CONFIG[lang] === 'simple';
}

// Serbian Cyrillic (Vuk's alphabet) to Gaj's Latin alphabet.
const SERBIAN_CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj',
  м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č',
  џ: 'dž', ш: 'š',
};
const SERBIAN_ONLY = /[ђјљњћџЂЈЉЊЋЏ]/;

/** Transliterate Serbian Cyrillic to Latin (other characters unchanged; case kept for single letters). */
export function transliterateSerbian(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = SERBIAN_CYRILLIC[lower];
    if (latin === undefined) out += ch;
    else if (lower === ch) out += latin;
    else out += latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** True when the text contains letters only Serbian (not Russian, Bulgarian or Ukrainian) Cyrillic uses. */
export function looksSerbianCyrillic(text: string): boolean {
  return SERBIAN_ONLY.test(text);
}

/**
 * Lower-case and strip diacritics (NFD, drop combining marks): "Ščepanović" -> "scepanovic",
 * "Μηχανισμός" -> "μηχανισμος", "й" -> "и". `đ` is folded to `dj` as Serbian and Croatian users type it.
 */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('đ', 'dj')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * The folded form a language is indexed and matched in: accents folded, and Serbian transliterated to
 * Latin so either script finds the other.
 */
export function foldForLanguage(text: string, lang: KbLanguage): string {
  return foldAccents(lang === 'sr' ? transliterateSerbian(text) : text);
}

/** Words of a text: runs of letters or digits, folded, 2..40 characters. */
export function splitWords(folded: string): string[] {
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2 && w.length <= 40);
}

/** The folded words of a text for the typo-tolerance lexicon (distinct, at least 4 letters). */
export function listLexiconWords(text: string, lang: KbLanguage): string[] {
  return [...new Set(splitWords(foldForLanguage(text, lang)).filter((w) => w.length >= 4 && !/^\d+$/.test(w)))];
}

/** A parsed search query: the words to match (each with its variants), at most eight words. */
export interface ParsedQuery {
  /** Folded words as typed. */
  words: string[];
  /** For each word, the spellings to try: itself and, for Cyrillic, its Serbian Latin transliteration. */
  variants: string[][];
}

/** Parse a free-text query: fold, split into words, add a Latin variant to Cyrillic words. */
export function parseQuery(query: string): ParsedQuery {
  const words = [...new Set(splitWords(foldAccents(query.slice(0, 200))))].slice(0, 8);
  const variants = words.map((w) => {
    const latin = foldAccents(transliterateSerbian(w));
    return latin === w ? [w] : [w, latin];
  });
  return { words, variants };
}
