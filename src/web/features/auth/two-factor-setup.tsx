import { useEffect, useRef, useState } from 'react';
import { Box, Button, Code, CopyButton, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import type { MfaSetup, RecoveryCodes as RecoveryCodesAnswer } from '../../api/types';
import { FormError } from '../../components/form-error';
import { useSubmission } from '../../lib/use-submission';
import { OneTimeCodeInput, sixDigitCode } from './one-time-code';
import { RecoveryCodes } from './recovery-codes';

/** The secret in groups of four, easier to type into an authenticator app. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Turn on two-factor authentication: a new secret as QR code and text, a first code to prove the
 * app works, then the recovery codes. `onFinished` runs after the user confirms the codes are saved.
 */
export function TwoFactorSetup({ onFinished, finishLabel }: { onFinished: () => void; finishLabel: string }) {
  const { t } = useTranslation();
  const started = useRef(false);
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, error, run } = useSubmission();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const start = () => {
    setSetupError(null);
    apiPost<MfaSetup>('/api/auth/mfa/setup').then(setSetup, setSetupError);
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start();
  }, []);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onFinished} doneLabel={finishLabel} />;
  if (setupError) {
    return (
      <Stack gap="sm">
        <FormError error={setupError} />
        <Button variant="default" onClick={start}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (!setup) {
    return (
      <Group justify="center" py="xl" role="status" aria-label={t('common.loading')}>
        <Loader aria-hidden="true" />
      </Group>
    );
  }

  const enable = async (event: React.FormEvent) => {
    event.preventDefault();
    const digits = sixDigitCode(code);
    if (!digits) return setFieldError(t('validation.sixDigits'));
    setFieldError(null);
    await run(async () => {
      const answer = await apiPost<RecoveryCodesAnswer>('/api/auth/mfa/enable', { code: digits });
      setRecoveryCodes(answer.recoveryCodes);
    });
  };

  return (
    <form onSubmit={enable} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('mfa.setupStep1')}</Text>
        <Box className="victor-qr" w={200} h={200} mx="auto" p={4} bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
          <img src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={t('mfa.qrAlt')} width={192} height={192} />
        </Box>
        <Stack gap={4}>
          <Text size="sm">{t('mfa.setupManual')}</Text>
          <Group gap="xs" align="center">
            <Code fz="sm" p="xs" style={{ wordBreak: 'break-all', flex: '1 1 14rem' }} aria-label={t('mfa.secretLabel')}>
              <span data-testid="mfa-secret" data-secret={setup.secret}>
                {groupSecret(setup.secret)}
              </span>
            </Code>
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Text size="sm">{t('mfa.setupStep2')}</Text>
        <FormError error={error} />
        <OneTimeCodeInput value={code} onChange={setCode} error={fieldError} />
        <Button type="submit" loading={busy}>
          {t('mfa.enable')}
        </Button>
      </Stack>
    </form>
  );
}
