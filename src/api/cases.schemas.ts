/**
 * The cases API contract (http, web and cli share it): cases, persons, screening, notes, tasks,
 * documents, the timeline, "who viewed" and break-glass. Referrals, NRM pathways and hand-offs are in
 * referrals.schemas.ts.
 */
import { z } from 'zod';
import { AGE_BANDS } from '../domain/cases/age';
import { CASE_CLOSURE_REASONS, CASE_PRIORITIES, CASE_STATUSES } from '../domain/cases/case-workflow';
import { ANSWERS, CONCERN_LEVELS, EXPLOITATION_FORMS, INDICATOR_ELEMENTS, INDICATOR_STRENGTHS } from '../domain/cases/screening';
import { countryCodeSchema, optionalWithoutDefaults } from './common.schemas';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDay = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const versionSchema = z.number().int().min(1);

export const PERSON_ROLES = ['potential_victim', 'relative_guardian', 'suspected_perpetrator'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const TRAFFICKING_STATUSES = ['possible', 'identified', 'not_victim'] as const;
export const CONSENT_GIVERS = ['child', 'guardian', 'legal_representative'] as const;
export const TASK_KINDS = ['task', 'follow_up'] as const;
export const DOCUMENT_KINDS = ['identity', 'consent', 'assessment', 'report', 'correspondence', 'other'] as const;
/** Media types a case document may have (checked against the file's own bytes, not its name). */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
/** Kinds of timeline entries. */
export const CASE_EVENT_KINDS = [
  'created', 'contact_linked', 'status_changed', 'assigned', 'priority_changed', 'details_changed', 'consent_recorded',
  'note_added', 'task_added', 'task_done', 'task_reopened', 'document_added', 'document_removed',
  'person_added', 'person_changed', 'identification_recorded', 'screening_recorded',
  'referral_created', 'referral_sent', 'referral_acknowledged', 'referral_accepted', 'referral_declined', 'referral_completed', 'referral_revoked', 'referral_message',
  'handoff_requested', 'handoff_accepted', 'handoff_declined', 'handoff_withdrawn', 'handoff_received',
  'break_glass', 'exported',
  'missing_report_changed', 'missing_status_changed',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** A user as shown next to a record. */
export const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

export const consentSchema = z.object({
  given: z.boolean(),
  givenBy: z.enum(CONSENT_GIVERS).nullable(),
  coversReferral: z.boolean(),
  /** Consent to share the minimum dataset with a desk in another country. */
  coversTransfer: z.boolean(),
  recordedAt: isoDateTime,
  recordedBy: userRefSchema.nullable(),
  note: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentSchema>;

export const consentInputSchema = z
  .object({
    given: z.boolean(),
    givenBy: z.enum(CONSENT_GIVERS).nullable().default(null),
    coversReferral: z.boolean().default(false),
    coversTransfer: z.boolean().default(false),
    note: optionalText(1000),
    version: versionSchema,
  })
  .strict();
export type ConsentInput = z.infer<typeof consentInputSchema>;

// ---- persons ----

export const personInputSchema = z
  .object({
    role: z.enum(PERSON_ROLES).default('potential_victim'),
    givenName: optionalText(200),
    familyName: optionalText(200),
    alias: optionalText(200),
    dateOfBirth: isoDay.nullable().optional(),
    contact: optionalText(500),
    notes: optionalText(5000),
    relationship: optionalText(100),
    ageYears: z.number().int().min(0).max(129).nullable().optional(),
    ageBand: z.enum(AGE_BANDS).default('unknown'),
    ageUncertain: z.boolean().default(false),
    mayBeChild: z.boolean().default(false),
    gender: z.enum(GENDERS).nullable().optional(),
    nationality: countryCodeSchema.nullable().optional(),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).default([]),
  })
  .strict();
export type PersonInput = z.infer<typeof personInputSchema>;

/** Only the fields sent change (no defaults: a PATCH must not reset the age data it does not carry). */
export const personUpdateSchema = z.object(optionalWithoutDefaults(personInputSchema.omit({ role: true }).shape)).extend({ version: versionSchema }).strict();
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

/** Formal identification as recorded (made by the competent authority, never by Victor). */
export const identificationInputSchema = z
  .object({
    traffickingStatus: z.enum(TRAFFICKING_STATUSES),
    identifiedBy: optionalText(300),
    identifiedAt: isoDay.nullable().optional(),
    identificationRef: optionalText(200),
    version: versionSchema,
  })
  .strict();
export type IdentificationInput = z.infer<typeof identificationInputSchema>;

/**
 * A person as the reader may see them. Identifying fields are null with `restricted: true` for readers
 * who do not work the case (helpline operators); relatives and suspected perpetrators are left out
 * entirely for them.
 */
export const personViewSchema = z.object({
  id: z.uuid(),
  role: z.enum(PERSON_ROLES),
  restricted: z.boolean(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  alias: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  contact: z.string().nullable(),
  notes: z.string().nullable(),
  relationship: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  ageBand: z.enum(AGE_BANDS),
  ageUncertain: z.boolean(),
  mayBeChild: z.boolean(),
  /** Under 18, or presumed a minor while the age is uncertain. */
  treatedAsChild: z.boolean(),
  presumedMinor: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES).nullable(),
  identifiedBy: z.string().nullable(),
  identifiedAt: z.string().nullable(),
  identificationRef: z.string().nullable(),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof personViewSchema>;

// ---- indicator sets and screening ----

export const indicatorViewSchema = z.object({
  code: z.string(),
  element: z.enum(INDICATOR_ELEMENTS),
  strength: z.enum(INDICATOR_STRENGTHS),
  appliesTo: z.enum(['child', 'adult', 'all']),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  /** In the reader's language, falling back to English. */
  label: z.string(),
  help: z.string().nullable(),
});

export const indicatorSetViewSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  audience: z.enum(['child', 'general']),
  title: z.string(),
  source: z.string().nullable(),
  needsReview: z.boolean(),
  publishedAt: isoDateTime.nullable(),
  indicators: z.array(indicatorViewSchema),
});
export type IndicatorSetView = z.infer<typeof indicatorSetViewSchema>;

/** A new version of an indicator set (published at once; the previous published version is retired). */
export const indicatorSetInputSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/).max(60),
    audience: z.enum(['child', 'general']),
    titles: z.partialRecord(z.enum(['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru']), z.string().min(1).max(200)).refine((t) => !!t.en, 'an English title is required'),
    source: optionalText(500),
    indicators: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z0-9_.-]+$/).max(40),
            element: z.enum(INDICATOR_ELEMENTS),
            strength: z.enum(INDICATOR_STRENGTHS),
            appliesTo: z.enum(['child', 'adult', 'all']),
            forms: z.array(z.enum(EXPLOITATION_FORMS)).default([]),
            labels: z.record(z.string(), z.string().min(1).max(500)).refine((l) => !!l.en, 'an English label is required'),
            help: z.record(z.string(), z.string().max(2000)).default({}),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type IndicatorSetInput = z.infer<typeof indicatorSetInputSchema>;

