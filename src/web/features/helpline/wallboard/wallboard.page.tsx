import { useEffect, useMemo, useState } from 'react';
import { Badge, Card, Grid, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BarChart, type BarSeries } from '../../../components/bar-chart';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { formatLocale } from '../../../i18n';
import { useApiQuery } from '../../../lib/use-api-query';
import { wallboardPath, type HelplineReference, type WallboardView } from './wallboard-api';
import { CHANNEL_COLOURS, CHANNELS, formatDuration } from './wallboard-format';
import { useLiveContacts } from './use-live-contacts';

const ALL_DESKS = 'all';

/** The current time, updated every `ms`. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** One large figure with its label. */
function StatCard({ label, value, testId, colour }: { label: string; value: number; testId: string; colour?: string }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={36} fw={700} lh={1.2} c={colour} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** The longest-open draft: reference, operator, and its age counting up every second. */
function LongestDraftCard({ draft }: { draft: WallboardView['longestOpenDraft'] }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <Card withBorder padding="md" radius="md" data-testid="wallboard-longest-draft">
      <Group gap="xs" mb={4}>
        <IconClockHour4 size={18} aria-hidden="true" />
        <Text size="sm" c="dimmed" fw={600}>
          {t('wallboard.longestDraft')}
        </Text>
      </Group>
      {draft ? (
        <>
          <Text fz={36} fw={700} lh={1.2} ff="monospace" data-testid="wallboard-longest-age" aria-live="off">
            {formatDuration((now - new Date(draft.startedAt).getTime()) / 1000)}
          </Text>
          <Text size="sm">{t('wallboard.draftBy', { reference: draft.reference, operator: draft.operatorName ?? t('wallboard.unassigned') })}</Text>
        </>
      ) : (
        <Text fz="lg" fw={600} mt="xs">
          {t('wallboard.noOpenDrafts')}
        </Text>
      )}
    </Card>
  );
}

/** The supervisor's live view of today at a desk: counts, contacts per hour and channel, operators. */
export default function WallboardPage() {
  const { t, i18n } = useTranslation();
  const reference = useApiQuery<HelplineReference>('/api/helpline/reference');
  const desks = reference.data?.desks ?? [];
  const [choice, setChoice] = useState<string | null>(null);
  const deskId = choice ?? (desks.length === 1 ? (desks[0]?.organisationId ?? null) : null);
  const ready = reference.data !== undefined || reference.error !== null;
  const board = useApiQuery<WallboardView>(ready ? wallboardPath(deskId === ALL_DESKS ? null : deskId) : null);
  useLiveContacts(() => void board.reload());

  const data = board.data;
  const hours = useMemo(() => Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')), []);
  const channels = useMemo(() => CHANNELS.filter((c) => data?.byChannelHour.some((row) => row.channel === c && row.count > 0)), [data]);
  const series = useMemo<BarSeries[]>(
    () =>
      channels.map((channel) => ({
        name: t(`wallboard.channels.${channel}`),
        color: CHANNEL_COLOURS[channel],
        stack: 'contacts',
        values: hours.map((_, hour) => data?.byChannelHour.find((row) => row.channel === channel && row.hour === hour)?.count ?? 0),
      })),
    [channels, data, hours, t],
  );
  const dayLabel = data ? new Intl.DateTimeFormat(formatLocale(i18n.language), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${data.day}T12:00:00Z`)) : '';
  const deskOptions = [
    { value: ALL_DESKS, label: t('wallboard.allDesks') },
    ...desks.map((d) => ({ value: d.organisationId, label: `${d.name} (${d.countryCode})` })),
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('wallboard.title')}
        description={data ? t('wallboard.description', { day: dayLabel, timeZone: data.timeZone }) : undefined}
        actions={
          <Group gap="sm" align="flex-end">
            {desks.length > 1 && (
              <Select
                label={t('wallboard.desk')}
                data={deskOptions}
                value={deskId ?? ALL_DESKS}
                onChange={(value) => setChoice(value ?? ALL_DESKS)}
                allowDeselect={false}
                w={260}
                data-testid="wallboard-desk"
              />
            )}
            <Badge color="green" variant="dot" size="lg" aria-live="polite">
              {t('wallboard.live')}
            </Badge>
          </Group>
        }
      />
      <QueryState loading={board.loading} error={board.error} hasData={Boolean(data)} onRetry={() => void board.reload()}>
        {data && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
              <StatCard label={t('wallboard.total')} value={data.total} testId="wallboard-total" />
              <StatCard label={t('wallboard.completed')} value={data.completed} testId="wallboard-completed" />
              <StatCard label={t('wallboard.queued')} value={data.queued} testId="wallboard-queued" colour={data.queued > 0 ? 'orange.9' : undefined} />
              <StatCard label={t('wallboard.openDrafts')} value={data.openDrafts} testId="wallboard-open-drafts" />
              <StatCard label={t('wallboard.thb')} value={data.thb} testId="wallboard-thb" colour={data.thb > 0 ? 'red.9' : undefined} />
              <StatCard label={t('wallboard.nonData')} value={data.nonData} testId="wallboard-non-data" />
            </SimpleGrid>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <LongestDraftCard draft={data.longestOpenDraft} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Card withBorder padding="md" radius="md">
                  <Title order={2} fz="lg" mb="xs">
                    {t('wallboard.operators')}
                  </Title>
                  <DataTable columns={[t('wallboard.operator'), t('wallboard.operatorOpen'), t('wallboard.operatorHandled')]} minWidth={360} compact testId="wallboard-operators" emptyText={t('wallboard.noOperators')}>
                    {data.operatorsOnDuty.map((op) => (
                      <Table.Tr key={op.userId}>
                        <Table.Td>{op.displayName}</Table.Td>
                        <Table.Td>{op.openDrafts}</Table.Td>
                        <Table.Td>{op.handledToday}</Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                </Card>
              </Grid.Col>
            </Grid>
            <Card withBorder padding="md" radius="md">
              <Title order={2} fz="lg" mb="xs">
                {t('wallboard.byHour')}
              </Title>
              {series.length === 0 ? (
                <Text c="dimmed">{t('wallboard.noContactsYet')}</Text>
              ) : (
                <BarChart categories={hours} series={series} label={t('wallboard.chartLabel')} height={280} testId="wallboard-chart" />
              )}
              {series.length > 0 && (
                <DataTable columns={[t('wallboard.channel'), t('wallboard.total')]} minWidth={300} compact mt="md" testId="wallboard-channels">
                  {series.map((s) => (
                    <Table.Tr key={s.name}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td>{s.values.reduce((a, b) => a + b, 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
