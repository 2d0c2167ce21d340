import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../api/types';

/** True while the account is locked after failed sign-ins. */
export function isLocked(user: UserView): boolean {
  return Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now());
}

/** Status, lock, 2FA and demo flags of an account as badges. */
export function UserBadges({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.status === 'disabled' ? (
        <Badge color="red" variant="light">
          {t('users.status.disabled')}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t('users.status.active')}
        </Badge>
      )}
      {isLocked(user) && (
        <Badge color="orange" variant="light">
          {t('users.locked')}
        </Badge>
      )}
      <Badge color={user.mfaEnabled ? 'blue' : 'gray'} variant="light">
        {user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}
      </Badge>
      {user.isDemo && (
        <Badge color="yellow" variant="light" c="var(--mantine-color-dark-9)">
          {t('users.demo')}
        </Badge>
      )}
    </Group>
  );
}
