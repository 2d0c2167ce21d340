import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { apiPost } from '../../api/client';
import type { SessionView } from '../../api/types';
import { FormError } from '../../components/form-error';
import { PasswordField } from '../../components/password-field';
import { useSubmission } from '../../lib/use-submission';
import { returnPath, useSession } from '../../session/session-context';
import { AuthHeading } from './auth-heading';
import { useContinueSignIn } from './use-continue-sign-in';

interface LoginValues {
  email: string;
  password: string;
}

/** Step one of signing in: e-mail and password. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { view, apply } = useSession();
  const location = useLocation();
  const continueSignIn = useContinueSignIn();
  const { busy, error, run } = useSubmission();
  const form = useForm<LoginValues>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
      password: (value) => (value.length > 0 ? null : t('validation.required')),
    },
  });

  if (view.status === 'ok' && view.user && !busy) return <Navigate to={returnPath(location.state)} replace />;

  const submit = form.onSubmit(async (values) => {
    const signedIn = await run(async () => {
      const next = await apiPost<SessionView>('/api/auth/login', { email: values.email.trim(), password: values.password });
      apply(next);
      continueSignIn(next);
    });
    if (!signedIn) form.setFieldValue('password', '');
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-title">
      <Stack gap="md">
        <AuthHeading id="login-title" title={t('auth.signInTitle')} intro={t('auth.signInIntro')} />
        <FormError error={error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordField label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Button type="submit" loading={busy} fullWidth>
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
