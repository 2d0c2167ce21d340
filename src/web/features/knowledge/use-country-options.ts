import { useMemo } from 'react';
import type { Country } from '../../api/types';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';

/** The network's countries as select options, named in the interface language, sorted by name. */
export function useCountryOptions(): { value: string; label: string }[] {
  const labels = useLabels();
  const countries = useApiQuery<Country[]>('/api/countries');
  return useMemo(
    () => (countries.data ?? []).map((c) => ({ value: c.code, label: labels.country(c.code, c.name) })).sort((a, b) => a.label.localeCompare(b.label)),
    [countries.data, labels],
  );
}
