import { useMemo } from 'react';
import { ROLES } from '../../../domain/access/roles';
import type { Country, OrganisationView } from '../../api/types';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';

/** Options for a Mantine Select. */
export interface Option {
  value: string;
  label: string;
}

/** Countries, organisations and roles used by the admin forms, with Select options in the current language. */
export function useReferenceData() {
  const labels = useLabels();
  const countries = useApiQuery<Country[]>('/api/countries');
  const organisations = useApiQuery<OrganisationView[]>('/api/admin/organisations');

  const countryOptions = useMemo<Option[]>(
    () =>
      (countries.data ?? [])
        .map((c) => ({ value: c.code, label: labels.country(c.code, c.name) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [countries.data, labels],
  );
  const organisationOptions = useMemo<Option[]>(
    () =>
      (organisations.data ?? [])
        .filter((o) => !o.archived)
        .map((o) => ({ value: o.id, label: `${o.name} (${o.countryCode})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [organisations.data],
  );
  const roleOptions = useMemo<Option[]>(
    () => ROLES.map((role) => ({ value: role, label: labels.role(role) })),
    [labels],
  );

  return { countries, organisations, countryOptions, organisationOptions, roleOptions };
}