export const screeningInputSchema = z
  .object({
    setKey: z.string().max(60),
    /** Defaults to the published version. */
    setVersion: z.number().int().min(1).optional(),
    personId: z.uuid().nullable().optional(),
    answers: z.array(z.object({ code: z.string().max(40), answer: z.enum(ANSWERS), evidence: optionalText(2000) }).strict()).max(200),
  })
  .strict();
export type ScreeningInput = z.infer<typeof screeningInputSchema>;

export const screeningResultSchema = z.object({
  concern: z.enum(CONCERN_LEVELS),
  nextStep: z.enum(['no_further_action', 'gather_information', 'refer_for_identification']),
  elements: z.record(z.enum(INDICATOR_ELEMENTS), z.enum(INDICATOR_STRENGTHS).nullable()),
  reasons: z.array(z.object({ code: z.string(), element: z.enum(INDICATOR_ELEMENTS), strength: z.enum(INDICATOR_STRENGTHS), label: z.string() })),
  missing: z.array(z.enum(INDICATOR_ELEMENTS)),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  unanswered: z.array(z.string()),
  meansWaived: z.boolean(),
});

export const screeningViewSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  setKey: z.string(),
  setVersion: z.number().int(),
  treatedAsChild: z.boolean(),
  answers: z.array(z.object({ code: z.string(), answer: z.enum(ANSWERS), evidence: z.string().nullable() })),
  result: screeningResultSchema,
  screenedBy: userRefSchema.nullable(),
  screenedAt: isoDateTime,
});
export type ScreeningView = z.infer<typeof screeningViewSchema>;

// ---- cases ----

