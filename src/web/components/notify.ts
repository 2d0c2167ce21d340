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

/** The translated headline for an error: specific to its code when the catalogue has one. */
export function errorTitle(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.codes.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return i18n.t('errors.title');
}

/** The message to show for an error: the server's own message, or a translated one when offline. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return i18n.t('errors.network');
    return error.requestId && error.status >= 500 ? `${error.message} (${i18n.t('errors.requestId')}: ${error.requestId})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Show a red notification with the server's error message. */
export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: errorTitle(error),
    message: errorMessage(error),
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** Show the error as a notification, and each problem the server found with a field under that field of `form`. */
export function notifyFormError(form: { setFieldError: (path: string, error: string) => void }, error: unknown): void {
  notifyError(error);
  if (error instanceof ApiError) for (const issue of error.issues) form.setFieldError(issue.path, issue.message);
}
