import { describe, expect, it } from 'vitest';
import { COUNSELLING_LABELS } from '../../../src/domain/helpline/taxonomy-labels-counselling.data';
import { PROTECTION_LABELS } from '../../../src/domain/helpline/taxonomy-labels-protection.data';
import { TAXONOMY_LABEL_LANGUAGES, TAXONOMY_LABELS } from '../../../src/domain/helpline/taxonomy-labels.data';
import { REGIONAL_TAXONOMY } from '../../../src/domain/helpline/taxonomy.data';

/** Every regional group and code with its English label. */
const ENGLISH = new Map<string, string>(REGIONAL_TAXONOMY.flatMap((g) => [[g.code, g.label] as const, ...g.codes]));

/** Labels that may equal the English one: the term is used as is in that language. */
const SAME_AS_ENGLISH = new Set([
  'ro:VIOLENCE.BULLYING', // Romanian law (Legea 221/2019) and practice use "bullying".
]);

const GREEK = /[\u0370-\u03FF\u1F00-\u1FFF]/;
const CYRILLIC = /[\u0400-\u04FF]/;

describe('the labels of the shipped regional taxonomy', () => {
  it('label every regional group and code, and nothing else', () => {
    expect(ENGLISH.size).toBeGreaterThan(70);
    expect(Object.keys(TAXONOMY_LABELS).sort()).toEqual([...ENGLISH.keys()].sort());
    // The two group files do not overlap (a duplicate would silently win in the merge).
    for (const code of Object.keys(PROTECTION_LABELS)) expect(COUNSELLING_LABELS, code).not.toHaveProperty([code]);
  });

  it('have a non-empty label in all nine interface languages', () => {
    expect(TAXONOMY_LABEL_LANGUAGES).toEqual(['el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru']);
    for (const [code, en] of ENGLISH) {
      expect(en.trim(), `${code} en`).not.toBe('');
      const labels = TAXONOMY_LABELS[code] ?? {};
      expect(Object.keys(labels).sort(), code).toEqual([...TAXONOMY_LABEL_LANGUAGES].sort());
      for (const lang of TAXONOMY_LABEL_LANGUAGES) {
        const label = labels[lang] ?? '';
        expect(label.trim(), `${code} ${lang}`).not.toBe('');
        expect(label, `${code} ${lang}: no stray spaces`).toBe(label.trim().replace(/\s{2,}/g, ' '));
      }
    }
  });

  it('are translated, not copied from English', () => {
    for (const [code, en] of ENGLISH) {
      for (const lang of TAXONOMY_LABEL_LANGUAGES) {
        const same = TAXONOMY_LABELS[code]?.[lang]?.toLocaleLowerCase() === en.toLocaleLowerCase();
        expect(same, `${lang}:${code}`).toBe(SAME_AS_ENGLISH.has(`${lang}:${code}`));
      }
    }
  });

  it('are written in the script of each language (Serbian in Latin)', () => {
    for (const [code, labels] of Object.entries(TAXONOMY_LABELS)) {
      expect(labels.el, `${code} el`).toMatch(GREEK);
      for (const lang of ['bg', 'uk', 'ru'] as const) expect(labels[lang], `${code} ${lang}`).toMatch(CYRILLIC);
      for (const lang of ['ro', 'sl', 'sr', 'hu'] as const) {
        expect(labels[lang], `${code} ${lang}`).not.toMatch(CYRILLIC);
        expect(labels[lang], `${code} ${lang}`).not.toMatch(GREEK);
      }
      // No Latin look-alikes mixed into Cyrillic words (e.g. a Latin "o" in "Насилие").
      for (const lang of ['bg', 'uk', 'ru'] as const) expect(labels[lang], `${code} ${lang}`).not.toMatch(/[\u0400-\u04FF][a-z]|[a-z][\u0400-\u04FF]/i);
      expect(labels.el, `${code} el`).not.toMatch(/[\u0370-\u03FF][a-z]|[a-z][\u0370-\u03FF]/i);
    }
  });
});