export const caseCreateSchema = z
  .object({
    /** Contacts the case is opened from (the desk's own, not yet linked to a case). */
    contactIds: z.array(z.uuid()).max(20).default([]),
    title: text(200),
    summary: optionalText(10000),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    /** Defaults to the creator. */
    assignedUserId: z.uuid().nullable().optional(),
    /** The team; defaults to the creator's organisation holding cases.write. */
    organisationId: z.uuid().optional(),
    /** Defaults to the earliest linked contact's start, else now. */
    reportedAt: isoDateTime.optional(),
    /** The first potential victim, when known. */
    person: personInputSchema.omit({ role: true }).optional(),
  })
  .strict();
export type CaseCreateInput = z.infer<typeof caseCreateSchema>;

export const caseUpdateSchema = z
  .object({
    title: text(200).optional(),
    summary: optionalText(10000),
    priority: z.enum(CASE_PRIORITIES).optional(),
    assignedUserId: z.uuid().nullable().optional(),
    version: versionSchema,
  })
  .strict();
export type CaseUpdateInput = z.infer<typeof caseUpdateSchema>;

export const caseStatusInputSchema = z
  .object({
    status: z.enum(CASE_STATUSES),
    closureReason: z.enum(CASE_CLOSURE_REASONS).nullable().optional(),
    /** Required to reopen, and when closing with reason "other". */
    reason: optionalText(2000),
    version: versionSchema,
  })
  .strict();
export type CaseStatusInput = z.infer<typeof caseStatusInputSchema>;

export const linkContactsSchema = z.object({ contactIds: z.array(z.uuid()).min(1).max(20) }).strict();

export const caseTimingsSchema = z.object({
  reportedAt: isoDateTime,
  openedAt: isoDateTime,
  firstAssistanceAt: isoDateTime.nullable(),
  firstReferralAt: isoDateTime.nullable(),
  firstAcceptanceAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
});

/** A row of the case list (no personal data beyond the case title). */
export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  concernLevel: z.enum(CONCERN_LEVELS).nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  countryCode: z.string(),
  assignedTo: userRefSchema.nullable(),
  involvesChild: z.boolean(),
  openedAt: isoDateTime,
  lastActivityAt: isoDateTime,
  /** Open tasks past their due time. */
  overdueTasks: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const csvList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/** Case list and search, always within the reader's scope. Keyset paging, newest opened first; no totals. */
export const caseListQuerySchema = z
  .object({
    status: csvList(CASE_STATUSES),
    priority: csvList(CASE_PRIORITIES),
    concern: csvList(CONCERN_LEVELS),
    organisationId: z.uuid().optional(),
    countryCode: countryCodeSchema.optional(),
    assigned: z.enum(['me', 'none']).optional(),
    /** A case reference (exact), or words of a person's name or the title (through keyed hashes). */
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const casePageSchema = z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() });
export type CasePage = z.infer<typeof casePageSchema>;

export const noteInputSchema = z.object({ body: text(20000) }).strict();
export const noteViewSchema = z.object({ id: z.uuid(), body: z.string(), author: userRefSchema.nullable(), createdAt: isoDateTime });
export type NoteView = z.infer<typeof noteViewSchema>;

export const taskInputSchema = z
  .object({
    kind: z.enum(TASK_KINDS).default('task'),
    title: text(300),
    dueAt: isoDateTime,
    /** Defaults to the case's manager. */
    assigneeUserId: z.uuid().nullable().optional(),
  })
  .strict();
export type TaskInput = z.infer<typeof taskInputSchema>;

export const taskUpdateSchema = z
  .object({ done: z.boolean().optional(), title: text(300).optional(), dueAt: isoDateTime.optional(), assigneeUserId: z.uuid().nullable().optional(), version: versionSchema })
  .strict();
export type TaskUpdateInput = z.infer<typeof taskUpdateSchema>;

