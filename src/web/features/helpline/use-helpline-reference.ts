import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHelplineReference, type DeskView, type HelplineReference, type TaxonomyCodeView } from './helpline-api';

/** One group of the categories picker: a taxonomy group and its selectable codes. */
export interface CategoryGroup {
  code: string;
  label: string;
  module: string;
  items: { value: string; label: string }[];
}

/** The reference data of the helpline screens, with labels in the interface language. */
export interface HelplineReferenceState {
  data: HelplineReference | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  desks: DeskView[];
  deskOptions: { value: string; label: string }[];
  /** A code's label in the interface language (English when the desk has not translated it). */
  codeLabel: (code: string) => string;
  /** Selectable categories for a desk in `countryCode` (all desks when null), grouped; trafficking first. */
  categoryGroups: (countryCode: string | null) => CategoryGroup[];
  /** True when the code counts as trafficking (itself or the regional code it maps onto). */
  isThbCode: (code: string) => boolean;
}

let cached: Promise<HelplineReference> | null = null;

/** The reference is the same for every screen of a session: fetched once, again after a failure. */
function loadReference(force = false): Promise<HelplineReference> {
  if (!cached || force) {
    cached = fetchHelplineReference();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Pick the label of the language, else English, else the code itself. */
export function pickLabel(labels: Record<string, string> | undefined, language: string, fallback: string): string {
  return labels?.[language] ?? labels?.en ?? fallback;
}

/** The helpline's desks and taxonomy (GET /api/helpline/reference), shared by the console and the contacts pages. */
export function useHelplineReference(): HelplineReferenceState {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const [data, setData] = useState<HelplineReference | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadReference(attempt > 0).then(
      (answer) => {
        if (!live) return;
        setData(answer);
        setError(null);
      },
      (caught: unknown) => {
        if (live) setError(caught);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const codes = useMemo(() => new Map<string, TaxonomyCodeView>((data?.taxonomy.codes ?? []).map((c) => [c.code, c])), [data]);
  // Groups are the parents of regional codes (a desk's local sub-code under a category does not make it a group).
  const groupCodes = useMemo(
    () => new Set([...codes.values()].filter((c) => c.countryCode === null).map((c) => c.parentCode).filter((p): p is string => p !== null)),
    [codes],
  );

  const codeLabel = useCallback((code: string) => pickLabel(codes.get(code)?.labels, language, code), [codes, language]);

  const isThbCode = useCallback(
    (code: string) => {
      const c = codes.get(code);
      const regional = c?.mapsTo ? codes.get(c.mapsTo) : c;
      return regional?.module === 'thb';
    },
    [codes],
  );

  const categoryGroups = useCallback(
    (countryCode: string | null): CategoryGroup[] => {
      const all = [...codes.values()].filter((c) => c.active);
      const topGroups = all.filter((c) => c.parentCode === null && groupCodes.has(c.code));
      const groups = topGroups.map((group) => ({
        code: group.code,
        module: group.module,
        label: pickLabel(group.labels, language, group.code),
        sort: group.sort,
        items: all
          .filter((c) => c.code.startsWith(`${group.code}.`) && !groupCodes.has(c.code))
          .filter((c) => c.countryCode === null || countryCode === null || c.countryCode === countryCode)
          .filter((c) => c.module !== 'non_data')
          .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
          .map((c) => ({ value: c.code, label: pickLabel(c.labels, language, c.code) })),
      }));
      return groups
        .filter((g) => g.items.length > 0)
        .sort((a, b) => Number(b.module === 'thb') - Number(a.module === 'thb') || a.sort - b.sort)
        .map(({ sort: _sort, ...g }) => {
          void _sort;
          return g;
        });
    },
    [codes, groupCodes, language],
  );

  const desks = useMemo(() => data?.desks ?? [], [data]);
  const deskOptions = useMemo(() => desks.map((d) => ({ value: d.organisationId, label: `${d.name} (${d.countryCode})` })), [desks]);

  return {
    data,
    error,
    loading: !data && !error,
    reload: () => setAttempt((n) => n + 1),
    desks,
    deskOptions,
    codeLabel,
    categoryGroups,
    isThbCode,
  };
}
