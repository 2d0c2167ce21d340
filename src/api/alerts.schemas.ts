/**
 * Child alerts (AMBER model) in the console: drafts, four-eyes approval, life cycle, country
 * settings, pre-alerts to neighbouring desks. Shared by http, web and cli.
 */
import { z } from 'zod';
import { userRefSchema } from './cases.schemas';
import { countryCodeSchema, localeSchema, LOCALES } from './common.schemas';

const isoDateTime = z.iso.datetime({ offset: true });
const version = z.number().int().min(1);

export const ALERT_TIERS = ['child_abduction', 'endangered_missing'] as const;
export const ALERT_MODES = ['actual', 'exercise', 'test'] as const;
export const ALERT_STATUSES = ['draft', 'approved', 'issued', 'resolved', 'cancelled', 'expired'] as const;
export const ALERT_RESOLUTIONS = ['found', 'cancelled_in_error', 'expired', 'withdrawn'] as const;
/** The criteria checklist; each country's settings say which must be met per tier. */
export const ALERT_CRITERIA = ['minor', 'abductionBelieved', 'lifeInDanger', 'enoughInformation', 'noAddedRisk', 'authorityDecision'] as const;
export const PRE_ALERT_STATUSES = ['sent', 'acknowledged', 'issued', 'declined', 'withdrawn'] as const;
export const ALERT_GENDERS = ['female', 'male', 'other', 'unknown'] as const;

export const alertTierSchema = z.enum(ALERT_TIERS);
export const alertModeSchema = z.enum(ALERT_MODES);
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export const alertCriterionSchema = z.enum(ALERT_CRITERIA);
export const alertCriteriaSchema = z.partialRecord(alertCriterionSchema, z.boolean());

/** Texts of one language: becomes one CAP <info>. */
export const alertTextSchema = z.object({
  headline: z.string().trim().min(1).max(160),
  description: z.string().trim().min(1).max(4000),
  instruction: z.string().trim().min(1).max(2000),
}).strict();

/** What the alert publishes while it runs (removed from public surfaces after resolution). */
export const alertContentSchema = z.object({
  child: z.object({
    name: z.string().trim().min(1).max(200),
    ageYears: z.number().int().min(0).max(17).nullable(),
    gender: z.enum(ALERT_GENDERS).default('unknown'),
    description: z.string().trim().min(1).max(2000),
  }).strict(),
  lastSeen: z.object({ at: isoDateTime, place: z.string().trim().min(1).max(300) }).strict(),
  suspect: z.string().trim().max(1000).nullable().default(null),
  vehicle: z.string().trim().max(500).nullable().default(null),
  /** One entry per language; at least the country's first language. */
  texts: z.partialRecord(localeSchema, alertTextSchema),
}).strict();
export type AlertContent = z.infer<typeof alertContentSchema>;

/** The area: a description plus CAP polygons ("lat,lon lat,lon …", closed) and circles ("lat,lon radiusKm"). */
export const alertAreaSchema = z.object({
  description: z.string().trim().min(1).max(300),
  polygons: z.array(z.string().max(20_000)).max(20).default([]),
  circles: z.array(z.string().max(100)).max(20).default([]),
  /** Countries the area covers (ISO codes; CAP geocode ISO3166-1). */
  countries: z.array(countryCodeSchema).max(20).default([]),
}).strict();

export const authorityDecisionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  reference: z.string().trim().min(1).max(100),
  decidedAt: isoDateTime,
  /** The official who decided (kept encrypted; never published). */
  person: z.string().trim().max(200).nullable().default(null),
}).strict();

export const alertDraftCreateSchema = z.object({
  tier: alertTierSchema,
  mode: alertModeSchema.default('actual'),
  /** Defaults to the actor's country. */
  countryCode: countryCodeSchema.optional(),
  caseId: z.uuid().nullable().default(null),
  content: alertContentSchema,
  area: alertAreaSchema,
  /** Defaults to now + the country's maximum for the tier. */
  expiresAt: isoDateTime.nullable().default(null),
  criteria: alertCriteriaSchema.default({}),
  authority: authorityDecisionSchema.nullable().default(null),
}).strict();

