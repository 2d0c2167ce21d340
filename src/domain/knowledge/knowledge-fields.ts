/**
 * Coded values of the knowledge base: article types, audiences, workflow states, legal-instrument kinds and
 * statuses, directory entry kinds and National Referral Mechanism stages. Shared with the web app (constants
 * only). Pure data; imports nothing from db/http/web.
 */

/** Languages articles are written in; `sr` is Serbian (Latin script in the interface, either script in text). */
export const KB_LANGUAGES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

/** The language a missing translation falls back to (visibly). */
export const FALLBACK_LANGUAGE: KbLanguage = 'en';

export const ARTICLE_TYPES = [
  'thb_information',
  'exploitation_forms',
  'legal_instrument',
  'national_mechanism',
  'professional_guidance',
  'faq',
  'canned_answer',
] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** Who may read an article: anyone (public pages), signed-in professionals, or staff only. */
export const AUDIENCES = ['public', 'professionals', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const TRANSLATION_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const INSTRUMENT_KINDS = ['international', 'council_of_europe', 'eu', 'national'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/**
 * Where a country stands with an instrument. `transposed` is for EU directives; `not_applicable` e.g. an EU
 * directive in a non-member state; `unknown` until the country desk confirms.
 */
export const INSTRUMENT_STATUSES = ['unknown', 'not_signed', 'signed', 'ratified', 'in_force', 'transposed', 'not_applicable'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const DIRECTORY_KINDS = [
  'missing_children_hotline',
  'child_helpline',
  'thb_hotline',
  'police',
  'prosecutor',
  'child_protection',
  'social_services',
  'shelter',
  'health',
  'labour_inspectorate',
  'ngo',
  'embassy',
  'national_coordinator',
  'partner_organisation',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** Kinds that are helplines (a number the public can call). */
export const HELPLINE_KINDS: readonly DirectoryKind[] = ['missing_children_hotline', 'child_helpline', 'thb_hotline'];

/** Stages of a National Referral Mechanism an actor serves (after the OSCE/ODIHR NRM handbook's structure). */
export const NRM_STAGES = ['identification', 'first_assistance', 'long_term_assistance', 'return_reintegration', 'proceedings', 'cross_border'] as const;
export type NrmStage = (typeof NRM_STAGES)[number];

/** Days before the review date from which an article shows in the "needs review" list. */
export const REVIEW_WARNING_DAYS = 30;
