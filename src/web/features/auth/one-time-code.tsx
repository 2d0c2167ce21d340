import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The six digits of a code as typed (spaces dropped), or null when it is not six digits. */
export function sixDigitCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

interface OneTimeCodeInputProps {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

/** The field for the six-digit code of an authenticator app, offered to the browser's one-time-code autofill. */
export function OneTimeCodeInput({ value, onChange, error }: OneTimeCodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('mfa.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      styles={{ input: { letterSpacing: '0.3em', fontSize: 20 } }}
    />
  );
}