/** Edit a draft, or update an issued alert (publishes a CAP Update). */
export const alertEditSchema = z.object({
  version,
  content: alertContentSchema.optional(),
  area: alertAreaSchema.optional(),
  expiresAt: isoDateTime.nullable().optional(),
  criteria: alertCriteriaSchema.optional(),
  authority: authorityDecisionSchema.nullable().optional(),
  /** Why an issued alert is updated (shown in the history; required for issued alerts). */
  note: z.string().trim().max(1000).optional(),
}).strict();

export const alertApproveSchema = z.object({
  version,
  /** Approve and issue at once (the usual path). */
  issueNow: z.boolean().default(true),
  authority: authorityDecisionSchema.optional(),
  criteria: alertCriteriaSchema.optional(),
}).strict();

export const alertVersionSchema = z.object({ version }).strict();
export const alertExtendSchema = z.object({ version, hours: z.number().int().min(1).max(720).optional(), note: z.string().trim().max(1000).optional() }).strict();
export const alertResolveSchema = z.object({ version, note: z.string().trim().max(1000).optional() }).strict();
export const alertCancelSchema = z.object({ version, reason: z.string().trim().min(1).max(1000) }).strict();

export const alertMessageViewSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  identifier: z.string(),
  sent: isoDateTime,
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  capStatus: z.string(),
  scope: z.string(),
  reason: z.string(),
  public: z.boolean(),
  redacted: z.boolean(),
  /** Public CAP document address (public messages only). */
  capUrl: z.string().nullable(),
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
});

export const alertEventViewSchema = z.object({ id: z.number().int(), at: isoDateTime, kind: z.string(), actor: userRefSchema.nullable(), data: z.record(z.string(), z.unknown()), comment: z.string().nullable() });

export const preAlertViewSchema = z.object({
  id: z.uuid(),
  alertId: z.uuid(),
  alertReference: z.string(),
  fromCountry: countryCodeSchema,
  toCountry: countryCodeSchema,
  status: z.enum(PRE_ALERT_STATUSES),
  sentAt: isoDateTime,
  sentBy: userRefSchema.nullable(),
  answeredAt: isoDateTime.nullable(),
  answeredBy: userRefSchema.nullable(),
  note: z.string().nullable(),
  neighbourAlertId: z.uuid().nullable(),
  /** What the receiving desk sees: tier, incident, headline, area, last seen (no photo until issued). */
  summary: z.object({ tier: alertTierSchema, incidentId: z.string(), headline: z.string(), childName: z.string().nullable(), lastSeenPlace: z.string().nullable(), lastSeenAt: isoDateTime.nullable(), areaDescription: z.string().nullable(), originStatus: alertStatusSchema }),
});
export type PreAlertView = z.infer<typeof preAlertViewSchema>;

