import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { pathForStatus, useSession } from '../../session/session-context';
import { AuthHeading } from './auth-heading';
import { TwoFactorSetup } from './two-factor-setup';
import { useContinueSignIn } from './use-continue-sign-in';

/** The sign-in step for accounts whose roles require two-factor authentication but have none yet. */
export default function MfaSetupPage() {
  const { t } = useTranslation();
  const { view, refresh, signOut } = useSession();
  const continueSignIn = useContinueSignIn();

  if (view.status !== 'mfa_setup_required') return <Navigate to={pathForStatus(view)} replace />;

  const finish = () => {
    refresh().then(continueSignIn, () => undefined);
  };

  return (
    <Stack gap="md">
      <AuthHeading title={t('mfa.setupTitle')} intro={t('mfa.setupRequiredIntro')} />
      <TwoFactorSetup onFinished={finish} finishLabel={t('mfa.continueToVictor')} />
      <Anchor component="button" type="button" size="sm" onClick={() => void signOut()} style={{ alignSelf: 'flex-start' }}>
        {t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
