import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryCodeSchema, errorSchema, localeSchema } from '../../api/common.schemas';
import {
  caseReferralsSchema,
  pathwayInputSchema,
  pathwayListSchema,
  pathwayViewSchema,
  referralActionSchema,
  referralCreateSchema,
  referralListQuerySchema,
  referralMessageSchema,
  referralPageSchema,
  referralViewSchema,
} from '../../api/referrals.schemas';
import type { ServiceContext } from '../../services/context';
import * as pathwayService from '../../services/nrm-pathway.service';
import { getReferralPacket } from '../../services/referral-packet.service';
import * as readService from '../../services/referral-read.service';
import * as referralService from '../../services/referral.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();
const langQuery = z.object({ lang: localeSchema.optional() }).strict();

/** NRM pathways per country, referrals of a case, the referral inbox / sent lists, actions, messages and the packet. */
export async function registerReferralRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pathwayTags = ['nrm-pathways'];
  const tags = ['referrals'];

  r.get('/api/nrm-pathways', {
    config: { access: 'cases.read' },
    schema: { tags: pathwayTags, summary: 'NRM pathway versions (optionally of one country)', querystring: z.object({ country: countryCodeSchema.optional(), lang: localeSchema.optional() }).strict(), response: { 200: pathwayListSchema, ...errors } },
  }, async (request) => pathwayService.listPathways(ctx, actorOf(request), request.query));

  r.get('/api/nrm-pathways/current/:country', {
    config: { access: 'cases.read' },
    schema: { tags: pathwayTags, summary: 'The published pathway of a country, with its steps and actors', params: z.object({ country: countryCodeSchema }).strict(), querystring: langQuery, response: { 200: pathwayViewSchema, ...errors } },
  }, async (request) => pathwayService.getCurrentPathway(ctx, actorOf(request), request.params.country, request.query.lang));

  r.get('/api/nrm-pathways/:id', {
    config: { access: 'cases.read' },
    schema: { tags: pathwayTags, summary: 'One pathway version', params: idParams, querystring: langQuery, response: { 200: pathwayViewSchema, ...errors } },
  }, async (request) => pathwayService.getPathway(ctx, actorOf(request), request.params.id, request.query.lang));

  r.post('/api/nrm-pathways', {
    config: { access: 'network.manage' },
    schema: { tags: pathwayTags, summary: 'Save the next version of a country’s pathway as its draft (replaces an existing draft)', body: pathwayInputSchema, response: { 200: pathwayViewSchema, ...errors } },
  }, async (request) => pathwayService.savePathwayDraft(ctx, actorOf(request), request.body));

  r.post('/api/nrm-pathways/:id/publish', {
    config: { access: 'network.manage' },
    schema: { tags: pathwayTags, summary: 'Publish a draft pathway (retires the version published before)', params: idParams, response: { 200: pathwayViewSchema, ...errors } },
  }, async (request) => pathwayService.publishPathway(ctx, actorOf(request), request.params.id));

  r.get('/api/cases/:id/referrals', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Referrals and cross-border hand-offs of a case', params: idParams, querystring: langQuery, response: { 200: caseReferralsSchema, ...errors } },
  }, async (request) => readService.listCaseReferrals(ctx, actorOf(request), request.params.id, request.query.lang));

  r.post('/api/cases/:id/referrals', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Refer the case to an NRM actor (draft, or sent at once through the consent gate)', params: idParams, body: referralCreateSchema, response: { 200: referralViewSchema, ...errors } },
  }, async (request) => referralService.createReferral(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/referrals', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Referrals received by my organisation (inbox) or sent by my teams (sent); keyset-paged', querystring: referralListQuerySchema.extend({ lang: localeSchema.optional() }), response: { 200: referralPageSchema, ...errors } },
  }, async (request) => {
    const { lang, ...query } = request.query;
    return readService.listReferrals(ctx, actorOf(request), query, lang);
  });

  r.get('/api/referrals/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One referral, as the referring desk or the receiving liaison officer sees it', params: idParams, querystring: langQuery, response: { 200: referralViewSchema, ...errors } },
  }, async (request) => readService.getReferral(ctx, actorOf(request), request.params.id, request.query.lang));

  r.post('/api/referrals/:id/actions', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Send, acknowledge, accept, decline, complete or revoke a referral', params: idParams, body: referralActionSchema, response: { 200: referralViewSchema, ...errors } },
  }, async (request) => referralService.applyReferralAction(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/referrals/:id/messages', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Write a message on a referral (either side)', params: idParams, body: referralMessageSchema, response: { 200: referralViewSchema, ...errors } },
  }, async (request) => referralService.addReferralMessage(ctx, actorOf(request), request.params.id, request.body.body));

  r.get('/api/referrals/:id/packet.pdf', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The referral packet as PDF in the receiver’s language (audited)', params: idParams, querystring: langQuery },
  }, async (request, reply) => {
    const { pdf, fileName } = await getReferralPacket(ctx, actorOf(request), request.params.id, request.query.lang);
    return reply.header('content-type', 'application/pdf').header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
  });
}
