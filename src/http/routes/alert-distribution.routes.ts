import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  deliveryPageSchema,
  deliveryQuerySchema,
  deliveryRetrySchema,
  emailSubscribeSchema,
  emailSummarySchema,
  outboxPageSchema,
  outboxQuerySchema,
  retriedSchema,
  subscriptionAcceptedSchema,
  subscriptionSummarySchema,
  subscriptionTokenSchema,
  webhookCreatedSchema,
  webhookPingResultSchema,
  webhookSecretSchema,
  webhookSubscriptionInputSchema,
  webhookSubscriptionPatchSchema,
  webhookSubscriptionSchema,
} from '../../api/alert-distribution.schemas';
import { errorSchema, idParamsSchema, okSchema } from '../../api/common.schemas';
import { resolvePublicBaseUrl } from '../../config/config';
import { queryRows } from '../../db/database';
import * as emailAdmin from '../../services/alert-email-admin.service';
import * as email from '../../services/alert-email.service';
import * as webhooks from '../../services/alert-webhook.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';
import { renderSubscribePage, renderTokenPage, SUBSCRIBE_SCRIPT, SUBSCRIBE_SCRIPT_PATH } from '../public/alert-subscribe-page';
import { isKbLanguage, pickLanguage } from '../public/language-negotiation';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const access = 'alerts.configure' as const;
const tags = ['alert-distribution'];
const pageQuery = z.object({ lang: z.string().max(20).optional(), country: z.string().max(10).optional() });
const tokenPageQuery = z.object({ lang: z.string().max(20).optional(), token: z.string().max(200).optional() });

