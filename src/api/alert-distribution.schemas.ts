/** Distribution of alert messages: webhook subscriptions, deliveries, e-mail subscriptions (shared by http and web). */
import { z } from 'zod';
import { countryCodeSchema } from './common.schemas';

/** Languages of public subscriptions (the region's 9). */
export const SUBSCRIPTION_LANGUAGES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const;

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'dead'] as const;
export const MAIL_STATUSES = ['pending', 'sent', 'held', 'dead'] as const;

export const webhookSubscriptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  urlHost: z.string(),
  countries: z.array(z.string()),
  languages: z.array(z.string()),
  includeDrills: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastDeliveredAt: z.string().nullable(),
  pending: z.number().int(),
  failing: z.number().int(),
  dead: z.number().int(),
});
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

export const webhookSubscriptionInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    url: z.string().trim().min(8).max(2000),
    countries: z.array(countryCodeSchema).max(60).default([]),
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "el"')).max(20).default([]),
    includeDrills: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type WebhookSubscriptionInput = z.infer<typeof webhookSubscriptionInputSchema>;

export const webhookSubscriptionPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    url: z.string().trim().min(8).max(2000).optional(),
    countries: z.array(countryCodeSchema).max(60).optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).max(20).optional(),
    includeDrills: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const webhookCreatedSchema = z.object({ subscription: webhookSubscriptionSchema, secret: z.string() });
export const webhookSecretSchema = z.object({ secret: z.string() });
export const webhookPingResultSchema = z.object({ ok: z.boolean(), statusCode: z.number().int().nullable(), error: z.string().nullable() });

export const deliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.uuid(),
  subscriptionName: z.string(),
  messageId: z.uuid(),
  messageIdentifier: z.string(),
  msgType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryPageSchema = z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() });
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

export const deliveryQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  before: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const deliveryRetrySchema = z
  .object({
    ids: z.array(z.string().regex(/^\d{1,19}$/)).min(1).max(1000).optional(),
    subscriptionId: z.uuid().optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.ids) || Boolean(v.all) || Boolean(v.subscriptionId), { message: 'give ids, a subscriptionId or all: true' });
export const retriedSchema = z.object({ retried: z.number().int() });

export const emailSummarySchema = z.object({
  smtpConfigured: z.boolean(),
  subscribers: z.array(z.object({ country: z.string(), language: z.string(), confirmed: z.number().int(), pending: z.number().int() })),
  outbox: z.record(z.string(), z.number().int()),
  outboxByPurpose: z.array(z.object({ status: z.string(), purpose: z.string(), n: z.number().int() })),
});
export type EmailSummary = z.infer<typeof emailSummarySchema>;

export const outboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  purpose: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;
export const outboxPageSchema = z.object({ items: z.array(outboxMailSchema), nextCursor: z.string().nullable() });
export const outboxQuerySchema = z.object({
  status: z.enum(['held', 'dead', 'pending']).default('held'),
  before: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The public subscribe form. */
export const emailSubscribeSchema = z
  .object({
    email: z.email().max(254),
    countries: z.array(countryCodeSchema).min(1).max(20),
    language: z.enum(SUBSCRIPTION_LANGUAGES),
  })
  .strict();
export const subscriptionTokenSchema = z.object({ token: z.string().min(10).max(200) }).strict();
export const subscriptionAcceptedSchema = z.object({ ok: z.literal(true) });
export const subscriptionSummarySchema = z.object({ countries: z.array(z.string()), language: z.string() });
