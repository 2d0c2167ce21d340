import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useSession } from '../../session/session-context';
import { TwoFactorSetup } from '../auth/two-factor-setup';

/** Whether two-factor authentication is on, why it may be required, and a way to turn it on. */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const { view, refresh } = useSession();
  const [opened, { open, close }] = useDisclosure(false);
  const user = view.user;
  if (!user) return null;

  const finish = () => {
    close();
    notifySuccess(t('mfa.enabledNotice'));
    refresh().catch(() => undefined);
  };

  return (
    <Stack gap="sm">
      <Group gap="sm">
        {user.mfaEnabled ? (
          <Badge color="green" variant="light" size="lg" leftSection={<IconShieldCheck size={14} aria-hidden="true" />} data-testid="mfa-status">
            {t('mfa.statusOn')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" size="lg" leftSection={<IconShieldOff size={14} aria-hidden="true" />} data-testid="mfa-status">
            {t('mfa.statusOff')}
          </Badge>
        )}
      </Group>
      <Text size="sm">
        {user.isDemo ? t('mfa.demoExempt') : user.mfaRequired ? t('mfa.requiredForRoles') : t('mfa.optional')}
      </Text>
      {user.mfaEnabled ? (
        <Text size="sm" c="dimmed">
          {t('mfa.resetHint')}
        </Text>
      ) : (
        <Button variant="light" onClick={open} style={{ alignSelf: 'flex-start' }}>
          {t('mfa.setUp')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={t('mfa.setupTitle')} size="md" closeOnClickOutside={false}>
        {opened && <TwoFactorSetup onFinished={finish} finishLabel={t('common.done')} />}
      </Modal>
    </Stack>
  );
}
