import { useEffect, useState } from 'react';
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { apiPost } from '../../api/client';
import type { SessionView } from '../../api/types';
import { FormError } from '../../components/form-error';
import { PasswordField } from '../../components/password-field';
import { pathForStatus, returnPath, useSession } from '../../session/session-context';

interface LoginValues {
  email: string;
  password: string;
}

/** Step one of signing in: e-mail and password. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { view, apply } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<LoginValues>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
      password: (value) => (value.length > 0 ? null : t('validation.required')),
    },
  });

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} · ${t('app.name')}`;
  }, [t]);

  if (view.status === 'ok' && view.user && !busy) return <Navigate to={returnPath(location.state)} replace />;

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const next = await apiPost<SessionView>('/api/auth/login', { email: values.email.trim(), password: values.password });
      apply(next);
      const target = next.status === 'ok' ? returnPath(location.state) : pathForStatus(next);
      navigate(target, { replace: true, state: location.state });
    } catch (caught) {
      setError(caught);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={26} id="login-title">
            {t('auth.signInTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('auth.signInIntro')}
          </Text>
        </Stack>
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
