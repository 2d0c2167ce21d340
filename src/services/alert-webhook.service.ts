/**
 * Administration of webhook subscriptions (permission alerts.configure): create (the signing
 * secret is shown once), change, rotate the secret, delete, send a signed test ping, read the
 * delivery logs and dead letters, retry dead deliveries. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import * as repo from '../db/repos/alert-webhook.repo';
import { AppError } from '../domain/errors';
import { generateSecret } from '../lib/crypto/tokens';
import { nudgeDistribution } from './alert-publication';
import { webhookSecretContext } from './alert-webhook-dispatch.service';
import { checkWebhookUrl } from './alert-webhook-policy';
import { createWebhookSender } from './alert-webhook-sender';
import { requireNetworkConfigure } from './alert-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';

/** A subscription as administrators see it (never the secret). */
export interface WebhookSubscriptionView {
  id: string;
  name: string;
  url: string;
  urlHost: string;
  countries: string[];
  languages: string[];
  includeDrills: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  lastDeliveredAt: string | null;
  pending: number;
  failing: number;
  dead: number;
}

/** Fields of a subscription an administrator sets. */
export interface WebhookSubscriptionInput {
  name: string;
  url: string;
  countries: string[];
  languages: string[];
  includeDrills: boolean;
  active: boolean;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function viewOf(row: repo.WebhookSubscriptionRow): WebhookSubscriptionView {
  let urlHost = '';
  try {
    urlHost = new URL(row.url).host;
  } catch {
    urlHost = '';
  }
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    urlHost,
    countries: row.countries.map((c) => c.trim()),
    languages: row.languages,
    includeDrills: row.include_drills,
    active: row.active,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    lastDeliveredAt: iso(row.last_delivered_at),
    pending: Number(row.pending),
    failing: Number(row.failing),
    dead: Number(row.dead),
  };
}

const normaliseLanguages = (langs: string[]) => [...new Set(langs.map((l) => l.toLowerCase().split('-')[0]!).filter(Boolean))].sort();
const normaliseCountries = (cs: string[]) => [...new Set(cs.map((c) => c.toUpperCase()))].sort();

/** All subscriptions. */
export async function listWebhookSubscriptions(ctx: ServiceContext, actor: Actor): Promise<WebhookSubscriptionView[]> {
  requireNetworkConfigure(actor);
  return (await repo.listSubscriptions(ctx.database.db)).map(viewOf);
}

async function requireSubscription(ctx: ServiceContext, id: string): Promise<repo.WebhookSubscriptionRow> {
  const row = await repo.findSubscription(ctx.database.db, id);
  if (!row) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
  return row;
}

/** Create a subscription; the answer carries the signing secret, shown this once. */
export async function createWebhookSubscription(ctx: ServiceContext, actor: Actor, input: WebhookSubscriptionInput): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
  requireNetworkConfigure(actor);
  const url = checkWebhookUrl(input.url, ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS).toString();
  const id = randomUUID();
  const secret = generateSecret(32);
  await inTransaction(ctx, async (tx) => {
    await repo.insertSubscription(tx, {
      id,
      name: input.name.trim(),
      url,
      secretEnc: ctx.encryptor.encrypt(secret, webhookSecretContext(id)),
      countries: normaliseCountries(input.countries),
      languages: normaliseLanguages(input.languages),
      includeDrills: input.includeDrills,
      active: input.active,
      organisationId: null,
      createdBy: actor.principal?.userId ?? null,
    });
    await recordAudit(tx, actor, { action: 'alert_webhook.created', entityType: 'alert_webhook_subscription', entityId: id, details: { name: input.name, host: new URL(url).host, countries: input.countries, includeDrills: input.includeDrills } });
  });
  return { subscription: viewOf((await repo.findSubscription(ctx.database.db, id))!), secret };
}

/** Change a subscription's fields. */
export async function updateWebhookSubscription(ctx: ServiceContext, actor: Actor, id: string, patch: Partial<WebhookSubscriptionInput>): Promise<WebhookSubscriptionView> {
  requireNetworkConfigure(actor);
  const url = patch.url === undefined ? undefined : checkWebhookUrl(patch.url, ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS).toString();
  await inTransaction(ctx, async (tx) => {
    const found = await repo.updateSubscription(tx, id, {
      name: patch.name?.trim(),
      url,
      countries: patch.countries && normaliseCountries(patch.countries),
      languages: patch.languages && normaliseLanguages(patch.languages),
      includeDrills: patch.includeDrills,
      active: patch.active,
    });
    if (!found) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    await recordAudit(tx, actor, { action: 'alert_webhook.updated', entityType: 'alert_webhook_subscription', entityId: id, details: { fields: Object.keys(patch).sort() } });
  });
  return viewOf(await requireSubscription(ctx, id));
}