export const alertViewSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  incidentId: z.string(),
  countryCode: countryCodeSchema,
  organisationId: z.uuid(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  tier: alertTierSchema,
  mode: alertModeSchema,
  status: alertStatusSchema,
  criteria: alertCriteriaSchema,
  /** Criteria the country requires for this tier, and which of them are not met. */
  criteriaRequired: z.array(alertCriterionSchema),
  criteriaMissing: z.array(alertCriterionSchema),
  authority: authorityDecisionSchema.nullable(),
  /** Null once redacted after resolution. */
  content: alertContentSchema.nullable(),
  area: alertAreaSchema,
  expiresAt: isoDateTime.nullable(),
  /** Latest expiry the country allows from now (drafts) or from issue (issued alerts). */
  maxExpiresAt: isoDateTime.nullable(),
  extensions: z.number().int(),
  maxExtensions: z.number().int(),
  photo: z.object({ id: z.uuid(), mediaType: z.string(), sizeBytes: z.number().int(), sha1: z.string(), deleted: z.boolean() }).nullable(),
  draftedBy: userRefSchema.nullable(),
  approvedBy: userRefSchema.nullable(),
  approvedAt: isoDateTime.nullable(),
  issuedBy: userRefSchema.nullable(),
  issuedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolution: z.enum(ALERT_RESOLUTIONS).nullable(),
  redactedAt: isoDateTime.nullable(),
  origin: z.object({ alertId: z.uuid(), reference: z.string(), countryCode: countryCodeSchema }).nullable(),
  messages: z.array(alertMessageViewSchema),
  preAlerts: z.array(preAlertViewSchema),
  events: z.array(alertEventViewSchema),
  /** What the caller may do next (the server re-checks every action). */
  allowed: z.object({ edit: z.boolean(), approve: z.boolean(), issue: z.boolean(), update: z.boolean(), extend: z.boolean(), resolve: z.boolean(), cancel: z.boolean(), preAlert: z.boolean() }),
  /** Public page address (issued, actual alerts). */
  publicUrl: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertListQuerySchema = z.object({
  status: alertStatusSchema.optional(),
  /** active = approved or issued; closed = resolved, cancelled, expired. */
  state: z.enum(['active', 'drafts', 'closed', 'all']).default('all'),
  countryCode: countryCodeSchema.optional(),
  mode: alertModeSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
}).strict();

export const alertSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  incidentId: z.string(),
  countryCode: countryCodeSchema,
  tier: alertTierSchema,
  mode: alertModeSchema,
  status: alertStatusSchema,
  headline: z.string().nullable(),
  childName: z.string().nullable(),
  draftedBy: userRefSchema.nullable(),
  awaitingMyApproval: z.boolean(),
  expiresAt: isoDateTime.nullable(),
  issuedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});
export const alertPageSchema = z.object({ items: z.array(alertSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() });

export const preAlertCreateSchema = z.object({ countries: z.array(countryCodeSchema).min(1).max(10), note: z.string().trim().max(1000).optional() }).strict();
export const preAlertActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), note: z.string().trim().max(1000).optional() }).strict(),
  z.object({ action: z.literal('decline'), note: z.string().trim().min(1).max(1000) }).strict(),
  /** Draft our own alert for the same incident, referencing the origin (then four-eyes as usual). */
  z.object({ action: z.literal('draft_alert') }).strict(),
]);
export const preAlertListSchema = z.object({ items: z.array(preAlertViewSchema) });

/** A country's alert system settings. */
export const alertSettingsSchema = z.object({
  countryCode: countryCodeSchema,
  enabled: z.boolean(),
  issuingAuthority: z.string().trim().min(1).max(200),
  sender: z.string().trim().min(3).max(200).regex(/^[^\s,<&]+$/, 'no spaces, commas, < or &'),
  senderName: z.string().trim().min(1).max(200),
  criteria: z.object({ child_abduction: z.array(alertCriterionSchema), endangered_missing: z.array(alertCriterionSchema) }).strict(),
  abductionMaxHours: z.number().int().min(1).max(720),
  endangeredMaxHours: z.number().int().min(1).max(720),
  extensionHours: z.number().int().min(1).max(720),
  maxExtensions: z.number().int().min(0).max(10),
  repeatMinutes: z.number().int().min(0).max(1440),
  hotline: z.string().trim().min(3).max(40),
  languages: z.array(localeSchema).min(1).max(LOCALES.length),
  neighbours: z.array(countryCodeSchema).max(20),
  needsReview: z.boolean(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
export const alertSettingsUpdateSchema = alertSettingsSchema.omit({ countryCode: true, updatedAt: true }).strict();
export const alertSettingsListSchema = z.object({ items: z.array(alertSettingsSchema) });

/** Answer of POST /api/pre-alerts/:id/actions: the pre-alert, and the neighbour's draft for draft_alert. */
export const preAlertActionResultSchema = z.object({ preAlert: preAlertViewSchema, alert: alertViewSchema.nullable() });
export const preAlertListQuerySchema = z.object({ box: z.enum(['inbox', 'sent']).default('inbox') }).strict();
/** JSON body of POST /api/alerts/:id/photo: copy the linked missing-child case's photo (uploads use multipart). */
export const alertPhotoFromCaseSchema = z.object({ fromCase: z.literal(true) }).strict();
