import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/** The message for a new password shorter than the server accepts, or null when it is long enough. */
export function passwordLengthError(value: string, t: TFunction): string | null {
  return value.length < MIN_PASSWORD_LENGTH ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH }) : null;
}

/** A password input whose show/hide toggle has a translated name. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }} {...props} />;
}

/** A required field for choosing a password: says how long it must be, and lets password managers suggest one. */
export function NewPasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordField description={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })} autoComplete="new-password" required {...props} />;
}
