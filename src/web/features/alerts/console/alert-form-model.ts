/**
 * The drafting form's values and their pure mappings: form ↔ API request, CAP circles, expiry
 * defaults and the "expires in" wording. No React here, so it is unit-tested directly.
 */
import { ALERT_CRITERIA } from '../../../../api/alerts.schemas';
import type { AlertAuthority, AlertCriterion, AlertDraftBody, AlertEditBody, AlertSettings, AlertTier, AlertView } from './alerts-api';

export type AlertGender = 'female' | 'male' | 'other' | 'unknown';
export type AlertMode = 'actual' | 'exercise' | 'test';

/** One circle as typed: centre and radius, empty strings while unset. */
export interface CircleInput {
  lat: number | string;
  lon: number | string;
  radiusKm: number | string;
}

/** One language's texts. */
export interface TextInputs {
  headline: string;
  description: string;
  instruction: string;
}

/** Everything the drafting form holds (datetime values as datetime-local strings in the browser's zone). */
export interface AlertFormValues {
  tier: AlertTier;
  mode: AlertMode;
  childName: string;
  ageYears: number | string;
  gender: AlertGender;
  childDescription: string;
  lastSeenAt: string;
  lastSeenPlace: string;
  suspect: string;
  vehicle: string;
  texts: Record<string, TextInputs>;
  areaDescription: string;
  wholeCountry: boolean;
  countries: string[];
  circles: CircleInput[];
  polygons: string;
  expiresAt: string;
  criteria: Record<AlertCriterion, boolean>;
  authorityName: string;
  authorityReference: string;
  authorityDecidedAt: string;
  authorityPerson: string;
  /** Why an issued alert is updated (edit of an issued alert only). */
  note: string;
}

const HOUR = 3_600_000;

/** A number typed into a field, or null when empty or not a number. */
function numberOf(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Round to at most `digits` decimals without trailing zeros. */
function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** A CAP circle "lat,lon radius" (WGS 84, km) from a centre and radius; null when any part is missing or out of range. */
export function buildCircle(input: CircleInput): string | null {
  const lat = numberOf(input.lat);
  const lon = numberOf(input.lon);
  const radius = numberOf(input.radiusKm);
  if (lat === null || lon === null || radius === null) return null;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || radius <= 0) return null;
  return `${round(lat, 5)},${round(lon, 5)} ${round(radius, 3)}`;
}

/** A CAP circle string back into its parts; null when it is not "lat,lon radius". */
export function parseCircle(circle: string): CircleInput | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*$/.exec(circle);
  if (!match) return null;
  return { lat: Number(match[1]), lon: Number(match[2]), radiusKm: Number(match[3]) };
}

/** The longest an alert of this tier may run in the country, in hours. */
export function maxHoursFor(tier: AlertTier, settings: Pick<AlertSettings, 'abductionMaxHours' | 'endangeredMaxHours'>): number {
  return tier === 'child_abduction' ? settings.abductionMaxHours : settings.endangeredMaxHours;
}

/** The default expiry of a new alert: now plus the tier's maximum. */
export function defaultExpiry(tier: AlertTier, settings: Pick<AlertSettings, 'abductionMaxHours' | 'endangeredMaxHours'>, now: Date): Date {
  return new Date(now.getTime() + maxHoursFor(tier, settings) * HOUR);
}

/** An instant as the value of a datetime-local input in the browser's zone ("" for none). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** How far away an instant is, as a value and unit for Intl.RelativeTimeFormat (minutes under 1 h, hours under 48 h, else days). */
export function relativeParts(iso: string, now: Date): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const ms = Date.parse(iso) - now.getTime();
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  if (abs < HOUR) return { value: sign * Math.max(1, Math.round(abs / 60_000)), unit: 'minute' };
  if (abs < 48 * HOUR) return { value: sign * Math.round(abs / HOUR), unit: 'hour' };
  return { value: sign * Math.round(abs / (24 * HOUR)), unit: 'day' };
}

