/**
 * Rules of webhook delivery that need no database: the retry schedule (exponential back-off with
 * jitter, then dead letter) and which URLs Victor may call (scheme, no credentials, no private or
 * loopback addresses unless the instance allows them).
 */
import ipaddr from 'ipaddr.js';
import { AppError } from '../domain/errors';

/** When to retry a failed delivery and when to give up. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Each further delay is the previous one times this. */
  factor: number;
  /** No delay is longer than this. */
  capMs: number;
  /** After this many attempts the delivery is dead (dead-letter list). */
  maxAttempts: number;
  /** Relative jitter (0.2 = ±20 %), so retries of many subscribers spread out. */
  jitter: number;
}

/** Production schedule: 5 s, 15 s, 45 s, 2¼ min, … capped at 1 h; 30 attempts ≈ 24 h, then dead. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, factor: 3, capMs: 3_600_000, maxAttempts: 30, jitter: 0.2 };

/** Mail: 30 s, 1½ min, … capped at 1 h; 12 attempts ≈ 8 h, then dead. */
export const MAIL_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 3, capMs: 3_600_000, maxAttempts: 12, jitter: 0.2 };

/** The delay before attempt `attempts + 1`, after `attempts` failed attempts (≥ 1). */
export function computeBackoffMs(policy: BackoffPolicy, attempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, attempts);
  const plain = Math.min(policy.capMs, policy.baseMs * policy.factor ** (n - 1));
  const spread = plain * policy.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(policy.capMs, plain + spread)));
}

/** What to do after a failed attempt: retry at a time, or give up. */
export function planRetry(policy: BackoffPolicy, attempts: number, now: Date, random: () => number = Math.random): { dead: true } | { dead: false; nextAttemptAt: Date } {
  if (attempts >= policy.maxAttempts) return { dead: true };
  return { dead: false, nextAttemptAt: new Date(now.getTime() + computeBackoffMs(policy, attempts, random)) };
}

/** True when an IP address is loopback, private, link-local, unique-local or otherwise not public. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return true;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  // Only ordinary global unicast is public; every special range (loopback, private, link-local,
  // unique-local, CGNAT, reserved, documentation, multicast, 6to4, Teredo, …) is refused.
  return parsed.range() !== 'unicast';
}

/** Refuse with WEBHOOK_URL_NOT_ALLOWED. */
function refuse(reason: string): never {
  throw new AppError('WEBHOOK_URL_NOT_ALLOWED', `This address cannot receive webhooks: ${reason}.`);
}

/**
 * Check a webhook URL's form (no DNS): http(s) only, no user name or password, a host, and — unless
 * private endpoints are allowed — no literal private, loopback or link-local address and no
 * "localhost". Returns the parsed URL.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('it is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('only http and https are allowed');
  if (url.username || url.password) refuse('credentials in the URL are not allowed (the signature authenticates Victor)');
  if (!url.hostname) refuse('the host is missing');
  if (raw.length > 2000) refuse('the URL is too long');
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) refuse('local host names are not allowed');
    if (ipaddr.isValid(host) && isNonPublicAddress(host)) refuse('private, loopback and link-local addresses are not allowed');
  }
  return url;
}
