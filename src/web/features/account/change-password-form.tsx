import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import type { Ok } from '../../api/types';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { NewPasswordField, PasswordField, passwordLengthError } from '../../components/password-field';
import { useSubmission } from '../../lib/use-submission';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Change one's own password; the fields stay filled when the server refuses. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmission();
  const form = useForm<PasswordValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value, values) => passwordLengthError(value, t) ?? (value === values.currentPassword ? t('validation.passwordSame') : null),
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('validation.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await apiPost<Ok>('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifySuccess(t('account.passwordChanged'));
      form.reset();
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.passwordTitle')}>
      <Stack gap="sm" maw={420}>
        <FormError error={error} />
        <PasswordField label={t('account.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <NewPasswordField label={t('account.newPassword')} {...form.getInputProps('newPassword')} />
        <PasswordField label={t('account.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
