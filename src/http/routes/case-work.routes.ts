import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DOCUMENT_KINDS,
  documentViewSchema,
  identificationInputSchema,
  indicatorSetInputSchema,
  indicatorSetViewSchema,
  noteInputSchema,
  noteViewSchema,
  personInputSchema,
  personUpdateSchema,
  personViewSchema,
  screeningInputSchema,
  screeningViewSchema,
  taskInputSchema,
  taskListQuerySchema,
  taskListSchema,
  taskUpdateSchema,
  taskViewSchema,
} from '../../api/cases.schemas';
import { errorSchema, okSchema } from '../../api/common.schemas';
import { AppError } from '../../domain/errors';
import * as documentService from '../../services/case-document.service';
import * as noteService from '../../services/case-note.service';
import * as personService from '../../services/case-person.service';
import * as screeningService from '../../services/case-screening.service';
import * as taskService from '../../services/case-task.service';
import type { ServiceContext } from '../../services/context';
import * as indicatorService from '../../services/indicator-set.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const caseParams = z.object({ id: z.uuid() }).strict();
const personParams = z.object({ id: z.uuid(), personId: z.uuid() }).strict();
const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() }).strict();
const docParams = z.object({ id: z.uuid(), docId: z.uuid() }).strict();
const langQuery = z.object({ lang: z.string().regex(/^[a-z]{2,3}$/).optional() }).strict();
const setParams = z.object({ key: z.string().regex(/^[a-z0-9-]+$/).max(60) }).strict();
const setQuery = langQuery.extend({ version: z.coerce.number().int().min(1).optional() }).strict();

/** Multipart errors of @fastify/multipart, mapped to our coded errors. */
function mapMultipartError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('DOCUMENT_TOO_LARGE', 'The file is larger than allowed.');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('VALIDATION_FAILED', 'Send one file and at most a kind.', { issues: [{ path: 'file', message: 'one file only' }] });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data.', { issues: [{ path: 'file', message: 'multipart/form-data expected' }] });
  return err;
}

/** The top-level keys a client actually sent in a PATCH body (before schema defaults). */
const sentKeys = new WeakMap<object, Set<string>>();

