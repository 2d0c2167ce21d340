import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { apiPost } from '../../api/client';
import type { SessionView } from '../../api/types';
import { FormError } from '../../components/form-error';
import { pathForStatus, returnPath, useSession } from '../../session/session-context';

/** Step two of signing in: the six-digit code of the authenticator app, or a recovery code. */
export default function MfaVerifyPage() {
  const { t } = useTranslation();
  const { view, apply, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('mfa.verifyTitle')} · ${t('app.name')}`;
  }, [t]);

  if (view.status !== 'mfa_required' && !busy) return <Navigate to={pathForStatus(view)} replace />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = useRecovery ? { recoveryCode: recoveryCode.trim() } : { code: code.replace(/\s/g, '') };
    if (!useRecovery && !/^\d{6}$/.test(body.code ?? '')) return setFieldError(t('validation.sixDigits'));
    if (useRecovery && (body.recoveryCode ?? '').length < 8) return setFieldError(t('validation.recoveryCode'));
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const next = await apiPost<SessionView>('/api/auth/mfa/verify', body);
      apply(next);
      navigate(next.status === 'ok' ? returnPath(location.state) : pathForStatus(next), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mfa-verify-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={26} id="mfa-verify-title">
            {t('mfa.verifyTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {useRecovery ? t('mfa.recoveryIntro') : t('mfa.verifyIntro')}
          </Text>
        </Stack>
        <FormError error={error} />
        {useRecovery ? (
          <TextInput
            key="recovery"
            label={t('mfa.recoveryCode')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            value={recoveryCode}
            onChange={(event) => setRecoveryCode(event.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : (
          <TextInput
            key="code"
            label={t('mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError}
            styles={{ input: { letterSpacing: '0.3em', fontSize: 20 } }}
          />
        )}
        <Button type="submit" loading={busy} fullWidth>
          {t('mfa.verify')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setUseRecovery((value) => !value);
              setFieldError(null);
              setError(null);
            }}
          >
            {useRecovery ? t('mfa.useAuthenticator') : t('mfa.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
            {t('auth.backToSignIn')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
