import { describe, expect, it } from 'vitest';
import { checkCriteriaMet, missingCriteria, requiredCriteria } from '../../../src/domain/alerts/alert-criteria';
import { checkExpiry, extendExpiry, latestExpiry } from '../../../src/domain/alerts/alert-expiry';
import { checkAuthorityDecision, checkFourEyes, checkPhotoPresent, isAlertActionAllowed, nextAlertStatus } from '../../../src/domain/alerts/alert-workflow';
import { AppError } from '../../../src/domain/errors';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
};

const limits = { abductionMaxHours: 24, endangeredMaxHours: 48, extensionHours: 12, maxExtensions: 2 };
const t0 = new Date('2026-11-30T10:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

describe('alert workflow', () => {
  it('follows draft → approved → issued → resolved / cancelled / expired', () => {
    expect(nextAlertStatus('draft', 'approve')).toBe('approved');
    expect(nextAlertStatus('approved', 'issue')).toBe('issued');
    expect(nextAlertStatus('issued', 'update')).toBe('issued');
    expect(nextAlertStatus('issued', 'extend')).toBe('issued');
    expect(nextAlertStatus('issued', 'resolve')).toBe('resolved');
    expect(nextAlertStatus('issued', 'cancel')).toBe('cancelled');
    expect(nextAlertStatus('issued', 'expire')).toBe('expired');
    expect(nextAlertStatus('draft', 'cancel')).toBe('cancelled');
  });

  it('refuses transitions the table does not allow', () => {
    expect(codeOf(() => nextAlertStatus('draft', 'issue'))).toBe('ALERT_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => nextAlertStatus('draft', 'resolve'))).toBe('ALERT_TRANSITION_NOT_ALLOWED');
    expect(codeOf(() => nextAlertStatus('approved', 'approve'))).toBe('ALERT_TRANSITION_NOT_ALLOWED');
    for (const end of ['resolved', 'cancelled', 'expired'] as const) {
      for (const a of ['edit', 'approve', 'issue', 'update', 'extend', 'resolve', 'cancel', 'expire', 'pre_alert'] as const) expect(isAlertActionAllowed(end, a)).toBe(false);
    }
  });

  it('four-eyes: the drafter may not approve', () => {
    expect(codeOf(() => checkFourEyes('u1', 'u1'))).toBe('ALERT_APPROVER_IS_DRAFTER');
    expect(codeOf(() => checkFourEyes('u1', 'u2'))).toBeNull();
  });

  it('needs the authority decision and a photo', () => {
    expect(codeOf(() => checkAuthorityDecision(null))).toBe('ALERT_AUTHORITY_DECISION_REQUIRED');
    expect(codeOf(() => checkAuthorityDecision({ name: 'Prosecutor', reference: '' , decidedAt: t0 }))).toBe('ALERT_AUTHORITY_DECISION_REQUIRED');
    expect(codeOf(() => checkAuthorityDecision({ name: 'Prosecutor', reference: 'R1', decidedAt: t0 }))).toBeNull();
    expect(codeOf(() => checkPhotoPresent(false))).toBe('ALERT_PHOTO_REQUIRED');
  });
});

describe('alert criteria', () => {
  const config = { child_abduction: ['minor', 'abductionBelieved', 'lifeInDanger', 'bogus'], endangered_missing: ['minor'] };
  it('takes the required criteria per tier from the country settings', () => {
    expect(requiredCriteria(config, 'child_abduction')).toEqual(['minor', 'abductionBelieved', 'lifeInDanger']);
    expect(requiredCriteria(config, 'endangered_missing')).toEqual(['minor']);
    expect(requiredCriteria({}, 'endangered_missing')).toEqual([]);
  });
  it('lists the missing ones and refuses with ALERT_CRITERIA_NOT_MET', () => {
    const req = requiredCriteria(config, 'child_abduction');
    expect(missingCriteria(req, { minor: true, lifeInDanger: false })).toEqual(['abductionBelieved', 'lifeInDanger']);
    try {
      checkCriteriaMet(req, { minor: true });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe('ALERT_CRITERIA_NOT_MET');
      expect((err as AppError).details?.issues?.map((i) => i.path)).toEqual(['criteria.abductionBelieved', 'criteria.lifeInDanger']);
    }
    expect(codeOf(() => checkCriteriaMet(req, { minor: true, abductionBelieved: true, lifeInDanger: true }))).toBeNull();
  });
});

describe('alert expiry', () => {
  it('caps expiry at the tier maximum from the start', () => {
    expect(latestExpiry(limits, 'child_abduction', t0)).toEqual(hours(24));
    expect(latestExpiry(limits, 'endangered_missing', t0)).toEqual(hours(48));
    expect(latestExpiry(limits, 'child_abduction', t0, 2)).toEqual(hours(48));
    expect(codeOf(() => checkExpiry(hours(25), hours(24), t0))).toBe('ALERT_EXPIRY_TOO_LATE');
    expect(codeOf(() => checkExpiry(hours(24), hours(24), t0))).toBeNull();
    expect(codeOf(() => checkExpiry(hours(-1), hours(24), t0))).toBe('VALIDATION_FAILED');
  });
  it('extends by extension hours up to max extensions', () => {
    const e1 = extendExpiry(limits, 'child_abduction', t0, hours(24), 0);
    expect(e1).toEqual({ expiresAt: hours(36), extensions: 1 });
    const e2 = extendExpiry(limits, 'child_abduction', t0, e1.expiresAt, 1, 6);
    expect(e2).toEqual({ expiresAt: hours(42), extensions: 2 });
    expect(codeOf(() => extendExpiry(limits, 'child_abduction', t0, e2.expiresAt, 2))).toBe('ALERT_EXTENSION_LIMIT');
    expect(codeOf(() => extendExpiry(limits, 'child_abduction', t0, hours(24), 0, 13))).toBe('ALERT_EXPIRY_TOO_LATE');
  });
  it('never extends past the cap of the extensions granted', () => {
    // An expiry set early then extended: still at most start + max + n × extension.
    expect(extendExpiry(limits, 'child_abduction', t0, hours(30), 0).expiresAt).toEqual(hours(36));
  });
});
