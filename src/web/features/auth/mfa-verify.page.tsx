import { useState } from 'react';
import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { apiPost } from '../../api/client';
import type { SessionView } from '../../api/types';
import { FormError } from '../../components/form-error';
import { useSubmission } from '../../lib/use-submission';
import { pathForStatus, useSession } from '../../session/session-context';
import { AuthHeading } from './auth-heading';
import { OneTimeCodeInput, sixDigitCode } from './one-time-code';
import { useContinueSignIn } from './use-continue-sign-in';

/** Step two of signing in: the six-digit code of the authenticator app, or a recovery code. */
export default function MfaVerifyPage() {
  const { t } = useTranslation();
  const { view, apply, signOut } = useSession();
  const continueSignIn = useContinueSignIn();
  const { busy, error, run, clearError } = useSubmission();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  if (view.status !== 'mfa_required' && !busy) return <Navigate to={pathForStatus(view)} replace />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    let body: { code: string } | { recoveryCode: string };
    if (useRecovery) {
      body = { recoveryCode: recoveryCode.trim() };
      if (body.recoveryCode.length < 8) return setFieldError(t('validation.recoveryCode'));
    } else {
      const digits = sixDigitCode(code);
      if (!digits) return setFieldError(t('validation.sixDigits'));
      body = { code: digits };
    }
    setFieldError(null);
    await run(async () => {
      const next = await apiPost<SessionView>('/api/auth/mfa/verify', body);
      apply(next);
      continueSignIn(next);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mfa-verify-title">
      <Stack gap="md">
        <AuthHeading id="mfa-verify-title" title={t('mfa.verifyTitle')} intro={useRecovery ? t('mfa.recoveryIntro') : t('mfa.verifyIntro')} />
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
          <OneTimeCodeInput key="code" value={code} onChange={setCode} error={fieldError} />
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
              clearError();
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
