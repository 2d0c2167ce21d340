import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearedSchema,
  ingestedPageSchema,
  ingestedQuerySchema,
  ingestPushQuerySchema,
  ingestSourceInputSchema,
  ingestSourcePatchSchema,
  ingestSourceSchema,
  ingestSummarySchema,
  pollResultSchema,
  quarantineIdParamsSchema,
  quarantinePageSchema,
  quarantineQuerySchema,
  regionalAlertsQuerySchema,
  regionalAlertsSchema,
} from '../../api/alert-ingest.schemas';
import { errorSchema, idParamsSchema, okSchema } from '../../api/common.schemas';
import * as adminService from '../../services/alert-ingest-admin.service';
import * as mapService from '../../services/alert-ingest-map.service';
import { pollSourceNow } from '../../services/alert-ingest-poll.service';
import { pushDocument } from '../../services/alert-ingest.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
const XML_TYPES = ['application/cap+xml', 'application/atom+xml', 'application/xml', 'text/xml'];

/** Ingest of other systems' CAP feeds, quarantine, and the regional map data. */
export async function registerAlertIngestRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const maxBytes = ctx.config.VICTOR_INGEST_MAX_BYTES;

  // Push: the raw document as bytes (never decoded here), limited to VICTOR_INGEST_MAX_BYTES (413 beyond).
  await app.register(async (scope) => {
    scope.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/alert-ingest', {
      config: { access: 'alerts.configure' },
      bodyLimit: maxBytes,
      schema: {
        tags: ['alert-ingest'],
        summary: 'Push a CAP document (application/cap+xml) or an Atom feed of CAP documents (application/atom+xml) from another alert system',
        querystring: ingestPushQuerySchema,
        response: { 200: ingestSummarySchema, ...errors },
      },
    }, async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      return pushDocument(ctx, actorOf(request), bytes, request.headers['content-type'] ?? null, request.query.sourceId);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alert-ingest'];

  r.get('/api/alert-ingest/sources', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Sources of other systems\' alerts', response: { 200: z.array(ingestSourceSchema), ...errors } },
  }, async (request) => adminService.listSources(ctx, actorOf(request)));

  r.post('/api/alert-ingest/sources', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Add a source (Atom feed or CAP document URL)', body: ingestSourceInputSchema, response: { 200: ingestSourceSchema, ...errors } },
  }, async (request) => adminService.createSource(ctx, actorOf(request), request.body));

  r.patch('/api/alert-ingest/sources/:id', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Change a source', params: idParamsSchema, body: ingestSourcePatchSchema, response: { 200: ingestSourceSchema, ...errors } },
  }, async (request) => adminService.updateSource(ctx, actorOf(request), request.params.id, request.body));

  r.delete('/api/alert-ingest/sources/:id', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Delete a source', params: idParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await adminService.deleteSource(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });

  r.post('/api/alert-ingest/sources/:id/poll', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Poll a source now', params: idParamsSchema, response: { 200: pollResultSchema, ...errors } },
  }, async (request) => pollSourceNow(ctx, actorOf(request), request.params.id));

  r.get('/api/alert-ingest/quarantine', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Refused documents, newest first', querystring: quarantineQuerySchema, response: { 200: quarantinePageSchema, ...errors } },
  }, async (request) => adminService.listQuarantine(ctx, actorOf(request), request.query));

  r.delete('/api/alert-ingest/quarantine/:id', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Delete a quarantine entry', params: quarantineIdParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await adminService.deleteQuarantineEntry(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });

  r.delete('/api/alert-ingest/quarantine', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Empty the quarantine', response: { 200: clearedSchema, ...errors } },
  }, async (request) => adminService.clearQuarantine(ctx, actorOf(request)));

  r.get('/api/alert-ingest/alerts', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Received alerts with their warnings, newest first', querystring: ingestedQuerySchema, response: { 200: ingestedPageSchema, ...errors } },
  }, async (request) => adminService.listIngestedAlerts(ctx, actorOf(request), request.query));

  r.get('/api/regional-alerts', {
    config: { access: 'alerts.read' },
    schema: { tags, summary: 'Live alerts for the regional map: ours and other systems\'', querystring: regionalAlertsQuerySchema, response: { 200: regionalAlertsSchema, ...errors } },
  }, async (request) => mapService.listRegionalAlerts(ctx, actorOf(request), { includeDrills: request.query.includeDrills === 'true' }));

  r.get('/api/regional-alerts/outlines', {
    config: { access: 'alerts.read' },
    // Runs after the app-wide hook that marks every /api answer no-store: outlines may be cached.
    onSend: async (_request, reply) => {
      if (reply.statusCode === 200 || reply.statusCode === 304) void reply.header('cache-control', 'private, max-age=3600');
    },
    schema: { tags, summary: 'Country outlines of Southeastern Europe (GeoJSON)', response: { 200: z.unknown(), ...errors } },
  }, async (request, reply) => {
    const doc = await mapService.loadOutlinesDocument(actorOf(request));
    void reply.header('etag', doc.etag);
    if (request.headers['if-none-match'] === doc.etag) return reply.code(304).send();
    return reply.type('application/geo+json; charset=utf-8').send(doc.body);
  });
}
