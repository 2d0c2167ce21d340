import type { KbLanguage } from './knowledge-fields';
import { foldAccents, transliterateSerbian } from './search-text';

/**
 * Article slugs: lower-case Latin words joined by hyphens, derived from a title in any of the knowledge
 * base's languages (Greek and Cyrillic transliterated). Pure functions.
 */

// Greek (accents already folded) to Latin, after ELOT 743 in its simple form.
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

// Russian, Bulgarian and Ukrainian Cyrillic (after folding, й is и and ё is е) to Latin.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'sht', ъ: 'a', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Where Russian and Ukrainian differ from the Bulgarian-based table above.
const CYRILLIC_BY_LANGUAGE: Partial<Record<KbLanguage, Record<string, string>>> = {
  ru: { щ: 'shch', ъ: '' },
  uk: { г: 'h', и: 'y', щ: 'shch' },
};

/** The longest slug derived from a title. */
export const MAX_DERIVED_SLUG_LENGTH = 80;

/** Transliterate Greek and Cyrillic letters to Latin (Serbian Cyrillic by Serbian rules); accents folded. */
export function transliterateToLatin(text: string, lang: KbLanguage): string {
  const folded = foldAccents(lang === 'sr' ? transliterateSerbian(text) : text);
  let out = '';
  const overrides = CYRILLIC_BY_LANGUAGE[lang] ?? {};
  for (const ch of folded) out += GREEK[ch] ?? overrides[ch] ?? CYRILLIC[ch] ?? ch;
  return out;
}

/**
 * A slug from a title: transliterated, lower-case, words of letters and digits joined by hyphens, at most
 * MAX_DERIVED_SLUG_LENGTH characters (cut at a word). `article` when nothing usable remains.
 */
export function deriveSlug(title: string, lang: KbLanguage): string {
  const words = transliterateToLatin(title, lang)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_DERIVED_SLUG_LENGTH) break;
    slug = next;
  }
  if (!slug && words.length) slug = words[0]!.slice(0, MAX_DERIVED_SLUG_LENGTH);
  return slug.length >= 2 ? slug : 'article';
}
