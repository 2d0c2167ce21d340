import type { z } from 'zod';
import type { webhookSubscriptionInputSchema, webhookSubscriptionPatchSchema } from '../../../../api/alert-distribution.schemas';
import { apiDelete, apiPatch, apiPost, queryString } from '../../../api/client';

export type { Delivery, DeliveryPage, EmailSummary, OutboxMail, WebhookSubscription } from '../../../../api/alert-distribution.schemas';

/** Calls of the distribution admin page. */
export const distributionApi = {
  create: (body: z.input<typeof webhookSubscriptionInputSchema>) => apiPost<{ subscription: { id: string; name: string }; secret: string }>('/api/admin/alert-webhooks', body),
  update: (id: string, body: z.input<typeof webhookSubscriptionPatchSchema>) => apiPatch<unknown>(`/api/admin/alert-webhooks/${id}`, body),
  remove: (id: string) => apiDelete<{ ok: true }>(`/api/admin/alert-webhooks/${id}`),
  rotate: (id: string) => apiPost<{ secret: string }>(`/api/admin/alert-webhooks/${id}/rotate-secret`),
  ping: (id: string) => apiPost<{ ok: boolean; statusCode: number | null; error: string | null }>(`/api/admin/alert-webhooks/${id}/ping`),
  retry: (body: { ids?: string[]; all?: true; subscriptionId?: string }) => apiPost<{ retried: number }>('/api/admin/alert-webhook-deliveries/retry', body),
  retryMails: () => apiPost<{ retried: number }>('/api/admin/alert-email/outbox/retry'),
  deliveriesPath: (id: string, status: string | null, before?: string | null) => `/api/admin/alert-webhooks/${id}/deliveries${queryString({ status, before, limit: 50 })}`,
  deadPath: (before?: string | null) => `/api/admin/alert-webhook-deliveries/dead${queryString({ before, limit: 50 })}`,
};