/** RFC 5987 / 6266 attachment header for any file name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Case work: persons, identification, indicator sets and screening, notes, tasks and documents. */
export async function registerCaseWorkRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post('/api/cases/:id/persons', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Add a person (potential victim, relative/guardian, suspected perpetrator); identifying data encrypted', params: caseParams, body: personInputSchema, response: { 200: personViewSchema, ...errors } },
  }, async (request) => personService.addPerson(ctx, actorOf(request), request.params.id, request.body));

  r.patch('/api/cases/:id/persons/:personId', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Change a person (optimistic version; only the fields sent change)', params: personParams, body: personUpdateSchema, response: { 200: personViewSchema, ...errors } },
    // The schema fills defaults (ageBand, flags, languages) for absent fields: remember what was sent.
    preValidation: async (request) => {
      sentKeys.set(request, new Set(Object.keys((request.body ?? {}) as object)));
    },
  }, async (request) => {
    const sent = sentKeys.get(request) ?? new Set<string>();
    const input = Object.fromEntries(Object.entries(request.body).filter(([k]) => k === 'version' || sent.has(k))) as typeof request.body;
    return personService.updatePerson(ctx, actorOf(request), request.params.id, request.params.personId, input);
  });

  r.put('/api/cases/:id/persons/:personId/identification', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Record the trafficking status as decided by the competent authority', params: personParams, body: identificationInputSchema, response: { 200: personViewSchema, ...errors } },
  }, async (request) => personService.recordIdentification(ctx, actorOf(request), request.params.id, request.params.personId, request.body));

  r.get('/api/indicator-sets', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'Published indicator sets (labels in ?lang, else English)', querystring: langQuery, response: { 200: z.object({ items: z.array(indicatorSetViewSchema) }), ...errors } },
  }, async (request) => indicatorService.listIndicatorSets(ctx, actorOf(request), request.query.lang));

  r.get('/api/indicator-sets/:key', {
    config: { access: 'cases.read' },
    schema: { tags, summary: 'One indicator set: the published version, or ?version', params: setParams, querystring: setQuery, response: { 200: indicatorSetViewSchema, ...errors } },
  }, async (request) => indicatorService.getIndicatorSet(ctx, actorOf(request), request.params.key, request.query.version, request.query.lang));

  r.post('/api/indicator-sets', {
    config: { access: 'taxonomy.manage' },
    schema: { tags, summary: 'Publish a new version of an indicator set (the previous version is retired)', querystring: langQuery, body: indicatorSetInputSchema, response: { 200: indicatorSetViewSchema, ...errors } },
  }, async (request) => indicatorService.publishIndicatorSet(ctx, actorOf(request), request.body, request.query.lang));

  r.post('/api/cases/:id/screenings', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Record an indicator screening; returns the advisory, explained concern level', params: caseParams, querystring: langQuery, body: screeningInputSchema, response: { 200: screeningViewSchema, ...errors } },
  }, async (request) => screeningService.recordScreening(ctx, actorOf(request), request.params.id, request.body, request.query.lang));

  r.post('/api/cases/:id/notes', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Add a note (encrypted)', params: caseParams, body: noteInputSchema, response: { 200: noteViewSchema, ...errors } },
  }, async (request) => noteService.addNote(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/cases/:id/tasks', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Add a task or follow-up with a due time', params: caseParams, body: taskInputSchema, response: { 200: taskViewSchema, ...errors } },
  }, async (request) => taskService.addTask(ctx, actorOf(request), request.params.id, request.body));

  r.patch('/api/cases/:id/tasks/:taskId', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Change a task: done / reopen, title, due time, assignee (optimistic version)', params: taskParams, body: taskUpdateSchema, response: { 200: taskViewSchema, ...errors } },
  }, async (request) => taskService.updateTask(ctx, actorOf(request), request.params.id, request.params.taskId, request.body));

  r.get('/api/tasks', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Open tasks assigned to me, or of my team(s); overdue first', querystring: taskListQuerySchema, response: { 200: taskListSchema, ...errors } },
  }, async (request) => taskService.listTasks(ctx, actorOf(request), request.query));

  const download = async (actor: ReturnType<typeof actorOf>, params: { id: string; docId: string }, reply: FastifyReply) => {
    const doc = await documentService.downloadDocument(ctx, actor, params.id, params.docId);
    return reply
      .header('content-type', doc.mediaType)
      .header('content-disposition', contentDisposition(doc.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(doc.bytes);
  };
  r.get('/api/cases/:id/documents/:docId', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Download a document (decrypted; audited as a view of the case)', params: docParams, response: errors },
  }, async (request, reply) => download(actorOf(request), request.params, reply));
  r.get('/api/cases/:id/documents/:docId/content', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Download a document (same as without /content)', params: docParams, response: errors },
  }, async (request, reply) => download(actorOf(request), request.params, reply));

  r.delete('/api/cases/:id/documents/:docId', {
    config: { access: 'cases.write' },
    schema: { tags, summary: 'Remove a document', params: docParams, response: { 200: okSchema, ...errors } },
  }, async (request) => documentService.removeDocument(ctx, actorOf(request), request.params.id, request.params.docId));

  const maxBytes = ctx.config.VICTOR_MAX_DOCUMENT_BYTES;
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 1000 } });
    scoped.withTypeProvider<ZodTypeProvider>().post('/api/cases/:id/documents', {
      config: { access: 'cases.write' },
      schema: { tags, summary: 'Upload a document (multipart: one `file` part, optional `kind`); type checked from the bytes', consumes: ['multipart/form-data'], params: caseParams, response: { 200: documentViewSchema, 413: errorSchema, 415: errorSchema, ...errors } },
    }, async (request) => {
      let file: { fileName: string; declaredType: string | null; bytes: Buffer } | null = null;
      let kind: string = 'other';
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              continue;
            }
            file = { fileName: part.filename, declaredType: part.mimetype || null, bytes: await part.toBuffer() };
          } else if (part.fieldname === 'kind') {
            kind = String(part.value);
          }
        }
      } catch (err) {
        throw mapMultipartError(err);
      }
      if (!file) throw new AppError('VALIDATION_FAILED', 'Send the document in a `file` part.', { issues: [{ path: 'file', message: 'required' }] });
      const parsedKind = z.enum(DOCUMENT_KINDS).safeParse(kind);
      if (!parsedKind.success) throw new AppError('VALIDATION_FAILED', 'Unknown document kind.', { issues: [{ path: 'kind', message: `one of ${DOCUMENT_KINDS.join(', ')}` }] });
      return documentService.uploadDocument(ctx, actorOf(request), request.params.id, { ...file, kind: parsedKind.data });
    });
  });
}
