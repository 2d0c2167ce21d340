import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema, okSchema } from '../../api/common.schemas';
import { inboundEmailSchema, integrationAckSchema, integrationCreateSchema, integrationCreatedSchema, integrationSchema, telephonyEventSchema } from '../../api/helpline.schemas';
import type { ServiceContext } from '../../services/context';
import * as integrationService from '../../services/integration.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/**
 * Signed webhooks for phone systems and mail gateways (in their own scope, which keeps the raw body
 * for the signature check), and their administration.
 */
export async function registerIntegrationRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = body as string;
      try {
        done(null, JSON.parse(body as string));
      } catch {
        const err = new Error('The body is not valid JSON.') as Error & { statusCode: number; code: string };
        err.statusCode = 400;
        err.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
        done(err, undefined);
      }
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const headers = z.object({ 'x-victor-integration': z.string().optional(), 'x-victor-signature': z.string().optional() });
    const tags = ['integrations'];
    const authenticate = (kind: 'telephony' | 'email', h: z.infer<typeof headers>, raw: string | undefined) =>
      integrationService.authenticateWebhook(ctx, kind, h['x-victor-integration'], h['x-victor-signature'], raw ?? '');

    r.post('/api/integrations/telephony/events', {
      config: { access: 'public', signedWebhook: true },
      schema: {
        tags,
        summary: 'Call started/answered/ended from a phone system or chat gateway (signed: x-victor-integration, x-victor-signature)',
        headers,
        body: telephonyEventSchema,
        response: { 200: integrationAckSchema, ...errors },
      },
    }, async (request) => {
      const integration = await authenticate('telephony', request.headers, request.rawBody);
      return integrationService.handleTelephonyEvent(ctx, integration, request.body, request.id);
    });

    r.post('/api/integrations/email/messages', {
      config: { access: 'public', signedWebhook: true },
      schema: { tags, summary: 'A received e-mail, posted by the mail gateway (signed)', headers, body: inboundEmailSchema, response: { 200: integrationAckSchema, ...errors } },
    }, async (request) => {
      const integration = await authenticate('email', request.headers, request.rawBody);
      return integrationService.handleInboundEmail(ctx, integration, request.body, request.id);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const adminTags = ['integrations'];
  r.get('/api/admin/integrations', {
    config: { access: 'integrations.manage' },
    schema: { tags: adminTags, summary: 'Channel integrations', response: { 200: z.array(integrationSchema), ...errors } },
  }, async (request) => integrationService.listIntegrations(ctx, actorOf(request)));

  r.post('/api/admin/integrations', {
    config: { access: 'integrations.manage' },
    schema: { tags: adminTags, summary: 'Create an integration (the signing secret is shown once)', body: integrationCreateSchema, response: { 200: integrationCreatedSchema, ...errors } },
  }, async (request) => integrationService.createIntegration(ctx, actorOf(request), request.body));

  r.delete('/api/admin/integrations/:id', {
    config: { access: 'integrations.manage' },
    schema: { tags: adminTags, summary: 'Revoke an integration', params: idParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await integrationService.revokeIntegration(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });
}
