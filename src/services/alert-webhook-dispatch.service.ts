/**
 * The webhook dispatcher, run on every node: claims due deliveries in batches (SKIP LOCKED, stale
 * locks reclaimable), POSTs the CAP XML signed with the subscription's secret, up to
 * VICTOR_WEBHOOK_CONCURRENCY requests in flight, and records outcomes: 2xx delivered, anything else
 * retried with exponential back-off and jitter, dead after the last attempt (dead-letter list).
 */
import pLimit from 'p-limit';
import * as repo from '../db/repos/alert-webhook.repo';
import { DEFAULT_BACKOFF, planRetry, type BackoffPolicy } from './alert-webhook-policy';
import { createWebhookSender, type SendResult } from './alert-webhook-sender';
import type { ServiceContext } from './context';
import { createIdleWaiter } from '../lib/idle-waiter';

/** Tunables of a dispatcher (tests and the bench shorten them). */
export interface DispatcherOptions {
  backoff?: BackoffPolicy;
  concurrency?: number;
  batchSize?: number;
  timeoutMs?: number;
  staleLockSeconds?: number;
  /** Poll interval when idle (a nudge wakes it at once). */
  idleMs?: number;
  /** Claim-and-send rounds running at once (default 2). */
  workers?: number;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Look for due deliveries now. */
  nudge(): void;
  /** One claim-and-send round (tests); returns how many deliveries it handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** The secret context of a subscription's encrypted secret. */
export function webhookSecretContext(subscriptionId: string): string {
  return `alert_webhook_subscriptions.secret:${subscriptionId}`;
}

/** Create a dispatcher without starting its loop (tests call `runOnce`; `startWebhookDispatcher` loops). */
export function createWebhookDispatcher(ctx: ServiceContext, options: DispatcherOptions = {}): WebhookDispatcher & { loop(): Promise<void>; halt(): void } {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const concurrency = options.concurrency ?? ctx.config.VICTOR_WEBHOOK_CONCURRENCY;
  const batchSize = options.batchSize ?? Math.max(50, concurrency * 4);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleLockSeconds = options.staleLockSeconds ?? 60;
  const idleMs = options.idleMs ?? ctx.config.VICTOR_ALERT_TICK_MS;
  const sender = createWebhookSender({ allowPrivate: ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS, timeoutMs, connections: Math.max(4, Math.ceil(concurrency / 4)) });
  const limit = pLimit(concurrency);
  const secrets = new Map<string, { enc: string; secret: string }>();
  let stopped = false;
  const idle = createIdleWaiter();

  const secretOf = (d: repo.ClaimedDelivery) => {
    const cached = secrets.get(d.subscription_id);
    if (cached && cached.enc === d.secret_enc) return cached.secret;
    const secret = ctx.encryptor.decrypt(d.secret_enc, webhookSecretContext(d.subscription_id));
    secrets.set(d.subscription_id, { enc: d.secret_enc, secret });
    return secret;
  };

  async function runOnce(): Promise<number> {
    const db = ctx.database.db;
    const claimed = await repo.claimDueDeliveries(db, batchSize, staleLockSeconds);
    if (claimed.length === 0) return 0;
    const inactive = claimed.filter((d) => !d.active);
    await repo.markDeliveriesOfInactive(db, inactive.map((d) => d.id));
    const live = claimed.filter((d) => d.active);
    const xmlById = await repo.loadMessageXml(db, [...new Set(live.map((d) => d.message_id))]);
    const outcomes = await Promise.all(
      live.map((d) =>
        limit(async (): Promise<repo.DeliveryOutcome> => {
          const xml = xmlById.get(d.message_id);
          let result: SendResult;
          if (xml === undefined) result = { ok: false, statusCode: null, error: 'message missing' };
          else {
            let secret: string | null = null;
            try {
              secret = secretOf(d);
            } catch {
              secret = null;
            }
            result = secret === null ? { ok: false, statusCode: null, error: 'secret unreadable' } : await sender.send({ url: d.url, secret, body: xml, contentType: 'application/cap+xml; charset=utf-8', event: 'alert.message', deliveryId: String(d.id), messageId: d.message_id });
          }
          if (result.ok) return { id: d.id, attempts: d.attempts, status: 'delivered', nextAttemptAt: null, statusCode: result.statusCode, error: null };
          const plan = planRetry(backoff, d.attempts, new Date());
          return plan.dead
            ? { id: d.id, attempts: d.attempts, status: 'dead', nextAttemptAt: null, statusCode: result.statusCode, error: result.error }
            : { id: d.id, attempts: d.attempts, status: 'pending', nextAttemptAt: plan.nextAttemptAt, statusCode: result.statusCode, error: result.error };
        }),
      ),
    );
    await repo.recordDeliveryOutcomes(db, outcomes);
    const failed = outcomes.filter((o) => o.status !== 'delivered').length;
    if (failed > 0) ctx.logger.info({ claimed: claimed.length, failed, dead: outcomes.filter((o) => o.status === 'dead').length }, 'webhook deliveries attempted');
    return claimed.length;
  }

  /** Rounds in flight at once: while one round sends, the next claims (SKIP LOCKED keeps them apart). */
  const workers = options.workers ?? 2;

  async function worker(): Promise<void> {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        ctx.logger.error({ err: (err as Error).message }, 'webhook dispatch round failed');
      }
      if (stopped) break;
      if (handled >= batchSize) continue;
      await idle.wait(idleMs);
    }
  }

  async function loop(): Promise<void> {
    await Promise.all(Array.from({ length: workers }, () => worker()));
  }

  return {
    nudge() {
      idle.wake();
    },
    runOnce,
    loop,
    halt() {
      stopped = true;
      idle.wake();
    },
    async stop() {
      stopped = true;
      idle.wake();
      await sender.close();
    },
  };
}

/** Start the dispatcher loop on this node; `stop` waits for the current round. */
export function startWebhookDispatcher(ctx: ServiceContext, options: DispatcherOptions = {}): WebhookDispatcher {
  const d = createWebhookDispatcher(ctx, options);
  const running = d.loop();
  return {
    nudge: d.nudge,
    runOnce: d.runOnce,
    async stop() {
      d.halt();
      await running;
      await d.stop();
    },
  };
}