/** "in 5 hr." / "5 hr. ago" in the given language (narrow style). */
export function formatRelative(iso: string, now: Date, locale: string): string {
  const { value, unit } = relativeParts(iso, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' }).format(value, unit);
}

/** Every criterion set to false, then the given ones set. */
export function criteriaRecord(given: Partial<Record<AlertCriterion, boolean>> | null | undefined): Record<AlertCriterion, boolean> {
  const out = Object.fromEntries(ALERT_CRITERIA.map((c) => [c, false])) as Record<AlertCriterion, boolean>;
  for (const c of ALERT_CRITERIA) if (given?.[c]) out[c] = true;
  return out;
}

/** The country's required criteria for a tier that the checklist leaves unticked. */
export function missingCriteria(required: readonly AlertCriterion[], criteria: Partial<Record<AlertCriterion, boolean>>): AlertCriterion[] {
  return required.filter((c) => !criteria[c]);
}

/** Empty form values for a country: its languages get empty texts, its whole territory is the area. */
export function emptyFormValues(countryCode: string, languages: readonly string[]): AlertFormValues {
  return {
    tier: 'child_abduction',
    mode: 'actual',
    childName: '',
    ageYears: '',
    gender: 'unknown',
    childDescription: '',
    lastSeenAt: '',
    lastSeenPlace: '',
    suspect: '',
    vehicle: '',
    texts: Object.fromEntries(languages.map((l) => [l, { headline: '', description: '', instruction: '' }])),
    areaDescription: '',
    wholeCountry: true,
    countries: [countryCode],
    circles: [],
    polygons: '',
    expiresAt: '',
    criteria: criteriaRecord({}),
    authorityName: '',
    authorityReference: '',
    authorityDecidedAt: '',
    authorityPerson: '',
    note: '',
  };
}

type DraftLike = Pick<AlertDraftBody, 'content' | 'area' | 'expiresAt' | 'criteria' | 'authority'> & { tier?: AlertTier; mode?: AlertMode };

/** Form values from a draft request (the case prefill) or an alert view, over `base` for what they leave out. */
export function formValuesFrom(source: DraftLike | AlertView, base: AlertFormValues): AlertFormValues {
  const content = source.content;
  const area = source.area;
  const texts = { ...base.texts };
  for (const [lang, text] of Object.entries(content?.texts ?? {})) if (text) texts[lang] = { headline: text.headline, description: text.description, instruction: text.instruction };
  const countries = area.countries ?? [];
  return {
    ...base,
    tier: source.tier ?? base.tier,
    mode: source.mode ?? base.mode,
    childName: content?.child.name ?? base.childName,
    ageYears: content?.child.ageYears ?? '',
    gender: content?.child.gender ?? base.gender,
    childDescription: content?.child.description ?? base.childDescription,
    lastSeenAt: isoToLocalInput(content?.lastSeen.at) || base.lastSeenAt,
    lastSeenPlace: content?.lastSeen.place ?? base.lastSeenPlace,
    suspect: content?.suspect ?? '',
    vehicle: content?.vehicle ?? '',
    texts,
    areaDescription: area.description,
    wholeCountry: countries.length > 0,
    countries: countries.length > 0 ? [...countries] : base.countries,
    circles: (area.circles ?? []).map(parseCircle).filter((c): c is CircleInput => c !== null),
    polygons: (area.polygons ?? []).join('\n'),
    expiresAt: isoToLocalInput(source.expiresAt) || base.expiresAt,
    criteria: criteriaRecord(source.criteria),
    authorityName: source.authority?.name ?? base.authorityName,
    authorityReference: source.authority?.reference ?? '',
    authorityDecidedAt: isoToLocalInput(source.authority?.decidedAt) || base.authorityDecidedAt,
    authorityPerson: source.authority?.person ?? '',
  };
}

/** The authority decision, or null while its name, reference and time are not all given. */
export function authorityOf(values: Pick<AlertFormValues, 'authorityName' | 'authorityReference' | 'authorityDecidedAt' | 'authorityPerson'>): AlertAuthority | null {
  const decidedAt = localInputToIso(values.authorityDecidedAt);
  if (!values.authorityName.trim() || !values.authorityReference.trim() || !decidedAt) return null;
  return { name: values.authorityName.trim(), reference: values.authorityReference.trim(), decidedAt, person: values.authorityPerson.trim() || null };
}

/** The parts shared by the create and edit requests. */
function bodyParts(values: AlertFormValues, languages: readonly string[]) {
  const age = numberOf(values.ageYears);
  const texts: Record<string, TextInputs> = {};
  for (const lang of languages) {
    const text = values.texts[lang];
    if (text && (text.headline.trim() || text.description.trim() || text.instruction.trim())) {
      texts[lang] = { headline: text.headline.trim(), description: text.description.trim(), instruction: text.instruction.trim() };
    }
  }
  return {
    content: {
      child: { name: values.childName.trim(), ageYears: age === null ? null : Math.trunc(age), gender: values.gender, description: values.childDescription.trim() },
      lastSeen: { at: localInputToIso(values.lastSeenAt) ?? '', place: values.lastSeenPlace.trim() },
      suspect: values.suspect.trim() || null,
      vehicle: values.vehicle.trim() || null,
      texts,
    },
    area: {
      description: values.areaDescription.trim(),
      polygons: values.polygons
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      circles: values.circles.map(buildCircle).filter((c): c is string => c !== null),
      countries: values.wholeCountry ? [...values.countries] : [],
    },
    expiresAt: localInputToIso(values.expiresAt),
    criteria: Object.fromEntries(Object.entries(values.criteria).filter(([, v]) => v)) as Partial<Record<AlertCriterion, boolean>>,
    authority: authorityOf(values),
  };
}

/** The POST /api/alerts body for the form. */
export function toDraftBody(values: AlertFormValues, languages: readonly string[], countryCode: string, caseId: string | null): AlertDraftBody {
  return { tier: values.tier, mode: values.mode, countryCode, caseId, ...bodyParts(values, languages) };
}

/** The PATCH /api/alerts/:id body for the form (a note for issued alerts). */
export function toEditBody(values: AlertFormValues, languages: readonly string[], version: number, issued: boolean): AlertEditBody {
  const parts = bodyParts(values, languages);
  return { version, ...parts, ...(issued && values.note.trim() ? { note: values.note.trim() } : {}) };
}
