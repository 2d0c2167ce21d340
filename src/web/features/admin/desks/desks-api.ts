import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { DeskView, deskUpsertSchema, phoneNumberSchema } from '../../../../api/helpline.schemas';
import { apiGet, apiRequest } from '../../../api/client';
import { formatLocale } from '../../../i18n';

export type { DeskView };
/** Body of PUT /api/admin/desks/:organisationId. */
export type DeskInput = z.input<typeof deskUpsertSchema>;
export type PhoneService = z.infer<typeof phoneNumberSchema>['service'];

/** The days of the week, as keys of a desk's opening hours, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const PHONE_SERVICES: readonly PhoneService[] = ['desk', 'child_helpline', 'missing_children', 'thb_hotline'];

/** Time zones offered in the form (any other IANA zone may be typed). */
export const COMMON_TIME_ZONES: readonly string[] = [
  'Europe/Athens', 'Europe/Sofia', 'Europe/Bucharest', 'Europe/Chisinau', 'Europe/Kyiv', 'Europe/Ljubljana', 'Europe/Belgrade',
  'Europe/Budapest', 'Europe/Zagreb', 'Europe/Sarajevo', 'Europe/Podgorica', 'Europe/Skopje', 'Europe/Tirane', 'Asia/Nicosia',
  'Europe/Istanbul', 'Europe/Vienna', 'Europe/Bratislava', 'Europe/Prague', 'Europe/Warsaw', 'Europe/Berlin', 'Europe/Rome',
  'Europe/Paris', 'Europe/Brussels', 'Europe/Amsterdam', 'Europe/Madrid', 'Europe/Lisbon', 'Europe/London', 'Europe/Dublin',
  'Europe/Vilnius', 'Europe/Riga', 'Europe/Tallinn', 'Europe/Helsinki', 'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo',
];

/** The usual zone of a country, to prefill a new desk. */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  GR: 'Europe/Athens', BG: 'Europe/Sofia', RO: 'Europe/Bucharest', MD: 'Europe/Chisinau', UA: 'Europe/Kyiv', SI: 'Europe/Ljubljana',
  RS: 'Europe/Belgrade', HU: 'Europe/Budapest', HR: 'Europe/Zagreb', BA: 'Europe/Sarajevo', ME: 'Europe/Podgorica', MK: 'Europe/Skopje',
  AL: 'Europe/Tirane', CY: 'Asia/Nicosia', TR: 'Europe/Istanbul', AT: 'Europe/Vienna', SK: 'Europe/Bratislava', CZ: 'Europe/Prague',
  PL: 'Europe/Warsaw', DE: 'Europe/Berlin', IT: 'Europe/Rome', FR: 'Europe/Paris', BE: 'Europe/Brussels', NL: 'Europe/Amsterdam',
  ES: 'Europe/Madrid', PT: 'Europe/Lisbon', GB: 'Europe/London', IE: 'Europe/Dublin', LT: 'Europe/Vilnius', LV: 'Europe/Riga',
  EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen', NO: 'Europe/Oslo',
};

/** Whether the browser knows `zone` as an IANA time zone (the server checks the same way). */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return true;
  } catch {
    return false;
  }
}

/** The desk calls of the administration API. */
export const desksApi = {
  path: '/api/admin/desks',
  list: () => apiGet<DeskView[]>('/api/admin/desks'),
  save: (organisationId: string, body: DeskInput) => apiRequest<DeskView>('PUT', `/api/admin/desks/${organisationId}`, body),
};

/** Weekday names in the interface language (from a Monday in January 2024). */
export function useWeekdayNames(): { short: Record<Weekday, string>; long: Record<Weekday, string> } {
  const { i18n } = useTranslation();
  const tag = formatLocale(i18n.language);
  return useMemo(() => {
    const name = (style: 'short' | 'long') => {
      const format = new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' });
      return Object.fromEntries(WEEKDAYS.map((day, index) => [day, format.format(new Date(Date.UTC(2024, 0, 1 + index, 12)))])) as Record<Weekday, string>;
    };
    return { short: name('short'), long: name('long') };
  }, [tag]);
}

/**
 * A summary of opening hours, one line per run of days with the same hours: ["24/7"] when empty,
 * else e.g. ["Mon–Fri 09:00–17:00", "Sat 10:00–14:00"].
 */
export function useHoursSummary(): (hours: DeskView['openingHours']) => string[] {
  const { t } = useTranslation();
  const { short } = useWeekdayNames();
  return useMemo(
    () => (hours) => {
      if (Object.keys(hours).length === 0) return [t('desks.aroundTheClock')];
      const slotsOf = (day: Weekday) => (hours[day] ?? []).map(([from, to]) => `${from}–${to}`).join(', ');
      const runs: { first: Weekday; last: Weekday; slots: string }[] = [];
      for (const day of WEEKDAYS) {
        const slots = slotsOf(day);
        if (!slots) continue;
        const previous = runs.at(-1);
        const adjacent = previous && WEEKDAYS.indexOf(previous.last) === WEEKDAYS.indexOf(day) - 1;
        if (previous && adjacent && previous.slots === slots) previous.last = day;
        else runs.push({ first: day, last: day, slots });
      }
      if (runs.length === 0) return [t('desks.closed')];
      return runs.map((r) => `${r.first === r.last ? short[r.first] : `${short[r.first]}–${short[r.last]}`} ${r.slots}`);
    },
    [t, short],
  );
}
