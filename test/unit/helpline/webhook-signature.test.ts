import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_SECONDS, checkWebhookSignature, signWebhookBody } from '../../../src/domain/helpline/webhook-signature';

const SECRET = 'whsec_test_secret';
const BODY = JSON.stringify({ event: 'call.started', callId: 'c-1', at: '2026-03-02T10:00:00Z' });
const NOW = new Date('2026-03-02T10:00:00Z');

describe('webhook signatures', () => {
  it('accepts what signWebhookBody produces', () => {
    const header = signWebhookBody(SECRET, BODY, NOW);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(checkWebhookSignature(SECRET, BODY, header, NOW)).toBeNull();
    expect(checkWebhookSignature(SECRET, BODY, header.replace(',', ' , '), NOW)).toBeNull();
  });

  it('refuses a tampered body, another secret, or a signature moved to another timestamp', () => {
    const header = signWebhookBody(SECRET, BODY, NOW);
    expect(checkWebhookSignature(SECRET, BODY.replace('c-1', 'c-2'), header, NOW)).toMatch(/does not match/);
    expect(checkWebhookSignature('whsec_other', BODY, header, NOW)).toMatch(/does not match/);
    const v1 = header.split('v1=')[1];
    const t = Math.floor(NOW.getTime() / 1000) + 1;
    expect(checkWebhookSignature(SECRET, BODY, `t=${t},v1=${v1}`, NOW)).toMatch(/does not match/);
  });

  it('refuses timestamps outside the tolerance, in the past and in the future', () => {
    const old = new Date(NOW.getTime() - (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
    const future = new Date(NOW.getTime() + (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
    expect(checkWebhookSignature(SECRET, BODY, signWebhookBody(SECRET, BODY, old), NOW)).toMatch(/too old/);
    expect(checkWebhookSignature(SECRET, BODY, signWebhookBody(SECRET, BODY, future), NOW)).toMatch(/too old/);
    const edge = new Date(NOW.getTime() - (SIGNATURE_TOLERANCE_SECONDS - 1) * 1000);
    expect(checkWebhookSignature(SECRET, BODY, signWebhookBody(SECRET, BODY, edge), NOW)).toBeNull();
  });

  it('refuses missing and malformed headers without throwing', () => {
    const t = Math.floor(NOW.getTime() / 1000);
    const mac = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(checkWebhookSignature(SECRET, BODY, undefined, NOW)).toMatch(/missing/);
    for (const bad of ['', 'garbage', `t=${t}`, `v1=${mac}`, `t=abc,v1=${mac}`, `t=${t},v1=${mac.slice(2)}`, `t=${t},v1=${mac.toUpperCase()}`, `t=${t}.5,v1=${mac}`, `t=${t},v1=${'z'.repeat(64)}`]) {
      expect(checkWebhookSignature(SECRET, BODY, bad, NOW), bad).toMatch(/malformed|missing/);
    }
  });
});
