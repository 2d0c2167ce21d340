/**
 * Drizzle table definitions. They mirror the plain-SQL migrations in ./migrations, which are the
 * source of truth; test/integration/db/schema-drift.test.ts fails when the two disagree.
 */
import { bigint, bigserial, boolean, char, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
/** A text-search vector; written by repos with to_tsvector(), never read back as a value. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const countries = pgTable('countries', {
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
  seecFocus: boolean('seec_focus').notNull().default(false),
  victorPartner: boolean('victor_partner').notNull().default(false),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  countryCode: char('country_code', { length: 2 }).notNull(),
  type: text('type').notNull(),
  partnership: text('partnership').notNull().default('none'),
  city: text('city'),
  archivedAt: tz('archived_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('en'),
  status: text('status').notNull().default('active'),
  isDemo: boolean('is_demo').notNull().default(false),
  totpSecretEnc: text('totp_secret_enc'),
  totpPendingSecretEnc: text('totp_pending_secret_enc'),
  totpEnabledAt: tz('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: tz('locked_until'),
  passwordChangedAt: tz('password_changed_at').notNull().defaultNow(),
  lastLoginAt: tz('last_login_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  role: text('role').notNull(),
  scope: text('scope').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  codeHash: text('code_hash').notNull(),
  usedAt: tz('used_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  mfaState: text('mfa_state').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  userAgent: text('user_agent'),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  userId: uuid('user_id').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull(),
  permissions: text('permissions').array().notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  expiresAt: tz('expires_at'),
  revokedAt: tz('revoked_at'),
  lastUsedAt: tz('last_used_at'),
});

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: tz('window_start').notNull(),
  count: integer('count').notNull(),
});

export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull().default({}),
  runAt: tz('run_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lockedAt: tz('locked_at'),
  lockedBy: text('locked_by'),
  doneAt: tz('done_at'),
  lastError: text('last_error'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tz('at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorTokenId: uuid('actor_token_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  organisationId: uuid('organisation_id'),
  countryCode: char('country_code', { length: 2 }),
  requestId: text('request_id'),
  details: jsonb('details').notNull().default({}),
  /** Position in the hash chain, given by the sealer; null until sealed (as are prevHash and hash). */
  seq: bigint('seq', { mode: 'number' }).unique(),
  prevHash: text('prev_hash'),
  hash: text('hash').unique(),
});

export const helplineDesks = pgTable('helpline_desks', {
  organisationId: uuid('organisation_id').primaryKey(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  openingHours: jsonb('opening_hours').notNull().default({}),
  phoneNumbers: jsonb('phone_numbers').notNull().default([]),
  publicIntake: boolean('public_intake').notNull().default(false),
  needsReview: boolean('needs_review').notNull().default(true),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const taxonomyVersions = pgTable('taxonomy_versions', {
  version: integer('version').primaryKey(),
  status: text('status').notNull(),
  notes: text('notes'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  publishedBy: uuid('published_by'),
  publishedAt: tz('published_at'),
});

export const taxonomyCodes = pgTable(
  'taxonomy_codes',
  {
    version: integer('version').notNull(),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    module: text('module').notNull(),
    countryCode: char('country_code', { length: 2 }),
    mapsTo: text('maps_to'),
    labels: jsonb('labels').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] })],
);

export const callers = pgTable('callers', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id').notNull(),
  callerHash: text('caller_hash').notNull(),
  firstContactAt: tz('first_contact_at').notNull(),
  lastContactAt: tz('last_contact_at').notNull(),
});

