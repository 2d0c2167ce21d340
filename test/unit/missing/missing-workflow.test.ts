import { describe, expect, it } from 'vitest';
import { buildAlertTexts, firstAlertLanguage } from '../../../src/domain/missing/missing-alert-texts';
import { actionsFrom, checkMissingAction, defaultMissingPriority, roundCoordinate, timeMissing, withSuspectedCountry } from '../../../src/domain/missing/missing-workflow';

const now = new Date('2026-11-30T12:00:00Z');

describe('missing-child status machine', () => {
  it('offers found and close while missing, reopen after', () => {
    expect(actionsFrom('missing')).toEqual(['found', 'close']);
    expect(actionsFrom('found')).toEqual(['reopen']);
    expect(actionsFrom('closed')).toEqual(['reopen']);
  });

  it('accepts found with time, outcome and condition', () => {
    expect(checkMissingAction({ from: 'missing', action: 'found', foundAt: now, outcome: 'returned_home', condition: 'unharmed', now })).toBeNull();
  });

  it('refuses moves that are not allowed', () => {
    expect(checkMissingAction({ from: 'found', action: 'found', foundAt: now, outcome: 'found_safe', condition: 'unharmed', now })).toEqual({ code: 'MISSING_TRANSITION_NOT_ALLOWED', from: 'found', action: 'found' });
    expect(checkMissingAction({ from: 'missing', action: 'reopen', reason: 'new information' })?.code).toBe('MISSING_TRANSITION_NOT_ALLOWED');
    expect(checkMissingAction({ from: 'closed', action: 'close', closeReason: 'duplicate' })?.code).toBe('MISSING_TRANSITION_NOT_ALLOWED');
  });

  it('names what a found record lacks', () => {
    expect(checkMissingAction({ from: 'missing', action: 'found', outcome: 'found_safe', condition: 'unharmed', now })).toEqual({ code: 'REASON_REQUIRED', path: 'foundAt' });
    expect(checkMissingAction({ from: 'missing', action: 'found', foundAt: now, condition: 'unharmed', now })).toEqual({ code: 'REASON_REQUIRED', path: 'outcome' });
    expect(checkMissingAction({ from: 'missing', action: 'found', foundAt: now, outcome: 'found_safe', now })).toEqual({ code: 'REASON_REQUIRED', path: 'condition' });
    expect(checkMissingAction({ from: 'missing', action: 'found', foundAt: new Date(now.getTime() + 3_600_000), outcome: 'found_safe', condition: 'unharmed', now })).toEqual({ code: 'FOUND_TIME_INVALID' });
  });

  it('needs a reason to close and to reopen', () => {
    expect(checkMissingAction({ from: 'missing', action: 'close' })).toEqual({ code: 'REASON_REQUIRED', path: 'closeReason' });
    expect(checkMissingAction({ from: 'missing', action: 'close', closeReason: 'other', reason: '  ' })).toEqual({ code: 'REASON_REQUIRED', path: 'reason' });
    expect(checkMissingAction({ from: 'missing', action: 'close', closeReason: 'duplicate' })).toBeNull();
    expect(checkMissingAction({ from: 'found', action: 'reopen' })).toEqual({ code: 'REASON_REQUIRED', path: 'reason' });
    expect(checkMissingAction({ from: 'closed', action: 'reopen', reason: 'Seen again at the bus station' })).toBeNull();
  });
});

describe('missing-child helpers', () => {
  it('defaults priority to urgent for abductions and children under 13', () => {
    expect(defaultMissingPriority('criminal_abduction', 16)).toBe('urgent');
    expect(defaultMissingPriority('parental_abduction', null)).toBe('urgent');
    expect(defaultMissingPriority('runaway', 12)).toBe('urgent');
    expect(defaultMissingPriority('runaway', 13)).toBe('high');
    expect(defaultMissingPriority('missing_migration', undefined)).toBe('high');
  });

  it('rounds points to about a kilometre', () => {
    expect(roundCoordinate(40.63651)).toBe(40.64);
    expect(roundCoordinate(-22.94449)).toBe(-22.94);
    expect(roundCoordinate(null)).toBeNull();
    expect(roundCoordinate(Number.NaN)).toBeNull();
  });

  it('says how long a child has been missing', () => {
    expect(timeMissing(new Date(now.getTime() - 3 * 3_600_000 - 5 * 60_000), now)).toEqual({ unit: 'h', value: 3 });
    expect(timeMissing(new Date(now.getTime() - 20 * 60_000), now)).toEqual({ unit: 'm', value: 20 });
    expect(timeMissing(new Date(now.getTime() - 5 * 86_400_000), now)).toEqual({ unit: 'd', value: 5 });
    expect(timeMissing(new Date(now.getTime() + 60_000), now)).toEqual({ unit: 'm', value: 0 });
  });

  it('adds a suspected country once', () => {
    expect(withSuspectedCountry(['AL'], 'ro')).toEqual(['AL', 'RO']);
    expect(withSuspectedCountry(['AL', 'RO'], 'RO')).toEqual(['AL', 'RO']);
  });
});

describe('alert texts', () => {
  const facts = { name: 'Ana Demo', ageYears: 12, abduction: true, lastSeenAt: now, place: () => 'Thessaloniki, Greece', description: 'Red jacket.', hotline: '116000' };

  it('picks the country’s first language', () => {
    expect(firstAlertLanguage('GR')).toBe('el');
    expect(firstAlertLanguage('AL')).toBeNull();
    expect(firstAlertLanguage('RS', ['sr', 'hu'])).toBe('sr');
    expect(firstAlertLanguage('MK', ['mk', 'sq'])).toBeNull();
  });

  it('names 116 000 in every language and keeps the headline short', () => {
    for (const l of ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const) {
      const t = buildAlertTexts(l, facts);
      expect(t.instruction).toContain('116 000');
      expect(t.headline.length).toBeLessThanOrEqual(160);
      expect(t.description).toContain('Ana Demo');
    }
    expect(buildAlertTexts('en', facts).headline).toMatch(/^Child abduction alert: Ana Demo/);
    expect(buildAlertTexts('en', { ...facts, abduction: false }).headline).toMatch(/^Missing child/);
  });
});
