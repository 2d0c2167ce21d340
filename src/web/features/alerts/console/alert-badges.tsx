import { Badge, type MantineColor } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconClockHour4, IconFlask, IconPencil, IconSearch, IconSend, IconShieldCheck, IconUserExclamation, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AlertMode, AlertStatus, AlertTier } from './alerts-api';

type Icon = typeof IconSend;
const BADGE = { size: 'sm', tt: 'none', style: { minWidth: 'max-content' } } as const;

const STATUS_LOOK: Record<AlertStatus, { color: MantineColor; icon: Icon }> = {
  draft: { color: 'gray', icon: IconPencil },
  approved: { color: 'blue', icon: IconShieldCheck },
  issued: { color: 'red', icon: IconSend },
  resolved: { color: 'green', icon: IconCircleCheck },
  cancelled: { color: 'gray', icon: IconX },
  expired: { color: 'yellow', icon: IconClockHour4 },
};

/** An alert's status: icon and words (never colour alone). */
export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = STATUS_LOOK[status];
  return (
    <Badge {...BADGE} variant="light" color={color} c="dark.9" leftSection={<Icon size={12} aria-hidden="true" />} data-testid="alert-status">
      {t(`alerts.status.${status}`)}
    </Badge>
  );
}

/** The tier: child abduction (filled, dark red) or endangered missing (light orange). */
export function AlertTierBadge({ tier }: { tier: AlertTier }) {
  const { t } = useTranslation();
  const abduction = tier === 'child_abduction';
  return (
    <Badge
      {...BADGE}
      variant={abduction ? 'filled' : 'light'}
      color={abduction ? 'red.9' : 'orange'}
      c={abduction ? undefined : 'dark.9'}
      leftSection={abduction ? <IconUserExclamation size={12} aria-hidden="true" /> : <IconSearch size={12} aria-hidden="true" />}
      data-testid="alert-tier"
    >
      {t(`alerts.tier.${tier}`)}
    </Badge>
  );
}

/** The mode: nothing special for actual alerts unless `always`; exercises and tests clearly marked DRILL. */
export function AlertModeBadge({ mode, always = false }: { mode: AlertMode; always?: boolean }) {
  const { t } = useTranslation();
  if (mode === 'actual' && !always) return null;
  const drill = mode !== 'actual';
  return (
    <Badge
      {...BADGE}
      variant={drill ? 'filled' : 'outline'}
      color={drill ? 'violet.9' : 'gray'}
      c={drill ? undefined : 'dark.9'}
      leftSection={drill ? <IconFlask size={12} aria-hidden="true" /> : <IconAlertOctagon size={12} aria-hidden="true" />}
      data-testid="alert-mode"
    >
      {drill ? t('alerts.mode.drillBadge', { mode: t(`alerts.mode.${mode}`) }) : t('alerts.mode.actual')}
    </Badge>
  );
}
