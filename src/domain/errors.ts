/**
 * Coded errors. Services throw these; src/http/error-handler.ts maps each code to an HTTP status
 * in one place. Messages are safe to show to the user and never contain personal data.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
  'INVALID_MFA_CODE',
  'MFA_NOT_PENDING',
  'WRONG_PASSWORD',
  'CSRF_FAILED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'RATE_LIMITED',
  'NOT_FOUND',
  'USER_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'MEMBERSHIP_NOT_FOUND',
  'TOKEN_NOT_FOUND',
  'EMAIL_TAKEN',
  'ORGANISATION_EXISTS',
  'MEMBERSHIP_EXISTS',
  'LAST_ADMINISTRATOR',
  'CONFLICT',
  'CONTACT_NOT_FOUND',
  'CONTACT_VERSION_CONFLICT',
  'CONTACT_NOT_EDITABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'DESK_REQUIRED',
  'CALLER_NOT_FOUND',
  'FLAG_NOT_FOUND',
  'TAXONOMY_DRAFT_EXISTS',
  'TAXONOMY_NO_DRAFT',
  'TAXONOMY_VERSION_NOT_FOUND',
  'INTEGRATION_NOT_FOUND',
  'ARTICLE_NOT_FOUND',
  'ARTICLE_SLUG_TAKEN',
  'ARTICLE_VERSION_CONFLICT',
  'TRANSLATION_NOT_FOUND',
  'REVISION_NOT_FOUND',
  'WORKFLOW_TRANSITION_NOT_ALLOWED',
  'REVIEWER_IS_AUTHOR',
  'INSTRUMENT_NOT_FOUND',
  'INSTRUMENT_SLUG_TAKEN',
  'DIRECTORY_ENTRY_NOT_FOUND',
  'RECORD_VERSION_CONFLICT',
  'IMPORT_INVALID',
  'CASE_NOT_FOUND',
  'CASE_ACCESS_DENIED',
  'CASE_VERSION_CONFLICT',
  'CASE_TRANSITION_NOT_ALLOWED',
  'REASON_REQUIRED',
  'CONTACT_ALREADY_LINKED',
  'PERSON_NOT_FOUND',
  'TASK_NOT_FOUND',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'INDICATOR_SET_NOT_FOUND',
  'PATHWAY_NOT_FOUND',
  'PATHWAY_VERSION_CONFLICT',
  'REFERRAL_NOT_FOUND',
  'REFERRAL_ACTOR_NOT_FOUND',
  'REFERRAL_TRANSITION_NOT_ALLOWED',
  'CONSENT_REQUIRED',
  'HANDOFF_NOT_FOUND',
  'HANDOFF_DESK_UNKNOWN',
  'HANDOFF_SAME_COUNTRY',
  'HANDOFF_TRANSITION_NOT_ALLOWED',
  'SIGNATURE_INVALID',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'DATA_DIR_LOCKED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure with a stable code. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { issues?: { path: string; message: string }[]; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Shorthand: throw new AppError(code, message). */
export function fail(code: ErrorCode, message: string): never {
  throw new AppError(code, message);
}
