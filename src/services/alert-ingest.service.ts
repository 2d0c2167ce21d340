/**
 * Ingest of other countries' alert systems: a CAP document or an Atom feed of CAP documents, pushed
 * to us or polled, is size-checked, screened for hostile markup, parsed leniently (CAP 1.0/1.1 with a
 * warning), validated (structure and section-3 rules; issues kept as warnings), deduplicated on
 * (sender, identifier, sent) and stored; Update/Cancel messages supersede the messages they reference.
 * Anything refused goes to the quarantine with a reason code and a short excerpt; nothing here throws
 * on bad input.
 */
import { randomUUID } from 'node:crypto';
import type { IngestSummary } from '../api/alert-ingest.schemas';
import * as ingestRepo from '../db/repos/alert-ingest.repo';
import { CAP_MSG_TYPES, CAP_SCOPES, CAP_STATUSES, type CapAlert } from '../domain/alerts/cap/cap-model';
import { parseCapXml } from '../domain/alerts/cap/cap-parse';
import { validateCapAlert } from '../domain/alerts/cap/cap-validate';
import { serializeCapAlert } from '../domain/alerts/cap/cap-serialize';
import { parseAtomFeed } from '../domain/alerts/feed/atom-parse';
import { parseEdxlDe } from '../domain/alerts/feed/edxl-parse';
import { AppError } from '../domain/errors';
import { extractIngestFields, makeExcerpt, parseLenientTime, parseReferences, reasonOfParseIssue, screenHostileMarkup, sniffDocumentKind, type QuarantineReason } from './alert-ingest-extract';
import { fetchWithLimits } from './alert-ingest-fetch';
import { requireNetworkConfigure } from './alert-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';

/** Where a document came from. */
export interface IngestOrigin {
  sourceId: string | null;
  /** The source's country, used when the alert carries no ISO 3166 geocode. */
  countryCode: string | null;
  /** The URL the document was fetched from (resolves relative links of a feed). */
  baseUrl?: string | null;
}

/** The first quarantine reason of an ingest, when the document itself was refused. */
export interface IngestResult extends IngestSummary {
  rejected: { reasonCode: QuarantineReason; detail: string } | null;
}

const MAX_FEED_ENTRIES = 100;
const MAX_WARNINGS = 50;

const emptyResult = (): IngestResult => ({ accepted: 0, duplicates: 0, superseded: 0, quarantined: 0, warnings: 0, fetchErrors: 0, rejected: null });

function add(into: IngestResult, from: IngestResult): void {
  into.accepted += from.accepted;
  into.duplicates += from.duplicates;
  into.superseded += from.superseded;
  into.quarantined += from.quarantined;
  into.warnings += from.warnings;
  into.fetchErrors += from.fetchErrors;
}

/** Record a refused document. */
export async function quarantineDocument(ctx: ServiceContext, origin: IngestOrigin, bytes: Buffer, sizeBytes: number, reasonCode: QuarantineReason, detail: string): Promise<IngestResult> {
  await ingestRepo.insertQuarantine(ctx.database.db, { sourceId: origin.sourceId, reasonCode, detail: detail.slice(0, 1000), sizeBytes, excerpt: makeExcerpt(bytes) });
  ctx.logger.info({ sourceId: origin.sourceId, reasonCode, sizeBytes }, 'alert ingest: document quarantined');
  return { ...emptyResult(), quarantined: 1, rejected: { reasonCode, detail } };
}

/** The document as text for storage: its declared single-byte encoding or UTF-8, without NUL characters. */
function documentText(bytes: Buffer): string {
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'));
  const latin = decl && /^(iso-8859-1|latin1|us-ascii|windows-1252)$/i.test(decl[1]!);
  // eslint-disable-next-line no-control-regex
  return bytes.toString(latin ? 'latin1' : 'utf8').replace(/\u0000/g, '');
}

