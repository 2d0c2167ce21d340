import { describe, expect, it } from 'vitest';
import { bandOfAge, isTreatedAsChild, presumesMinority } from '../../../src/domain/cases/age';
import { checkCaseTransition, listNextStatuses, recordMilestone, type CaseTimings } from '../../../src/domain/cases/case-workflow';
import { checkHandoffRequest, nextHandoffStatus, pickHandoffDataset } from '../../../src/domain/cases/handoff-workflow';
import { checkReferralConsent, computeReferralDue, listReferralActions, nextReferralStatus, sideOf } from '../../../src/domain/cases/referral-workflow';

describe('case status', () => {
  it('moves forward, closes with a reason and reopens only with one', () => {
    expect(checkCaseTransition({ from: 'open', to: 'active' })).toBeNull();
    expect(checkCaseTransition({ from: 'active', to: 'referred' })).toBeNull();
    expect(checkCaseTransition({ from: 'referred', to: 'monitoring' })).toBeNull();
    expect(checkCaseTransition({ from: 'monitoring', to: 'closed' })).toBe('closure_reason_required');
    expect(checkCaseTransition({ from: 'monitoring', to: 'closed', closureReason: 'assistance_completed' })).toBeNull();
    expect(checkCaseTransition({ from: 'active', to: 'closed', closureReason: 'other' })).toBe('reason_required');
    expect(checkCaseTransition({ from: 'closed', to: 'active' })).toBe('reason_required');
    expect(checkCaseTransition({ from: 'closed', to: 'active', reason: 'The child called again' })).toBeNull();
  });

  it('refuses illegal moves', () => {
    expect(checkCaseTransition({ from: 'closed', to: 'referred', reason: 'x' })).toBe('not_allowed');
    expect(checkCaseTransition({ from: 'open', to: 'monitoring' })).toBe('not_allowed');
    expect(checkCaseTransition({ from: 'active', to: 'open' })).toBe('not_allowed');
    expect(checkCaseTransition({ from: 'active', to: 'active' })).toBe('same_status');
    expect(listNextStatuses('closed')).toEqual(['active']);
  });

  it('keeps the first time of each milestone', () => {
    const t: CaseTimings = { reportedAt: '2026-11-01T10:00:00Z', openedAt: '2026-11-01T10:05:00Z', firstAssistanceAt: null, firstReferralAt: null, firstAcceptanceAt: null, closedAt: null };
    const once = recordMilestone(t, 'firstReferralAt', '2026-11-02T09:00:00Z');
    expect(recordMilestone(once, 'firstReferralAt', '2026-11-05T09:00:00Z').firstReferralAt).toBe('2026-11-02T09:00:00Z');
  });
});

describe('referrals', () => {
  it('follows draft -> sent -> acknowledged -> accepted -> completed, each step by its side', () => {
    expect(nextReferralStatus('draft', 'send')).toBe('sent');
    expect(nextReferralStatus('sent', 'acknowledge')).toBe('acknowledged');
    expect(nextReferralStatus('acknowledged', 'accept')).toBe('accepted');
    expect(nextReferralStatus('sent', 'decline')).toBe('declined');
    expect(nextReferralStatus('accepted', 'complete')).toBe('completed');
    expect(nextReferralStatus('accepted', 'revoke')).toBe('revoked');
    expect(sideOf('accept')).toBe('receiver');
    expect(sideOf('revoke')).toBe('sender');
    expect(listReferralActions('sent', 'receiver').sort()).toEqual(['accept', 'acknowledge', 'decline']);
    expect(listReferralActions('sent', 'sender')).toEqual(['revoke']);
  });

  it('refuses steps from the wrong status', () => {
    expect(nextReferralStatus('draft', 'accept')).toBeNull();
    expect(nextReferralStatus('declined', 'accept')).toBeNull();
    expect(nextReferralStatus('completed', 'revoke')).toBeNull();
    expect(nextReferralStatus('revoked', 'send')).toBeNull();
  });

  it('is sent only with consent covering referral, or an override with a stated reason', () => {
    expect(checkReferralConsent({ given: true, givenBy: 'guardian', coversReferral: true }, null)).toBeNull();
    expect(checkReferralConsent({ given: true, givenBy: 'child', coversReferral: false }, null)).toBe('consent_missing');
    expect(checkReferralConsent(null, null)).toBe('consent_missing');
    expect(checkReferralConsent(null, { reason: 'urgent' })).toBe('override_reason_required');
    expect(checkReferralConsent(null, { reason: 'Imminent danger to the child tonight' })).toBeNull();
  });

  it('is overdue once its SLA has passed while still open', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(computeReferralDue('sent', '2026-11-29T10:00:00Z', 24, now)).toEqual({ dueAt: '2026-11-30T10:00:00.000Z', overdue: true });
    expect(computeReferralDue('sent', '2026-11-30T10:00:00Z', 24, now).overdue).toBe(false);
    expect(computeReferralDue('completed', '2026-11-01T10:00:00Z', 24, now)).toEqual({ dueAt: null, overdue: false });
    expect(computeReferralDue('sent', '2026-11-01T10:00:00Z', null, now)).toEqual({ dueAt: null, overdue: false });
  });
});

describe('cross-border hand-off', () => {
  it('is accepted, declined or withdrawn once, and goes abroad with consent only', () => {
    expect(nextHandoffStatus('requested', 'accept')).toBe('accepted');
    expect(nextHandoffStatus('requested', 'withdraw')).toBe('withdrawn');
    expect(nextHandoffStatus('accepted', 'decline')).toBeNull();
    expect(checkHandoffRequest('GR', 'GR', true)).toBe('same_country');
    expect(checkHandoffRequest('GR', 'BG', false)).toBe('consent_missing');
    expect(checkHandoffRequest('GR', 'BG', true)).toBeNull();
  });

  it('carries the minimum dataset only', () => {
    expect(pickHandoffDataset({ ageBand: '12-14', name: 'Never sent', address: 'x', summary: 's' })).toEqual({ ageBand: '12-14', summary: 's' });
  });
});

describe('age', () => {
  it('treats under-18s and presumed minors as children', () => {
    expect(bandOfAge(14)).toBe('12-14');
    expect(bandOfAge(17)).toBe('15-17');
    expect(bandOfAge(18)).toBe('18-24');
    expect(isTreatedAsChild({ years: 16, ageBand: 'unknown', uncertain: false, mayBeChild: false })).toBe(true);
    expect(isTreatedAsChild({ years: 19, ageBand: '18-24', uncertain: false, mayBeChild: true })).toBe(false);
    expect(isTreatedAsChild({ years: 19, ageBand: '18-24', uncertain: true, mayBeChild: true })).toBe(true);
    expect(presumesMinority({ years: null, ageBand: 'unknown', uncertain: false, mayBeChild: true })).toBe(true);
    expect(presumesMinority({ years: null, ageBand: 'unknown', uncertain: true, mayBeChild: false })).toBe(false);
  });
});
