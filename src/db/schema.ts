/**
 * Drizzle table definitions. They mirror the plain-SQL migrations in ./migrations, which are the
 * source of truth; test/integration/db/schema-drift.test.ts fails when the two disagree.
 */
import { bigint, bigserial, boolean, char, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
  'contacts',
  'channel_integrations',
] as const;
