/** The harmonised contact taxonomy: versions, codes and the draft editor's requests. */
import { z } from 'zod';
import { TAXONOMY_MODULES } from '../domain/helpline/taxonomy';
import { LOCALES, countryCodeSchema } from './common.schemas';

const codeSchema = z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9_]+)*$/, 'upper-case segments separated by dots').max(80);
const labelsSchema = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(200))
  .refine((l) => typeof l.en === 'string', { message: 'an English label is required', path: ['en'] });

export const taxonomyCodeSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  module: z.enum(TAXONOMY_MODULES),
  countryCode: z.string().nullable(),
  mapsTo: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  sort: z.number().int(),
  active: z.boolean(),
});
export type TaxonomyCodeView = z.infer<typeof taxonomyCodeSchema>;

export const taxonomyVersionSchema = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  notes: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  codeCount: z.number().int(),
});

export const taxonomySchema = taxonomyVersionSchema.extend({ codes: z.array(taxonomyCodeSchema) });
export type TaxonomyView = z.infer<typeof taxonomySchema>;

export const taxonomyQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

/** PUT /api/taxonomy/draft/codes/:code: add or change a code in the draft. */
export const taxonomyCodeUpsertSchema = z
  .object({
    parentCode: codeSchema.nullable(),
    module: z.enum(TAXONOMY_MODULES),
    countryCode: countryCodeSchema.nullable(),
    mapsTo: codeSchema.nullable(),
    labels: labelsSchema,
    sort: z.number().int().min(0).max(100_000).default(0),
    active: z.boolean().default(true),
  })
  .strict();

export const taxonomyCodeParamsSchema = z.object({ code: codeSchema }).strict();
export const taxonomyDraftCreateSchema = z.object({ notes: z.string().trim().max(1000).optional() }).strict();
