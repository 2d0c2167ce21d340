import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import type { Ok } from '../../api/types';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { PasswordField } from '../../components/password-field';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change one's own password; the fields stay filled when the server refuses. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<PasswordValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value, values) =>
        value.length < MIN_PASSWORD_LENGTH
          ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })
          : value === values.currentPassword
            ? t('validation.passwordSame')
            : null,
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('validation.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await apiPost<Ok>('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifySuccess(t('account.passwordChanged'));
      form.reset();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.passwordTitle')}>
      <Stack gap="sm" maw={420}>
        <FormError error={error} />
        <PasswordField label={t('account.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordField
          label={t('account.newPassword')}
          description={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordField label={t('account.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
