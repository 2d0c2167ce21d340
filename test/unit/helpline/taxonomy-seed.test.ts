import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NON_DATA_TYPES } from '../../../src/domain/helpline/contact-fields';
import { checkCodeEdit, indexCodes, TAXONOMY_MODULES, type TaxonomyCode } from '../../../src/domain/helpline/taxonomy';
import { DEMO_LOCAL_CODES, REGIONAL_TAXONOMY } from '../../../src/domain/helpline/taxonomy.data';

/** The seed as stored codes (as ensureTaxonomy writes version 1). */
const CODES: TaxonomyCode[] = REGIONAL_TAXONOMY.flatMap((g) => [
  { code: g.code, parentCode: null, module: g.module, countryCode: null, mapsTo: null, labels: { en: g.label }, sort: 0, active: true },
  ...g.codes.map(([code, label]) => ({ code, parentCode: g.code, module: g.module, countryCode: null, mapsTo: null, labels: { en: label }, sort: 0, active: true })),
]);
const index = indexCodes(CODES);
const label = (code: string) => index.get(code)?.labels.en ?? '';

describe('the shipped regional taxonomy', () => {
  it('has unique codes, existing parents, English labels and known modules', () => {
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    for (const c of CODES) {
      if (c.parentCode) expect(index.has(c.parentCode), c.code).toBe(true);
      expect(TAXONOMY_MODULES).toContain(c.module);
      expect(checkCodeEdit(index, c), c.code).toEqual([]);
    }
    for (const g of REGIONAL_TAXONOMY) for (const [code] of g.codes) expect(code.startsWith(`${g.code}.`), code).toBe(true);
  });

  it('covers every trafficking form of the case-data standards', () => {
    // ../shared/reference/taxonomy.md: sexual exploitation, forced labour, begging, criminality, forced marriage,
    // domestic servitude, organ removal, illegal adoption, online.
    const forms: [string, RegExp][] = [
      ['sexual exploitation', /sexual exploitation/i],
      ['forced labour', /labour/i],
      ['begging', /begging/i],
      ['criminality', /criminal/i],
      ['forced marriage', /marriage/i],
      ['domestic servitude', /domestic servitude/i],
      ['organ removal', /organs?/i],
      ['illegal adoption', /adoption/i],
      ['online', /online/i],
    ];
    const thb = CODES.filter((c) => c.module === 'thb' && c.parentCode === 'THB');
    for (const [form, re] of forms) expect(thb.filter((c) => re.test(c.labels.en!)).length, form).toBeGreaterThanOrEqual(1);
    const reference = readFileSync(resolve(__dirname, '../../../../shared/reference/taxonomy.md'), 'utf8').replace(/\s+/g, ' ');
    for (const word of ['begging', 'criminality', 'forced marriage', 'domestic servitude', 'organ removal', 'illegal adoption', 'online']) expect(reference).toContain(word);
  });

  it('covers every 116 000 case type', () => {
    // Runaway; parental abduction; criminal abduction; lost, injured or otherwise missing; missing unaccompanied migrant child.
    const missing = CODES.filter((c) => c.module === 'missing' && c.parentCode === 'MISSING');
    expect(missing.map((c) => c.code)).toEqual(expect.arrayContaining(['MISSING.RUNAWAY', 'MISSING.PARENTAL_ABDUCTION', 'MISSING.CRIMINAL_ABDUCTION', 'MISSING.LOST_INJURED', 'MISSING.MIGRANT']));
    expect(label('MISSING.RUNAWAY')).toMatch(/runaway/i);
    expect(label('MISSING.PARENTAL_ABDUCTION')).toMatch(/parental abduction/i);
    expect(label('MISSING.CRIMINAL_ABDUCTION')).toMatch(/criminal abduction/i);
    expect(label('MISSING.LOST_INJURED')).toMatch(/lost or injured/i);
    expect(label('MISSING.MIGRANT')).toMatch(/migration/i);
    expect(label('MISSING.OTHER')).toMatch(/missing/i);
  });

  it('has a NONDATA code for every non-data type (the two-click non-data contact uses them)', () => {
    for (const t of NON_DATA_TYPES) expect(index.get(`NONDATA.${t.toUpperCase()}`)?.module, t).toBe('non_data');
  });

  it('covers the CHI groups, incl. the violence and mental-health lists', () => {
    for (const g of ['VIOLENCE', 'MENTAL', 'HEALTH', 'SERVICES', 'DISCRIMINATION', 'LIFE', 'NONCOUNSELLING']) expect(index.get(g)?.module, g).toBe(g === 'NONCOUNSELLING' ? 'non_counselling' : 'chi');
    expect(CODES.filter((c) => c.parentCode === 'VIOLENCE')).toHaveLength(12);
    expect(CODES.filter((c) => c.parentCode === 'MENTAL')).toHaveLength(9);
    expect(CODES.filter((c) => c.parentCode === 'NONCOUNSELLING')).toHaveLength(6);
  });

  it('ships demo local sub-codes that pass the editor’s rules', () => {
    for (const d of DEMO_LOCAL_CODES) {
      const candidate: TaxonomyCode = { code: d.code, parentCode: d.mapsTo, module: index.get(d.mapsTo)!.module, countryCode: d.countryCode, mapsTo: d.mapsTo, labels: d.labels, sort: 0, active: true };
      expect(checkCodeEdit(index, candidate), d.code).toEqual([]);
    }
  });
});
