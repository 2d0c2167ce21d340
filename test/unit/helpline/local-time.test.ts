import { describe, expect, it } from 'vitest';
import { localDay, startOfLocalDay } from '../../../src/domain/helpline/local-time';

describe('startOfLocalDay', () => {
  it('finds local midnight in winter and summer (Athens UTC+2 / UTC+3)', () => {
    expect(startOfLocalDay(new Date('2026-01-15T12:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-07-15T12:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-07-14T21:00:00.000Z');
  });

  it('uses the local day, not the UTC day, near midnight', () => {
    // 22:30 UTC on 14 January is already 00:30 on 15 January in Athens.
    expect(startOfLocalDay(new Date('2026-01-14T22:30:00Z'), 'Europe/Athens').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(localDay(new Date('2026-01-14T22:30:00Z'), 'Europe/Athens')).toBe('2026-01-15');
    expect(startOfLocalDay(new Date('2026-01-14T21:59:59Z'), 'Europe/Athens').toISOString()).toBe('2026-01-13T22:00:00.000Z');
  });

  it('is right on the days the clocks change (29 March and 25 October 2026)', () => {
    // Spring forward at 03:00 local: the day began at UTC+2.
    expect(startOfLocalDay(new Date('2026-03-29T20:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-03-29T00:30:00Z'), 'Europe/Athens').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    // Fall back at 04:00 local: the day began at UTC+3.
    expect(startOfLocalDay(new Date('2026-10-25T20:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-10-25T00:30:00Z'), 'Europe/Athens').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    // The day after each change starts at the new offset.
    expect(startOfLocalDay(new Date('2026-03-30T12:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-10-26T12:00:00Z'), 'Europe/Athens').toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it('works for UTC and zones west of Greenwich', () => {
    expect(startOfLocalDay(new Date('2026-05-05T05:00:00Z'), 'UTC').toISOString()).toBe('2026-05-05T00:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-05-05T02:00:00Z'), 'America/New_York').toISOString()).toBe('2026-05-04T04:00:00.000Z');
  });
});
