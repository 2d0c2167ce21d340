/**
 * Helpline contacts at the edge: what the console, integrations and exports send and receive.
 * Free text is limited in size; write-only fields (raw caller id, call-back number) never come back
 * in lists.
 */
import { z } from 'zod';
import {
  ACTIONS,
  CALLER_AGE_BANDS,
  CALLER_FLAGS,
  CALLER_TYPES,
  CHANNELS,
  CHILD_AGE_BANDS,
  CONTACT_SOURCES,
  CONTACT_STATUSES,
  DIRECTIONS,
  GENDERS,
  INFORMATION_TOPICS,
  LIMITS,
  NON_DATA_TYPES,
  OUTCOMES,
  PROFESSIONAL_SECTORS,
} from '../domain/helpline/contact-fields';
import { countryCodeSchema } from './common.schemas';

const isoDate = z.iso.datetime({ offset: true });
/** When a contact happened: not before 2000, not more than a day ahead (clock skew). */
const contactTime = isoDate.refine((v) => {
  const t = Date.parse(v);
  return t >= Date.UTC(2000, 0, 1) && t <= Date.now() + 86_400_000;
}, 'a time between 2000 and tomorrow');
const codeSchema = z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9_]+)*$/, 'a taxonomy code').max(80);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).refine((a) => new Set(a).size === a.length, 'an item is listed twice');

/** Client-generated key that makes creation safe to retry. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,80}$/, '16–80 letters, digits, - or _');

/** Every field an operator can set while logging (all optional: a draft is saved as it grows). */
export const contactFieldsSchema = z.object({
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  startedAt: contactTime,
  endedAt: contactTime.nullable(),
  language: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639 language code').nullable(),
  callerType: z.enum(CALLER_TYPES).nullable(),
  callerSector: z.enum(PROFESSIONAL_SECTORS).nullable(),
  callerAgeBand: z.enum(CALLER_AGE_BANDS).nullable(),
  callerGender: z.enum(GENDERS).nullable(),
  childAgeBand: z.enum(CHILD_AGE_BANDS).nullable(),
  childGender: z.enum(GENDERS).nullable(),
  region: z.string().trim().max(LIMITS.region).nullable(),
  categories: uniqueList(codeSchema, 20),
  informationGiven: uniqueList(z.enum(INFORMATION_TOPICS), INFORMATION_TOPICS.length),
  actionsTaken: uniqueList(z.enum(ACTIONS), ACTIONS.length),
  consentCallback: z.boolean(),
  consentConfidentiality: z.boolean(),
  /** Kept (encrypted) only with call-back consent. */
  callbackPhone: z.string().trim().regex(/^\+?[\d\s().-]{5,30}$/, 'a phone number').nullable(),
  /** Phone number or chat id: only its keyed hash is stored, to recognise repeat callers. */
  callerId: z.string().trim().min(3).max(200).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  nonDataType: z.enum(NON_DATA_TYPES).nullable(),
  notes: z.string().max(LIMITS.notes).nullable(),
  caseId: z.uuid().nullable(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

/** POST /api/contacts: start a draft, or log a whole contact at once with complete=true. */
export const contactCreateSchema = contactFieldsSchema
  .partial()
  .extend({
    idempotencyKey: idempotencyKeySchema,
    /** The desk (organisation); defaults to the operator's only desk. */
    organisationId: z.uuid().optional(),
    channel: z.enum(CHANNELS),
    complete: z.boolean().default(false),
  })
  .strict();
export type ContactCreateInput = z.infer<typeof contactCreateSchema>;

/** PATCH /api/contacts/:id (autosave) and POST …/complete: the version read last, and changed fields. */
export const contactUpdateSchema = contactFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type ContactUpdateInput = z.infer<typeof contactUpdateSchema>;

/** POST /api/contacts/non-data: silent, prank, wrong number… in two clicks. */
export const nonDataContactSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    organisationId: z.uuid().optional(),
    channel: z.enum(CHANNELS),
    nonDataType: z.enum(NON_DATA_TYPES),
    startedAt: contactTime.optional(),
    callerId: z.string().trim().min(3).max(200).optional(),
  })
  .strict();

/** POST /api/contacts/:id/discard: the version read last, and why (kept in the audit log). */
export const contactDiscardSchema = z
  .object({ version: z.number().int().min(1), reason: z.enum(['opened_by_mistake', 'duplicate', 'spam', 'test']) })
  .strict();

export const contactReviewSchema = z
  .object({
    version: z.number().int().min(1),
    decision: z.enum(['approved', 'needs_changes']),
    comment: z.string().trim().max(LIMITS.reviewComment).optional(),
  })
  .strict();

const activeFlagSchema = z.object({
  id: z.uuid(),
  flag: z.enum(CALLER_FLAGS),
  note: z.string().nullable(),
  setAt: z.string(),
  expiresAt: z.string(),
});

/** A repeat caller's profile as the operator sees it (no number: only the hash is kept). */
export const callerProfileSchema = z.object({
  id: z.uuid(),
  contactCount: z.number().int(),
  firstContactAt: z.string(),
  lastContactAt: z.string(),
  flags: z.array(activeFlagSchema),
  recentContacts: z.array(z.object({ id: z.uuid(), reference: z.string(), startedAt: z.string(), channel: z.enum(CHANNELS), outcome: z.enum(OUTCOMES).nullable(), categories: z.array(z.string()) })),
});
export type CallerProfileView = z.infer<typeof callerProfileSchema>;

export const callerLookupQuerySchema = z.object({ callerId: z.string().trim().min(3).max(200), organisationId: z.uuid().optional() }).strict();

export const callerFlagCreateSchema = z
  .object({
    flag: z.enum(CALLER_FLAGS),
    days: z.number().int().min(1).max(365),
    note: z.string().trim().max(LIMITS.flagNote).optional(),
  })
  .strict();

/** One contact in lists and search results (no notes, no numbers). */
export const contactSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(CONTACT_STATUSES),
  source: z.enum(CONTACT_SOURCES),
  organisationId: z.uuid(),
  countryCode: countryCodeSchema,
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  handleSeconds: z.number().int().nullable(),
  language: z.string().nullable(),
  callerType: z.enum(CALLER_TYPES).nullable(),
  categories: z.array(z.string()),
  isThb: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  nonDataType: z.enum(NON_DATA_TYPES).nullable(),
  operatorUserId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  reviewStatus: z.enum(['approved', 'needs_changes']).nullable(),
  outOfHours: z.boolean(),
  hasNotes: z.boolean(),
});
export type ContactSummaryView = z.infer<typeof contactSummarySchema>;

