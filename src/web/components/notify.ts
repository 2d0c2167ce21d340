import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

/** Show a green confirmation. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'green',
    title: i18n.t('notify.successTitle'),
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** Codes that share the headline of a more general one. */
const CODE_ALIASES: Record<string, string> = {
  OUT_OF_SCOPE: 'FORBIDDEN',
  USER_NOT_FOUND: 'NOT_FOUND',
  ORGANISATION_NOT_FOUND: 'NOT_FOUND',
  MEMBERSHIP_NOT_FOUND: 'NOT_FOUND',
  TOKEN_NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'NOT_FOUND',
};

function codeKey(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const key = `errors.codes.${CODE_ALIASES[error.code] ?? error.code}`;
  return i18n.exists(key) ? key : null;
}

/** The translated headline for an error: specific to its code when the catalogue has one. */
export function errorTitle(error: unknown): string {
  const key = codeKey(error);
  return key ? i18n.t(key) : i18n.t('errors.title');
}

/**
 * The detail to show under the headline. The server writes its messages in English: they are shown in
 * the English interface, and in other languages only when no translated headline describes the error
 * (so a Greek operator never reads an English sentence where a Greek one exists). Empty when the
 * headline says it all.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return i18n.t('errors.network');
    const reference = error.requestId && error.status >= 500 ? ` (${i18n.t('errors.requestId')}: ${error.requestId})` : '';
    const english = (i18n.resolvedLanguage ?? i18n.language ?? 'en').startsWith('en');
    if (!english && codeKey(error)) return reference.trim();
    return `${error.message}${reference}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Show a red notification with the server's error message. */
export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: errorMessage(error) ? errorTitle(error) : undefined,
    message: errorMessage(error) || errorTitle(error),
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** Show the error as a notification, and each problem the server found with a field under that field of `form`. */
export function notifyFormError(form: { setFieldError: (path: string, error: string) => void }, error: unknown): void {
  notifyError(error);
  if (error instanceof ApiError) for (const issue of error.issues) form.setFieldError(issue.path, issue.message);
}