/** Distribution: webhook subscriptions (deliveries, dead letters) and e-mail subscriptions. */
export async function registerAlertDistributionRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ── Webhook subscriptions ──────────────────────────────────────────────────────────────────
  r.get('/api/admin/alert-webhooks', {
    config: { access },
    schema: { tags, summary: 'Webhook subscriptions with delivery figures', response: { 200: z.array(webhookSubscriptionSchema), ...errors } },
  }, async (request) => webhooks.listWebhookSubscriptions(ctx, actorOf(request)));

  r.post('/api/admin/alert-webhooks', {
    config: { access },
    schema: { tags, summary: 'Create a webhook subscription (the signing secret is shown once)', body: webhookSubscriptionInputSchema, response: { 200: webhookCreatedSchema, ...errors } },
  }, async (request) => webhooks.createWebhookSubscription(ctx, actorOf(request), request.body));

  r.patch('/api/admin/alert-webhooks/:id', {
    config: { access },
    schema: { tags, summary: 'Change a webhook subscription', params: idParamsSchema, body: webhookSubscriptionPatchSchema, response: { 200: webhookSubscriptionSchema, ...errors } },
  }, async (request) => webhooks.updateWebhookSubscription(ctx, actorOf(request), request.params.id, request.body));

  r.delete('/api/admin/alert-webhooks/:id', {
    config: { access },
    schema: { tags, summary: 'Delete a webhook subscription and its delivery log', params: idParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await webhooks.deleteWebhookSubscription(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });

  r.post('/api/admin/alert-webhooks/:id/rotate-secret', {
    config: { access },
    schema: { tags, summary: 'Replace the signing secret (shown once)', params: idParamsSchema, response: { 200: webhookSecretSchema, ...errors } },
  }, async (request) => webhooks.rotateWebhookSecret(ctx, actorOf(request), request.params.id));

  r.post('/api/admin/alert-webhooks/:id/ping', {
    config: { access },
    schema: { tags, summary: 'Send a signed alert.ping to the subscriber now', params: idParamsSchema, response: { 200: webhookPingResultSchema, ...errors } },
  }, async (request) => webhooks.pingWebhook(ctx, actorOf(request), request.params.id));

  r.get('/api/admin/alert-webhooks/:id/deliveries', {
    config: { access },
    schema: { tags, summary: 'Delivery log of a subscription (newest first, keyset)', params: idParamsSchema, querystring: deliveryQuerySchema, response: { 200: deliveryPageSchema, ...errors } },
  }, async (request) => webhooks.listWebhookDeliveries(ctx, actorOf(request), { subscriptionId: request.params.id, status: request.query.status, beforeId: request.query.before, limit: request.query.limit }));

  r.get('/api/admin/alert-messages/:id/deliveries', {
    config: { access },
    schema: { tags, summary: 'Webhook deliveries of one alert message', params: idParamsSchema, querystring: deliveryQuerySchema, response: { 200: deliveryPageSchema, ...errors } },
  }, async (request) => webhooks.listWebhookDeliveries(ctx, actorOf(request), { messageId: request.params.id, status: request.query.status, beforeId: request.query.before, limit: request.query.limit }));

  r.get('/api/admin/alert-webhook-deliveries/dead', {
    config: { access },
    schema: { tags, summary: 'Dead letters across subscriptions (newest first)', querystring: deliveryQuerySchema.omit({ status: true }), response: { 200: deliveryPageSchema, ...errors } },
  }, async (request) => webhooks.listWebhookDeliveries(ctx, actorOf(request), { status: 'dead', beforeId: request.query.before, limit: request.query.limit }));

  r.post('/api/admin/alert-webhook-deliveries/retry', {
    config: { access },
    schema: { tags, summary: 'Retry dead deliveries now (some ids, one subscription, or all)', body: deliveryRetrySchema, response: { 200: retriedSchema, ...errors } },
  }, async (request) => webhooks.retryDeadWebhookDeliveries(ctx, actorOf(request), { ids: request.body.ids, subscriptionId: request.body.subscriptionId }));

  // ── E-mail distribution (administration) ──────────────────────────────────────────────────
  r.get('/api/admin/alert-email/summary', {
    config: { access },
    schema: { tags, summary: 'Subscriber counts per country and language, outbox state', response: { 200: emailSummarySchema, ...errors } },
  }, async (request) => emailAdmin.getEmailDistributionSummary(ctx, actorOf(request)));

  r.get('/api/admin/alert-email/outbox', {
    config: { access },
    schema: { tags, summary: 'Held, dead or pending mails (addresses masked)', querystring: outboxQuerySchema, response: { 200: outboxPageSchema, ...errors } },
  }, async (request) => emailAdmin.listOutboxMails(ctx, actorOf(request), request.query.status, request.query.limit, request.query.before));

  r.post('/api/admin/alert-email/outbox/retry', {
    config: { access },
    schema: { tags, summary: 'Send dead mails again', response: { 200: retriedSchema, ...errors } },
  }, async (request) => emailAdmin.retryDeadMails(ctx, actorOf(request)));

  // ── Public e-mail subscriptions ────────────────────────────────────────────────────────────
  const publicTags = ['public'];
  r.post('/api/public/alert-subscriptions', {
    config: { access: 'public' },
    bodyLimit: 8 * 1024,
    schema: { tags: publicTags, summary: 'Subscribe to child alerts by e-mail (double opt-in; always 202, rate-limited)', body: emailSubscribeSchema, response: { 202: subscriptionAcceptedSchema, 400: errorSchema, 429: errorSchema } },
  }, async (request, reply) => {
    await email.subscribeByEmail(ctx, request.body, request.ip, request.id);
    return reply.code(202).send({ ok: true as const });
  });

  r.post('/api/public/alert-subscriptions/confirm', {
    config: { access: 'public' },
    bodyLimit: 4 * 1024,
    schema: { tags: publicTags, summary: 'Confirm an e-mail subscription with the token from the mail', body: subscriptionTokenSchema, response: { 200: subscriptionSummarySchema, 400: errorSchema, 404: errorSchema } },
  }, async (request) => email.confirmEmailSubscription(ctx, request.body.token, request.id));

  r.post('/api/public/alert-subscriptions/unsubscribe', {
    config: { access: 'public' },
    bodyLimit: 4 * 1024,
    schema: { tags: publicTags, summary: 'Unsubscribe with the token from any alert mail', body: subscriptionTokenSchema, response: { 200: subscriptionSummarySchema, 400: errorSchema, 404: errorSchema } },
  }, async (request) => email.unsubscribeEmail(ctx, request.body.token, request.id));

  // ── Public pages ───────────────────────────────────────────────────────────────────────────
  const hide = { hide: true };
  const origin = resolvePublicBaseUrl(ctx.config);
  const langOf = (raw: string | undefined, accept: string | undefined) => (raw && isKbLanguage(raw) ? raw : pickLanguage(accept));

  r.get(SUBSCRIBE_SCRIPT_PATH, { config: { access: 'public' }, schema: hide }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(SUBSCRIBE_SCRIPT));

  r.get('/child-alerts/subscribe', { config: { access: 'public' }, schema: { ...hide, querystring: pageQuery } }, async (request, reply) => {
    const lang = langOf(request.query.lang, request.headers['accept-language']);
    const countries = await queryRows<{ code: string }>(ctx.database.db, sql`SELECT code FROM countries WHERE seec_focus OR victor_partner ORDER BY code`);
    const wanted = request.query.country?.toUpperCase() ?? null;
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-language')
      .type('text/html; charset=utf-8')
      .send(renderSubscribePage(lang, origin, countries.map((c) => ({ code: c.code.trim() })), wanted));
  });

  for (const kind of ['confirm', 'unsubscribe'] as const) {
    r.get(`/child-alerts/subscriptions/${kind}`, { config: { access: 'public' }, schema: { ...hide, querystring: tokenPageQuery } }, async (request, reply) => {
      const lang = langOf(request.query.lang, request.headers['accept-language']);
      const token = request.query.token ?? '';
      const valid = token.length >= 10 && (await email.checkSubscriptionToken(ctx, kind, token));
      return reply
        .code(valid ? 200 : 404)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .header('x-robots-tag', 'noindex')
        .type('text/html; charset=utf-8')
        .send(renderTokenPage(kind, lang, origin, token, valid));
    });
  }
}
