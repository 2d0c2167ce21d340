import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertApproveSchema,
  alertCancelSchema,
  alertDraftCreateSchema,
  alertEditSchema,
  alertExtendSchema,
  alertListQuerySchema,
  alertPageSchema,
  alertPhotoFromCaseSchema,
  alertResolveSchema,
  alertSettingsListSchema,
  alertSettingsSchema,
  alertSettingsUpdateSchema,
  alertVersionSchema,
  alertViewSchema,
  preAlertActionResultSchema,
  preAlertActionSchema,
  preAlertCreateSchema,
  preAlertListQuerySchema,
  preAlertListSchema,
} from '../../api/alerts.schemas';
import { countryCodeSchema, errorSchema } from '../../api/common.schemas';
import { AppError } from '../../domain/errors';
import * as lifecycle from '../../services/alert-lifecycle.service';
import * as preAlerts from '../../services/alert-pre-alert.service';
import * as settingsService from '../../services/alert-settings.service';
import * as alertService from '../../services/alert.service';
import type { ServiceContext } from '../../services/context';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const idParams = z.object({ id: z.uuid() }).strict();
const countryParams = z.object({ country: countryCodeSchema }).strict();
const photoQuery = z.object({ fromCase: z.enum(['true', 'false']).optional() }).strict();

/** Multipart errors of @fastify/multipart, mapped to our coded errors. */
function mapMultipartError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('DOCUMENT_TOO_LARGE', 'The photo is larger than allowed.');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('VALIDATION_FAILED', 'Send one photo.', { issues: [{ path: 'file', message: 'one file only' }] });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('VALIDATION_FAILED', 'Send the photo as multipart/form-data.', { issues: [{ path: 'file', message: 'multipart/form-data expected' }] });
  return err;
}