/**
 * Ingest one document (CAP or Atom). The size limit is checked before anything is parsed; hostile or
 * malformed documents are quarantined. Never throws for bad input.
 */
export async function ingestDocument(ctx: ServiceContext, bytes: Buffer, origin: IngestOrigin, contentType?: string | null): Promise<IngestResult> {
  const maxBytes = ctx.config.VICTOR_INGEST_MAX_BYTES;
  if (bytes.length > maxBytes) return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_TOO_LARGE', `The document has ${bytes.length} bytes; the limit is ${maxBytes}.`);
  const hostile = screenHostileMarkup(bytes);
  if (hostile) return quarantineDocument(ctx, origin, bytes, bytes.length, hostile.reason, hostile.detail);
  const kind = sniffDocumentKind(bytes, contentType ?? undefined);
  if (kind === 'atom') return ingestFeed(ctx, bytes, origin);
  if (kind === 'edxl') return ingestEdxl(ctx, bytes, origin);
  return ingestCap(ctx, bytes, origin);
}

async function ingestFeed(ctx: ServiceContext, bytes: Buffer, origin: IngestOrigin): Promise<IngestResult> {
  const maxBytes = ctx.config.VICTOR_INGEST_MAX_BYTES;
  let parsed: ReturnType<typeof parseAtomFeed>;
  try {
    parsed = parseAtomFeed(bytes, { maxBytes });
  } catch (err) {
    ctx.logger.warn({ sourceId: origin.sourceId, err: { message: (err as Error).message } }, 'alert ingest: feed parser threw');
    return quarantineDocument(ctx, origin, bytes, bytes.length, 'FEED_INVALID', 'The feed could not be read.');
  }
  if (!parsed.ok) {
    const first = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0];
    return quarantineDocument(ctx, origin, bytes, bytes.length, first ? reasonOfParseIssue(first.code) : 'FEED_INVALID', first ? `${first.code}: ${first.message}` : 'The feed is not a valid Atom feed.');
  }
  const total = emptyResult();
  for (const entry of parsed.feed.entries.slice(0, MAX_FEED_ENTRIES)) {
    if (entry.capXml) {
      add(total, await ingestDocument(ctx, Buffer.from(entry.capXml, 'utf8'), origin, 'application/cap+xml'));
      continue;
    }
    if (!entry.capUrl) continue;
    let url: string;
    try {
      url = new URL(entry.capUrl, origin.baseUrl ?? undefined).toString();
    } catch {
      total.fetchErrors += 1;
      continue;
    }
    const got = await fetchWithLimits(url, { maxBytes, allowPrivate: ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS });
    if (got.kind === 'ok') {
      const docKind = sniffDocumentKind(got.body, got.contentType ?? undefined);
      // A feed entry must lead to a CAP document (no feeds of feeds).
      if (docKind === 'atom') add(total, await quarantineDocument(ctx, origin, got.body, got.body.length, 'CAP_NOT_CAP', 'A feed entry links to another feed, not a CAP document.'));
      else add(total, await ingestDocument(ctx, got.body, { ...origin, baseUrl: got.url }, 'application/cap+xml'));
    } else if (got.kind === 'too_large') {
      add(total, await quarantineDocument(ctx, origin, got.excerpt, got.receivedBytes, 'CAP_TOO_LARGE', `The document at ${url.slice(0, 300)} exceeds the limit of ${maxBytes} bytes.`));
    } else {
      total.fetchErrors += 1;
      ctx.logger.warn({ sourceId: origin.sourceId, error: got.kind === 'error' ? got.message : got.kind }, 'alert ingest: entry fetch failed');
    }
  }
  return total;
}

