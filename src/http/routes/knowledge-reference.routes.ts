import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../api/common.schemas';
import {
  directoryEntryViewSchema,
  directoryInputSchema,
  directoryListQuerySchema,
  directoryListSchema,
  directoryUpdateSchema,
  instrumentInputSchema,
  instrumentListQuerySchema,
  instrumentListSchema,
  instrumentStatusInputSchema,
  instrumentStatusParamsSchema,
  instrumentUpdateSchema,
  instrumentViewSchema,
} from '../../api/knowledge.schemas';
import type { ServiceContext } from '../../services/context';
import * as directoryService from '../../services/directory.service';
import * as instrumentService from '../../services/legal-instrument.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();

/** Knowledge base reference data: the legal instruments register and the directory. */
export async function registerKnowledgeReferenceRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const legalTags = ['knowledge-legal'];

  r.get('/api/knowledge/legal', {
    config: { access: 'knowledge.read' },
    schema: { tags: legalTags, summary: 'Legal instruments with their status per country (filter by kind, country, review flag)', querystring: instrumentListQuerySchema, response: { 200: instrumentListSchema, ...errors } },
  }, async (request) => instrumentService.listInstruments(ctx, actorOf(request), request.query));

  r.get('/api/knowledge/legal/:id', {
    config: { access: 'knowledge.read' },
    schema: { tags: legalTags, summary: 'One legal instrument with every country’s status', params: idParams, response: { 200: instrumentViewSchema, ...errors } },
  }, async (request) => instrumentService.getInstrument(ctx, actorOf(request), request.params.id));

  r.post('/api/knowledge/legal', {
    config: { access: 'knowledge.write' },
    schema: { tags: legalTags, summary: 'Add an instrument (regional ones: region-wide editors; national ones: the country’s desk)', body: instrumentInputSchema, response: { 200: instrumentViewSchema, ...errors } },
  }, async (request) => instrumentService.createInstrument(ctx, actorOf(request), request.body));

  r.patch('/api/knowledge/legal/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: legalTags, summary: 'Change an instrument (optimistic version)', params: idParams, body: instrumentUpdateSchema, response: { 200: instrumentViewSchema, ...errors } },
  }, async (request) => instrumentService.updateInstrument(ctx, actorOf(request), request.params.id, request.body));

  r.put('/api/knowledge/legal/:id/status/:country', {
    config: { access: 'knowledge.write' },
    schema: { tags: legalTags, summary: 'Record where a country stands with an instrument (that country’s desk or the region)', params: instrumentStatusParamsSchema, body: instrumentStatusInputSchema, response: { 200: instrumentViewSchema, ...errors } },
  }, async (request) => instrumentService.setInstrumentStatus(ctx, actorOf(request), request.params.id, request.params.country, request.body));

  r.post('/api/knowledge/legal/:id/confirm', {
    config: { access: 'knowledge.review' },
    schema: { tags: legalTags, summary: 'Confirm an instrument’s facts (clears its review flag)', params: idParams, response: { 200: instrumentViewSchema, ...errors } },
  }, async (request) => instrumentService.confirmInstrument(ctx, actorOf(request), request.params.id));

  const dirTags = ['knowledge-directory'];
  r.get('/api/knowledge/directory', {
    config: { access: 'knowledge.read' },
    schema: { tags: dirTags, summary: 'Helplines, NRM actors and partner organisations you may read (filters, paging)', querystring: directoryListQuerySchema, response: { 200: directoryListSchema, ...errors } },
  }, async (request) => directoryService.listDirectory(ctx, actorOf(request), request.query));

  r.get('/api/knowledge/directory/:id', {
    config: { access: 'knowledge.read' },
    schema: { tags: dirTags, summary: 'One directory entry', params: idParams, response: { 200: directoryEntryViewSchema, ...errors } },
  }, async (request) => directoryService.getDirectoryEntry(ctx, actorOf(request), request.params.id));

  r.post('/api/knowledge/directory', {
    config: { access: 'knowledge.write' },
    schema: { tags: dirTags, summary: 'Add a directory entry', body: directoryInputSchema, response: { 200: directoryEntryViewSchema, ...errors } },
  }, async (request) => directoryService.createDirectoryEntry(ctx, actorOf(request), request.body));

  r.patch('/api/knowledge/directory/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: dirTags, summary: 'Change a directory entry (optimistic version)', params: idParams, body: directoryUpdateSchema, response: { 200: directoryEntryViewSchema, ...errors } },
  }, async (request) => directoryService.updateDirectoryEntry(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/knowledge/directory/:id/verify', {
    config: { access: 'knowledge.review' },
    schema: { tags: dirTags, summary: 'Verify a directory entry (clears its review flag)', params: idParams, response: { 200: directoryEntryViewSchema, ...errors } },
  }, async (request) => directoryService.verifyDirectoryEntry(ctx, actorOf(request), request.params.id));

  r.delete('/api/knowledge/directory/:id', {
    config: { access: 'knowledge.write' },
    schema: { tags: dirTags, summary: 'Archive a directory entry', params: idParams, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await directoryService.archiveDirectoryEntry(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });
}
