import { describe, expect, it } from 'vitest';
import { assessScreening, listApplicableIndicators, type IndicatorAnswer, type IndicatorSet } from '../../../src/domain/cases/screening';

/** A small invented set: enough to exercise every rule. */
const SET: IndicatorSet = {
  key: 'test-set',
  version: 1,
  indicators: [
    { code: 'R_STRONG', element: 'recruitment', strength: 'strong', appliesTo: 'all', forms: ['labour'] },
    { code: 'R_MED', element: 'recruitment', strength: 'medium', appliesTo: 'all', forms: [] },
    { code: 'E_STRONG', element: 'exploitation', strength: 'strong', appliesTo: 'all', forms: ['sexual'] },
    { code: 'E_MED', element: 'exploitation', strength: 'medium', appliesTo: 'all', forms: ['begging'] },
    { code: 'E_WEAK', element: 'exploitation', strength: 'weak', appliesTo: 'all', forms: ['begging'] },
    { code: 'M_MED', element: 'means', strength: 'medium', appliesTo: 'adult', forms: [] },
    { code: 'M_CHILD', element: 'means', strength: 'strong', appliesTo: 'child', forms: [] },
    { code: 'V_WEAK', element: 'vulnerability', strength: 'weak', appliesTo: 'all', forms: [] },
  ],
};
const yes = (...codes: string[]): IndicatorAnswer[] => codes.map((code) => ({ code, answer: 'yes' as const }));

describe('indicator screening', () => {
  it('is clear for a child with recruitment and exploitation: means are not required', () => {
    const r = assessScreening(SET, yes('R_MED', 'E_STRONG'), true);
    expect(r.concern).toBe('clear');
    expect(r.meansWaived).toBe(true);
    expect(r.nextStep).toBe('refer_for_identification');
    expect(r.missing).toEqual([]);
    expect(r.reasons.map((x) => x.code)).toEqual(['E_STRONG', 'R_MED']);
    expect(r.forms).toEqual(['sexual']);
  });

  it('needs means for an adult, and says so', () => {
    const r = assessScreening(SET, yes('R_MED', 'E_STRONG'), false);
    expect(r.concern).toBe('possible');
    expect(r.missing).toEqual(['means']);
    expect(r.nextStep).toBe('gather_information');
    expect(assessScreening(SET, yes('R_MED', 'E_STRONG', 'M_MED'), false).concern).toBe('clear');
  });

  it('accepts a strong exploitation sign without recruitment, but needs one strong answer for clear', () => {
    expect(assessScreening(SET, yes('E_STRONG'), true).concern).toBe('clear');
    const medium = assessScreening(SET, yes('R_MED', 'E_MED'), true);
    expect(medium.concern).toBe('possible');
    expect(medium.missing).toEqual([]);
  });

  it('weighs the answers for a possible concern: weak 1, medium 2, strong 3', () => {
    expect(assessScreening(SET, yes('E_WEAK', 'V_WEAK'), true).concern).toBe('none');
    expect(assessScreening(SET, yes('E_WEAK', 'V_WEAK', 'E_MED'), true).concern).toBe('possible');
    expect(assessScreening(SET, yes('R_STRONG'), true)).toMatchObject({ concern: 'possible', missing: ['exploitation'] });
  });

  it('is none with no or only negative answers, and asks for unknowns when there are some signs', () => {
    const none = assessScreening(SET, [{ code: 'E_STRONG', answer: 'no' }], true);
    expect(none).toMatchObject({ concern: 'none', nextStep: 'no_further_action', reasons: [] });
    const some = assessScreening(SET, [...yes('V_WEAK'), { code: 'E_STRONG', answer: 'unknown' }], true);
    expect(some).toMatchObject({ concern: 'none', nextStep: 'gather_information' });
    expect(some.unanswered).toContain('E_STRONG');
  });

  it('ignores unknown codes and indicators that do not apply to the person', () => {
    expect(listApplicableIndicators(SET, true).map((i) => i.code)).not.toContain('M_MED');
    expect(listApplicableIndicators(SET, false).map((i) => i.code)).not.toContain('M_CHILD');
    const r = assessScreening(SET, yes('NOT_IN_SET', 'M_MED'), true);
    expect(r.reasons).toEqual([]);
    expect(r.elements.means).toBeNull();
  });

  it('orders the forms by the weight of the answers pointing to them', () => {
    const r = assessScreening(SET, yes('E_MED', 'E_WEAK', 'R_STRONG'), true);
    expect(r.forms).toEqual(['labour', 'begging']);
  });
});
