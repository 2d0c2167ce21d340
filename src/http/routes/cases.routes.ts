import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignableUsersQuerySchema,
  assignableUsersSchema,
  breakGlassInputSchema,
  breakGlassViewSchema,
  caseCreateSchema,
  caseListQuerySchema,
  casePageSchema,
  caseStatusInputSchema,
  caseUpdateSchema,
  caseViewersQuerySchema,
  caseViewersSchema,
  caseViewSchema,
  consentInputSchema,
  linkContactsSchema,
  timelinePageSchema,
  timelineQuerySchema,
} from '../../api/cases.schemas';
import { errorSchema } from '../../api/common.schemas';
import * as caseList from '../../services/case-list.service';
import * as caseRead from '../../services/case-read.service';
import * as caseService from '../../services/case.service';
import { listAssignableUsers } from '../../services/case-team.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();

/** Routes of the cases area (issue 5): the list, the case page and the core case workflow. */
export async function registerCaseRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.get('/api/cases', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Cases within your scope, newest opened first (filters, reference or name search, keyset paging; no totals)', querystring: caseListQuerySchema, response: { 200: casePageSchema, ...errors } },
  }, async (request) => caseList.listCases(ctx, actorOf(request), request.query));

  r.post('/api/cases', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Open a case, from contacts of the team or directly', body: caseCreateSchema, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseService.createCase(ctx, actorOf(request), request.body));

  r.get('/api/cases/assignable-users', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Who cases and tasks of a team can be assigned to: its active case workers, by name', querystring: assignableUsersQuerySchema, response: { 200: assignableUsersSchema, ...errors } },
  }, async (request) => listAssignableUsers(ctx, actorOf(request), request.query));

  r.get('/api/cases/:id', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'The case page (logged in “who viewed this case”)', params: idParams, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseRead.getCase(ctx, actorOf(request), request.params.id));

  r.patch('/api/cases/:id', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Change the title, summary, priority or case manager (optimistic version)', params: idParams, body: caseUpdateSchema, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseService.updateCase(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/status', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Move the case to another status (closing and reopening need a reason)', params: idParams, body: caseStatusInputSchema, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseService.changeCaseStatus(ctx, actorOf(request), request.params.id, request.body));

  r.put('/api/cases/:id/consent', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Record the consent given for referral and transfer', params: idParams, body: consentInputSchema, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseService.recordConsent(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/contacts', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Link more of the team’s contacts to the case', params: idParams, body: linkContactsSchema, response: { 200: caseViewSchema, ...errors } },
  }, async (request) => caseService.linkCaseContacts(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/cases/:id/timeline', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Older timeline entries of the case, newest first', params: idParams, querystring: timelineQuerySchema, response: { 200: timelinePageSchema, ...errors } },
  }, async (request) => caseRead.getCaseTimeline(ctx, actorOf(request), request.params.id, request.query));

  r.get('/api/cases/:id/viewers', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Who viewed this case (for those who work it)', params: idParams, querystring: caseViewersQuerySchema, response: { 200: caseViewersSchema, ...errors } },
  }, async (request) => caseRead.listCaseViewers(ctx, actorOf(request), request.params.id, request.query));

  r.post('/api/cases/:id/break-glass', {
    config: { access: 'cases.break_glass' },
    schema: { tags, summary: 'Open a case outside your scope for four hours, with a stated reason (audited, shown on the case)', params: idParams, body: breakGlassInputSchema, response: { 200: breakGlassViewSchema, ...errors } },
  }, async (request) => caseRead.requestBreakGlass(ctx, actorOf(request), request.params.id, request.body));
}
