import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { InAppBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import type { PathwayView } from './referrals-api';

/** A pathway version: its stages in order, each with title, description, SLA and actors. */
export function PathwaySteps({ pathway }: { pathway: PathwayView }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const steps = [...pathway.steps].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="sm" data-testid="pathway-view">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={2} size="h3">
            {pathway.title}
          </Title>
          <Text size="sm">
            {t('referrals.pathway.versionLine', { version: pathway.version, status: t(`referrals.pathway.status.${pathway.status}`) })}
            {pathway.publishedAt && pathway.publishedBy ? ` · ${t('referrals.pathway.publishedOn', { date: format.date(pathway.publishedAt), name: pathway.publishedBy.displayName })}` : ''}
            {pathway.publishedAt && !pathway.publishedBy ? ` · ${t('referrals.pathway.publishedOnDate', { date: format.date(pathway.publishedAt) })}` : ''}
          </Text>
        </div>
      </Group>
      {pathway.needsReview && (
        <Alert color="orange" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('referrals.pathway.needsReviewTitle')} data-testid="pathway-needs-review">
          {t('referrals.pathway.needsReview')}
        </Alert>
      )}
      {pathway.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {pathway.notes}
        </Text>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('referrals.pathway.stagesLabel')}>
        {steps.map((s, index) => (
          <Paper key={s.id} component="li" withBorder p="md" radius="md" data-testid="pathway-step">
            <Stack gap={6}>
              <Group justify="space-between" gap="sm" align="flex-start">
                <div>
                  <Text size="xs" fw={700} tt="uppercase">
                    {t('referrals.pathway.stepN', { n: index + 1 })} · {labels.stage(s.stage)}
                  </Text>
                  <Title order={3} size="h5">
                    {s.title}
                  </Title>
                </div>
                <Badge variant="outline" color="gray" c="dark.9" tt="none" leftSection={<IconClockHour4 size={12} aria-hidden="true" />}>
                  {s.slaHours ? t('referrals.sla', { hours: s.slaHours }) : t('referrals.detail.noSla')}
                </Badge>
              </Group>
              {s.description && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.description}
                </Text>
              )}
              {s.actors.length === 0 ? (
                <Text size="sm">{t('referrals.pathway.noActors')}</Text>
              ) : (
                <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('referrals.pathway.actorsOf', { title: s.title })}>
                  {s.actors.map((a) => (
                    <Group component="li" key={a.id} gap={6}>
                      <Text size="sm" fw={600}>
                        {a.name}
                      </Text>
                      <Text size="xs">
                        {labels.kind(a.kind)}
                        {a.city ? ` · ${a.city}` : ''}
                        {a.languages.length ? ` · ${a.languages.map((l) => l.toUpperCase()).join(', ')}` : ''}
                      </Text>
                      <InAppBadge inApp={a.inApp} />
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
