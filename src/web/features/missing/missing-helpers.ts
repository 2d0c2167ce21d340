/**
 * Pure helpers of the missing-child UI (no React): how long a child has been missing, the age band
 * shown in lists, and the create body built from the form's values.
 */
import type { MissingReportCreateInput, MissingSummary } from './missing-api';

/** "3 h", "20 min", "5 d" (units translated by the caller through `unit`). */
export function formatTimeMissing(lastSeenAt: string, now: Date, unit: (u: 'm' | 'h' | 'd', n: number) => string): string {
  const ms = Math.max(0, now.getTime() - new Date(lastSeenAt).getTime());
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return unit('m', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit('h', hours);
  return unit('d', Math.floor(hours / 24));
}

/** The age as shown in the list: exact years when known, else the band. */
export function ageLabel(row: Pick<MissingSummary, 'ageYears' | 'ageBand'>): string {
  return row.ageYears !== null ? String(row.ageYears) : row.ageBand === 'unknown' ? '—' : row.ageBand;
}

/** Values of the "Report a missing child" form. */
export interface MissingFormValues {
  givenName: string;
  familyName: string;
  ageYears: number | string;
  gender: string | null;
  nationality: string | null;
  missingType: string | null;
  lastSeenAt: string;
  lastSeenPlace: string;
  lastSeenCountry: string | null;
  lat: number | string;
  lon: number | string;
  circumstances: string;
  description: string;
  reportedPolice: boolean;
  policeReference: string;
  reportedInterpol: boolean;
  reportedSis: boolean;
  suspectedCountries: string[];
}

export const EMPTY_MISSING_FORM: MissingFormValues = {
  givenName: '',
  familyName: '',
  ageYears: '',
  gender: null,
  nationality: null,
  missingType: null,
  lastSeenAt: '',
  lastSeenPlace: '',
  lastSeenCountry: null,
  lat: '',
  lon: '',
  circumstances: '',
  description: '',
  reportedPolice: false,
  policeReference: '',
  reportedInterpol: false,
  reportedSis: false,
  suspectedCountries: [],
};

const text = (v: string) => v.trim() || null;
const num = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The POST /api/missing-children body from the form (lastSeenAtIso already converted from the local input). */
export function toCreateBody(v: MissingFormValues, lastSeenAtIso: string): MissingReportCreateInput {
  return {
    child: {
      givenName: text(v.givenName),
      familyName: text(v.familyName),
      ageYears: num(v.ageYears),
      ageBand: 'unknown',
      gender: (v.gender as MissingReportCreateInput['child']['gender']) ?? null,
      nationality: v.nationality,
      languages: [],
    },
    missingType: v.missingType as MissingReportCreateInput['missingType'],
    lastSeen: { at: lastSeenAtIso, place: text(v.lastSeenPlace), country: v.lastSeenCountry, lat: num(v.lat), lon: num(v.lon), circumstances: text(v.circumstances) },
    description: text(v.description),
    police: { reported: v.reportedPolice, reference: v.reportedPolice ? text(v.policeReference) : null },
    interpol: { reported: v.reportedInterpol },
    sis: { reported: v.reportedSis },
    suspectedCountries: v.suspectedCountries,
  };
}
