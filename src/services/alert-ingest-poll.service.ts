/**
 * Polling of other systems' feeds: every tick picks the active sources that are due
 * (last_polled_at + poll_seconds), GETs each with ETag / If-Modified-Since, a 15 s timeout and the
 * ingest size limit enforced while streaming, ingests what changed and records the outcome.
 */
import type { PollResult } from '../api/alert-ingest.schemas';
import * as ingestRepo from '../db/repos/alert-ingest.repo';
import { AppError } from '../domain/errors';
import type { BackgroundTask } from './alert-background.service';
import { fetchWithLimits } from './alert-ingest-fetch';
import { ingestDocument, quarantineDocument, summaryOf } from './alert-ingest.service';
import { requireNetworkConfigure } from './alert-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';

const SOURCES_PER_TICK = 5;
const empty = { accepted: 0, duplicates: 0, superseded: 0, quarantined: 0, warnings: 0, fetchErrors: 0 };

/** Poll one source now and record the outcome. Never throws for network or document problems. */
export async function pollSource(ctx: ServiceContext, source: ingestRepo.IngestSourceRow, now = new Date()): Promise<PollResult> {
  const origin = { sourceId: source.id, countryCode: source.countryCode, baseUrl: source.url };
  const maxBytes = ctx.config.VICTOR_INGEST_MAX_BYTES;
  const got = await fetchWithLimits(source.url, { maxBytes, allowPrivate: ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS, etag: source.etag, lastModified: source.lastModified });
  let result: PollResult;
  if (got.kind === 'not_modified') {
    result = { outcome: 'not_modified', error: null, summary: empty };
    await ingestRepo.recordPollOutcome(ctx.database.db, source.id, { at: now, outcome: result.outcome, error: null });
  } else if (got.kind === 'too_large') {
    const q = await quarantineDocument(ctx, origin, got.excerpt, got.receivedBytes, 'CAP_TOO_LARGE', `The response exceeded the limit of ${maxBytes} bytes; the download was stopped.`);
    result = { outcome: 'too_large', error: `more than ${maxBytes} bytes`, summary: summaryOf(q) };
    await ingestRepo.recordPollOutcome(ctx.database.db, source.id, { at: now, outcome: result.outcome, error: result.error });
  } else if (got.kind === 'error') {
    result = { outcome: 'error', error: got.message.slice(0, 500), summary: empty };
    await ingestRepo.recordPollOutcome(ctx.database.db, source.id, { at: now, outcome: result.outcome, error: result.error });
  } else {
    const ingested = await ingestDocument(ctx, got.body, { ...origin, baseUrl: got.url }, got.contentType ?? (source.kind === 'atom' ? 'application/atom+xml' : 'application/cap+xml'));
    const rejected = ingested.rejected && ingested.accepted === 0 && ingested.duplicates === 0;
    result = { outcome: rejected ? 'rejected' : 'ok', error: rejected ? ingested.rejected!.reasonCode : ingested.fetchErrors ? `${ingested.fetchErrors} entries could not be fetched` : null, summary: summaryOf(ingested) };
    // A refused document keeps no validators: the next poll fetches it again.
    await ingestRepo.recordPollOutcome(ctx.database.db, source.id, { at: now, outcome: result.outcome, error: result.error, etag: rejected ? null : got.etag, lastModified: rejected ? null : got.lastModified });
  }
  ctx.logger.info({ sourceId: source.id, outcome: result.outcome, ...result.summary }, 'alert ingest: source polled');
  return result;
}

/** The "poll now" action of the console. */
export async function pollSourceNow(ctx: ServiceContext, actor: Actor, id: string): Promise<PollResult> {
  requireNetworkConfigure(actor);
  const source = await ingestRepo.findSource(ctx.database.db, id);
  if (!source) throw new AppError('INGEST_SOURCE_NOT_FOUND', 'The ingest source does not exist.');
  const result = await pollSource(ctx, source);
  await inTransaction(ctx, (tx) => recordAudit(tx, actor, { action: 'alert_ingest.polled', entityType: 'alert_ingest_source', entityId: id, countryCode: source.countryCode, details: { outcome: result.outcome, ...result.summary } }));
  return result;
}

/** One tick: claim the due sources and poll them one after the other. Returns how many were polled. */
export async function pollDueSources(ctx: ServiceContext, now = new Date()): Promise<number> {
  const due = await ingestRepo.claimDueSources(ctx.database.db, now, SOURCES_PER_TICK);
  for (const source of due) {
    try {
      await pollSource(ctx, source, now);
    } catch (err) {
      ctx.logger.error({ sourceId: source.id, err: { message: (err as Error).message } }, 'alert ingest: poll failed');
      await ingestRepo.recordPollOutcome(ctx.database.db, source.id, { at: now, outcome: 'error', error: 'internal error' }).catch(() => undefined);
    }
  }
  return due.length;
}

/** Start the poller loop (every VICTOR_ALERT_TICK_MS, at least every 5 s; ticks never overlap). */
export function startIngestPoller(ctx: ServiceContext): BackgroundTask {
  const interval = Math.max(ctx.config.VICTOR_ALERT_TICK_MS, 5000);
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = pollDueSources(ctx)
      .catch((err: unknown) => ctx.logger.error({ err: { message: (err as Error).message } }, 'alert ingest: tick failed'))
      .finally(() => {
        running = null;
      });
  }, interval);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
