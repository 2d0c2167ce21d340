import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callerFlagCreateSchema,
  callerLookupQuerySchema,
  callerProfileSchema,
  contactCreateSchema,
  contactDiscardSchema,
  contactPageSchema,
  contactReviewSchema,
  contactSchema,
  contactSearchQuerySchema,
  contactUpdateSchema,
  nonDataContactSchema,
} from '../../api/contacts.schemas';
import { errorSchema, idParamsSchema } from '../../api/common.schemas';
import * as callerService from '../../services/caller.service';
import * as contactService from '../../services/contact.service';
import * as workflowService from '../../services/contact-workflow.service';
import * as searchService from '../../services/contact-search.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['contacts'];

/** Helpline contacts: logging, autosave, completion, queue, review, search, export; repeat callers. */
export async function registerContactRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/contacts', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Start a draft contact, or log a whole one (complete=true); idempotent on idempotencyKey', body: contactCreateSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => contactService.createContact(ctx, actorOf(request), request.body));

  r.post('/api/contacts/non-data', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Log a silent, hang-up, prank, wrong-number or abusive contact', body: nonDataContactSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => contactService.createNonDataContact(ctx, actorOf(request), request.body));

  r.get('/api/contacts', {
    config: { access: 'contacts.read' },
    schema: { tags, summary: 'Search contacts (newest first, cursor paging)', querystring: contactSearchQuerySchema, response: { 200: contactPageSchema, ...errors } },
  }, async (request) => searchService.searchContacts(ctx, actorOf(request), request.query));

  r.get('/api/contacts/export.csv', {
    config: { access: 'contacts.export' },
    schema: { tags, summary: 'Export matching contacts as CSV (coded fields only; audited)', querystring: contactSearchQuerySchema.omit({ limit: true, cursor: true }) },
  }, async (request, reply) => {
    const { stream } = await searchService.exportContacts(ctx, actorOf(request), request.query);
    const name = `victor-contacts-${new Date().toISOString().slice(0, 10)}.csv`;
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(stream);
  });

  r.get('/api/contacts/:id', {
    config: { access: 'contacts.read' },
    schema: { tags, summary: 'One contact in full (the read is audited)', params: idParamsSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => contactService.getContact(ctx, actorOf(request), request.params.id));

  r.patch('/api/contacts/:id', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Autosave a draft (send the version you last read)', params: idParamsSchema, body: contactUpdateSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => contactService.updateContact(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/contacts/:id/complete', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Finish a contact: mandatory fields are checked', params: idParamsSchema, body: contactUpdateSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => contactService.completeContact(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/contacts/:id/claim', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Take a queued contact (public form, e-mail) into your own draft', params: idParamsSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => workflowService.claimContact(ctx, actorOf(request), request.params.id));

  r.post('/api/contacts/:id/discard', {
    config: { access: 'contacts.write' },
    schema: { tags, summary: 'Discard a draft opened by mistake or a spam/duplicate report (kept, not counted)', params: idParamsSchema, body: contactDiscardSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => workflowService.discardContact(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/contacts/:id/review', {
    config: { access: 'contacts.review' },
    schema: { tags, summary: 'Review a completed contact', params: idParamsSchema, body: contactReviewSchema, response: { 200: contactSchema, ...errors } },
  }, async (request) => workflowService.reviewContact(ctx, actorOf(request), request.params.id, request.body));

  const callerTags = ['callers'];
  r.get('/api/callers/lookup', {
    config: { access: 'contacts.read' },
    schema: { tags: callerTags, summary: 'Repeat-caller profile for a phone number or chat id (matched by keyed hash)', querystring: callerLookupQuerySchema, response: { 200: z.object({ profile: callerProfileSchema.nullable() }), ...errors } },
  }, async (request) => ({ profile: await callerService.lookupCaller(ctx, actorOf(request), request.query) }));

  r.post('/api/callers/:id/flags', {
    config: { access: 'contacts.write' },
    schema: { tags: callerTags, summary: 'Flag a caller (the flag expires)', params: idParamsSchema, body: callerFlagCreateSchema, response: { 200: callerProfileSchema, ...errors } },
  }, async (request) => callerService.addCallerFlag(ctx, actorOf(request), request.params.id, request.body));

  r.delete('/api/callers/:id/flags/:flagId', {
    config: { access: 'contacts.write' },
    schema: { tags: callerTags, summary: 'Clear a caller flag', params: z.object({ id: z.uuid(), flagId: z.uuid() }).strict(), response: { 200: callerProfileSchema, ...errors } },
  }, async (request) => callerService.clearCallerFlag(ctx, actorOf(request), request.params.id, request.params.flagId));
}
