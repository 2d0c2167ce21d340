/**
 * HTTP fetching for ingest: http/https only, private and loopback addresses refused (checked on the
 * address actually connected to, so DNS rebinding does not get around it) unless
 * VICTOR_ALLOW_PRIVATE_ENDPOINTS, conditional GET, a 15 s timeout and a size limit enforced while
 * the body streams in.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../domain/errors';

export const FETCH_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;

/** True for an address a server-side fetch must not reach (loopback, private, link-local, …). */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

/** Check a source URL: http(s), no credentials, and (unless allowed) no literal private address. */
export function checkIngestUrl(url: string, allowPrivate: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The URL is not valid.', { issues: [{ path: 'url', message: 'not a URL' }] });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AppError('VALIDATION_FAILED', 'Only http and https URLs can be polled.', { issues: [{ path: 'url', message: 'http or https only' }] });
  if (parsed.username || parsed.password) throw new AppError('VALIDATION_FAILED', 'The URL must not carry credentials.', { issues: [{ path: 'url', message: 'no credentials in the URL' }] });
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (ipaddr.isValid(host) && isPrivateAddress(host)))) {
    throw new AppError('WEBHOOK_URL_NOT_ALLOWED', 'Private and loopback addresses cannot be polled.');
  }
  return parsed;
}

/** A DNS lookup that refuses private addresses. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as unknown as LookupAddress[];
      const bad = !allowPrivate && list.some((a) => isPrivateAddress(a.address));
      if (bad || !list.length) return callback(Object.assign(new Error('The host resolves to a private address.'), { code: 'PRIVATE_ADDRESS' }), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** What a fetch gave. */
export type FetchOutcome =
  | { kind: 'ok'; body: Buffer; etag: string | null; lastModified: string | null; contentType: string | null; url: string }
  | { kind: 'not_modified' }
  | { kind: 'too_large'; receivedBytes: number; excerpt: Buffer }
  | { kind: 'error'; message: string };

/** Options of one fetch. */
export interface FetchOptions {
  maxBytes: number;
  allowPrivate: boolean;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
}

/** GET a URL with the limits above (follows up to 3 redirects). Never throws. */
export async function fetchWithLimits(url: string, opts: FetchOptions, redirects = 0): Promise<FetchOutcome> {
  let target: URL;
  try {
    target = checkIngestUrl(url, opts.allowPrivate);
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : 'URL refused' };
  }
  const client = target.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { accept: 'application/atom+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.1', 'user-agent': 'Victor-alert-ingest/1' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const outcome = await new Promise<FetchOutcome | { kind: 'redirect'; location: string }>((resolve) => {
    let settled = false;
    const finish = (o: FetchOutcome | { kind: 'redirect'; location: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const req = client.request(target, { method: 'GET', headers, lookup: guardedLookup(opts.allowPrivate) }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 304) {
        res.resume();
        return finish({ kind: 'not_modified' });
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return finish({ kind: 'redirect', location: new URL(res.headers.location, target).toString() });
      }
      if (status !== 200) {
        res.resume();
        return finish({ kind: 'error', message: `HTTP ${status}` });
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      const chunks: Buffer[] = [];
      let size = 0;
      const tooLarge = () => {
        finish({ kind: 'too_large', receivedBytes: size, excerpt: Buffer.concat(chunks).subarray(0, 2048) });
        req.destroy();
      };
      if (Number.isFinite(declared) && declared > opts.maxBytes) return tooLarge();
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) return tooLarge();
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish({
          kind: 'ok',
          body: Buffer.concat(chunks),
          etag: typeof res.headers.etag === 'string' ? res.headers.etag.slice(0, 500) : null,
          lastModified: typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'].slice(0, 100) : null,
          contentType: res.headers['content-type'] ?? null,
          url: target.toString(),
        }),
      );
      res.on('error', (err) => finish({ kind: 'error', message: err.message }));
    });
    const timer = setTimeout(() => {
      finish({ kind: 'error', message: 'timed out' });
      req.destroy();
    }, opts.timeoutMs ?? FETCH_TIMEOUT_MS);
    req.on('error', (err) => finish({ kind: 'error', message: (err as { code?: string }).code === 'PRIVATE_ADDRESS' ? 'The host resolves to a private address.' : err.message }));
    req.end();
  });
  if (outcome.kind === 'redirect') {
    if (redirects >= MAX_REDIRECTS) return { kind: 'error', message: 'too many redirects' };
    return fetchWithLimits(outcome.location, { ...opts, etag: null, lastModified: null }, redirects + 1);
  }
  return outcome;
}
