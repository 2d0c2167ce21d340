import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationType, PartnershipLevel, Permission, Role, Scope } from '../api/types';
import { formatLocale } from '../i18n';

/** Translated names of the access model's and the network's enumerations, and localised formats. */
export interface Labels {
  role: (role: Role) => string;
  scope: (scope: Scope) => string;
  organisationType: (type: OrganisationType) => string;
  partnership: (level: PartnershipLevel) => string;
  permission: (permission: Permission) => string;
  /** The country's name in the interface language (from the ISO code), else the server's name. */
  country: (code: string, fallback?: string) => string;
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
}

/** Labels for the current language; stable until the language changes. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const tag = formatLocale(i18n.language);
  const regionNames = useMemo(() => {
    try {
      return new Intl.DisplayNames([tag], { type: 'region' });
    } catch {
      return null;
    }
  }, [tag]);
  const dateTimeFormat = useMemo(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }), [tag]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' }), [tag]);

  const country = useCallback(
    (code: string, fallback?: string) => {
      const name = regionNames?.of(code);
      return name && name !== code ? name : (fallback ?? code);
    },
    [regionNames],
  );

  return useMemo(
    () => ({
      role: (role) => t(`roles.${role}`),
      scope: (scope) => t(`scopes.${scope}`),
      organisationType: (type) => t(`organisationTypes.${type}`),
      partnership: (level) => t(`partnership.${level}`),
      permission: (permission) => t(`permissions.${permission.replace('.', '_')}`),
      country,
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : '—'),
      date: (iso) => (iso ? dateFormat.format(new Date(iso)) : '—'),
    }),
    [t, country, dateTimeFormat, dateFormat],
  );
}
