/**
 * NRM pathways (per country, versioned), referrals to NRM actors and cross-border hand-offs.
 */
import { z } from 'zod';
import { AGE_BANDS } from '../domain/cases/age';
import { HANDOFF_STATUSES } from '../domain/cases/handoff-workflow';
import { REFERRAL_STATUSES } from '../domain/cases/referral-workflow';
import { CONCERN_LEVELS, EXPLOITATION_FORMS } from '../domain/cases/screening';
import { NRM_STAGES } from '../domain/knowledge/knowledge-fields';
import { consentSchema, GENDERS, userRefSchema } from './cases.schemas';
import { countryCodeSchema, LOCALES } from './common.schemas';

const isoDateTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const versionSchema = z.number().int().min(1);
const titlesSchema = z.partialRecord(z.enum(LOCALES), z.string().min(1).max(300));

// ---- NRM pathways ----

export const pathwayActorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  city: z.string().nullable(),
  /** The partner organisation behind the entry: referrals to it reach its liaison officers in the app. */
  organisationId: z.uuid().nullable(),
  inApp: z.boolean(),
  languages: z.array(z.string()),
});
export type PathwayActor = z.infer<typeof pathwayActorSchema>;

export const pathwayStepViewSchema = z.object({
  id: z.uuid(),
  stage: z.enum(NRM_STAGES),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  /** Every language, for editors (a new draft keeps the translations it does not change). */
  titles: z.record(z.string(), z.string()),
  descriptions: z.record(z.string(), z.string()),
  slaHours: z.number().int().nullable(),
  actors: z.array(pathwayActorSchema),
});
export type PathwayStepView = z.infer<typeof pathwayStepViewSchema>;

export const pathwayViewSchema = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  title: z.string(),
  titles: z.record(z.string(), z.string()),
  notes: z.string().nullable(),
  needsReview: z.boolean(),
  publishedAt: isoDateTime.nullable(),
  publishedBy: userRefSchema.nullable(),
  steps: z.array(pathwayStepViewSchema),
});
export type PathwayView = z.infer<typeof pathwayViewSchema>;

export const pathwayListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), countryCode: z.string(), version: z.number().int(), status: z.enum(['draft', 'published', 'retired']), title: z.string(), steps: z.number().int(), needsReview: z.boolean(), publishedAt: isoDateTime.nullable() })),
});

