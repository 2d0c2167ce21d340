import { useEffect } from 'react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { pathForStatus, returnPath, useSession } from '../../session/session-context';
import { TwoFactorSetup } from './two-factor-setup';

/** The sign-in step for accounts whose roles require two-factor authentication but have none yet. */
export default function MfaSetupPage() {
  const { t } = useTranslation();
  const { view, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    document.title = `${t('mfa.setupTitle')} · ${t('app.name')}`;
  }, [t]);

  if (view.status !== 'mfa_setup_required') return <Navigate to={pathForStatus(view)} replace />;

  const finish = () => {
    refresh().then(
      (next) => navigate(next.status === 'ok' ? returnPath(location.state) : pathForStatus(next), { replace: true }),
      () => undefined,
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('mfa.setupTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('mfa.setupRequiredIntro')}
        </Text>
      </Stack>
      <TwoFactorSetup onFinished={finish} finishLabel={t('mfa.continueToVictor')} />
      <Anchor component="button" type="button" size="sm" onClick={() => void signOut()} style={{ alignSelf: 'flex-start' }}>
        {t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