/** Replace the signing secret; the new one is shown this once. */
export async function rotateWebhookSecret(ctx: ServiceContext, actor: Actor, id: string): Promise<{ secret: string }> {
  requireNetworkConfigure(actor);
  const secret = generateSecret(32);
  await inTransaction(ctx, async (tx) => {
    const found = await repo.updateSubscription(tx, id, { secretEnc: ctx.encryptor.encrypt(secret, webhookSecretContext(id)) });
    if (!found) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    await recordAudit(tx, actor, { action: 'alert_webhook.secret_rotated', entityType: 'alert_webhook_subscription', entityId: id });
  });
  return { secret };
}

/** Delete a subscription and its delivery log. */
export async function deleteWebhookSubscription(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireNetworkConfigure(actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteSubscription(tx, id))) throw new AppError('SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    await recordAudit(tx, actor, { action: 'alert_webhook.deleted', entityType: 'alert_webhook_subscription', entityId: id });
  });
}

/** Send a signed `alert.ping` now and say what the receiver answered. */
export async function pingWebhook(ctx: ServiceContext, actor: Actor, id: string): Promise<{ ok: boolean; statusCode: number | null; error: string | null }> {
  requireNetworkConfigure(actor);
  const row = await requireSubscription(ctx, id);
  const secret = ctx.encryptor.decrypt(row.secret_enc, webhookSecretContext(id));
  const sender = createWebhookSender({ allowPrivate: ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS, timeoutMs: 10_000, connections: 1 });
  const pingId = `ping-${randomUUID()}`;
  try {
    const body = JSON.stringify({ event: 'alert.ping', subscriptionId: id, sentAt: new Date().toISOString() });
    const result = await sender.send({ url: row.url, secret, body, contentType: 'application/json', event: 'alert.ping', deliveryId: pingId, messageId: null });
    await inTransaction(ctx, (tx) => recordAudit(tx, actor, { action: 'alert_webhook.pinged', entityType: 'alert_webhook_subscription', entityId: id, details: { ok: result.ok, statusCode: result.statusCode } }));
    return result;
  } finally {
    await sender.close();
  }
}

/** A delivery as administrators see it. */
export interface DeliveryView {
  id: string;
  subscriptionId: string;
  subscriptionName: string;
  messageId: string;
  messageIdentifier: string;
  msgType: string;
  status: 'pending' | 'delivering' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** One page of a delivery log (newest first) with the cursor of the next page. */
export async function listWebhookDeliveries(ctx: ServiceContext, actor: Actor, filter: Omit<repo.DeliveryFilter, 'limit'> & { limit?: number }): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  requireNetworkConfigure(actor);
  const limit = filter.limit ?? 50;
  const rows = await repo.listDeliveries(ctx.database.db, { ...filter, limit });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      subscriptionName: r.subscription_name,
      messageId: r.message_id,
      messageIdentifier: r.message_identifier,
      msgType: r.msg_type,
      status: r.status as DeliveryView['status'],
      attempts: Number(r.attempts),
      nextAttemptAt: iso(r.next_attempt_at)!,
      lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
      lastError: r.last_error,
      deliveredAt: iso(r.delivered_at),
      createdAt: iso(r.created_at)!,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** Put dead deliveries back in the queue now: some (`ids`), or all (optionally of one subscription). */
export async function retryDeadWebhookDeliveries(ctx: ServiceContext, actor: Actor, target: { ids?: string[]; subscriptionId?: string }): Promise<{ retried: number }> {
  requireNetworkConfigure(actor);
  const retried = await inTransaction(ctx, async (tx) => {
    const n = await repo.retryDeadDeliveries(tx, target.ids ?? null, target.subscriptionId);
    await recordAudit(tx, actor, { action: 'alert_webhook.deliveries_retried', entityType: 'alert_webhook_subscription', entityId: target.subscriptionId ?? null, details: { retried: n, ids: target.ids?.slice(0, 100) ?? 'all' } });
    return n;
  });
  if (retried > 0) nudgeDistribution();
  return { retried };
}
