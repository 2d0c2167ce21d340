import type { TaxonomyCodeView } from './taxonomy-api';

/** How a code differs between the published version and the draft. */
export type CodeChange = 'added' | 'removed' | 'changed';

/** One difference between two versions. */
export interface CodeDifference {
  code: string;
  change: CodeChange;
  /** The names of the fields that differ (for `changed`). */
  fields: string[];
}

const FIELDS = ['parentCode', 'module', 'countryCode', 'mapsTo', 'sort', 'active'] as const;

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** The codes added, removed or changed in `draft` compared with `published`, in code order. */
export function compareVersions(published: readonly TaxonomyCodeView[], draft: readonly TaxonomyCodeView[]): CodeDifference[] {
  const before = new Map(published.map((c) => [c.code, c]));
  const after = new Map(draft.map((c) => [c.code, c]));
  const out: CodeDifference[] = [];
  for (const [code, now] of after) {
    const then = before.get(code);
    if (!then) {
      out.push({ code, change: 'added', fields: [] });
      continue;
    }
    const fields: string[] = FIELDS.filter((f) => then[f] !== now[f]);
    if (!sameLabels(then.labels, now.labels)) fields.push('labels');
    if (fields.length > 0) out.push({ code, change: 'changed', fields });
  }
  for (const code of before.keys()) if (!after.has(code)) out.push({ code, change: 'removed', fields: [] });
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
