import { createHash } from 'node:crypto';
import * as repo from '../db/repos/alert-public.repo';
import { parseCapXml } from '../domain/alerts/cap/cap-parse';
import type { CapInfo } from '../domain/alerts/cap/cap-model';
import type { ServiceContext } from './context';
import { publicStateOf, type PublicAlertState } from './alert-public.service';

/**
 * The public Atom feeds of child alerts (regional, per country, per language): one entry per
 * alert, its latest public message of the last 30 days (still-issued alerts always). Computed
 * from the database on every request, so a newly issued alert is in the next response; the ETag
 * and Last-Modified come from the entries themselves.
 */

/** The window of the feeds. */
export const FEED_WINDOW_DAYS = 30;
/** Most entries in a feed. */
export const FEED_LIMIT = 200;

/** One feed entry: the texts come from the CAP message as published (redacted after resolution). */
export interface FeedEntry {
  identifier: string;
  alertId: string;
  reference: string;
  countryCode: string;
  tier: string;
  state: PublicAlertState;
  msgType: string;
  sent: Date;
  /** Latest change of the entry: sent, or when its document was redacted. */
  updated: Date;
  lang: string | null;
  headline: string;
  summary: string;
  senderName: string | null;
}

/** A feed: entries newest first, with its validators. */
export interface AlertFeed {
  entries: FeedEntry[];
  etag: string;
  /** Newest change in the feed (the epoch when empty). */
  lastModified: Date;
}

/** Parsed info blocks by message id and document version (a redaction replaces the document). */
const infoCache = new Map<string, CapInfo[]>();
const INFO_CACHE_MAX = 5000;

function infosOf(ctx: ServiceContext, row: repo.FeedMessageRow): CapInfo[] {
  const key = `${row.messageId}:${row.redactedAt?.getTime() ?? 0}:${row.xml.length}`;
  const cached = infoCache.get(key);
  if (cached) return cached;
  const parsed = parseCapXml(row.xml);
  let infos: CapInfo[] = [];
  if (parsed.ok) infos = parsed.alert.info;
  else ctx.logger.warn({ messageId: row.messageId }, 'stored public CAP message could not be parsed for the feed');
  if (infoCache.size >= INFO_CACHE_MAX) infoCache.delete(infoCache.keys().next().value as string);
  infoCache.set(key, infos);
  return infos;
}

/** The info block in a language ("el" matches "el-GR"), else the first. */
export function pickInfo(infos: readonly CapInfo[], lang: string | null): CapInfo | undefined {
  if (lang) {
    const wanted = lang.toLowerCase();
    const match = infos.find((i) => (i.language ?? 'en-US').toLowerCase().split('-')[0] === wanted);
    if (match) return match;
  }
  return infos[0];
}

function hasLanguage(infos: readonly CapInfo[], lang: string): boolean {
  return infos.some((i) => (i.language ?? 'en-US').toLowerCase().split('-')[0] === lang);
}

/**
 * A feed. `countryCode`: only that country's alerts. `lang`: texts in that language, and only
 * alerts that have an info block in it.
 */
export async function getAlertFeed(ctx: ServiceContext, opts: { countryCode: string | null; lang: string | null }, now = new Date()): Promise<AlertFeed> {
  const since = new Date(now.getTime() - FEED_WINDOW_DAYS * 86_400_000);
  const rows = await repo.listFeedMessages(ctx.database.db, { since, countryCode: opts.countryCode, limit: FEED_LIMIT });
  const entries: FeedEntry[] = [];
  for (const row of rows) {
    const state = publicStateOf(row.status, null);
    if (!state) continue;
    const infos = infosOf(ctx, row);
    if (opts.lang && !hasLanguage(infos, opts.lang)) continue;
    const info = pickInfo(infos, opts.lang);
    entries.push({
      identifier: row.identifier,
      alertId: row.alertId,
      reference: row.reference,
      countryCode: row.countryCode,
      tier: row.tier,
      state: row.msgType === 'Cancel' ? (row.reason === 'resolved' ? 'found' : row.reason === 'expired' ? 'ended' : 'withdrawn') : state,
      msgType: row.msgType,
      sent: row.sent,
      updated: row.redactedAt && row.redactedAt > row.sent ? row.redactedAt : row.sent,
      lang: info?.language ?? null,
      headline: info?.headline ?? info?.event ?? row.reference,
      summary: info?.description ?? '',
      senderName: info?.senderName ?? row.senderName,
    });
  }
  const hash = createHash('sha256').update(`v1|${opts.countryCode ?? ''}|${opts.lang ?? ''}`);
  let lastModified = new Date(0);
  for (const e of entries) {
    hash.update(`|${e.identifier}|${e.updated.getTime()}|${e.state}`);
    if (e.updated > lastModified) lastModified = e.updated;
  }
  return { entries, etag: `"${hash.digest('base64url').slice(0, 32)}"`, lastModified };
}
