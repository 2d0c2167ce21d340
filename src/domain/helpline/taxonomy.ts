/**
 * The harmonised contact taxonomy: pure rules over a version's codes. Local sub-codes of a country
 * desk map onto a regional code, so every contact counts in the regional figures.
 */

export const TAXONOMY_MODULES = ['chi', 'thb', 'missing', 'non_counselling', 'non_data'] as const;
export type TaxonomyModule = (typeof TAXONOMY_MODULES)[number];

/** One code of one taxonomy version. */
export interface TaxonomyCode {
  code: string;
  parentCode: string | null;
  module: TaxonomyModule;
  countryCode: string | null;
  mapsTo: string | null;
  labels: Record<string, string>;
  sort: number;
  active: boolean;
}

/**
 * A code is a group when regional codes name it as parent. A country's local sub-codes hang under the
 * code they refine, which stays choosable.
 */
export function isGroup(codes: readonly TaxonomyCode[], code: string): boolean {
  return codes.some((c) => c.parentCode === code && c.countryCode === null);
}

/** Index codes by code. */
export function indexCodes(codes: readonly TaxonomyCode[]): Map<string, TaxonomyCode> {
  return new Map(codes.map((c) => [c.code, c]));
}

/** The regional code a code counts as (itself when regional). */
export function resolveRegionalCode(index: ReadonlyMap<string, TaxonomyCode>, code: string): string | null {
  const c = index.get(code);
  if (!c) return null;
  return c.mapsTo ?? c.code;
}

/** Problems with a contact's categories under a version, for a desk in `countryCode`. */
export function checkCategories(index: ReadonlyMap<string, TaxonomyCode>, categories: readonly string[], countryCode: string): string[] {
  const problems: string[] = [];
  const groups = new Set([...index.values()].filter((c) => c.countryCode === null).map((c) => c.parentCode).filter((p): p is string => p !== null));
  for (const code of categories) {
    const c = index.get(code);
    if (!c) problems.push(`${code} is not in this taxonomy version`);
    else if (!c.active) problems.push(`${code} is no longer in use`);
    else if (c.countryCode !== null && c.countryCode !== countryCode) problems.push(`${code} belongs to another country's desk`);
    else if (groups.has(code)) problems.push(`${code} is a group: choose one of its categories`);
  }
  if (new Set(categories).size !== categories.length) problems.push('a category is listed twice');
  return problems;
}

/** True when any category is in the trafficking (THB) module. */
export function hasThbCategory(index: ReadonlyMap<string, TaxonomyCode>, categories: readonly string[]): boolean {
  return categories.some((code) => {
    const regional = resolveRegionalCode(index, code);
    return regional !== null && index.get(regional)?.module === 'thb';
  });
}

/** Problems with a code a desk adds or edits in a draft version. */
export function checkCodeEdit(index: ReadonlyMap<string, TaxonomyCode>, code: TaxonomyCode): string[] {
  const problems: string[] = [];
  if (!/^[A-Z0-9]+(\.[A-Z0-9_]+)*$/.test(code.code)) problems.push('codes are upper-case segments separated by dots');
  if (!code.labels.en?.trim()) problems.push('an English label is required');
  if (code.parentCode !== null) {
    const parent = index.get(code.parentCode);
    if (!parent) problems.push(`parent ${code.parentCode} does not exist`);
    else if (!code.code.startsWith(`${code.parentCode}.`)) problems.push('a code starts with its parent code');
  }
  if (code.countryCode !== null) {
    if (!code.mapsTo) problems.push('a local sub-code must map onto a regional code');
    else {
      const target = index.get(code.mapsTo);
      if (!target || target.countryCode !== null) problems.push(`${code.mapsTo} is not a regional code`);
      else if (target.module !== code.module) problems.push('a local sub-code keeps the module of the code it maps onto');
    }
  } else if (code.mapsTo !== null) problems.push('only local sub-codes map onto another code');
  return problems;
}
