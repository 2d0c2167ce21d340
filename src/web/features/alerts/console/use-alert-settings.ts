import { useMemo } from 'react';
import { useApiQuery } from '../../../lib/use-api-query';
import { useSession } from '../../../session/session-context';
import { alertPaths, type AlertSettings } from './alerts-api';

/** The signed-in user's country (their first membership's). */
export function useHomeCountry(): string | null {
  const { view } = useSession();
  return view.user?.memberships[0]?.countryCode ?? null;
}

/** The alert settings the caller can see, and those of one country (default: the caller's own). */
export function useAlertSettings(countryCode?: string | null) {
  const home = useHomeCountry();
  const query = useApiQuery<{ items: AlertSettings[] }>(alertPaths.settings);
  const wanted = countryCode ?? home;
  const settings = useMemo(() => {
    const items = query.data?.items ?? [];
    return items.find((s) => s.countryCode === wanted) ?? (countryCode ? undefined : items[0]);
  }, [query.data, wanted, countryCode]);
  return { ...query, items: query.data?.items ?? [], settings };
}
