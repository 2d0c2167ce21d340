import { describe, expect, it } from 'vitest';
import { checkCategories, checkCodeEdit, hasThbCategory, indexCodes, isGroup, resolveRegionalCode, type TaxonomyCode } from '../../../src/domain/helpline/taxonomy';

const code = (c: string, over: Partial<TaxonomyCode> = {}): TaxonomyCode => ({
  code: c,
  parentCode: c.includes('.') ? c.slice(0, c.lastIndexOf('.')) : null,
  module: c.startsWith('THB') ? 'thb' : 'chi',
  countryCode: null,
  mapsTo: null,
  labels: { en: c },
  sort: 0,
  active: true,
  ...over,
});

const CODES: TaxonomyCode[] = [
  code('THB'),
  code('THB.LABOUR'),
  code('THB.SEXUAL'),
  code('VIOLENCE'),
  code('VIOLENCE.BULLYING'),
  code('VIOLENCE.OLD', { active: false }),
  code('THB.LABOUR.GR_SEASONAL', { countryCode: 'GR', mapsTo: 'THB.LABOUR' }),
  code('VIOLENCE.BULLYING.RO_SCHOOL', { countryCode: 'RO', mapsTo: 'VIOLENCE.BULLYING' }),
];
const index = indexCodes(CODES);

describe('checkCategories', () => {
  it('accepts regional leaf codes and the desk’s own local sub-codes', () => {
    expect(checkCategories(index, ['THB.LABOUR', 'VIOLENCE.BULLYING'], 'GR')).toEqual([]);
    expect(checkCategories(index, ['THB.LABOUR.GR_SEASONAL'], 'GR')).toEqual([]);
  });

  it('names unknown, inactive, foreign and group codes', () => {
    expect(checkCategories(index, ['NOPE.CODE'], 'GR')).toEqual(['NOPE.CODE is not in this taxonomy version']);
    expect(checkCategories(index, ['VIOLENCE.OLD'], 'GR')).toEqual(['VIOLENCE.OLD is no longer in use']);
    expect(checkCategories(index, ['VIOLENCE.BULLYING.RO_SCHOOL'], 'GR')).toEqual(["VIOLENCE.BULLYING.RO_SCHOOL belongs to another country's desk"]);
    expect(checkCategories(index, ['VIOLENCE.BULLYING.RO_SCHOOL'], 'RO')).toEqual([]);
    expect(checkCategories(index, ['THB'], 'GR')).toEqual(['THB is a group: choose one of its categories']);
  });

  it('refuses a category listed twice', () => {
    expect(checkCategories(index, ['THB.LABOUR', 'THB.LABOUR'], 'GR')).toEqual(['a category is listed twice']);
  });

  it('keeps a refined regional code choosable (a local sub-code does not make it a group)', () => {
    expect(isGroup(CODES, 'THB.LABOUR')).toBe(false);
    expect(isGroup(CODES, 'THB')).toBe(true);
  });
});

describe('THB detection and regional mapping', () => {
  it('finds THB through a local sub-code’s mapsTo', () => {
    expect(resolveRegionalCode(index, 'THB.LABOUR.GR_SEASONAL')).toBe('THB.LABOUR');
    expect(resolveRegionalCode(index, 'VIOLENCE.BULLYING')).toBe('VIOLENCE.BULLYING');
    expect(resolveRegionalCode(index, 'NOPE')).toBeNull();
    expect(hasThbCategory(index, ['VIOLENCE.BULLYING', 'THB.LABOUR.GR_SEASONAL'])).toBe(true);
    expect(hasThbCategory(index, ['VIOLENCE.BULLYING.RO_SCHOOL'])).toBe(false);
    expect(hasThbCategory(index, ['NOPE'])).toBe(false);
  });

  it('goes by the mapped code’s module, not the code’s name', () => {
    const odd = indexCodes([...CODES, code('LOCAL.X', { parentCode: null, countryCode: 'GR', mapsTo: 'THB.SEXUAL', module: 'thb' })]);
    expect(hasThbCategory(odd, ['LOCAL.X'])).toBe(true);
  });
});

describe('checkCodeEdit', () => {
  const local = (over: Partial<TaxonomyCode> = {}) => code('THB.LABOUR.GR_FISHING', { countryCode: 'GR', mapsTo: 'THB.LABOUR', ...over });

  it('accepts a well-formed local sub-code and a regional code', () => {
    expect(checkCodeEdit(index, local())).toEqual([]);
    expect(checkCodeEdit(index, code('THB.ONLINE'))).toEqual([]);
  });

  it('refuses bad code text, a missing English label and an unknown parent', () => {
    expect(checkCodeEdit(index, local({ code: 'thb.labour.x' }))).toContain('codes are upper-case segments separated by dots');
    expect(checkCodeEdit(index, local({ labels: { el: 'Μόνο ελληνικά' } }))).toContain('an English label is required');
    expect(checkCodeEdit(index, local({ labels: { en: '   ' } }))).toContain('an English label is required');
    expect(checkCodeEdit(index, code('MISSING.RUNAWAY', { parentCode: 'MISSING' }))).toEqual(['parent MISSING does not exist']);
    expect(checkCodeEdit(index, code('VIOLENCE.X', { parentCode: 'THB' }))).toEqual(['a code starts with its parent code']);
  });

  it('makes local sub-codes map onto a regional code of the same module', () => {
    expect(checkCodeEdit(index, local({ mapsTo: null }))).toEqual(['a local sub-code must map onto a regional code']);
    expect(checkCodeEdit(index, local({ mapsTo: 'THB.LABOUR.GR_SEASONAL' }))).toEqual(['THB.LABOUR.GR_SEASONAL is not a regional code']);
    expect(checkCodeEdit(index, local({ mapsTo: 'NOPE' }))).toEqual(['NOPE is not a regional code']);
    expect(checkCodeEdit(index, local({ mapsTo: 'VIOLENCE.BULLYING' }))).toEqual(['a local sub-code keeps the module of the code it maps onto']);
  });

  it('lets only local sub-codes map onto another code', () => {
    expect(checkCodeEdit(index, code('THB.ONLINE', { mapsTo: 'THB.LABOUR' }))).toEqual(['only local sub-codes map onto another code']);
  });
});
