import { describe, expect, it } from 'vitest';
import { MAX_DERIVED_SLUG_LENGTH, deriveSlug, transliterateToLatin } from '../../../src/domain/knowledge/article-slug';

describe('deriveSlug', () => {
  it('keeps Latin words, lower-cased and joined by hyphens', () => {
    expect(deriveSlug('What is Child Trafficking?', 'en')).toBe('what-is-child-trafficking');
    expect(deriveSlug('  116 000 — the hotline!  ', 'en')).toBe('116-000-the-hotline');
  });

  it('folds accents and Serbian and Romanian letters', () => {
    expect(deriveSlug('Nacionalni mehanizam upućivanja', 'sr')).toBe('nacionalni-mehanizam-upucivanja');
    expect(deriveSlug('Ђорђе и љубав', 'sr')).toBe('djordje-i-ljubav');
    expect(deriveSlug('Oferte de muncă în străinătate', 'ro')).toBe('oferte-de-munca-in-strainatate');
    expect(deriveSlug('Útmutató pedagógusoknak', 'hu')).toBe('utmutato-pedagogusoknak');
  });

  it('transliterates Greek and Cyrillic', () => {
    expect(deriveSlug('Εθνικός Μηχανισμός Παραπομπής', 'el')).toBe('ethnikos-michanismos-parapompis');
    expect(deriveSlug('Какво е трафик на деца?', 'bg')).toBe('kakvo-e-trafik-na-detsa');
    expect(deriveSlug('Що таке гаряча лінія', 'uk')).toBe('shcho-take-haryacha-liniya');
    expect(deriveSlug('Щит и объявление', 'ru')).toBe('shchit-i-obyavlenie');
    expect(transliterateToLatin('ψυχή', 'el')).toBe('psychi');
  });

  it('cuts long titles at a word and never returns an empty or one-letter slug', () => {
    const slug = deriveSlug('word '.repeat(40), 'en');
    expect(slug.length).toBeLessThanOrEqual(MAX_DERIVED_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(deriveSlug('!!!', 'en')).toBe('article');
    expect(deriveSlug('a', 'en')).toBe('article');
    expect(deriveSlug('x'.repeat(200), 'en')).toHaveLength(MAX_DERIVED_SLUG_LENGTH);
    for (const s of [slug, deriveSlug('Εθνικός — Μηχανισμός', 'el')]) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
