import { describe, expect, it } from 'vitest';
import { alertDraftCreateSchema, alertEditSchema } from '../../src/api/alerts.schemas';
import {
  authorityOf,
  buildCircle,
  criteriaRecord,
  defaultExpiry,
  emptyFormValues,
  formatRelative,
  formValuesFrom,
  maxHoursFor,
  missingCriteria,
  parseCircle,
  relativeParts,
  toDraftBody,
  toEditBody,
  type AlertFormValues,
} from '../../src/web/features/alerts/console/alert-form-model';
import { alertListQuery, draftedAlertId } from '../../src/web/features/alerts/console/alerts-api';

const settings = { abductionMaxHours: 24, endangeredMaxHours: 72 };

function filled(): AlertFormValues {
  return {
    ...emptyFormValues('RO', ['ro', 'en']),
    childName: '  Ana Popescu ',
    ageYears: 9,
    gender: 'female',
    childDescription: 'Short, brown hair, red coat.',
    lastSeenAt: '2026-11-30T10:15',
    lastSeenPlace: 'Piața Unirii, Bucharest',
    suspect: '',
    vehicle: 'Grey hatchback',
    texts: {
      ro: { headline: 'ALERTĂ', description: 'Descriere', instruction: 'Sunați la 116 000' },
      en: { headline: '', description: '', instruction: '' },
    },
    areaDescription: 'Bucharest and Ilfov',
    circles: [{ lat: '44.4268', lon: 26.1025, radiusKm: '30' }],
    polygons: '44,26 44,27 45,27 44,26\n\n',
    expiresAt: '2026-12-01T10:00',
    criteria: { ...criteriaRecord({ minor: true, lifeInDanger: true }) },
    authorityName: 'Poliția Română',
    authorityReference: 'D-12',
    authorityDecidedAt: '2026-11-30T11:00',
    authorityPerson: '',
  };
}

describe('CAP circles', () => {
  it('builds "lat,lon radius" from typed numbers and strings', () => {
    expect(buildCircle({ lat: '44.4268', lon: 26.1025, radiusKm: '30' })).toBe('44.4268,26.1025 30');
    expect(buildCircle({ lat: -12.123456789, lon: '0', radiusKm: 0.5 })).toBe('-12.12346,0 0.5');
    expect(buildCircle({ lat: '44,5', lon: '26', radiusKm: '2' })).toBe('44.5,26 2');
  });

  it('refuses missing parts, out-of-range centres and non-positive radii', () => {
    expect(buildCircle({ lat: '', lon: 26, radiusKm: 3 })).toBeNull();
    expect(buildCircle({ lat: 91, lon: 26, radiusKm: 3 })).toBeNull();
    expect(buildCircle({ lat: 44, lon: -181, radiusKm: 3 })).toBeNull();
    expect(buildCircle({ lat: 44, lon: 26, radiusKm: 0 })).toBeNull();
    expect(buildCircle({ lat: 'x', lon: 26, radiusKm: 1 })).toBeNull();
  });

  it('parses what it builds', () => {
    expect(parseCircle('44.4268,26.1025 30')).toEqual({ lat: 44.4268, lon: 26.1025, radiusKm: 30 });
    expect(parseCircle('not a circle')).toBeNull();
  });
});