export const callerFlags = pgTable('caller_flags', {
  id: uuid('id').primaryKey(),
  callerId: uuid('caller_id').notNull(),
  flag: text('flag').notNull(),
  noteEnc: text('note_enc'),
  setBy: uuid('set_by'),
  setAt: tz('set_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
  clearedAt: tz('cleared_at'),
  clearedBy: uuid('cleared_by'),
});

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull(),
  idempotencyKey: text('idempotency_key'),
  organisationId: uuid('organisation_id').notNull(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
  externalRef: text('external_ref'),
  channel: text('channel').notNull(),
  direction: text('direction').notNull(),
  startedAt: tz('started_at').notNull(),
  endedAt: tz('ended_at'),
  handleSeconds: integer('handle_seconds'),
  language: text('language'),
  callerType: text('caller_type'),
  callerSector: text('caller_sector'),
  callerAgeBand: text('caller_age_band'),
  callerGender: text('caller_gender'),
  childAgeBand: text('child_age_band'),
  childGender: text('child_gender'),
  region: text('region'),
  categories: text('categories').array().notNull().default([]),
  isThb: boolean('is_thb').notNull().default(false),
  informationGiven: text('information_given').array().notNull().default([]),
  actionsTaken: text('actions_taken').array().notNull().default([]),
  consentCallback: boolean('consent_callback').notNull().default(false),
  consentConfidentiality: boolean('consent_confidentiality').notNull().default(false),
  callbackPhoneEnc: text('callback_phone_enc'),
  outcome: text('outcome'),
  nonDataType: text('non_data_type'),
  notesEnc: text('notes_enc'),
  searchTerms: text('search_terms').array().notNull().default([]),
  callerId: uuid('caller_id'),
  caseId: uuid('case_id'),
  taxonomyVersion: integer('taxonomy_version').notNull(),
  operatorUserId: uuid('operator_user_id'),
  policeNotifiedAt: tz('police_notified_at'),
  nrmNotifiedAt: tz('nrm_notified_at'),
  outOfHours: boolean('out_of_hours').notNull().default(false),
  reviewStatus: text('review_status'),
  reviewComment: text('review_comment'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: tz('reviewed_at'),
  version: integer('version').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  completedAt: tz('completed_at'),
});

export const channelIntegrations = pgTable('channel_integrations', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  secretEnc: text('secret_enc').notNull(),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastUsedAt: tz('last_used_at'),
  revokedAt: tz('revoked_at'),
});

// --- Knowledge base (0004_knowledge.sql) ---