/** Child alerts in the console: drafts, four-eyes approval, life cycle, photo, country settings, pre-alerts. */
export async function registerAlertRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alerts'];

  r.get('/api/alerts', {
    config: { access: 'alerts.read' },
    schema: { tags, summary: 'List child alerts of your countries (and those pre-alerted to your desk)', querystring: alertListQuerySchema, response: { 200: alertPageSchema, ...errors } },
  }, async (request) => alertService.listAlerts(ctx, actorOf(request), request.query));

  r.post('/api/alerts', {
    config: { access: 'alerts.draft' },
    schema: { tags, summary: 'Draft a child alert for your country desk (reference per country and year, new incident id)', body: alertDraftCreateSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => alertService.createAlertDraft(ctx, actorOf(request), request.body));

  r.get('/api/alerts/:id', {
    config: { access: 'alerts.read' },
    schema: { tags, summary: 'One alert with its messages, pre-alerts and history (the read is audited)', params: idParams, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => alertService.getAlert(ctx, actorOf(request), request.params.id));

  r.patch('/api/alerts/:id', {
    config: { access: 'alerts.draft' },
    schema: { tags, summary: 'Edit a draft (an approved alert returns to draft) or update an issued alert (CAP Update; note required)', params: idParams, body: alertEditSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => alertService.editAlert(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/alerts/:id/photo', {
    config: { access: 'alerts.read' },
    schema: { tags, summary: 'The alert photo for the console preview (audited; gone after resolution)', params: idParams, response: errors },
  }, async (request, reply) => sendPhoto(request.params.id, actorOf(request), reply));

  const sendPhoto = async (id: string, actor: ReturnType<typeof actorOf>, reply: FastifyReply) => {
    const photo = await alertService.readAlertPhoto(ctx, actor, id);
    return reply.header('content-type', photo.mediaType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox").send(photo.bytes);
  };

  r.post('/api/alerts/:id/approve', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Approve a draft (four-eyes: not the drafter; criteria, photo); issueNow issues it at once', params: idParams, body: alertApproveSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => lifecycle.approveAlert(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/alerts/:id/issue', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Issue an approved alert (authority decision recorded): publishes the CAP Alert', params: idParams, body: alertVersionSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => lifecycle.issueAlert(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/alerts/:id/extend', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Extend an issued alert (country extension hours, limited number): CAP Update', params: idParams, body: alertExtendSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => lifecycle.extendAlert(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/alerts/:id/resolve', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Child found: CAP Cancel with AllClear; personal data and photo removed from every public surface', params: idParams, body: alertResolveSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => lifecycle.resolveAlert(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/alerts/:id/cancel', {
    config: { access: 'alerts.draft' },
    schema: { tags, summary: 'Cancel: an issued alert issued in error (CAP Cancel, redaction; alerts.publish) or withdraw a draft', params: idParams, body: alertCancelSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => lifecycle.cancelAlert(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/alerts/:id/pre-alerts', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Send a restricted pre-alert to neighbouring countries’ desks (CAP scope Restricted, never public)', params: idParams, body: preAlertCreateSchema, response: { 200: alertViewSchema, ...errors } },
  }, async (request) => preAlerts.sendPreAlerts(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/pre-alerts', {
    config: { access: 'alerts.read' },
    schema: { tags, summary: 'Pre-alerts received by your desk (inbox; audited) or sent by your country', querystring: preAlertListQuerySchema, response: { 200: preAlertListSchema, ...errors } },
  }, async (request) => preAlerts.listPreAlerts(ctx, actorOf(request), request.query.box));

  r.post('/api/pre-alerts/:id/actions', {
    config: { access: 'alerts.publish' },
    schema: { tags, summary: 'Answer a pre-alert: acknowledge, decline (note) or draft our own alert for the same incident', params: idParams, body: preAlertActionSchema, response: { 200: preAlertActionResultSchema, ...errors } },
  }, async (request) => preAlerts.actOnPreAlert(ctx, actorOf(request), request.params.id, request.body));

  r.get('/api/alert-settings', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Child-alert settings of every configured country (alerts.read or alerts.configure)', response: { 200: alertSettingsListSchema, ...errors } },
  }, async (request) => settingsService.listAlertSettings(ctx, actorOf(request)));

  r.get('/api/alert-settings/:country', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One country’s child-alert settings (alerts.read or alerts.configure)', params: countryParams, response: { 200: alertSettingsSchema, ...errors } },
  }, async (request) => settingsService.getAlertSettings(ctx, actorOf(request), request.params.country));

  r.put('/api/alert-settings/:country', {
    config: { access: 'alerts.configure' },
    schema: { tags, summary: 'Change a country’s child-alert settings (alerts.configure for that country; optimistic version)', params: countryParams, body: alertSettingsUpdateSchema, response: { 200: alertSettingsSchema, ...errors } },
  }, async (request) => settingsService.updateAlertSettings(ctx, actorOf(request), request.params.country, request.body));

  const maxBytes = ctx.config.VICTOR_MAX_DOCUMENT_BYTES;
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 1, parts: 2, fieldSize: 1000 } });
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/alerts/:id/photo', {
      config: { access: 'alerts.draft' },
      schema: { tags, summary: 'Set the photo: multipart `file` part (JPEG/PNG/WebP, checked from the bytes), or ?fromCase=true (or JSON {"fromCase":true}) to copy the linked case’s photo', consumes: ['multipart/form-data', 'application/json'], params: idParams, querystring: photoQuery, response: { 200: alertViewSchema, 413: errorSchema, 415: errorSchema, ...errors } },
    }, async (request) => {
      const actor = actorOf(request);
      if (request.query.fromCase === 'true') {
        if (request.isMultipart()) {
          try {
            for await (const part of request.parts()) if (part.type === 'file') part.file.resume();
          } catch (err) {
            throw mapMultipartError(err);
          }
        }
        return alertService.copyAlertPhotoFromCase(ctx, actor, request.params.id);
      }
      if (!request.isMultipart()) {
        const parsed = alertPhotoFromCaseSchema.safeParse(request.body);
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Send the photo as multipart/form-data, or {"fromCase": true}.', { issues: [{ path: 'file', message: 'required' }] });
        return alertService.copyAlertPhotoFromCase(ctx, actor, request.params.id);
      }
      let file: { declaredType: string | null; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              continue;
            }
            file = { declaredType: part.mimetype || null, bytes: await part.toBuffer() };
          }
        }
      } catch (err) {
        throw mapMultipartError(err);
      }
      if (!file) throw new AppError('VALIDATION_FAILED', 'Send the photo in a `file` part.', { issues: [{ path: 'file', message: 'required' }] });
      return alertService.uploadAlertPhoto(ctx, actor, request.params.id, file);
    });
  });
}
