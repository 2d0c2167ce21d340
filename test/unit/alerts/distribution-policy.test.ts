import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, signWebhookBody } from '../../../src/domain/helpline/webhook-signature';
import { checkWebhookUrl, computeBackoffMs, DEFAULT_BACKOFF, isNonPublicAddress, planRetry, type BackoffPolicy } from '../../../src/services/alert-webhook-policy';

describe('webhook signature', () => {
  it('signs "t.body" with HMAC-SHA256 and verifies it', () => {
    const at = new Date('2026-11-30T12:00:00Z');
    const header = signWebhookBody('s3cret', '<alert/>', at);
    expect(header).toMatch(/^t=1796040000,v1=[0-9a-f]{64}$/);
    expect(checkWebhookSignature('s3cret', '<alert/>', header, at)).toBeNull();
    expect(checkWebhookSignature('other', '<alert/>', header, at)).toMatch(/does not match/);
    expect(checkWebhookSignature('s3cret', '<alert />', header, at)).toMatch(/does not match/);
    expect(checkWebhookSignature('s3cret', '<alert/>', header, new Date(at.getTime() + 3_600_000))).toMatch(/too old/);
  });
});

describe('back-off schedule', () => {
  const exact: BackoffPolicy = { ...DEFAULT_BACKOFF, jitter: 0 };
  it('grows by the factor from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => computeBackoffMs(exact, n))).toEqual([5_000, 15_000, 45_000, 135_000]);
    expect(computeBackoffMs(exact, 20)).toBe(3_600_000);
  });
  it('keeps jitter within the relative bound and never above the cap', () => {
    expect(computeBackoffMs(DEFAULT_BACKOFF, 1, () => 0)).toBe(4_000);
    expect(computeBackoffMs(DEFAULT_BACKOFF, 1, () => 1)).toBe(6_000);
    expect(computeBackoffMs(DEFAULT_BACKOFF, 25, () => 1)).toBe(3_600_000);
  });
  it('gives up after the maximum number of attempts, about a day in total', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(planRetry(exact, DEFAULT_BACKOFF.maxAttempts, now)).toEqual({ dead: true });
    expect(planRetry(exact, 1, now)).toEqual({ dead: false, nextAttemptAt: new Date(now.getTime() + 5_000) });
    let total = 0;
    for (let n = 1; n < DEFAULT_BACKOFF.maxAttempts; n++) total += computeBackoffMs(exact, n);
    expect(total / 3_600_000).toBeGreaterThan(20);
    expect(total / 3_600_000).toBeLessThan(30);
  });
});

describe('webhook URL guard', () => {
  const refused = (url: string, allowPrivate = false) => {
    try {
      checkWebhookUrl(url, allowPrivate);
      return false;
    } catch (err) {
      return (err as { code?: string }).code === 'WEBHOOK_URL_NOT_ALLOWED';
    }
  };
  it('accepts public http(s) URLs', () => {
    expect(refused('https://broadcaster.example/cap')).toBe(false);
    expect(refused('http://203.0.113.9:8080/hook')).toBe(true); // TEST-NET-3 is reserved
    expect(refused('https://93.184.216.34/hook')).toBe(false);
    expect(refused('https://[2606:4700:4700::1111]/hook')).toBe(false);
  });
  it('refuses other schemes, credentials and garbage', () => {
    expect(refused('ftp://example.org/x')).toBe(true);
    expect(refused('file:///etc/passwd')).toBe(true);
    expect(refused('javascript:alert(1)')).toBe(true);
    expect(refused('https://user:pw@example.org/x')).toBe(true);
    expect(refused('https://token@example.org/x')).toBe(true);
    expect(refused('not a url')).toBe(true);
  });
  it('refuses loopback, private, link-local and local names', () => {
    for (const u of ['http://127.0.0.1/', 'http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/', 'http://100.64.0.1/', 'http://localhost:8080/', 'http://api.localhost/', 'http://[::1]/', 'http://[fe80::1]/', 'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/', 'http://[::ffff:10.0.0.1]/', 'http://2130706433/', 'http://0x7f000001/', 'http://127.1/']) {
      expect(refused(u), u).toBe(true);
    }
  });
  it('allows private addresses when the instance allows private endpoints', () => {
    expect(refused('http://127.0.0.1:3404/hook', true)).toBe(false);
    expect(refused('http://user:pw@127.0.0.1/hook', true)).toBe(true);
  });
  it('classifies addresses', () => {
    expect(isNonPublicAddress('8.8.8.8')).toBe(false);
    expect(isNonPublicAddress('2001:4860:4860::8888')).toBe(false);
    expect(isNonPublicAddress('::ffff:192.168.0.1')).toBe(true);
    expect(isNonPublicAddress('fe80::1%eth0')).toBe(true);
    expect(isNonPublicAddress('not-an-ip')).toBe(true);
  });
});
