/**
 * Sending one webhook request: a keep-alive undici agent whose DNS lookup refuses private
 * addresses at connection time (so a name cannot be re-pointed at an internal host after the URL
 * was checked), the signature headers, a per-request time limit. Never logs bodies or secrets.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { Agent, request } from 'undici';
import { signWebhookBody } from '../domain/helpline/webhook-signature';
import { checkWebhookUrl, isNonPublicAddress } from './alert-webhook-policy';

/** What one attempt produced. */
export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** One webhook request. */
export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  contentType: string;
  event: 'alert.message' | 'alert.ping';
  deliveryId: string;
  messageId: string | null;
}

/** Options of a sender. */
export interface SenderOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  /** Connections kept per origin. */
  connections: number;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup that refuses non-public results (used by the agent's connector). */
function guardedLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isNonPublicAddress(a.address));
    if (bad) {
      const refused = Object.assign(new Error('the host resolves to a private or loopback address'), { code: 'WEBHOOK_URL_NOT_ALLOWED' }) as NodeJS.ErrnoException;
      return callback(refused, '');
    }
    if ((options as LookupAllOptions).all) return callback(null, list);
    const first = list[0];
    return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '');
  });
}

/** A short, secret-free description of a transport error. */
function describeError(err: unknown): string {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code;
  if (e.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  if (code === 'WEBHOOK_URL_NOT_ALLOWED') return 'address not allowed';
  return (code ?? e.name ?? 'error').slice(0, 100);
}

/** Build a sender: `send` posts one signed request; `close` ends the agent's connections. */
export function createWebhookSender(opts: SenderOptions): { send(req: WebhookRequest): Promise<SendResult>; close(): Promise<void> } {
  const agent = new Agent({
    connections: opts.connections,
    keepAliveTimeout: 30_000,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connect: opts.allowPrivate ? { timeout: opts.timeoutMs } : { timeout: opts.timeoutMs, lookup: guardedLookup as never },
  });
  return {
    async send(req) {
      try {
        checkWebhookUrl(req.url, opts.allowPrivate);
      } catch {
        return { ok: false, statusCode: null, error: 'address not allowed' };
      }
      const headers: Record<string, string> = {
        'content-type': req.contentType,
        'user-agent': 'Victor-Alerts/1.0',
        'x-victor-signature': signWebhookBody(req.secret, req.body),
        'x-victor-delivery': req.deliveryId,
        'x-victor-event': req.event,
      };
      if (req.messageId) headers['x-victor-message'] = req.messageId;
      try {
        const res = await request(req.url, { method: 'POST', body: req.body, headers, dispatcher: agent, signal: AbortSignal.timeout(opts.timeoutMs), maxRedirections: 0 } as Parameters<typeof request>[1]);
        await res.body.dump({ limit: 64 * 1024 }).catch(() => {});
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        return { ok, statusCode: res.statusCode, error: ok ? null : `HTTP ${res.statusCode}` };
      } catch (err) {
        return { ok: false, statusCode: null, error: describeError(err) };
      }
    },
    async close() {
      await agent.close().catch(() => {});
    },
  };
}
