import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../api/common.schemas';
import type { ServiceContext } from '../../services/context';
import { exportCaseHtcds } from '../../services/case-export.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** The JSON form of an HTCDS export (the CSV form has one column per field). */
const htcdsDocumentSchema = z.object({
  standard: z.literal('HTCDS'),
  version: z.string(),
  generatedAt: z.iso.datetime({ offset: true }),
  caseReference: z.string(),
  fields: z.object({ filled: z.array(z.string()), empty: z.array(z.string()), extensions: z.array(z.string()) }),
  records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]))),
});

/** HTCDS-field export of a case (authorised users; audited). */
export async function registerCaseExportRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/cases/:id/export/htcds', {
    config: { access: 'cases.export' },
    schema: {
      tags: ['cases'],
      summary: 'Export the case as Human Trafficking Case Data Standard records (JSON or CSV attachment; audited)',
      params: z.object({ id: z.uuid() }).strict(),
      querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }).strict(),
      response: { 200: z.union([htcdsDocumentSchema, z.string()]), ...errors },
    },
  }, async (request, reply) => {
    const result = await exportCaseHtcds(ctx, actorOf(request), request.params.id, request.query.format);
    void reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${result.fileName}"`);
    if (result.format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(result.csv);
    return reply.header('content-type', 'application/json; charset=utf-8').send(result.document);
  });
}
