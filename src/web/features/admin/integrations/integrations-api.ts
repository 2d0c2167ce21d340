import type { z } from 'zod';
import type { integrationCreateSchema, integrationCreatedSchema, integrationSchema } from '../../../../api/helpline.schemas';
import { apiDelete, apiGet, apiPost } from '../../../api/client';
import type { Ok } from '../../../api/types';

export type Integration = z.infer<typeof integrationSchema>;
export type IntegrationCreated = z.infer<typeof integrationCreatedSchema>;
export type IntegrationInput = z.infer<typeof integrationCreateSchema>;
export type IntegrationKind = Integration['kind'];

export const INTEGRATION_KINDS = ['telephony', 'email'] as const satisfies readonly IntegrationKind[];

/** Where each kind of integration posts its signed requests. */
export const INTEGRATION_ENDPOINTS: Record<IntegrationKind, string> = {
  telephony: '/api/integrations/telephony/events',
  email: '/api/integrations/email/messages',
};

/** Typed calls of the integrations administration. */
export const integrationsApi = {
  list: () => apiGet<Integration[]>('/api/admin/integrations'),
  create: (body: IntegrationInput) => apiPost<IntegrationCreated>('/api/admin/integrations', body),
  revoke: (id: string) => apiDelete<Ok>(`/api/admin/integrations/${id}`),
};