export const legalInstruments = pgTable('legal_instruments', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  kind: text('kind').notNull(),
  countryCode: char('country_code', { length: 2 }),
  title: text('title').notNull(),
  shortTitle: text('short_title'),
  reference: text('reference'),
  year: integer('year'),
  adoptedOn: day('adopted_on'),
  inForceOn: day('in_force_on'),
  officialUrl: text('official_url'),
  summaries: jsonb('summaries').$type<Record<string, string>>().notNull().default({}),
  topics: text('topics').array().notNull().default([]),
  needsReview: boolean('needs_review').notNull().default(false),
  reviewNote: text('review_note'),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: tz('reviewed_at'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const legalInstrumentStatus = pgTable(
  'legal_instrument_status',
  {
    instrumentId: uuid('instrument_id').notNull(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    status: text('status').notNull().default('unknown'),
    signedOn: day('signed_on'),
    ratifiedOn: day('ratified_on'),
    inForceOn: day('in_force_on'),
    note: text('note'),
    sourceUrl: text('source_url'),
    needsReview: boolean('needs_review').notNull().default(true),
    updatedBy: uuid('updated_by'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instrumentId, t.countryCode] })],
);

export const kbArticles = pgTable('kb_articles', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  type: text('type').notNull(),
  audience: text('audience').notNull(),
  countryCode: char('country_code', { length: 2 }),
  organisationId: uuid('organisation_id').notNull(),
  tags: text('tags').array().notNull().default([]),
  taxonomyCodes: text('taxonomy_codes').array().notNull().default([]),
  legalInstrumentId: uuid('legal_instrument_id'),
  reviewDueOn: day('review_due_on'),
  needsReview: boolean('needs_review').notNull().default(false),
  reviewNote: text('review_note'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const kbTranslations = pgTable(
  'kb_translations',
  {
    articleId: uuid('article_id').notNull(),
    lang: text('lang').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMd: text('body_md').notNull().default(''),
    revision: integer('revision').notNull(),
    publishedRevision: integer('published_revision'),
    submittedBy: uuid('submitted_by'),
    submittedAt: tz('submitted_at'),
    reviewComment: text('review_comment'),
    updatedBy: uuid('updated_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lang] })],
);

export const kbRevisions = pgTable(
  'kb_revisions',
  {
    articleId: uuid('article_id').notNull(),
    lang: text('lang').notNull(),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMd: text('body_md').notNull(),
    bodyHtml: text('body_html').notNull(),
    authorId: uuid('author_id'),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lang, t.revision] })],
);

export const kbPublished = pgTable(
  'kb_published',
  {
    articleId: uuid('article_id').notNull(),
    lang: text('lang').notNull(),
    revision: integer('revision').notNull(),
    slug: text('slug').notNull(),
    type: text('type').notNull(),
    audience: text('audience').notNull(),
    countryCode: char('country_code', { length: 2 }),
    tags: text('tags').array().notNull().default([]),
    taxonomyCodes: text('taxonomy_codes').array().notNull().default([]),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    tsv: tsvector('tsv').notNull(),
    titleFolded: text('title_folded').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: tz('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lang] })],
);

export const kbLexicon = pgTable('kb_lexicon', {
  word: text('word').primaryKey(),
});

export const directoryEntries = pgTable('directory_entries', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  organisationId: uuid('organisation_id'),
  name: text('name').notNull(),
  localName: text('local_name'),
  descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}),
  phones: jsonb('phones').$type<{ number: string; label?: string; free?: boolean }[]>().notNull().default([]),
  email: text('email'),
  website: text('website'),
  city: text('city'),
  address: text('address'),
  hours: text('hours'),
  aroundTheClock: boolean('around_the_clock').notNull().default(false),
  languages: text('languages').array().notNull().default([]),
  operator: text('operator'),
  nrmStages: text('nrm_stages').array().notNull().default([]),
  audience: text('audience').notNull().default('professionals'),
  needsReview: boolean('needs_review').notNull().default(true),
  verifiedBy: uuid('verified_by'),
  verifiedAt: tz('verified_at'),
  tsv: tsvector('tsv').notNull(),
  nameFolded: text('name_folded').notNull(),
  archivedAt: tz('archived_at'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const indicatorSets = pgTable(
  'indicator_sets',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    audience: text('audience').notNull(),
    titles: jsonb('titles').$type<Record<string, string>>().notNull(),
    indicators: jsonb('indicators').$type<unknown[]>().notNull(),
    source: text('source'),
    needsReview: boolean('needs_review').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    publishedAt: tz('published_at'),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

export const nrmPathways = pgTable('nrm_pathways', {
  id: uuid('id').primaryKey(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  titles: jsonb('titles').$type<Record<string, string>>().notNull(),
  notes: text('notes'),
  needsReview: boolean('needs_review').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  publishedBy: uuid('published_by'),
  publishedAt: tz('published_at'),
});

export const nrmPathwaySteps = pgTable('nrm_pathway_steps', {
  id: uuid('id').primaryKey(),
  pathwayId: uuid('pathway_id').notNull(),
  stage: text('stage').notNull(),
  position: integer('position').notNull(),
  titles: jsonb('titles').$type<Record<string, string>>().notNull(),
  descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}),
  slaHours: integer('sla_hours'),
  actorIds: uuid('actor_ids').array().notNull().default([]),
});

/** Consent as recorded on a case (see domain/cases referral-workflow ConsentRecord). */
export interface CaseConsentJson {
  given: boolean;
  givenBy: 'child' | 'guardian' | 'legal_representative' | null;
  coversReferral: boolean;
  coversTransfer: boolean;
  recordedAt: string;
  recordedBy: string | null;
  note: string | null;
}

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull().unique(),
  organisationId: uuid('organisation_id').notNull(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  assignedUserId: uuid('assigned_user_id'),
  status: text('status').notNull(),
  priority: text('priority').notNull(),
  titleEnc: text('title_enc').notNull(),
  summaryEnc: text('summary_enc'),
  origin: text('origin').notNull(),
  concernLevel: text('concern_level'),
  forms: text('forms').array().notNull().default([]),
  involvesChild: boolean('involves_child').notNull().default(true),
  consent: jsonb('consent').$type<CaseConsentJson>(),
  closureReason: text('closure_reason'),
  closureNoteEnc: text('closure_note_enc'),
  searchTerms: text('search_terms').array().notNull().default([]),
  reportedAt: tz('reported_at').notNull(),
  openedAt: tz('opened_at').notNull(),
  firstAssistanceAt: tz('first_assistance_at'),
  firstReferralAt: tz('first_referral_at'),
  firstAcceptanceAt: tz('first_acceptance_at'),
  closedAt: tz('closed_at'),
  statusChangedAt: tz('status_changed_at').notNull(),
  lastActivityAt: tz('last_activity_at').notNull(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  kind: text('kind').notNull().default('general'),
});

export const casePersons = pgTable('case_persons', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  role: text('role').notNull(),
  givenNameEnc: text('given_name_enc'),
  familyNameEnc: text('family_name_enc'),
  aliasEnc: text('alias_enc'),
  dateOfBirthEnc: text('date_of_birth_enc'),
  contactEnc: text('contact_enc'),
  notesEnc: text('notes_enc'),
  relationship: text('relationship'),
  ageYears: integer('age_years'),
  ageBand: text('age_band').notNull().default('unknown'),
  ageUncertain: boolean('age_uncertain').notNull().default(false),
  mayBeChild: boolean('may_be_child').notNull().default(false),
  gender: text('gender'),
  nationality: char('nationality', { length: 2 }),
  languages: text('languages').array().notNull().default([]),
  traffickingStatus: text('trafficking_status'),
  identifiedBy: text('identified_by'),
  identifiedAt: day('identified_at'),
  identificationRefEnc: text('identification_ref_enc'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const caseScreenings = pgTable('case_screenings', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  personId: uuid('person_id'),
  setKey: text('set_key').notNull(),
  setVersion: integer('set_version').notNull(),
  answers: jsonb('answers').$type<{ code: string; answer: string }[]>().notNull(),
  evidenceEnc: text('evidence_enc'),
  treatedAsChild: boolean('treated_as_child').notNull(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  concernLevel: text('concern_level').notNull(),
  screenedBy: uuid('screened_by'),
  screenedAt: tz('screened_at').notNull(),
});

export const caseNotes = pgTable('case_notes', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  bodyEnc: text('body_enc').notNull(),
  authorId: uuid('author_id'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const caseTasks = pgTable('case_tasks', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  kind: text('kind').notNull(),
  titleEnc: text('title_enc').notNull(),
  assigneeUserId: uuid('assignee_user_id'),
  dueAt: tz('due_at').notNull(),
  doneAt: tz('done_at'),
  doneBy: uuid('done_by'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const caseDocuments = pgTable('case_documents', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  fileNameEnc: text('file_name_enc').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  contentEnc: text('content_enc').notNull(),
  kind: text('kind').notNull().default('other'),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: tz('uploaded_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
  deletedBy: uuid('deleted_by'),
});

export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  pathwayId: uuid('pathway_id'),
  stepId: uuid('step_id'),
  stage: text('stage').notNull(),
  directoryEntryId: uuid('directory_entry_id').notNull(),
  receiverOrganisationId: uuid('receiver_organisation_id'),
  receiverLanguage: text('receiver_language').notNull().default('en'),
  status: text('status').notNull(),
  urgency: text('urgency').notNull().default('normal'),
  messageEnc: text('message_enc'),
  personId: uuid('person_id'),
  consentSnapshot: jsonb('consent_snapshot').$type<Record<string, unknown>>(),
  consentOverrideReasonEnc: text('consent_override_reason_enc'),
  consentOverrideBy: uuid('consent_override_by'),
  slaHours: integer('sla_hours'),
  statusEnteredAt: tz('status_entered_at').notNull(),
  dueAt: tz('due_at'),
  sentAt: tz('sent_at'),
  acknowledgedAt: tz('acknowledged_at'),
  acceptedAt: tz('accepted_at'),
  declinedAt: tz('declined_at'),
  completedAt: tz('completed_at'),
  revokedAt: tz('revoked_at'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const handoffs = pgTable('handoffs', {
  id: uuid('id').primaryKey(),
  fromCaseId: uuid('from_case_id').notNull(),
  fromOrganisationId: uuid('from_organisation_id').notNull(),
  fromCountryCode: char('from_country_code', { length: 2 }).notNull(),
  toOrganisationId: uuid('to_organisation_id').notNull(),
  toCountryCode: char('to_country_code', { length: 2 }).notNull(),
  toCaseId: uuid('to_case_id'),
  status: text('status').notNull(),
  datasetEnc: text('dataset_enc').notNull(),
  consentSnapshot: jsonb('consent_snapshot').$type<Record<string, unknown>>().notNull(),
  answerNoteEnc: text('answer_note_enc'),
  requestedBy: uuid('requested_by'),
  requestedAt: tz('requested_at').notNull(),
  answeredBy: uuid('answered_by'),
  answeredAt: tz('answered_at'),
  version: integer('version').notNull().default(1),
});

export const caseEvents = pgTable('case_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: uuid('case_id').notNull(),
  at: tz('at').notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  kind: text('kind').notNull(),
  referralId: uuid('referral_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  commentEnc: text('comment_enc'),
});

export const caseAccessGrants = pgTable('case_access_grants', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  userId: uuid('user_id').notNull(),
  reasonEnc: text('reason_enc').notNull(),
  grantedAt: tz('granted_at').notNull(),
  expiresAt: tz('expires_at').notNull(),
});

export const caseReferenceCounters = pgTable(
  'case_reference_counters',
  {
    countryCode: char('country_code', { length: 2 }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.year] })],
);

export * from './schema-alerts';

/** Tables in the order a restore must insert them (parents first). */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'countries',
  'organisations',
  'users',
  'memberships',
  'recovery_codes',
  'sessions',
  'api_tokens',
  'rate_limits',
  'jobs',
  'settings',
  'audit_log',
  'helpline_desks',
  'taxonomy_versions',
  'taxonomy_codes',
  'callers',
  'caller_flags',
  'cases',
  'contacts',
  'channel_integrations',
  'legal_instruments',
  'legal_instrument_status',
  'kb_articles',
  'kb_translations',
  'kb_revisions',
  'kb_published',
  'kb_lexicon',
  'directory_entries',
  'indicator_sets',
  'nrm_pathways',
  'nrm_pathway_steps',
  'case_persons',
  'case_screenings',
  'case_notes',
  'case_tasks',
  'case_documents',
  'referrals',
  'handoffs',
  'case_events',
  'case_access_grants',
  'case_reference_counters',
  'missing_child_reports',
  'alert_country_settings',
  'alerts',
  'alert_reference_counters',
  'alert_messages',
  'alert_resources',
  'alert_events',
  'alert_pre_alerts',
  'alert_webhook_subscriptions',
  'alert_webhook_deliveries',
  'alert_email_subscriptions',
  'mail_outbox',
  'alert_ingest_sources',
  'alert_ingested',
  'alert_ingest_quarantine',
] as const;
