/**
 * The missing-child (116 000) API contract, shared by http and web: opening a report (a case of kind
 * missing_child with the child as a person), the report view, changes, status actions, the photo, the
 * cross-border referral, the desk's list and the alert pre-fill (shaped like alertDraftCreateSchema).
 */
import { z } from 'zod';
import { AGE_BANDS } from '../domain/cases/age';
import { CASE_PRIORITIES } from '../domain/cases/case-workflow';
import { FOUND_CONDITIONS, FOUND_OUTCOMES, MISSING_ACTIONS, MISSING_CLOSE_REASONS, MISSING_STATUSES, MISSING_TYPES } from '../domain/missing/missing-workflow';
import { ALERT_STATUSES, ALERT_TIERS } from './alerts.schemas';
import { GENDERS, userRefSchema } from './cases.schemas';
import { handoffViewSchema } from './referrals.schemas';
import { countryCodeSchema } from './common.schemas';

const isoDateTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const versionSchema = z.number().int().min(1);

/** The missing child (becomes a potential victim on the case). Names are optional: not every caller knows them. */
export const missingChildPersonSchema = z
  .object({
    givenName: optionalText(200),
    familyName: optionalText(200),
    alias: optionalText(200),
    dateOfBirth: z.iso.date().nullable().optional(),
    ageYears: z.number().int().min(0).max(17).nullable().optional(),
    ageBand: z.enum(AGE_BANDS).default('unknown'),
    gender: z.enum(GENDERS).nullable().optional(),
    nationality: countryCodeSchema.nullable().optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).default([]),
  })
  .strict();

const latitude = z.number().min(-90).max(90).nullable().optional();
const longitude = z.number().min(-180).max(180).nullable().optional();

export const lastSeenInputSchema = z
  .object({
    at: isoDateTime,
    place: optionalText(300),
    country: countryCodeSchema.nullable().optional(),
    /** Rounded to two decimals (about 1 km) before it is stored. */
    lat: latitude,
    lon: longitude,
    circumstances: optionalText(5000),
  })
  .strict();

/** Reported to an authority: when (defaults to now when reported without a time). */
const reportedFlag = z.object({ reported: z.boolean().default(false), at: isoDateTime.nullable().optional() }).strict();
const policeFlag = reportedFlag.extend({ reference: optionalText(100) }).strict();

export const missingReportCreateSchema = z
  .object({
    /** The team; defaults to the creator's organisation holding cases.write. */
    organisationId: z.uuid().optional(),
    /** Defaults to "Missing child (type), last seen …" without names. */
    title: z.string().trim().min(1).max(200).optional(),
    /** Defaults to urgent for abductions and children under 13, else high. */
    priority: z.enum(CASE_PRIORITIES).optional(),
    reportedAt: isoDateTime.optional(),
    child: missingChildPersonSchema,
    missingType: z.enum(MISSING_TYPES),
    lastSeen: lastSeenInputSchema,
    description: optionalText(5000),
    police: policeFlag.optional(),
    interpol: reportedFlag.optional(),
    sis: reportedFlag.optional(),
    suspectedCountries: z.array(countryCodeSchema).max(20).default([]),
  })
  .strict();
export type MissingReportCreateInput = z.infer<typeof missingReportCreateSchema>;

/** Change the report (only the fields sent; optimistic version). */
export const missingReportUpdateSchema = z
  .object({
    missingType: z.enum(MISSING_TYPES).optional(),
    lastSeen: lastSeenInputSchema.partial().strict().optional(),
    description: optionalText(5000),
    police: policeFlag.partial().strict().optional(),
    interpol: reportedFlag.partial().strict().optional(),
    sis: reportedFlag.partial().strict().optional(),
    suspectedCountries: z.array(countryCodeSchema).max(20).optional(),
    version: versionSchema,
  })
  .strict();
export type MissingReportUpdateInput = z.infer<typeof missingReportUpdateSchema>;

