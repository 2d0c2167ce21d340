import { describe, expect, it } from 'vitest';
import { missingReportCreateSchema } from '../../../src/api/missing-children.schemas';
import { ageLabel, EMPTY_MISSING_FORM, formatTimeMissing, toCreateBody } from '../../../src/web/features/missing/missing-helpers';

const unit = (u: string, n: number) => `${n} ${u}`;
const now = new Date('2026-11-30T12:00:00Z');

describe('missing-child web helpers', () => {
  it('says how long the child has been missing', () => {
    expect(formatTimeMissing('2026-11-30T08:55:00Z', now, unit)).toBe('3 h');
    expect(formatTimeMissing('2026-11-30T11:41:00Z', now, unit)).toBe('19 m');
    expect(formatTimeMissing('2026-11-25T12:00:00Z', now, unit)).toBe('5 d');
  });

  it('shows the exact age, else the band', () => {
    expect(ageLabel({ ageYears: 12, ageBand: '12-14' })).toBe('12');
    expect(ageLabel({ ageYears: null, ageBand: '6-11' })).toBe('6-11');
    expect(ageLabel({ ageYears: null, ageBand: 'unknown' })).toBe('—');
  });

  it('builds a body the API accepts, without empty strings', () => {
    const body = toCreateBody(
      { ...EMPTY_MISSING_FORM, givenName: ' Ana ', ageYears: 7, missingType: 'runaway', lastSeenPlace: '', reportedPolice: true, policeReference: 'P-1', suspectedCountries: ['RS'], lat: 44.81234 },
      '2026-11-30T10:00:00.000Z',
    );
    expect(missingReportCreateSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ child: { givenName: 'Ana', familyName: null, ageYears: 7 }, lastSeen: { place: null, lat: 44.81234, lon: null }, police: { reported: true, reference: 'P-1' }, suspectedCountries: ['RS'] });
    expect(toCreateBody({ ...EMPTY_MISSING_FORM, missingType: 'runaway', policeReference: 'ignored' }, '2026-11-30T10:00:00.000Z').police).toEqual({ reported: false, reference: null });
  });
});
