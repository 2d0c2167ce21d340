/**
 * Pure helpers of the ingest use-case: a cheap refusal of hostile markup before any parser sees it,
 * the quarantine excerpt, and what the regional map needs from a parsed CAP alert (geometry,
 * country, headline, expiry, referenced messages).
 */
import type { CapAlert, CapInfo } from '../domain/alerts/cap/cap-model';
import { parseCapTime } from '../domain/alerts/cap/cap-time';

/**
 * Reason codes of the quarantine: the CAP parser's issue codes (CAP_DOCTYPE_FORBIDDEN, CAP_NOT_XML,
 * CAP_NOT_CAP, CAP_WRONG_NAMESPACE, CAP_TOO_LARGE, …) plus these of ingest itself.
 */
export const INGEST_REASONS = ['CAP_TOO_LARGE', 'CAP_DOCTYPE_FORBIDDEN', 'CAP_XINCLUDE_FORBIDDEN', 'CAP_INVALID', 'CAP_NOT_CAP', 'FEED_INVALID'] as const;
export type QuarantineReason = string;

/** What an ingested document is, judged from its first bytes. */
export type DocumentKind = 'cap' | 'atom' | 'edxl' | 'unknown';

/** The document as text for sniffing (first 8 KiB; UTF-16 byte-order marks are honoured). */
function headText(bytes: Buffer, max = 8192): string {
  const head = bytes.subarray(0, max);
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) {
    const swapped = Buffer.from(head.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return head.toString('latin1');
}

/**
 * Refuse what must never reach a parser: a DOCTYPE or entity declaration (XXE, billion laughs) or
 * XInclude. Returns the reason, or null. The CAP parser refuses these too; this check is cheaper
 * and gives a stable reason code.
 */
export function screenHostileMarkup(bytes: Buffer): { reason: QuarantineReason; detail: string } | null {
  const text = bytes.length > 65536 ? headText(bytes, 65536) : headText(bytes, bytes.length);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return { reason: 'CAP_DOCTYPE_FORBIDDEN', detail: 'The document declares a DOCTYPE or entities; documents with a DTD are never parsed.' };
  if (/www\.w3\.org\/2001\/XInclude/i.test(text) || /<[\w.-]+:include\b/.test(text)) return { reason: 'CAP_XINCLUDE_FORBIDDEN', detail: 'The document uses XInclude; it is never resolved.' };
  return null;
}

/** Whether the document is a CAP alert or an Atom feed, by its root element. */
export function sniffDocumentKind(bytes: Buffer, contentType?: string): DocumentKind {
  const text = headText(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/^\u00EF\u00BB\u00BF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  const root = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(text)?.[1];
  if (root === 'feed' || root === 'rss') return 'atom';
  if (root === 'alert') return 'cap';
  if (root === 'EDXLDistribution') return 'edxl';
  if (contentType?.includes('atom')) return 'atom';
  if (contentType?.includes('cap')) return 'cap';
  return 'unknown';
}

/** The first 512 characters of a refused document, control characters stripped (shown as text only). */
export function makeExcerpt(bytes: Buffer): string {
  const text = bytes.subarray(0, 2048).toString('utf8');
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g, '').slice(0, 512);
}

/** A parser issue code as a quarantine reason (codes are UPPER_SNAKE; anything else is CAP_INVALID). */
export function reasonOfParseIssue(code: string): QuarantineReason {
  return /^[A-Z][A-Z0-9_]{2,60}$/.test(code) ? code : 'CAP_INVALID';
}

/** A CAP time, or (lenient, for CAP 1.0/1.1 senders) an ISO 8601 time with "Z" or fractions; null otherwise. */
export function parseLenientTime(text: string | undefined): Date | null {
  if (!text) return null;
  const strict = parseCapTime(text.trim());
  if (strict) return strict;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[-+]\d{2}:?\d{2})$/.test(text.trim())) return null;
  const d = new Date(text.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Geometry as the map draws it: polygons of [lat, lon] pairs, circles with a radius in km. */
export interface IngestGeometry {
  polygons: [number, number][][];
  circles: { lat: number; lon: number; radiusKm: number }[];
}

const inRange = (lat: number, lon: number) => Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** Parse a CAP polygon ("lat,lon lat,lon …"); null when malformed. */
export function parseCapPolygon(text: string): [number, number][] | null {
  const points: [number, number][] = [];
  for (const pair of text.trim().split(/\s+/)) {
    const [a, b, ...rest] = pair.split(',');
    const lat = Number(a);
    const lon = Number(b);
    if (rest.length || !inRange(lat, lon)) return null;
    points.push([lat, lon]);
  }
  return points.length >= 3 ? points : null;
}

/** Parse a CAP circle ("lat,lon radiusKm"); null when malformed. */
export function parseCapCircle(text: string): { lat: number; lon: number; radiusKm: number } | null {
  const m = /^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s+([\d.]+)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  const radiusKm = Number(m[3]);
  return inRange(lat, lon) && Number.isFinite(radiusKm) && radiusKm >= 0 && radiusKm <= 5000 ? { lat, lon, radiusKm } : null;
}

/** The info block to show: the first English one, else the first. */
export function pickInfo(alert: CapAlert): CapInfo | undefined {
  return alert.info.find((i) => /^en(-|$)/i.test(i.language ?? 'en-US')) ?? alert.info[0];
}

/** What the map and the list need from an alert. */
export interface IngestSummaryFields {
  geometry: IngestGeometry;
  countryCode: string | null;
  headline: string | null;
  event: string | null;
  areaDesc: string | null;
  /** The latest expiry over all info blocks; null if one has none (then the alert never expires by itself). */
  expiresAt: Date | null;
}

const clip = (s: string | undefined, n: number) => (s ? s.slice(0, n) : null);

/** Extract geometry, country (ISO 3166 geocode, else the source's country), headline, expiry. */
export function extractIngestFields(alert: CapAlert, fallbackCountry: string | null): IngestSummaryFields {
  const geometry: IngestGeometry = { polygons: [], circles: [] };
  let country: string | null = null;
  for (const info of alert.info) {
    for (const area of info.area) {
      for (const p of area.polygon) {
        const ring = parseCapPolygon(p);
        if (ring && geometry.polygons.length < 50) geometry.polygons.push(ring);
      }
      for (const c of area.circle) {
        const circle = parseCapCircle(c);
        if (circle && geometry.circles.length < 50) geometry.circles.push(circle);
      }
      for (const g of area.geocode) {
        if (!country && /^ISO[ _-]?3166/i.test(g.valueName)) {
          const code = g.value.trim().slice(0, 2).toUpperCase();
          if (/^[A-Z]{2}$/.test(code)) country = code;
        }
      }
    }
  }
  const info = pickInfo(alert);
  let expiresAt: Date | null = null;
  let allHaveExpiry = alert.info.length > 0;
  for (const i of alert.info) {
    const e = parseLenientTime(i.expires);
    if (!e) allHaveExpiry = false;
    else if (!expiresAt || e > expiresAt) expiresAt = e;
  }
  return {
    geometry,
    countryCode: country ?? fallbackCountry,
    headline: clip(info?.headline, 500),
    event: clip(info?.event, 200),
    areaDesc: clip(info?.area.map((a) => a.areaDesc).filter(Boolean).join('; '), 500),
    expiresAt: allHaveExpiry ? expiresAt : null,
  };
}

/** The (sender, identifier, sent) triples of a CAP references list; malformed ones are skipped. */
export function parseReferences(references: string | undefined): { sender: string; identifier: string; sent: Date }[] {
  if (!references) return [];
  const out: { sender: string; identifier: string; sent: Date }[] = [];
  for (const triple of references.trim().split(/\s+/)) {
    const [sender, identifier, sentText, ...rest] = triple.split(',');
    const sent = parseLenientTime(sentText);
    if (sender && identifier && sent && !rest.length) out.push({ sender, identifier, sent });
  }
  return out.slice(0, 100);
}