/** A new draft version of a country's pathway (replaces the existing draft), published separately. */
export const pathwayInputSchema = z
  .object({
    countryCode: countryCodeSchema,
    titles: titlesSchema.refine((t) => !!t.en, 'an English title is required'),
    notes: optionalText(5000),
    steps: z
      .array(
        z
          .object({
            stage: z.enum(NRM_STAGES),
            titles: titlesSchema.refine((t) => !!t.en, 'an English title is required'),
            descriptions: z.partialRecord(z.enum(LOCALES), z.string().max(5000)).default({}),
            slaHours: z.number().int().min(1).max(24 * 365).nullable().default(null),
            actorIds: z.array(z.uuid()).max(50).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(30),
  })
  .strict();
export type PathwayInput = z.infer<typeof pathwayInputSchema>;

// ---- referrals ----

export const REFERRAL_ACTION_NAMES = ['send', 'acknowledge', 'accept', 'decline', 'complete', 'revoke'] as const;

export const referralCreateSchema = z
  .object({
    directoryEntryId: z.uuid(),
    /** The pathway step this referral follows (gives the stage and the SLA). */
    stepId: z.uuid().nullable().optional(),
    stage: z.enum(NRM_STAGES).optional(),
    personId: z.uuid().nullable().optional(),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
    message: optionalText(5000),
    /** The language of the referral packet; defaults from the receiver's languages, else English. */
    receiverLanguage: z.enum(LOCALES).optional(),
    /** Send at once (through the consent gate). */
    send: z.boolean().default(false),
    /** Needed to send without consent on record: a permitted user's reason (at least 10 characters). */
    consentOverrideReason: optionalText(1000),
  })
  .strict();
export type ReferralCreateInput = z.infer<typeof referralCreateSchema>;

export const referralActionSchema = z
  .object({
    action: z.enum(REFERRAL_ACTION_NAMES),
    comment: optionalText(5000),
    consentOverrideReason: optionalText(1000),
    version: versionSchema,
  })
  .strict();
export type ReferralActionInput = z.infer<typeof referralActionSchema>;

export const referralMessageSchema = z.object({ body: z.string().trim().min(1).max(5000) }).strict();

/** What the receiver is told about the person: the minimum they need (names only when consent covers referral). */
export const referralPersonSchema = z.object({
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  ageBand: z.enum(AGE_BANDS),
  presumedMinor: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
});

export const referralEventSchema = z.object({ at: isoDateTime, kind: z.string(), actor: userRefSchema.nullable(), comment: z.string().nullable() });

export const referralViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  /** The referring team. */
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  countryCode: z.string(),
  stage: z.enum(NRM_STAGES),
  step: z.object({ id: z.uuid(), title: z.string(), pathwayVersion: z.number().int() }).nullable(),
  actor: pathwayActorSchema,
  receiverLanguage: z.enum(LOCALES),
  status: z.enum(REFERRAL_STATUSES),
  urgency: z.enum(['normal', 'urgent']),
  message: z.string().nullable(),
  person: referralPersonSchema.nullable(),
  concernLevel: z.enum(CONCERN_LEVELS).nullable(),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  consent: z.object({ snapshot: consentSchema.nullable(), overridden: z.boolean(), overrideReason: z.string().nullable(), overriddenBy: userRefSchema.nullable() }).nullable(),
  slaHours: z.number().int().nullable(),
  dueAt: isoDateTime.nullable(),
  overdue: z.boolean(),
  sentAt: isoDateTime.nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  acceptedAt: isoDateTime.nullable(),
  declinedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  /** Actions the reader may take now. */
  actions: z.array(z.enum(REFERRAL_ACTION_NAMES)),
  /** The reader's side: the referring desk, or the receiving actor's liaison officer. */
  side: z.enum(['sender', 'receiver']),
  events: z.array(referralEventSchema),
  createdBy: userRefSchema.nullable(),
  createdAt: isoDateTime,
  version: z.number().int(),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

/** Referrals received by my organisation(s) (liaison officers), or sent by my teams; overdue first when asked. */
export const referralListQuerySchema = z
  .object({
    box: z.enum(['inbox', 'sent']).default('inbox'),
    status: z
      .union([z.enum(REFERRAL_STATUSES), z.array(z.enum(REFERRAL_STATUSES))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const referralSummarySchema = referralViewSchema.omit({ events: true, message: true, person: true, consent: true });
export const referralPageSchema = z.object({ items: z.array(referralSummarySchema), nextCursor: z.string().nullable() });

// ---- hand-offs ----

export const handoffCreateSchema = z
  .object({
    /** The receiving desk (an organisation in another country that works cases). */
    toOrganisationId: z.uuid(),
    urgency: z.enum(['normal', 'urgent']).default('normal'),
    /** A short, non-identifying summary for the receiving desk. */
    summary: z.string().trim().min(1).max(2000),
    personId: z.uuid().nullable().optional(),
  })
  .strict();
export type HandoffCreateInput = z.infer<typeof handoffCreateSchema>;

export const handoffActionSchema = z
  .object({ action: z.enum(['accept', 'decline', 'withdraw']), note: optionalText(2000), version: versionSchema })
  .strict();
export type HandoffActionInput = z.infer<typeof handoffActionSchema>;

/** The minimum dataset that travels (domain HANDOFF_FIELDS). */
export const handoffDatasetSchema = z.object({
  ageBand: z.enum(AGE_BANDS).optional(),
  presumedMinor: z.boolean().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  nationality: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  formsOfExploitation: z.array(z.enum(EXPLOITATION_FORMS)).optional(),
  concernLevel: z.enum(CONCERN_LEVELS).nullable().optional(),
  urgency: z.enum(['normal', 'urgent']).optional(),
  summary: z.string().optional(),
  consent: consentSchema.nullable().optional(),
});

export const handoffViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(HANDOFF_STATUSES),
  from: z.object({ organisationId: z.uuid(), organisationName: z.string(), countryCode: z.string(), caseId: z.uuid(), caseReference: z.string().nullable() }),
  to: z.object({ organisationId: z.uuid(), organisationName: z.string(), countryCode: z.string(), caseId: z.uuid().nullable(), caseReference: z.string().nullable() }),
  dataset: handoffDatasetSchema,
  answerNote: z.string().nullable(),
  requestedBy: userRefSchema.nullable(),
  requestedAt: isoDateTime,
  answeredBy: userRefSchema.nullable(),
  answeredAt: isoDateTime.nullable(),
  side: z.enum(['sender', 'receiver']),
  actions: z.array(z.enum(['accept', 'decline', 'withdraw'])),
  version: z.number().int(),
});
export type HandoffView = z.infer<typeof handoffViewSchema>;

export const handoffListQuerySchema = z
  .object({ box: z.enum(['inbox', 'sent']).default('inbox'), status: z.enum(HANDOFF_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().max(200).optional() })
  .strict();
export const handoffPageSchema = z.object({ items: z.array(handoffViewSchema), nextCursor: z.string().nullable() });

/** Desks a hand-off may go to: organisations in other countries that work cases. */
export const handoffDeskListSchema = z.object({ items: z.array(z.object({ organisationId: z.uuid(), name: z.string(), countryCode: z.string(), city: z.string().nullable() })) });

/** Referrals and hand-offs of one case, for the case page. */
export const caseReferralsSchema = z.object({ referrals: z.array(referralViewSchema), handoffs: z.array(handoffViewSchema) });
