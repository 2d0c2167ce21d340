/**
 * The coded fields of a helpline contact. Pure constants shared by the API schemas, the services and
 * the web console (the browser imports these arrays directly: no zod in the bundle).
 */

/** Where a contact came in. */
export const CHANNELS = ['phone', 'hotline_116000', 'chat', 'email', 'walk_in', 'web_form', 'sms', 'social_media'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * queued: waiting at a desk (public form, e-mail); draft: being logged; completed; abandoned: offered,
 * never answered; discarded: a draft opened by mistake or a spam report, kept for the record but not
 * counted.
 */
export const CONTACT_STATUSES = ['queued', 'draft', 'completed', 'abandoned', 'discarded'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const CONTACT_SOURCES = ['console', 'telephony', 'email', 'public_form'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const CALLER_TYPES = ['child', 'parent_relative', 'professional', 'member_of_public', 'anonymous'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

/** The sector of a professional caller. */
export const PROFESSIONAL_SECTORS = ['police', 'health', 'social', 'education', 'judiciary', 'labour_inspection', 'ngo', 'other'] as const;
export type ProfessionalSector = (typeof PROFESSIONAL_SECTORS)[number];

export const CALLER_AGE_BANDS = ['under_10', '10_12', '13_15', '16_17', '18_24', '25_59', '60_plus', 'unknown'] as const;
export const CHILD_AGE_BANDS = ['under_5', '5_9', '10_12', '13_15', '16_17', 'unknown'] as const;
export type CallerAgeBand = (typeof CALLER_AGE_BANDS)[number];
export type ChildAgeBand = (typeof CHILD_AGE_BANDS)[number];

export const GENDERS = ['female', 'male', 'non_binary', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** What the operator explained. */
export const INFORMATION_TOPICS = [
  'thb_general',
  'thb_indicators',
  'national_law',
  'international_law',
  'victim_rights',
  'support_services',
  'safe_migration',
  'online_safety',
  'missing_child_procedure',
  'helpline_service',
] as const;
export type InformationTopic = (typeof INFORMATION_TOPICS)[number];

/** What the operator did. police_report and nrm_notification time-stamp the notification (a KPI). */
export const ACTIONS = [
  'guidance',
  'referral',
  'police_report',
  'nrm_notification',
  'escalation',
  'transfer_116000',
  'callback_arranged',
  'information_sent',
] as const;
export type Action = (typeof ACTIONS)[number];

export const OUTCOMES = [
  'information_given',
  'resolved',
  'referred',
  'reported_to_police',
  'escalated',
  'transferred',
  'callback_scheduled',
  'caller_disconnected',
  'non_data',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Contacts with no data: logged in two clicks. */
export const NON_DATA_TYPES = ['silent', 'hang_up', 'prank', 'wrong_number', 'abusive'] as const;
export type NonDataType = (typeof NON_DATA_TYPES)[number];

/** Flags on a repeat-caller profile; every flag expires. */
export const CALLER_FLAGS = ['abusive', 'vulnerable', 'frequent_caller', 'safeguarding_concern', 'hoax_reports'] as const;
export type CallerFlag = (typeof CALLER_FLAGS)[number];

/** What a visitor of the public form wants. */
export const PUBLIC_REPORT_KINDS = ['report', 'callback', 'question'] as const;
export type PublicReportKind = (typeof PUBLIC_REPORT_KINDS)[number];

/** The region-wide free numbers shown to every visitor. */
export const EUROPEAN_NUMBERS = { missingChildren: '116 000', childHelpline: '116 111' } as const;

/** Limits on free text (characters). */
export const LIMITS = { notes: 20_000, publicMessage: 4_000, region: 120, reviewComment: 2_000, flagNote: 500 } as const;
