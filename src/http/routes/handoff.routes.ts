import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryCodeSchema, errorSchema } from '../../api/common.schemas';
import { handoffActionSchema, handoffCreateSchema, handoffDeskListSchema, handoffListQuerySchema, handoffPageSchema, handoffViewSchema } from '../../api/referrals.schemas';
import type { ServiceContext } from '../../services/context';
import * as handoffRead from '../../services/handoff-read.service';
import * as handoffService from '../../services/handoff.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();

/** Cross-border hand-offs between country desks: desks, request, inbox / sent, answer. */
export async function registerHandoffRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['handoffs'];

  r.get('/api/handoff-desks', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Desks a hand-off may go to: active organisations working cases (optionally outside a country)', querystring: z.object({ exceptCountry: countryCodeSchema.optional() }).strict(), response: { 200: handoffDeskListSchema, ...errors } },
  }, async (request) => handoffService.listHandoffDesks(ctx, actorOf(request), request.query.exceptCountry));

  r.post('/api/cases/:id/handoffs', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Hand the case off to a desk in another country (minimum dataset and consent snapshot only; consent must cover transfer)', params: idParams, body: handoffCreateSchema, response: { 200: handoffViewSchema, ...errors } },
  }, async (request) => handoffService.requestHandoff(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/handoffs', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Hand-offs received by (inbox) or sent from (sent) the desks in your scope, newest first', querystring: handoffListQuerySchema, response: { 200: handoffPageSchema, ...errors } },
  }, async (request) => handoffRead.listHandoffPage(ctx.database.db, ctx, actorOf(request), request.query));

  r.get('/api/handoffs/:id', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'One hand-off (either side; reads by the receiving desk are audited)', params: idParams, response: { 200: handoffViewSchema, ...errors } },
  }, async (request) => handoffService.getHandoff(ctx, actorOf(request), request.params.id));

  r.post('/api/handoffs/:id/actions', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Accept or decline (receiving desk; declining needs a note) or withdraw (sender); accepting opens the linked case', params: idParams, body: handoffActionSchema, response: { 200: handoffViewSchema, ...errors } },
  }, async (request) => handoffService.actOnHandoff(ctx, actorOf(request), request.params.id, request.body));
}
