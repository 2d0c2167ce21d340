import type { ReactNode } from 'react';
import { Alert, Badge, Group, List, Text, type MantineColor } from '@mantine/core';
import {
  IconAlarm,
  IconAlertTriangle,
  IconArrowBackUp,
  IconBolt,
  IconChecks,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconDeviceMobileMessage,
  IconEye,
  IconHourglass,
  IconMailForward,
  IconPencil,
  IconSend,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../domain/cases/referral-workflow';
import type { HandoffStatus } from '../../../domain/cases/handoff-workflow';
import { errorMessage, errorTitle } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useReferralLabels } from './referral-labels';
import type { ConsentView } from './referrals-api';

const STATUS_LOOK: Record<ReferralStatus, { color: MantineColor; icon: typeof IconSend }> = {
  draft: { color: 'gray', icon: IconPencil },
  sent: { color: 'blue', icon: IconSend },
  acknowledged: { color: 'cyan', icon: IconEye },
  accepted: { color: 'teal', icon: IconCircleCheck },
  declined: { color: 'red', icon: IconCircleX },
  completed: { color: 'green', icon: IconChecks },
  revoked: { color: 'gray', icon: IconArrowBackUp },
};

const HANDOFF_LOOK: Record<HandoffStatus, { color: MantineColor; icon: typeof IconSend }> = {
  requested: { color: 'blue', icon: IconHourglass },
  accepted: { color: 'teal', icon: IconCircleCheck },
  declined: { color: 'red', icon: IconCircleX },
  withdrawn: { color: 'gray', icon: IconArrowBackUp },
};

/** A referral's status: icon and words (never colour alone). */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const labels = useReferralLabels();
  const { color, icon: Icon } = STATUS_LOOK[status];
  return (
    <Badge size="sm" variant="light" color={color} c="dark.9" tt="none" style={{ minWidth: 'max-content' }} leftSection={<Icon size={12} aria-hidden="true" />} data-testid="referral-status">
      {labels.label('status', status)}
    </Badge>
  );
}

/** A hand-off's status: icon and words. */
export function HandoffStatusBadge({ status }: { status: HandoffStatus }) {
  const labels = useReferralLabels();
  const { color, icon: Icon } = HANDOFF_LOOK[status];
  return (
    <Badge size="sm" variant="light" color={color} c="dark.9" tt="none" style={{ minWidth: 'max-content' }} leftSection={<Icon size={12} aria-hidden="true" />} data-testid="handoff-status">
      {labels.label('handoffStatus', status)}
    </Badge>
  );
}

/** "Urgent" with an icon; nothing for normal urgency unless `always`. */
export function UrgencyBadge({ urgency, always = false }: { urgency: 'normal' | 'urgent'; always?: boolean }) {
  const labels = useReferralLabels();
  if (urgency === 'normal' && !always) return null;
  return (
    <Badge size="sm" variant={urgency === 'urgent' ? 'filled' : 'outline'} color={urgency === 'urgent' ? 'red.9' : 'gray'} c={urgency === 'urgent' ? undefined : 'dark.9'} tt="none" style={{ minWidth: 'max-content' }} leftSection={urgency === 'urgent' ? <IconBolt size={12} aria-hidden="true" /> : undefined}>
      {labels.label('urgency', urgency)}
    </Badge>
  );
}

/** The due time of an open referral, with an "Overdue" mark (icon and word) once it has passed. */
export function DueMarker({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!dueAt) return <Text size="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      {overdue ? (
        <Badge size="sm" color="red.9" variant="filled" tt="none" style={{ minWidth: 'max-content' }} leftSection={<IconAlarm size={12} aria-hidden="true" />} data-testid="overdue-marker">
          {t('referrals.overdue')}
        </Badge>
      ) : (
        <IconClockHour4 size={14} aria-hidden="true" />
      )}
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('referrals.dueOn', { date: labels.dateTime(dueAt) })}
      </Text>
    </Group>
  );
}

/** Whether the actor receives referrals in the app (through its liaison officers) or off-line. */
export function InAppBadge({ inApp }: { inApp: boolean }) {
  const { t } = useTranslation();
  return inApp ? (
    <Badge size="xs" variant="light" color="teal" c="dark.9" tt="none" leftSection={<IconDeviceMobileMessage size={11} aria-hidden="true" />}>
      {t('referrals.inApp')}
    </Badge>
  ) : (
    <Badge size="xs" variant="outline" color="gray" c="dark.9" tt="none" leftSection={<IconMailForward size={11} aria-hidden="true" />}>
      {t('referrals.offline')}
    </Badge>
  );
}

/** The consent on record (or its snapshot), its scope in words, and whether it covers what `need` asks. */
export function ConsentSummary({ consent, need }: { consent: ConsentView | null; need: 'referral' | 'transfer' | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const covered = need === null ? Boolean(consent?.given) : Boolean(consent?.given && (need === 'referral' ? consent.coversReferral : consent.coversTransfer));
  const yesNo = (value: boolean) => (value ? t('referrals.consent.yes') : t('referrals.consent.no'));
  return (
    <Alert
      variant="light"
      color={covered ? 'teal' : 'orange'}
      styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}
      icon={covered ? <IconShieldCheck size={18} aria-hidden="true" /> : <IconShieldX size={18} aria-hidden="true" />}
      title={need === null ? t('referrals.consent.title') : t(`referrals.consent.${covered ? 'covers' : 'notCovered'}.${need}`)}
      data-testid="consent-summary"
    >
      {consent ? (
        <List size="sm" spacing={2}>
          <List.Item>{consent.given ? t('referrals.consent.givenBy', { by: consent.givenBy ? t(`referrals.consentGiver.${consent.givenBy}`) : '—' }) : t('referrals.consent.refused')}</List.Item>
          <List.Item>{t('referrals.consent.coversReferral', { answer: yesNo(consent.coversReferral) })}</List.Item>
          <List.Item>{t('referrals.consent.coversTransfer', { answer: yesNo(consent.coversTransfer) })}</List.Item>
          <List.Item>
            {consent.recordedBy ? t('referrals.consent.recorded', { date: labels.dateTime(consent.recordedAt), by: consent.recordedBy.displayName }) : t('referrals.consent.recordedAt', { date: labels.dateTime(consent.recordedAt) })}
          </List.Item>
          {consent.note && <List.Item>{consent.note}</List.Item>}
        </List>
      ) : (
        <Text size="sm">{t('referrals.consent.none')}</Text>
      )}
    </Alert>
  );
}

/** A refusal of the server, explained by its code where the referral screens know it (else the server's words). */
export function ReferralError({ error, children }: { error: unknown; children?: ReactNode }) {
  const labels = useReferralLabels();
  if (!error) return null;
  const explained = labels.errorExplanation(error);
  return (
    <Alert color="red" variant="light" role="alert" title={explained?.title ?? errorTitle(error)} icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-testid="referral-error">
      <Text size="sm">{explained?.text ?? errorMessage(error)}</Text>
      {children}
    </Alert>
  );
}

/** A small label/value pair for the detail views. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
