import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../api/common.schemas';
import { deskSchema, deskUpsertSchema, kpiQuerySchema, kpiSchema, publicDeskSchema, publicReportReceiptSchema, publicReportSchema, wallboardQuerySchema, wallboardSchema } from '../../api/helpline.schemas';
import {
  taxonomyCodeParamsSchema,
  taxonomyCodeSchema,
  taxonomyCodeUpsertSchema,
  taxonomyDraftCreateSchema,
  taxonomyQuerySchema,
  taxonomySchema,
  taxonomyVersionSchema,
} from '../../api/taxonomy.schemas';
import type { ServiceContext } from '../../services/context';
import * as helplineService from '../../services/helpline.service';
import * as publicReportService from '../../services/public-report.service';
import * as taxonomyService from '../../services/taxonomy.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Helpline reference data, wallboard, KPIs, the taxonomy editor and the public report form. */
export async function registerHelplineRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['helpline'];

  r.get('/api/helpline/reference', {
    config: { access: 'contacts.read' },
    schema: { tags, summary: 'Desks in your scope and the current taxonomy', response: { 200: z.object({ desks: z.array(deskSchema), taxonomy: taxonomySchema }), ...errors } },
  }, async (request) => helplineService.getHelplineReference(ctx, actorOf(request)));

  r.get('/api/helpline/wallboard', {
    config: { access: 'contacts.review' },
    schema: { tags, summary: "Today's contacts at a desk (live: refetch on contacts.changed events)", querystring: wallboardQuerySchema, response: { 200: wallboardSchema, ...errors } },
  }, async (request) => helplineService.getWallboard(ctx, actorOf(request), request.query.organisationId));

  r.get('/api/helpline/kpis', {
    config: { access: 'contacts.review' },
    schema: { tags, summary: 'Helpline KPIs over a period', querystring: kpiQuerySchema, response: { 200: kpiSchema, ...errors } },
  }, async (request) => helplineService.getKpis(ctx, actorOf(request), request.query));

  r.get('/api/admin/desks', {
    config: { access: 'organisations.read' },
    schema: { tags, summary: 'Helpline desks and their settings', response: { 200: z.array(deskSchema), ...errors } },
  }, async (request) => helplineService.listDesks(ctx, actorOf(request)));

  r.put('/api/admin/desks/:organisationId', {
    config: { access: 'organisations.manage' },
    schema: { tags, summary: "Create or change a desk's hours, numbers and public intake", params: z.object({ organisationId: z.uuid() }).strict(), body: deskUpsertSchema, response: { 200: deskSchema, ...errors } },
  }, async (request) => helplineService.upsertDesk(ctx, actorOf(request), request.params.organisationId, request.body));

  const taxTags = ['taxonomy'];
  r.get('/api/taxonomy', {
    config: { access: 'authenticated' },
    schema: { tags: taxTags, summary: 'A taxonomy version with its codes (default: current)', querystring: taxonomyQuerySchema, response: { 200: taxonomySchema, ...errors } },
  }, async (request) => taxonomyService.getTaxonomy(ctx, request.query.version));

  r.get('/api/taxonomy/versions', {
    config: { access: 'authenticated' },
    schema: { tags: taxTags, summary: 'Every taxonomy version', response: { 200: z.array(taxonomyVersionSchema), ...errors } },
  }, async () => taxonomyService.listTaxonomyVersions(ctx));

  r.post('/api/taxonomy/draft', {
    config: { access: 'taxonomy.manage' },
    schema: { tags: taxTags, summary: 'Open a draft copied from the current version', body: taxonomyDraftCreateSchema, response: { 200: taxonomySchema, ...errors } },
  }, async (request) => taxonomyService.createTaxonomyDraft(ctx, actorOf(request), request.body));

  r.put('/api/taxonomy/draft/codes/:code', {
    config: { access: 'taxonomy.manage' },
    schema: { tags: taxTags, summary: 'Add or change a code in the draft', params: taxonomyCodeParamsSchema, body: taxonomyCodeUpsertSchema, response: { 200: taxonomyCodeSchema, ...errors } },
  }, async (request) => taxonomyService.upsertTaxonomyCode(ctx, actorOf(request), request.params.code, request.body));

  r.post('/api/taxonomy/draft/publish', {
    config: { access: 'taxonomy.manage' },
    schema: { tags: taxTags, summary: 'Publish the draft as the current version', response: { 200: taxonomySchema, ...errors } },
  }, async (request) => taxonomyService.publishTaxonomyDraft(ctx, actorOf(request)));

  r.delete('/api/taxonomy/draft', {
    config: { access: 'taxonomy.manage' },
    schema: { tags: taxTags, summary: 'Discard the draft', response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await taxonomyService.discardTaxonomyDraft(ctx, actorOf(request));
    return { ok: true as const };
  });

  const publicTags = ['public'];
  r.get('/api/public/desks', {
    config: { access: 'public' },
    schema: { tags: publicTags, summary: 'Countries whose desk takes reports from the public form, with numbers to call', response: { 200: z.array(publicDeskSchema) } },
  }, async () => helplineService.listPublicDesks(ctx));

  r.post('/api/public/reports', {
    config: { access: 'public' },
    bodyLimit: 16 * 1024,
    schema: { tags: publicTags, summary: 'Anonymous report or call-back request (rate-limited per address)', body: publicReportSchema, response: { 200: publicReportReceiptSchema, 400: errorSchema, 429: errorSchema } },
  }, async (request) => publicReportService.submitPublicReport(ctx, request.body, request.ip, request.id));
}
