import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { measureDuration, type DurationParts } from './case-helpers';
import type { CaseView } from './cases-api';

const MILESTONES = ['reportedAt', 'firstAssistanceAt', 'firstReferralAt', 'firstAcceptanceAt', 'closedAt'] as const;

/** A duration in days and hours (or hours and minutes when under a day). */
export function useFormatDuration(): (d: DurationParts) => string {
  const { t } = useTranslation();
  return (d) => (d.days > 0 ? t('cases.timings.daysHours', { days: d.days, hours: d.hours }) : t('cases.timings.hoursMinutes', { hours: d.hours, minutes: d.minutes }));
}

/** The case's timings: reported → first assistance → first referral → first acceptance → closed, each with the time since the report. */
export function TimingsCard({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormatDuration();
  const timings = caseView.timings;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timings-title">
      <Title order={2} size="h5" id="timings-title" mb="sm">
        {t('cases.timings.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="case-timings">
        {MILESTONES.map((m) => {
          const at = timings[m];
          const since = m === 'reportedAt' ? null : measureDuration(timings.reportedAt, at);
          return (
            <Stack component="li" key={m} gap={2}>
              <Text size="xs" c="dimmed" fw={600}>
                {at ? <IconCircleCheck size={12} aria-hidden="true" /> : <IconCircleDashed size={12} aria-hidden="true" />} {t(`cases.timings.${m}`)}
              </Text>
              <Text size="sm" fw={500}>
                {at ? labels.dateTime(at) : t('cases.timings.notYet')}
              </Text>
              {since && (
                <Text size="xs" c="dimmed">
                  {t('cases.timings.afterReport', { duration: format(since) })}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