export const taskViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  assignee: userRefSchema.nullable(),
  dueAt: isoDateTime,
  overdue: z.boolean(),
  doneAt: isoDateTime.nullable(),
  doneBy: userRefSchema.nullable(),
  createdAt: isoDateTime,
  version: z.number().int(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

/** Open tasks: mine, or my team's (the organisations where I work cases); overdue first. */
export const taskListQuerySchema = z
  .object({
    scope: z.enum(['mine', 'team']).default('mine'),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const taskListSchema = z.object({
  items: z.array(taskViewSchema),
  /**
   * Open tasks past due in the list's selection. Exact for "mine" and for team (organisation) scopes;
   * for country, region or own scopes counting stops at 1000, and then `overdueCapped` is true and
   * 1000 means "1000 or more".
   */
  overdueCount: z.number().int(),
  /** True when overdueCount stopped at its cap (read it as "overdueCount or more"). */
  overdueCapped: z.boolean(),
});

export const documentViewSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  uploadedBy: userRefSchema.nullable(),
  uploadedAt: isoDateTime,
});
export type DocumentView = z.infer<typeof documentViewSchema>;

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: isoDateTime,
  kind: z.enum(CASE_EVENT_KINDS),
  actor: userRefSchema.nullable(),
  /** Non-personal details (statuses, ids); the UI turns them into a sentence. */
  data: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineQuerySchema = z.object({ before: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }).strict();
export const timelinePageSchema = z.object({ items: z.array(timelineEntrySchema), nextCursor: z.string().nullable() });

/** What the reader may do on this case (drives the buttons; the server checks again). */
export const casePermissionsSchema = z.object({
  write: z.boolean(),
  /** Sees identifying data, relatives and suspected perpetrators. */
  sensitive: z.boolean(),
  export: z.boolean(),
  overrideConsent: z.boolean(),
  /** Reading through a break-glass grant (until `breakGlassUntil`). */
  viaBreakGlass: z.boolean(),
  breakGlassUntil: isoDateTime.nullable(),
});

/** The case page: everything at once, timeline first page included. */
export const caseViewSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  nextStatuses: z.array(z.enum(CASE_STATUSES)),
  priority: z.enum(CASE_PRIORITIES),
  origin: z.enum(['contact', 'direct', 'handoff']),
  /** missing_child: a 116 000 case with a missing-child report (GET /api/cases/:id/missing-report). */
  kind: z.enum(['general', 'missing_child']),
  concernLevel: z.enum(CONCERN_LEVELS).nullable(),
  forms: z.array(z.enum(EXPLOITATION_FORMS)),
  involvesChild: z.boolean(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  countryCode: z.string(),
  assignedTo: userRefSchema.nullable(),
  consent: consentSchema.nullable(),
  closureReason: z.enum(CASE_CLOSURE_REASONS).nullable(),
  timings: caseTimingsSchema,
  contacts: z.array(z.object({ id: z.uuid(), reference: z.string(), channel: z.string(), startedAt: isoDateTime, isThb: z.boolean() })),
  persons: z.array(personViewSchema),
  screenings: z.array(screeningViewSchema),
  tasks: z.array(taskViewSchema),
  notes: z.array(noteViewSchema),
  documents: z.array(documentViewSchema),
  /** Referrals and hand-offs of this case (shapes in referrals.schemas.ts, kept loose here to avoid a cycle). */
  referralIds: z.array(z.uuid()),
  linkedCases: z.array(z.object({ id: z.uuid(), reference: z.string(), countryCode: z.string(), relation: z.enum(['handed_off_to', 'received_from']), accessible: z.boolean() })),
  timeline: timelinePageSchema,
  permissions: casePermissionsSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** Break-glass: read a case outside one's scope for a while, with a stated reason (audited, shown on the case). */
export const breakGlassInputSchema = z.object({ reason: z.string().trim().min(15).max(1000) }).strict();
export const breakGlassViewSchema = z.object({ caseId: z.uuid(), expiresAt: isoDateTime });

/** "Who viewed this case": readers, newest first, with how they had access. */
export const caseViewerSchema = z.object({
  user: userRefSchema.nullable(),
  at: isoDateTime,
  action: z.string(),
  /** scope | break_glass | referral | handoff */
  via: z.string(),
  reason: z.string().nullable(),
});
export const caseViewersSchema = z.object({ items: z.array(caseViewerSchema), nextCursor: z.string().nullable() });
export const caseViewersQuerySchema = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

/** Who a case of a team can be assigned to (case manager, task assignee): the team's active case workers. */
export const assignableUsersQuerySchema = z.object({ organisationId: z.uuid() }).strict();
export type AssignableUsersQuery = z.infer<typeof assignableUsersQuerySchema>;
export const assignableUsersSchema = z.object({ items: z.array(userRefSchema) });
export type AssignableUsers = z.infer<typeof assignableUsersSchema>;
