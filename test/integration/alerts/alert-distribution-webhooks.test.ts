import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryPage, WebhookSubscription } from '../../../src/api/alert-distribution.schemas';
import { queryRows } from '../../../src/db/database';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { checkWebhookSignature } from '../../../src/domain/helpline/webhook-signature';
import { createWebhookDispatcher } from '../../../src/services/alert-webhook-dispatch.service';
import type { BackoffPolicy } from '../../../src/services/alert-webhook-policy';
import { createWebhookSubscription } from '../../../src/services/alert-webhook.service';
import { SYSTEM_ACTOR } from '../../../src/services/context';
import { makeOrganisation } from '../../factories/organisation.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { publishTestMessage, startReceiver } from './alert-distribution-support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000', VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true' });
const FAST: BackoffPolicy = { baseMs: 1, factor: 1, capMs: 1, maxAttempts: 3, jitter: 0 };
let app: FastifyInstance;
let org: OrganisationRow;
let admin: TestClient;
let caseWorker: TestClient;

/** Create a subscription through the API; returns it with its secret. */
async function subscribe(body: Record<string, unknown>) {
  const res = await admin.post('/api/admin/alert-webhooks', { name: 'Broadcaster', ...body });
  expect(outcome(res)).toBe('200');
  return res.json() as { subscription: WebhookSubscription; secret: string };
}

const deliveriesOf = (messageId: string) =>
  queryRows<{ subscription_id: string; status: string; attempts: number; last_status_code: number | null }>(t.ctx.database.db, sql`SELECT subscription_id, status, attempts, last_status_code FROM alert_webhook_deliveries WHERE message_id = ${messageId} ORDER BY id`);

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  admin = (await signedIn(app, t.ctx, { role: 'administrator', organisationId: org.id })).client;
  caseWorker = (await signedIn(app, t.ctx, { role: 'case_manager', organisationId: org.id })).client;
});
afterAll(async () => {
  await app.close();
});