async function ingestCap(ctx: ServiceContext, bytes: Buffer, origin: IngestOrigin): Promise<IngestResult> {
  let parsed: ReturnType<typeof parseCapXml>;
  try {
    parsed = parseCapXml(bytes, { lenient: true, maxBytes: ctx.config.VICTOR_INGEST_MAX_BYTES });
  } catch (err) {
    ctx.logger.warn({ sourceId: origin.sourceId, err: { message: (err as Error).message } }, 'alert ingest: CAP parser threw');
    return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_NOT_XML', 'The document could not be read.');
  }
  if (!parsed.ok) {
    const first = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0];
    return quarantineDocument(ctx, origin, bytes, bytes.length, first ? reasonOfParseIssue(first.code) : 'CAP_INVALID', first ? `${first.code}: ${first.message}` : 'The document is not a CAP alert.');
  }
  return acceptParsed(ctx, parsed.alert, parsed.version, parsed.warnings, documentText(bytes), bytes, origin);
}

/** EDXL-DE envelope: each embedded CAP alert is ingested (stored re-serialized, as CAP 1.2 XML). */
async function ingestEdxl(ctx: ServiceContext, bytes: Buffer, origin: IngestOrigin): Promise<IngestResult> {
  let parsed: ReturnType<typeof parseEdxlDe>;
  try {
    parsed = parseEdxlDe(bytes, { maxBytes: ctx.config.VICTOR_INGEST_MAX_BYTES });
  } catch {
    return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_NOT_XML', 'The envelope could not be read.');
  }
  if (!parsed.ok || parsed.alerts.length === 0) {
    const first = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0];
    return quarantineDocument(ctx, origin, bytes, bytes.length, first ? reasonOfParseIssue(first.code) : 'CAP_INVALID', first ? `${first.code}: ${first.message}` : 'The EDXL-DE envelope holds no CAP alert.');
  }
  const total = emptyResult();
  for (const a of parsed.alerts.slice(0, MAX_FEED_ENTRIES)) {
    let xml: string;
    try {
      xml = serializeCapAlert(a.alert);
    } catch {
      xml = documentText(bytes);
    }
    add(total, await acceptParsed(ctx, a.alert, a.version, a.issues.filter((i) => i.severity === 'warning'), xml, bytes, origin));
  }
  return total;
}

/** Check the required fields of a parsed alert, collect warnings and store it. */
async function acceptParsed(ctx: ServiceContext, alert: CapAlert, version: string, parseWarnings: { code: string; path: string; message: string }[], xml: string, bytes: Buffer, origin: IngestOrigin): Promise<IngestResult> {
  const missing = (['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'] as const).filter((k) => typeof alert[k] !== 'string' || !alert[k].trim());
  if (missing.length) return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_INVALID', `Required elements missing: ${missing.join(', ')}.`);
  if (!(CAP_STATUSES as readonly string[]).includes(alert.status) || !(CAP_MSG_TYPES as readonly string[]).includes(alert.msgType) || !(CAP_SCOPES as readonly string[]).includes(alert.scope)) {
    return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_INVALID', 'status, msgType or scope has a value CAP does not define.');
  }
  if (!Array.isArray(alert.info)) alert.info = [];
  const sent = parseLenientTime(alert.sent);
  if (!sent) return quarantineDocument(ctx, origin, bytes, bytes.length, 'CAP_INVALID', 'sent: not a valid time');
  const warnings = collectWarnings(alert, version, parseWarnings);
  return storeAlert(ctx, alert, sent, warnings, xml, origin);
}

