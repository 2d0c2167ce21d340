/**
 * Signatures of webhook calls from phone systems and mail gateways:
 * `x-victor-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp bounds replays to a few minutes; the events themselves are idempotent.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signature's timestamp may be from now. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature header value for a body (what an integration sends). */
export function signWebhookBody(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Why a signature is refused, or null when it is valid. */
export function checkWebhookSignature(secret: string, body: string, header: string | undefined, now = new Date()): string | null {
  if (!header) return 'the x-victor-signature header is missing';
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1 ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'the signature header is malformed';
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return 'the signature timestamp is too old or in the future';
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'the signature does not match';
}
