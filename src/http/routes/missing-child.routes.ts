import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertDraftCreateSchema } from '../../api/alerts.schemas';
import { errorSchema } from '../../api/common.schemas';
import {
  missingActionSchema,
  missingListQuerySchema,
  missingPageSchema,
  missingPhotoSchema,
  missingReferralResultSchema,
  missingReferralSchema,
  missingReportCreateSchema,
  missingReportUpdateSchema,
  missingReportViewSchema,
} from '../../api/missing-children.schemas';
import type { ServiceContext } from '../../services/context';
import * as missingRead from '../../services/missing-child-read.service';
import * as missing from '../../services/missing-child.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();

/** Missing-child (116 000) cases: report, last seen, police / Interpol / SIS, found or closed. */
export async function registerMissingChildRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['missing-children'];

  r.post('/api/missing-children', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Report a missing child: opens a missing-child case with the child and the report', body: missingReportCreateSchema, response: { 200: missingReportViewSchema, ...errors } },
  }, async (request) => missing.openMissingChildCase(ctx, actorOf(request), request.body));

  r.get('/api/missing-children', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Missing-child cases within your scope, newest first (status, type, country, reference; keyset paging; no names)', querystring: missingListQuerySchema, response: { 200: missingPageSchema, ...errors } },
  }, async (request) => missingRead.listMissingChildren(ctx, actorOf(request), request.query));

  r.get('/api/cases/:id/missing-report', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'The missing-child report of a case (logged in “who viewed this case”)', params: idParams, response: { 200: missingReportViewSchema, ...errors } },
  }, async (request) => missingRead.getMissingReport(ctx, actorOf(request), request.params.id));

  r.patch('/api/cases/:id/missing-report', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Change the report: type, last seen, description, police / Interpol / SIS, suspected countries (optimistic version)', params: idParams, body: missingReportUpdateSchema, response: { 200: missingReportViewSchema, ...errors } },
  }, async (request) => missing.updateMissingReport(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/missing-report/actions', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Found (time, outcome, condition), close (reason) or reopen (reason)', params: idParams, body: missingActionSchema, response: { 200: missingReportViewSchema, ...errors } },
  }, async (request) => missing.actOnMissingReport(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/missing-report/photo', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Use an image document of the case as the report’s photo (or clear it with null)', params: idParams, body: missingPhotoSchema, response: { 200: missingReportViewSchema, 415: errorSchema, ...errors } },
  }, async (request) => missing.setMissingPhoto(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/missing-report/referrals', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Refer to the 116 000 service of another country (cross-border hand-off; the country joins the suspected countries)', params: idParams, body: missingReferralSchema, response: { 200: missingReferralResultSchema, ...errors } },
  }, async (request) => missing.referMissingChildAbroad(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/cases/:id/missing-report/alert-prefill', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'A child-alert draft pre-filled from the report (for the alert console)', params: idParams, response: { 200: alertDraftCreateSchema, ...errors } },
  }, async (request) => missingRead.getAlertPrefill(ctx, actorOf(request), request.params.id));
}
