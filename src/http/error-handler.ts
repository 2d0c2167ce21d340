import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors';

/** HTTP status of every error code: the one place where codes meet HTTP. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  MFA_REQUIRED: 403,
  MFA_SETUP_REQUIRED: 403,
  INVALID_MFA_CODE: 401,
  MFA_NOT_PENDING: 409,
  WRONG_PASSWORD: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  MEMBERSHIP_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  ORGANISATION_EXISTS: 409,
  MEMBERSHIP_EXISTS: 409,
  LAST_ADMINISTRATOR: 409,
  CONFLICT: 409,
  CONTACT_NOT_FOUND: 404,
  CONTACT_VERSION_CONFLICT: 409,
  CONTACT_NOT_EDITABLE: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  DESK_REQUIRED: 400,
  CALLER_NOT_FOUND: 404,
  FLAG_NOT_FOUND: 404,
  TAXONOMY_DRAFT_EXISTS: 409,
  TAXONOMY_NO_DRAFT: 404,
  TAXONOMY_VERSION_NOT_FOUND: 404,
  INTEGRATION_NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  ARTICLE_SLUG_TAKEN: 409,
  ARTICLE_VERSION_CONFLICT: 409,
  TRANSLATION_NOT_FOUND: 404,
  REVISION_NOT_FOUND: 404,
  WORKFLOW_TRANSITION_NOT_ALLOWED: 409,
  REVIEWER_IS_AUTHOR: 403,
  INSTRUMENT_NOT_FOUND: 404,
  INSTRUMENT_SLUG_TAKEN: 409,
  DIRECTORY_ENTRY_NOT_FOUND: 404,
  RECORD_VERSION_CONFLICT: 409,
  IMPORT_INVALID: 400,
  SIGNATURE_INVALID: 401,
  CASE_NOT_FOUND: 404,
  CASE_ACCESS_DENIED: 403,
  CASE_VERSION_CONFLICT: 409,
  CASE_TRANSITION_NOT_ALLOWED: 409,
  REASON_REQUIRED: 400,
  CONTACT_ALREADY_LINKED: 409,
  PERSON_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_TYPE_NOT_ALLOWED: 415,
  INDICATOR_SET_NOT_FOUND: 404,
  PATHWAY_NOT_FOUND: 404,
  PATHWAY_VERSION_CONFLICT: 409,
  REFERRAL_NOT_FOUND: 404,
  REFERRAL_ACTOR_NOT_FOUND: 404,
  REFERRAL_TRANSITION_NOT_ALLOWED: 409,
  CONSENT_REQUIRED: 422,
  HANDOFF_NOT_FOUND: 404,
  HANDOFF_DESK_UNKNOWN: 422,
  HANDOFF_SAME_COUNTRY: 422,
  HANDOFF_TRANSITION_NOT_ALLOWED: 409,
  MISSING_REPORT_NOT_FOUND: 404,
  MISSING_TRANSITION_NOT_ALLOWED: 409,
  ALERT_NOT_FOUND: 404,
  ALERT_VERSION_CONFLICT: 409,
  ALERT_TRANSITION_NOT_ALLOWED: 409,
  ALERT_APPROVER_IS_DRAFTER: 403,
  ALERT_CRITERIA_NOT_MET: 422,
  ALERT_AUTHORITY_DECISION_REQUIRED: 422,
  ALERT_EXPIRY_TOO_LATE: 422,
  ALERT_EXTENSION_LIMIT: 422,
  ALERT_PHOTO_REQUIRED: 422,
  ALERT_COUNTRY_NOT_CONFIGURED: 422,
  ALERT_INVALID_CAP: 422,
  PRE_ALERT_NOT_FOUND: 404,
  PRE_ALERT_TRANSITION_NOT_ALLOWED: 409,
  SUBSCRIPTION_NOT_FOUND: 404,
  SUBSCRIPTION_TOKEN_INVALID: 404,
  WEBHOOK_URL_NOT_ALLOWED: 422,
  INGEST_SOURCE_NOT_FOUND: 404,
  CAP_REJECTED: 422,
  CAP_DOCUMENT_NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ROUTE_NOT_FOUND: 404,
  DATA_DIR_LOCKED: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
  return reply.status(STATUS_OF[code]).send({ error: { code, message, requestId: request.id, ...(issues ? { issues } : {}) } });
}

/** Translate a thrown error into a coded 4xx, or a logged 500 that says nothing internal. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.details?.retryAfterSeconds) void reply.header('retry-after', String(err.details.retryAfterSeconds));
      return send(reply, request, err.code, err.message, err.details?.issues);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return send(reply, request, 'VALIDATION_FAILED', 'Some fields are not valid.', issues);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err: { message: err.message } }, 'response did not match its schema');
      return send(reply, request, 'INTERNAL_ERROR', 'Something went wrong on our side.');
    }
    // Drizzle wraps driver errors: the SQLSTATE is on the cause.
    const pgCode = (err as unknown as { cause?: { code?: string } }).cause?.code;
    switch (pgCode ?? err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, request, 'VALIDATION_FAILED', 'The request body is not valid JSON.');
      case '23505':
        return send(reply, request, 'CONFLICT', 'This would duplicate an existing record.');
      case '22P02':
      case '22021': // a NUL byte (or other invalid UTF-8) in a text value
      case '22P05': // a NUL in a JSON value (\u0000 in jsonb)
      case '22007':
      case '22008':
      case '22003':
        return send(reply, request, 'VALIDATION_FAILED', 'A value has the wrong format.');
    }
    if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      return send(reply, request, 'VALIDATION_FAILED', 'The request is not valid.');
    }
    request.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'unhandled error');
    return send(reply, request, 'INTERNAL_ERROR', 'Something went wrong on our side. The error was logged.');
  });
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding in the URL, a path parameter
 * over maxParamLength): answered in the same coded envelope instead of Fastify's own body.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR';
  if (code === 'INTERNAL_ERROR') request.log.error({ err: { message: err.message, code: err.code } }, 'framework error');
  void send(reply, request, code, code === 'VALIDATION_FAILED' ? 'The URL is not valid.' : 'Something went wrong on our side. The error was logged.');
}
