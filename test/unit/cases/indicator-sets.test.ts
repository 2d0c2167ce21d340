import { describe, expect, it } from 'vitest';
import { indicatorSetInputSchema } from '../../../src/api/cases.schemas';
import { INDICATOR_SETS_SEED } from '../../../src/db/seed/indicator-sets.data';
import { assessScreening, INDICATOR_ELEMENTS, type IndicatorSet } from '../../../src/domain/cases/screening';
import { assertUniqueCodes, pickText } from '../../../src/services/indicator-set.service';

const setOf = (key: string): IndicatorSet => {
  const s = INDICATOR_SETS_SEED.find((x) => x.key === key)!;
  return { key: s.key, version: 1, indicators: s.indicators };
};
const yes = (...codes: string[]) => codes.map((code) => ({ code, answer: 'yes' as const }));

describe('seeded indicator sets', () => {
  it('are a child set and a general set that pass the API contract', () => {
    expect(INDICATOR_SETS_SEED.map((s) => [s.key, s.audience])).toEqual([
      ['child-thb', 'child'],
      ['general-thb', 'general'],
    ]);
    for (const s of INDICATOR_SETS_SEED) {
      expect(indicatorSetInputSchema.safeParse(s).success).toBe(true);
      expect(() => assertUniqueCodes(s.indicators)).not.toThrow();
      expect(s.indicators.length).toBeGreaterThanOrEqual(20);
      expect(s.indicators.length).toBeLessThanOrEqual(32);
      expect(s.source).toMatch(/reviewed/);
      for (const e of INDICATOR_ELEMENTS) expect(s.indicators.some((i) => i.element === e)).toBe(true);
      for (const i of s.indicators) {
        expect(i.labels.en!.length).toBeGreaterThan(10);
        expect(i.help.en).toBeTruthy();
      }
    }
  });

  it('let a child screening reach a clear concern without means', () => {
    const r = assessScreening(setOf('child-thb'), yes('C-EXP-03', 'C-REC-01'), true);
    expect(r).toMatchObject({ concern: 'clear', nextStep: 'refer_for_identification', meansWaived: true, missing: [] });
    expect(r.forms).toEqual(['labour']);
  });

  it('keep an adult at "possible" until means are present', () => {
    const set = setOf('general-thb');
    const without = assessScreening(set, yes('G-EXP-02', 'G-REC-01'), false);
    expect(without).toMatchObject({ concern: 'possible', missing: ['means'], meansWaived: false });
    expect(assessScreening(set, yes('G-EXP-02', 'G-REC-01', 'G-MEA-04'), false).concern).toBe('clear');
  });

  it('reads weak signs alone as no more than "possible"', () => {
    expect(assessScreening(setOf('child-thb'), yes('C-VUL-03'), true).concern).toBe('none');
    expect(assessScreening(setOf('child-thb'), yes('C-VUL-03', 'C-VUL-01'), true).concern).toBe('possible');
  });
});

describe('indicator set helpers', () => {
  it('fall back to English for labels', () => {
    expect(pickText({ en: 'Moved', el: 'Μετακινήθηκε' }, 'el')).toBe('Μετακινήθηκε');
    expect(pickText({ en: 'Moved' }, 'ro')).toBe('Moved');
    expect(pickText(undefined, 'ro')).toBeNull();
  });

  it('refuse repeated codes', () => {
    expect(() => assertUniqueCodes([{ code: 'A' }, { code: 'B' }, { code: 'A' }])).toThrow(/unique/);
  });
});