function collectWarnings(alert: CapAlert, version: string, parseWarnings: { code: string; path: string; message: string }[]): { code: string; message: string }[] {
  const out: { code: string; message: string }[] = [];
  if (version !== '1.2' && !parseWarnings.some((w) => w.code === 'CAP_OLD_VERSION')) out.push({ code: 'CAP_VERSION_LENIENT', message: `CAP ${version} document accepted leniently (Victor speaks CAP 1.2).` });
  for (const w of parseWarnings) out.push({ code: w.code, message: `${w.path}: ${w.message}` });
  let validation: ReturnType<typeof validateCapAlert> | null = null;
  try {
    validation = validateCapAlert(alert);
  } catch {
    out.push({ code: 'CAP_VALIDATION_FAILED', message: 'The validator could not check this document.' });
  }
  for (const issue of validation?.issues ?? []) {
    if (issue.layer === 'profile') continue;
    out.push({ code: issue.code, message: `${issue.path}: ${issue.message}` });
  }
  const seen = new Set<string>();
  return out.filter((w) => (seen.has(`${w.code}|${w.message}`) ? false : (seen.add(`${w.code}|${w.message}`), true))).slice(0, MAX_WARNINGS).map((w) => ({ code: w.code.slice(0, 100), message: w.message.slice(0, 500) }));
}

async function storeAlert(ctx: ServiceContext, alert: CapAlert, sent: Date, warnings: { code: string; message: string }[], xml: string, origin: IngestOrigin): Promise<IngestResult> {
  const fields = extractIngestFields(alert, origin.countryCode);
  const id = randomUUID();
  return inTransaction(ctx, async (tx) => {
    const row = await ingestRepo.insertIngested(tx, {
      id,
      sourceId: origin.sourceId,
      identifier: alert.identifier.slice(0, 500),
      sender: alert.sender.slice(0, 500),
      sent,
      msgType: alert.msgType,
      capStatus: alert.status,
      scope: alert.scope,
      incidents: alert.incidents?.slice(0, 1000) ?? null,
      event: fields.event,
      headline: fields.headline,
      areaDesc: fields.areaDesc,
      geometry: fields.geometry,
      countryCode: fields.countryCode,
      expiresAt: fields.expiresAt,
      warnings,
      xml,
      receivedAt: new Date(),
    });
    if (!row) return { ...emptyResult(), duplicates: 1 };
    let superseded = 0;
    if (alert.msgType === 'Update' || alert.msgType === 'Cancel') {
      for (const ref of parseReferences(alert.references)) {
        if (await ingestRepo.supersedeIngested(tx, ref, id)) superseded += 1;
      }
    }
    return { ...emptyResult(), accepted: 1, superseded, warnings: warnings.length };
  });
}

/** Public shape of a summary (without the internal rejection detail). */
export function summaryOf(result: IngestResult): IngestSummary {
  return { accepted: result.accepted, duplicates: result.duplicates, superseded: result.superseded, quarantined: result.quarantined, warnings: result.warnings, fetchErrors: result.fetchErrors };
}

/**
 * A document pushed to POST /api/alert-ingest (optionally on behalf of a configured source). A CAP
 * document that ends in quarantine is answered 422 CAP_REJECTED with the reason (still recorded).
 */
export async function pushDocument(ctx: ServiceContext, actor: Actor, bytes: Buffer, contentType: string | null, sourceId?: string): Promise<IngestSummary> {
  requireNetworkConfigure(actor);
  const source = sourceId ? await ingestRepo.findSource(ctx.database.db, sourceId) : undefined;
  if (sourceId && !source) throw new AppError('INGEST_SOURCE_NOT_FOUND', 'The ingest source does not exist.');
  const result = await ingestDocument(ctx, bytes, { sourceId: source?.id ?? null, countryCode: source?.countryCode ?? null, baseUrl: source?.url ?? null }, contentType);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, actor, { action: 'alert_ingest.pushed', entityType: 'alert_ingest_source', entityId: source?.id ?? null, details: { ...summaryOf(result), sizeBytes: bytes.length, ...(result.rejected ? { reasonCode: result.rejected.reasonCode } : {}) } }),
  );
  if (result.rejected && result.accepted === 0 && result.duplicates === 0) {
    throw new AppError('CAP_REJECTED', `The document was refused and quarantined: ${result.rejected.reasonCode}.`, { issues: [{ path: 'reason', message: result.rejected.reasonCode }, { path: 'detail', message: result.rejected.detail.slice(0, 300) }] });
  }
  return summaryOf(result);
}
