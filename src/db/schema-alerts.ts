/**
 * Drizzle tables of migration 0006: missing-child reports and child alerts (settings, alerts, CAP
 * messages, photos, history, pre-alerts, webhooks, e-mail, ingest). Re-exported by ./schema.ts.
 */
import { bigserial, boolean, char, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const missingChildReports = pgTable('missing_child_reports', {
  caseId: uuid('case_id').primaryKey(),
  personId: uuid('person_id'),
  missingType: text('missing_type').notNull(),
  missingStatus: text('missing_status').notNull().default('missing'),
  lastSeenAt: tz('last_seen_at').notNull(),
  lastSeenCountry: char('last_seen_country', { length: 2 }),
  lastSeenPlaceEnc: text('last_seen_place_enc'),
  lastSeenLat: doublePrecision('last_seen_lat'),
  lastSeenLon: doublePrecision('last_seen_lon'),
  circumstancesEnc: text('circumstances_enc'),
  descriptionEnc: text('description_enc'),
  photoDocumentId: uuid('photo_document_id'),
  reportedPolice: boolean('reported_police').notNull().default(false),
  policeReportedAt: tz('police_reported_at'),
  policeReferenceEnc: text('police_reference_enc'),
  reportedInterpol: boolean('reported_interpol').notNull().default(false),
  interpolReportedAt: tz('interpol_reported_at'),
  reportedSis: boolean('reported_sis').notNull().default(false),
  sisReportedAt: tz('sis_reported_at'),
  suspectedCountries: char('suspected_countries', { length: 2 }).array().notNull().default([]),
  foundAt: tz('found_at'),
  foundOutcome: text('found_outcome'),
  foundCondition: text('found_condition'),
  foundNoteEnc: text('found_note_enc'),
  closedReason: text('closed_reason'),
  version: integer('version').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

/** Criteria that must all be met, per alert tier. */
export type AlertCriteriaConfigJson = Partial<Record<'child_abduction' | 'endangered_missing', string[]>>;

export const alertCountrySettings = pgTable('alert_country_settings', {
  countryCode: char('country_code', { length: 2 }).primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  issuingAuthority: text('issuing_authority').notNull(),
  sender: text('sender').notNull(),
  senderName: text('sender_name').notNull(),
  criteria: jsonb('criteria').$type<AlertCriteriaConfigJson>().notNull(),
  abductionMaxHours: integer('abduction_max_hours').notNull(),
  endangeredMaxHours: integer('endangered_max_hours').notNull(),
  extensionHours: integer('extension_hours').notNull(),
  maxExtensions: integer('max_extensions').notNull(),
  repeatMinutes: integer('repeat_minutes').notNull().default(0),
  hotline: text('hotline').notNull().default('116000'),
  languages: text('languages').array().notNull(),
  neighbours: char('neighbours', { length: 2 }).array().notNull().default([]),
  needsReview: boolean('needs_review').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const alerts = pgTable('alerts', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull().unique(),
  incidentId: text('incident_id').notNull(),
  countryCode: char('country_code', { length: 2 }).notNull(),
  organisationId: uuid('organisation_id').notNull(),
  caseId: uuid('case_id'),
  tier: text('tier').notNull(),
  mode: text('mode').notNull().default('actual'),
  status: text('status').notNull(),
  criteria: jsonb('criteria').$type<Record<string, boolean>>().notNull().default({}),
  authorityName: text('authority_name'),
  authorityReference: text('authority_reference'),
  authorityDecidedAt: tz('authority_decided_at'),
  authorityPersonEnc: text('authority_person_enc'),
  contentEnc: text('content_enc'),
  areaDesc: text('area_desc'),
  areaPolygons: text('area_polygons').array().notNull().default([]),
  areaCircles: text('area_circles').array().notNull().default([]),
  areaCountries: char('area_countries', { length: 2 }).array().notNull().default([]),
  originAlertId: uuid('origin_alert_id'),
  preAlertId: uuid('pre_alert_id'),
  extensions: integer('extensions').notNull().default(0),
  expiresAt: tz('expires_at'),
  draftedBy: uuid('drafted_by'),
  approvedBy: uuid('approved_by'),
  approvedAt: tz('approved_at'),
  issuedBy: uuid('issued_by'),
  issuedAt: tz('issued_at'),
  resolvedAt: tz('resolved_at'),
  resolution: text('resolution'),
  redactedAt: tz('redacted_at'),
  version: integer('version').notNull().default(1),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const alertReferenceCounters = pgTable(
  'alert_reference_counters',
  {
    countryCode: char('country_code', { length: 2 }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.year] })],
);

export const alertMessages = pgTable('alert_messages', {
  id: uuid('id').primaryKey(),
  alertId: uuid('alert_id').notNull(),
  seq: integer('seq').notNull(),
  identifier: text('identifier').notNull().unique(),
  sender: text('sender').notNull(),
  sent: tz('sent').notNull(),
  msgType: text('msg_type').notNull(),
  capStatus: text('cap_status').notNull(),
  scope: text('scope').notNull(),
  reason: text('reason').notNull(),
  languageCodes: text('language_codes').array().notNull().default([]),
  expiresAt: tz('expires_at'),
  xml: text('xml').notNull(),
  public: boolean('public').notNull(),
  redactedAt: tz('redacted_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const alertResources = pgTable('alert_resources', {
  id: uuid('id').primaryKey(),
  alertId: uuid('alert_id').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha1: text('sha1').notNull(),
  sha256: text('sha256').notNull(),
  contentEnc: text('content_enc'),
  description: text('description').notNull().default('Photo'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
});

export const alertEvents = pgTable('alert_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  alertId: uuid('alert_id').notNull(),
  at: tz('at').notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  kind: text('kind').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  commentEnc: text('comment_enc'),
});

export const alertPreAlerts = pgTable('alert_pre_alerts', {
  id: uuid('id').primaryKey(),
  alertId: uuid('alert_id').notNull(),
  toCountryCode: char('to_country_code', { length: 2 }).notNull(),
  status: text('status').notNull().default('sent'),
  sentBy: uuid('sent_by'),
  sentAt: tz('sent_at').notNull().defaultNow(),
  answeredBy: uuid('answered_by'),
  answeredAt: tz('answered_at'),
  answerNoteEnc: text('answer_note_enc'),
  neighbourAlertId: uuid('neighbour_alert_id'),
});

export const alertWebhookSubscriptions = pgTable('alert_webhook_subscriptions', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secretEnc: text('secret_enc').notNull(),
  countries: char('countries', { length: 2 }).array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  includeDrills: boolean('include_drills').notNull().default(false),
  active: boolean('active').notNull().default(true),
  organisationId: uuid('organisation_id'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const alertWebhookDeliveries = pgTable('alert_webhook_deliveries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  subscriptionId: uuid('subscription_id').notNull(),
  messageId: uuid('message_id').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
  lockedAt: tz('locked_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  deliveredAt: tz('delivered_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const alertEmailSubscriptions = pgTable('alert_email_subscriptions', {
  id: uuid('id').primaryKey(),
  emailEnc: text('email_enc').notNull(),
  emailHash: text('email_hash').notNull().unique(),
  countries: char('countries', { length: 2 }).array().notNull().default([]),
  language: text('language').notNull(),
  confirmTokenHash: text('confirm_token_hash'),
  confirmedAt: tz('confirmed_at'),
  unsubscribeTokenHash: text('unsubscribe_token_hash').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  unsubscribedAt: tz('unsubscribed_at'),
});

export const mailOutbox = pgTable('mail_outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  toEnc: text('to_enc').notNull(),
  subject: text('subject').notNull(),
  bodyTextEnc: text('body_text_enc').notNull(),
  headersEnc: text('headers_enc'),
  purpose: text('purpose').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  sentAt: tz('sent_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const alertIngestSources = pgTable('alert_ingest_sources', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull().unique(),
  kind: text('kind').notNull(),
  countryCode: char('country_code', { length: 2 }),
  active: boolean('active').notNull().default(true),
  pollSeconds: integer('poll_seconds').notNull().default(120),
  etag: text('etag'),
  lastModified: text('last_modified'),
  lastPolledAt: tz('last_polled_at'),
  lastOutcome: text('last_outcome'),
  lastError: text('last_error'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

/** Geometry of an ingested alert (WGS 84). */
export interface IngestedGeometryJson {
  polygons?: [number, number][][];
  circles?: { lat: number; lon: number; radiusKm: number }[];
}

export const alertIngested = pgTable('alert_ingested', {
  id: uuid('id').primaryKey(),
  sourceId: uuid('source_id'),
  identifier: text('identifier').notNull(),
  sender: text('sender').notNull(),
  sent: tz('sent').notNull(),
  msgType: text('msg_type').notNull(),
  capStatus: text('cap_status').notNull(),
  scope: text('scope').notNull(),
  incidents: text('incidents'),
  event: text('event'),
  headline: text('headline'),
  areaDesc: text('area_desc'),
  geometry: jsonb('geometry').$type<IngestedGeometryJson>().notNull().default({}),
  countryCode: char('country_code', { length: 2 }),
  expiresAt: tz('expires_at'),
  supersededBy: uuid('superseded_by'),
  warnings: jsonb('warnings').$type<{ code: string; message: string }[]>().notNull().default([]),
  xml: text('xml').notNull(),
  receivedAt: tz('received_at').notNull().defaultNow(),
});

export const alertIngestQuarantine = pgTable('alert_ingest_quarantine', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sourceId: uuid('source_id'),
  receivedAt: tz('received_at').notNull().defaultNow(),
  reasonCode: text('reason_code').notNull(),
  detail: text('detail').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  excerpt: text('excerpt').notNull(),
});
