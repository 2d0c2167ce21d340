/**
 * Ingest of other countries' alert systems (CAP feeds), the quarantine of refused documents, and
 * the regional map. Shared by http and web.
 */
import { z } from 'zod';
import { countryCodeSchema } from './common.schemas';

export const INGEST_SOURCE_KINDS = ['atom', 'cap'] as const;
export const INGEST_OUTCOMES = ['ok', 'not_modified', 'too_large', 'rejected', 'error'] as const;

export const ingestSourceInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.string().trim().min(1).max(2000),
    kind: z.enum(INGEST_SOURCE_KINDS),
    countryCode: countryCodeSchema.nullable().default(null),
    pollSeconds: z.number().int().min(30).max(86400).default(120),
    active: z.boolean().default(true),
  })
  .strict();
export type IngestSourceInput = z.infer<typeof ingestSourceInputSchema>;

export const ingestSourcePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    url: z.string().trim().min(1).max(2000).optional(),
    kind: z.enum(INGEST_SOURCE_KINDS).optional(),
    countryCode: countryCodeSchema.nullable().optional(),
    pollSeconds: z.number().int().min(30).max(86400).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type IngestSourcePatch = z.infer<typeof ingestSourcePatchSchema>;

export const ingestSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  kind: z.enum(INGEST_SOURCE_KINDS),
  countryCode: z.string().nullable(),
  pollSeconds: z.number(),
  active: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastOutcome: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type IngestSourceView = z.infer<typeof ingestSourceSchema>;

/** What one ingest (a push, a poll, a document) did. */
export const ingestSummarySchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  superseded: z.number(),
  quarantined: z.number(),
  warnings: z.number(),
  fetchErrors: z.number(),
});
export type IngestSummary = z.infer<typeof ingestSummarySchema>;

export const pollResultSchema = z.object({ outcome: z.enum(INGEST_OUTCOMES), error: z.string().nullable(), summary: ingestSummarySchema });
export type PollResult = z.infer<typeof pollResultSchema>;

export const ingestPushQuerySchema = z.object({ sourceId: z.uuid().optional() }).strict();

export const quarantineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

export const quarantineEntrySchema = z.object({
  id: z.number(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  receivedAt: z.string(),
  reasonCode: z.string(),
  detail: z.string(),
  sizeBytes: z.number(),
  excerpt: z.string(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
export const quarantinePageSchema = z.object({ items: z.array(quarantineEntrySchema), nextBefore: z.number().nullable() });
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

export const quarantineIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) }).strict();
export const clearedSchema = z.object({ deleted: z.number() });

const geometrySchema = z.object({
  polygons: z.array(z.array(z.tuple([z.number(), z.number()]))),
  circles: z.array(z.object({ lat: z.number(), lon: z.number(), radiusKm: z.number() })),
});
export type IngestGeometryView = z.infer<typeof geometrySchema>;

export const ingestedQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(100).optional(),
});

export const ingestedAlertSchema = z.object({
  id: z.string(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  identifier: z.string(),
  sender: z.string(),
  sent: z.string(),
  msgType: z.string(),
  capStatus: z.string(),
  scope: z.string(),
  event: z.string().nullable(),
  headline: z.string().nullable(),
  areaDesc: z.string().nullable(),
  countryCode: z.string().nullable(),
  expiresAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  receivedAt: z.string(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type IngestedAlertView = z.infer<typeof ingestedAlertSchema>;
export const ingestedPageSchema = z.object({ items: z.array(ingestedAlertSchema), nextBefore: z.string().nullable() });
export type IngestedPage = z.infer<typeof ingestedPageSchema>;

/** One alert on the regional map: ours (issued by a Victor desk) or another system's. */
export const regionalAlertSchema = z.object({
  id: z.string(),
  origin: z.enum(['victor', 'ingested']),
  /** Our reference (GR-A-2026-0007) or the other system's identifier. */
  reference: z.string(),
  tier: z.enum(['child_abduction', 'endangered_missing']).nullable(),
  event: z.string().nullable(),
  headline: z.string().nullable(),
  areaDesc: z.string().nullable(),
  countryCode: z.string().nullable(),
  countries: z.array(z.string()),
  geometry: geometrySchema,
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  drill: z.boolean(),
  sourceName: z.string().nullable(),
});
export type RegionalAlert = z.infer<typeof regionalAlertSchema>;

export const regionalAlertsQuerySchema = z.object({ includeDrills: z.enum(['true', 'false']).default('false') }).strict();
export const regionalAlertsSchema = z.object({
  generatedAt: z.string(),
  alerts: z.array(regionalAlertSchema),
  countryCounts: z.array(z.object({ countryCode: z.string(), victor: z.number(), ingested: z.number() })),
});
export type RegionalAlerts = z.infer<typeof regionalAlertsSchema>;