describe('expiry', () => {
  it('takes the tier maximum from the country settings', () => {
    expect(maxHoursFor('child_abduction', settings)).toBe(24);
    expect(maxHoursFor('endangered_missing', settings)).toBe(72);
    expect(defaultExpiry('endangered_missing', settings, new Date('2026-11-30T12:00:00Z')).toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('chooses minutes, hours or days for "expires in"', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(relativeParts('2026-11-30T12:20:00Z', now)).toEqual({ value: 20, unit: 'minute' });
    expect(relativeParts('2026-11-30T17:00:00Z', now)).toEqual({ value: 5, unit: 'hour' });
    expect(relativeParts('2026-12-03T12:00:00Z', now)).toEqual({ value: 3, unit: 'day' });
    expect(relativeParts('2026-11-30T10:00:00Z', now)).toEqual({ value: -2, unit: 'hour' });
    expect(formatRelative('2026-11-30T17:00:00Z', now, 'en-GB')).toMatch(/^in 5 h/);
  });
});

describe('form → request', () => {
  it('produces a body the API schema accepts, dropping empty languages and bad circles', () => {
    const values = filled();
    values.circles.push({ lat: '', lon: '', radiusKm: '' });
    const body = toDraftBody(values, ['ro', 'en'], 'RO', null);
    const parsed = alertDraftCreateSchema.parse(body);
    expect(parsed.content.child).toEqual({ name: 'Ana Popescu', ageYears: 9, gender: 'female', description: 'Short, brown hair, red coat.' });
    expect(Object.keys(parsed.content.texts)).toEqual(['ro']);
    expect(parsed.content.suspect).toBeNull();
    expect(parsed.area).toEqual({ description: 'Bucharest and Ilfov', polygons: ['44,26 44,27 45,27 44,26'], circles: ['44.4268,26.1025 30'], countries: ['RO'] });
    expect(parsed.criteria).toEqual({ minor: true, lifeInDanger: true });
    expect(parsed.authority).toMatchObject({ name: 'Poliția Română', reference: 'D-12', person: null });
    expect(parsed.countryCode).toBe('RO');
  });

  it('sends no countries when the whole-country switch is off, and no authority until it is complete', () => {
    const values = { ...filled(), wholeCountry: false, authorityReference: '' };
    const body = toDraftBody(values, ['ro'], 'RO', null);
    expect(body.area.countries).toEqual([]);
    expect(body.authority).toBeNull();
    expect(authorityOf({ authorityName: 'A', authorityReference: 'R', authorityDecidedAt: 'garbage', authorityPerson: '' })).toBeNull();
  });

  it('adds the note only when updating an issued alert', () => {
    const values = { ...filled(), note: ' Vehicle corrected ' };
    expect(alertEditSchema.parse(toEditBody(values, ['ro'], 3, true)).note).toBe('Vehicle corrected');
    expect(toEditBody(values, ['ro'], 3, false)).not.toHaveProperty('note');
  });

  it('round-trips a prefill through the form', () => {
    const body = toDraftBody(filled(), ['ro', 'en'], 'RO', null);
    const back = formValuesFrom(body, emptyFormValues('RO', ['ro', 'en']));
    expect(back.childName).toBe('Ana Popescu');
    expect(back.circles).toEqual([{ lat: 44.4268, lon: 26.1025, radiusKm: 30 }]);
    expect(back.texts.ro?.instruction).toBe('Sunați la 116 000');
    expect(back.texts.en).toEqual({ headline: '', description: '', instruction: '' });
    expect(back.criteria.minor).toBe(true);
    expect(back.criteria.noAddedRisk).toBe(false);
  });
});

describe('criteria and list helpers', () => {
  it('lists required criteria left unticked', () => {
    expect(missingCriteria(['minor', 'lifeInDanger', 'authorityDecision'], { minor: true })).toEqual(['lifeInDanger', 'authorityDecision']);
  });

  it('maps tabs to the list query', () => {
    expect(alertListQuery('awaiting', null, null, 25)).toBe('/api/alerts?state=drafts&limit=25');
    expect(alertListQuery('active', 'GR', 'abc', 10)).toBe('/api/alerts?state=active&countryCode=GR&cursor=abc&limit=10');
  });

  it('finds the drafted alert in a pre-alert answer', () => {
    const id = '6f1c1d8e-6c1e-4c55-9d6a-1d1f0e2c3b4a';
    expect(draftedAlertId({ preAlert: { id: 'p', neighbourAlertId: null }, alert: { id } })).toBe(id);
    expect(draftedAlertId({ id: 'p', neighbourAlertId: id })).toBe(id);
    expect(draftedAlertId({ preAlert: {}, alert: null })).toBeNull();
    expect(draftedAlertId('nope')).toBeNull();
  });
});