describe('webhook subscriptions (admin API)', () => {
  it('shows the secret once, never again, and audits the change', async () => {
    const { subscription, secret } = await subscribe({ url: 'http://127.0.0.1:9/hook', countries: ['GR'] });
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const list = (await admin.get('/api/admin/alert-webhooks')).json() as WebhookSubscription[];
    const row = list.find((s) => s.id === subscription.id)!;
    expect(row.urlHost).toBe('127.0.0.1:9');
    expect(JSON.stringify(list)).not.toContain(secret);
    const stored = await queryRows<{ secret_enc: string }>(t.ctx.database.db, sql`SELECT secret_enc FROM alert_webhook_subscriptions WHERE id = ${subscription.id}`);
    expect(stored[0]!.secret_enc).not.toContain(secret);
    const audit = await queryRows<{ action: string }>(t.ctx.database.db, sql`SELECT action FROM audit_log WHERE entity_id = ${subscription.id}`);
    expect(audit.map((a) => a.action)).toContain('alert_webhook.created');
    const rotated = (await admin.post(`/api/admin/alert-webhooks/${subscription.id}/rotate-secret`)).json() as { secret: string };
    expect(rotated.secret).not.toBe(secret);
    expect(outcome(await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`))).toBe('200');
    expect(outcome(await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`))).toBe('404 SUBSCRIPTION_NOT_FOUND');
  });

  it('refuses bad URLs and users without alerts.configure', async () => {
    expect(outcome(await admin.post('/api/admin/alert-webhooks', { name: 'x', url: 'ftp://example.org/x' }))).toBe('422 WEBHOOK_URL_NOT_ALLOWED');
    expect(outcome(await admin.post('/api/admin/alert-webhooks', { name: 'x', url: 'https://u:p@example.org/x' }))).toBe('422 WEBHOOK_URL_NOT_ALLOWED');
    expect(outcome(await admin.post('/api/admin/alert-webhooks', { name: 'x', url: 'https://example.org/x', countries: ['greece'] }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await caseWorker.get('/api/admin/alert-webhooks'))).toBe('403 FORBIDDEN');
    expect(outcome(await caseWorker.post('/api/admin/alert-webhooks', { name: 'x', url: 'https://example.org/x' }))).toBe('403 FORBIDDEN');
    const strict = { ...t.ctx, config: { ...t.ctx.config, VICTOR_ALLOW_PRIVATE_ENDPOINTS: false } };
    await expect(createWebhookSubscription(strict, SYSTEM_ACTOR, { name: 'x', url: 'http://127.0.0.1:8080/', countries: [], languages: [], includeDrills: false, active: true })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    await expect(createWebhookSubscription(strict, SYSTEM_ACTOR, { name: 'x', url: 'http://[::1]/', countries: [], languages: [], includeDrills: false, active: true })).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
  });

  it('pings a subscriber with a signed alert.ping', async () => {
    const receiver = await startReceiver();
    try {
      const { subscription, secret } = await subscribe({ url: receiver.url });
      const res = (await admin.post(`/api/admin/alert-webhooks/${subscription.id}/ping`)).json() as { ok: boolean; statusCode: number };
      expect(res).toMatchObject({ ok: true, statusCode: 204 });
      const got = receiver.received[0]!;
      expect(got.headers['x-victor-event']).toBe('alert.ping');
      expect(checkWebhookSignature(secret, got.body, got.headers['x-victor-signature'] as string)).toBeNull();
      await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`);
    } finally {
      await receiver.close();
    }
  });
});

describe('matching rules', () => {
  it('queues by country, language, drills; never Restricted messages', async () => {
    const all = await subscribe({ url: 'http://127.0.0.1:9/all' });
    const gr = await subscribe({ url: 'http://127.0.0.1:9/gr', countries: ['GR'] });
    const ro = await subscribe({ url: 'http://127.0.0.1:9/ro', countries: ['RO'] });
    const greek = await subscribe({ url: 'http://127.0.0.1:9/el', languages: ['el'] });
    const drills = await subscribe({ url: 'http://127.0.0.1:9/drills', countries: ['GR'], includeDrills: true });
    const inactive = await subscribe({ url: 'http://127.0.0.1:9/off', active: false });
    const ids = (x: { subscription: WebhookSubscription }[]) => x.map((s) => s.subscription.id).sort();
    const subsOf = async (messageId: string) => (await deliveriesOf(messageId)).map((d) => d.subscription_id).sort();

    const actualEn = await publishTestMessage(t.ctx, { organisationId: org.id });
    expect(await subsOf(actualEn.message.id)).toEqual(ids([all, gr, drills]));
    const actualEl = await publishTestMessage(t.ctx, { organisationId: org.id, texts: { 'el-GR': { headline: 'Εξαφάνιση', description: 'Κορίτσι' }, 'en-GB': { headline: 'Missing', description: 'Girl' } } });
    expect(await subsOf(actualEl.message.id)).toEqual(ids([all, gr, greek, drills]));
    const romanian = await publishTestMessage(t.ctx, { organisationId: org.id, countryCode: 'RO' });
    expect(await subsOf(romanian.message.id)).toEqual(ids([all, ro]));
    const exercise = await publishTestMessage(t.ctx, { organisationId: org.id, capStatus: 'Exercise' });
    expect(await subsOf(exercise.message.id)).toEqual(ids([drills]));
    const restricted = await publishTestMessage(t.ctx, { organisationId: org.id, scope: 'Restricted' });
    expect(restricted.counts.webhooks).toBe(0);
    expect(await subsOf(restricted.message.id)).toEqual([]);
    expect((await subsOf(actualEn.message.id)).includes(inactive.subscription.id)).toBe(false);
    for (const s of [all, gr, ro, greek, drills, inactive]) await admin.delete(`/api/admin/alert-webhooks/${s.subscription.id}`);
  });
});

describe('dispatcher', () => {
  it('delivers the CAP XML with a valid signature and the delivery headers', async () => {
    const receiver = await startReceiver();
    const dispatcher = createWebhookDispatcher(t.ctx, { backoff: FAST });
    try {
      const { subscription, secret } = await subscribe({ url: receiver.url });
      const { message } = await publishTestMessage(t.ctx, { organisationId: org.id });
      expect(await dispatcher.runOnce()).toBe(1);
      const got = receiver.received[0]!;
      expect(got.headers['content-type']).toMatch(/^application\/cap\+xml/);
      expect(got.headers['x-victor-event']).toBe('alert.message');
      expect(got.headers['x-victor-message']).toBe(message.id);
      expect(got.headers['x-victor-delivery']).toMatch(/^\d+$/);
      expect(got.body).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
      expect(checkWebhookSignature(secret, got.body, got.headers['x-victor-signature'] as string)).toBeNull();
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'delivered', attempts: 1, last_status_code: 204 }]);
      const log = (await admin.get(`/api/admin/alert-webhooks/${subscription.id}/deliveries`)).json() as DeliveryPage;
      expect(log.items[0]).toMatchObject({ status: 'delivered', messageId: message.id });
      const byMessage = (await admin.get(`/api/admin/alert-messages/${message.id}/deliveries`)).json() as DeliveryPage;
      expect(byMessage.items).toHaveLength(1);
      await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });

  it('retries after a 500 and then delivers', async () => {
    const receiver = await startReceiver((_r, count) => (count === 1 ? 500 : 200));
    const dispatcher = createWebhookDispatcher(t.ctx, { backoff: { ...FAST, baseMs: 50, capMs: 50 } });
    try {
      const { subscription } = await subscribe({ url: receiver.url });
      const { message } = await publishTestMessage(t.ctx, { organisationId: org.id });
      await dispatcher.runOnce();
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'pending', attempts: 1, last_status_code: 500 }]);
      expect(await dispatcher.runOnce()).toBe(0); // not due yet
      await new Promise((r) => setTimeout(r, 80));
      await dispatcher.runOnce();
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'delivered', attempts: 2, last_status_code: 200 }]);
      expect(receiver.received.map((r) => r.headers['x-victor-delivery'])).toEqual([receiver.received[0]!.headers['x-victor-delivery'], receiver.received[0]!.headers['x-victor-delivery']]);
      await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });

  it('puts a delivery on the dead-letter list after the last attempt; "retry now" sends it again', async () => {
    let up = false;
    const receiver = await startReceiver(() => (up ? 200 : 503));
    const dispatcher = createWebhookDispatcher(t.ctx, { backoff: FAST });
    try {
      const { subscription } = await subscribe({ url: receiver.url });
      const { message } = await publishTestMessage(t.ctx, { organisationId: org.id });
      for (let i = 0; i < 3; i++) {
        await dispatcher.runOnce();
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'dead', attempts: 3, last_status_code: 503 }]);
      const dead = (await admin.get('/api/admin/alert-webhook-deliveries/dead')).json() as DeliveryPage;
      const entry = dead.items.find((d) => d.messageId === message.id)!;
      expect(entry).toMatchObject({ status: 'dead', lastError: 'HTTP 503', subscriptionName: 'Broadcaster' });
      const list = (await admin.get('/api/admin/alert-webhooks')).json() as WebhookSubscription[];
      expect(list.find((s) => s.id === subscription.id)!.dead).toBe(1);
      up = true;
      expect((await admin.post('/api/admin/alert-webhook-deliveries/retry', { ids: [entry.id] })).json()).toEqual({ retried: 1 });
      await dispatcher.runOnce();
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'delivered', attempts: 1 }]);
      expect(outcome(await admin.post('/api/admin/alert-webhook-deliveries/retry', {}))).toBe('400 VALIDATION_FAILED');
      await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });

  it('two dispatchers never deliver the same delivery twice', async () => {
    const receiver = await startReceiver();
    const one = createWebhookDispatcher(t.ctx, { backoff: FAST, batchSize: 7, concurrency: 4 });
    const two = createWebhookDispatcher(t.ctx, { backoff: FAST, batchSize: 7, concurrency: 4 });
    const subs: string[] = [];
    try {
      for (let i = 0; i < 30; i++) subs.push((await subscribe({ url: `${receiver.url}?s=${i}` })).subscription.id);
      const { message } = await publishTestMessage(t.ctx, { organisationId: org.id });
      const drain = async (d: typeof one) => {
        while ((await d.runOnce()) > 0) {
          /* keep claiming */
        }
      };
      await Promise.all([drain(one), drain(two), drain(one)]);
      const rows = await deliveriesOf(message.id);
      expect(rows).toHaveLength(30);
      expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
      const deliveryIds = receiver.received.map((r) => r.headers['x-victor-delivery']);
      expect(new Set(deliveryIds).size).toBe(30);
      expect(deliveryIds).toHaveLength(30);
    } finally {
      for (const id of subs) await admin.delete(`/api/admin/alert-webhooks/${id}`);
      await one.stop();
      await two.stop();
      await receiver.close();
    }
  });

  it('reclaims a delivery whose worker died (stale lock) and marks inactive subscriptions dead', async () => {
    const receiver = await startReceiver();
    const dispatcher = createWebhookDispatcher(t.ctx, { backoff: FAST, staleLockSeconds: 60 });
    try {
      const { subscription } = await subscribe({ url: receiver.url });
      const { message } = await publishTestMessage(t.ctx, { organisationId: org.id });
      await t.ctx.database.db.execute(sql`UPDATE alert_webhook_deliveries SET status = 'delivering', attempts = 1, locked_at = now() - interval '5 minutes' WHERE message_id = ${message.id}`);
      await dispatcher.runOnce();
      expect(await deliveriesOf(message.id)).toMatchObject([{ status: 'delivered', attempts: 2 }]);
      const second = await publishTestMessage(t.ctx, { organisationId: org.id });
      await admin.patch(`/api/admin/alert-webhooks/${subscription.id}`, { active: false });
      await dispatcher.runOnce();
      expect(await deliveriesOf(second.message.id)).toMatchObject([{ status: 'dead' }]);
      expect(receiver.received).toHaveLength(1);
      await admin.delete(`/api/admin/alert-webhooks/${subscription.id}`);
    } finally {
      await dispatcher.stop();
      await receiver.close();
    }
  });
});