/** One contact in full (reading it is audited). */
export const contactSchema = contactSummarySchema.extend({
  callerSector: z.enum(PROFESSIONAL_SECTORS).nullable(),
  callerAgeBand: z.enum(CALLER_AGE_BANDS).nullable(),
  callerGender: z.enum(GENDERS).nullable(),
  childAgeBand: z.enum(CHILD_AGE_BANDS).nullable(),
  childGender: z.enum(GENDERS).nullable(),
  region: z.string().nullable(),
  informationGiven: z.array(z.enum(INFORMATION_TOPICS)),
  actionsTaken: z.array(z.enum(ACTIONS)),
  consentCallback: z.boolean(),
  consentConfidentiality: z.boolean(),
  callbackPhone: z.string().nullable(),
  notes: z.string().nullable(),
  caseId: z.uuid().nullable(),
  taxonomyVersion: z.number().int(),
  policeNotifiedAt: z.string().nullable(),
  nrmNotifiedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  callerProfile: callerProfileSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  /** True when an earlier request with the same idempotency key had already created it. */
  replayed: z.boolean().optional(),
});
export type ContactView = z.infer<typeof contactSchema>;

const csvList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/** Search and export filters. Free text matches words of the notes and region (through keyed hashes). */
export const contactSearchQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    organisationId: z.uuid().optional(),
    countryCode: countryCodeSchema.optional(),
    channel: csvList(CHANNELS),
    status: csvList(CONTACT_STATUSES),
    outcome: csvList(OUTCOMES),
    category: codeSchema.optional(),
    isThb: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    operator: z.enum(['me']).optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque cursor from the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ContactSearchQuery = z.infer<typeof contactSearchQuerySchema>;

export const contactPageSchema = z.object({
  items: z.array(contactSummarySchema),
  nextCursor: z.string().nullable(),
  /** Matching contacts, counted up to 1,000 (then `totalCapped`). */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