/** found (time, outcome, condition, optional note), close (reason code, note) or reopen (reason). The service answers REASON_REQUIRED for what is missing. */
export const missingActionSchema = z
  .object({
    action: z.enum(MISSING_ACTIONS),
    foundAt: isoDateTime.nullable().optional(),
    outcome: z.enum(FOUND_OUTCOMES).nullable().optional(),
    condition: z.enum(FOUND_CONDITIONS).nullable().optional(),
    /** found: a note (encrypted); close: required for reason "other"; reopen: required. */
    note: optionalText(2000),
    closeReason: z.enum(MISSING_CLOSE_REASONS).nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type MissingActionInput = z.infer<typeof missingActionSchema>;

export const missingPhotoSchema = z.object({ documentId: z.uuid().nullable(), version: versionSchema }).strict();
export type MissingPhotoInput = z.infer<typeof missingPhotoSchema>;

/** Refer to the 116 000 service of another country (a cross-border hand-off with a missing-child summary). */
export const missingReferralSchema = z
  .object({
    toOrganisationId: z.uuid(),
    /** Extra non-identifying context for the receiving desk. */
    note: optionalText(1000),
  })
  .strict();
export type MissingReferralInput = z.infer<typeof missingReferralSchema>;

/** Child alerts of the case (read-only here; the alert console owns them). */
export const missingCaseAlertSchema = z.object({ id: z.uuid(), reference: z.string(), tier: z.enum(ALERT_TIERS), status: z.enum(ALERT_STATUSES) });

export const missingReportViewSchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  countryCode: z.string(),
  missingType: z.enum(MISSING_TYPES),
  status: z.enum(MISSING_STATUSES),
  nextActions: z.array(z.enum(MISSING_ACTIONS)),
  /** Identifying fields are null when restricted (readers who do not work the case). */
  restricted: z.boolean(),
  child: z.object({
    personId: z.uuid().nullable(),
    givenName: z.string().nullable(),
    familyName: z.string().nullable(),
    ageYears: z.number().int().nullable(),
    ageBand: z.enum(AGE_BANDS),
    gender: z.enum(GENDERS).nullable(),
    nationality: z.string().nullable(),
  }),
  lastSeen: z.object({
    at: isoDateTime,
    place: z.string().nullable(),
    country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    circumstances: z.string().nullable(),
  }),
  description: z.string().nullable(),
  photoDocumentId: z.uuid().nullable(),
  police: z.object({ reported: z.boolean(), at: isoDateTime.nullable(), reference: z.string().nullable() }),
  interpol: z.object({ reported: z.boolean(), at: isoDateTime.nullable() }),
  sis: z.object({ reported: z.boolean(), at: isoDateTime.nullable() }),
  suspectedCountries: z.array(z.string()),
  found: z
    .object({ at: isoDateTime, outcome: z.enum(FOUND_OUTCOMES), condition: z.enum(FOUND_CONDITIONS), note: z.string().nullable() })
    .nullable(),
  closeReason: z.enum(MISSING_CLOSE_REASONS).nullable(),
  alerts: z.array(missingCaseAlertSchema),
  /** Alerts of this case still drafted, approved or issued (after "found", the UI points to them). */
  alertsStillRunning: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type MissingReportView = z.infer<typeof missingReportViewSchema>;

export const missingListQuerySchema = z
  .object({
    status: z.enum(MISSING_STATUSES).optional(),
    type: z.enum(MISSING_TYPES).optional(),
    /** The case's country (the desk's). */
    countryCode: countryCodeSchema.optional(),
    /** A case reference (exact, e.g. GR-2026-000042). */
    q: z.string().trim().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type MissingListQuery = z.infer<typeof missingListQuerySchema>;

/** A list row: no names, only what statistics and triage need. */
export const missingSummarySchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  countryCode: z.string(),
  organisationName: z.string(),
  priority: z.enum(CASE_PRIORITIES),
  missingType: z.enum(MISSING_TYPES),
  status: z.enum(MISSING_STATUSES),
  lastSeenAt: isoDateTime,
  lastSeenCountry: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS).nullable(),
  reportedPolice: z.boolean(),
  reportedInterpol: z.boolean(),
  reportedSis: z.boolean(),
  suspectedCountries: z.array(z.string()),
  foundAt: isoDateTime.nullable(),
  foundOutcome: z.enum(FOUND_OUTCOMES).nullable(),
  openedAt: isoDateTime,
  assignedTo: userRefSchema.nullable(),
});
export type MissingSummary = z.infer<typeof missingSummarySchema>;

export const missingPageSchema = z.object({ items: z.array(missingSummarySchema), nextCursor: z.string().nullable() });
export type MissingPage = z.infer<typeof missingPageSchema>;

/** The answer to a 116 000 referral abroad: the hand-off and the report (suspected countries updated). */
export const missingReferralResultSchema = z.object({ handoff: handoffViewSchema, report: missingReportViewSchema });
