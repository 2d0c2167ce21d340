import { useMemo, useState } from 'react';
import { Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BarChart, type BarSeries } from '../../../components/bar-chart';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { formatLocale } from '../../../i18n';
import { useApiQuery } from '../../../lib/use-api-query';
import type { HelplineReference } from '../wallboard/wallboard-api';
import { formatDuration } from '../wallboard/wallboard-format';
import { dayValue, kpisPath, PERIODS, rangeOf, type KpiView, type Period } from './kpis-api';

const ALL_DESKS = 'all';

/** One figure with its label and an optional line under it. */
function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      {detail && <Text size="sm">{detail}</Text>}
    </Card>
  );
}

/** Helpline KPIs over a period: figures, offered vs handled per channel as a chart and as a table. */
export default function KpisPage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<Period>('last7');
  const [fromDay, setFromDay] = useState(() => dayValue(new Date(Date.now() - 29 * 86_400_000)));
  const [toDay, setToDay] = useState(() => dayValue(new Date()));
  const [desk, setDesk] = useState<string>(ALL_DESKS);
  const reference = useApiQuery<HelplineReference>('/api/helpline/reference');
  // The range is computed once per choice (not per render), so the query path stays stable.
  const range = useMemo(() => rangeOf(period, new Date(), fromDay, toDay), [period, fromDay, toDay]);
  const kpis = useApiQuery<KpiView>(range ? kpisPath(range, desk === ALL_DESKS ? null : desk) : null);
  const data = kpis.data;

  const locale = formatLocale(i18n.language);
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }), [locale]);
  const share = (value: number | null) => (value === null ? '—' : percent.format(value));
  const duration = (seconds: number | null) => (seconds === null ? '—' : formatDuration(seconds));
  const minutes = (value: number | null) => (value === null ? '—' : t('kpis.minutes', { n: Math.round(value) }));

  const rows = useMemo(() => (data?.byChannel ?? []).filter((row) => row.offered > 0 || row.handled > 0), [data]);
  const categories = useMemo(() => rows.map((row) => t(`wallboard.channels.${row.channel}`)), [rows, t]);
  const series = useMemo<BarSeries[]>(
    () => [
      { name: t('kpis.offered'), values: rows.map((r) => r.offered), color: '#74c0fc' },
      { name: t('kpis.handled'), values: rows.map((r) => r.handled), color: '#1864ab' },
    ],
    [rows, t],
  );
  const deskOptions = [
    { value: ALL_DESKS, label: t('kpis.allDesks') },
    ...(reference.data?.desks ?? []).map((d) => ({ value: d.organisationId, label: `${d.name} (${d.countryCode})` })),
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t('kpis.title')} description={t('kpis.description')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="kpi-period-label">
            {t('kpis.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="kpi-period-label"
            value={period}
            onChange={(value) => setPeriod(value as Period)}
            data={PERIODS.map((p) => ({ value: p, label: t(`kpis.periods.${p}`) }))}
            data-testid="kpi-period"
          />
        </Stack>
        {period === 'custom' && (
          <>
            <TextInput type="date" label={t('kpis.from')} value={fromDay} onChange={(e) => setFromDay(e.currentTarget.value)} max={toDay} />
            <TextInput type="date" label={t('kpis.to')} value={toDay} onChange={(e) => setToDay(e.currentTarget.value)} min={fromDay} error={range ? undefined : t('kpis.badRange')} />
          </>
        )}
        {(reference.data?.desks.length ?? 0) > 1 && (
          <Select label={t('kpis.desk')} data={deskOptions} value={desk} onChange={(value) => setDesk(value ?? ALL_DESKS)} allowDeselect={false} w={260} />
        )}
      </Group>
      <QueryState loading={kpis.loading} error={kpis.error} hasData={Boolean(data)} onRetry={() => void kpis.reload()}>
        {data && (
          <Stack gap="lg" aria-busy={kpis.loading}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              <Figure label={t('kpis.offered')} value={String(data.offered)} detail={t('kpis.abandonedCount', { n: data.abandoned })} testId="kpi-offered" />
              <Figure label={t('kpis.handled')} value={String(data.handled)} detail={data.offered > 0 ? t('kpis.handledShare', { share: percent.format(data.handled / data.offered) }) : undefined} testId="kpi-handled" />
              <Figure label={t('kpis.avgHandle')} value={duration(data.avgHandleSeconds)} detail={t('kpis.medianHandle', { value: duration(data.medianHandleSeconds) })} testId="kpi-handle-time" />
              <Figure label={t('kpis.thbShare')} value={share(data.thbShare)} detail={t('kpis.thbCount', { n: data.thbReports })} testId="kpi-thb" />
              <Figure label={t('kpis.nonDataShare')} value={share(data.nonDataShare)} detail={t('kpis.nonDataCount', { n: data.nonData })} testId="kpi-non-data" />
              <Figure label={t('kpis.outOfHoursShare')} value={share(data.outOfHoursShare)} detail={t('kpis.outOfHoursCount', { n: data.outOfHours })} testId="kpi-out-of-hours" />
              <Figure label={t('kpis.toPolice')} value={minutes(data.medianMinutesToPolice)} detail={t('kpis.policeCount', { n: data.policeNotified })} testId="kpi-police" />
              <Figure label={t('kpis.toNrm')} value={minutes(data.medianMinutesToNrm)} detail={t('kpis.nrmCount', { n: data.nrmNotified })} testId="kpi-nrm" />
            </SimpleGrid>
            <Card withBorder padding="md" radius="md">
              <Title order={2} fz="lg" mb="xs">
                {t('kpis.byChannel')}
              </Title>
              {rows.length === 0 ? (
                <Text c="dimmed">{t('kpis.noContacts')}</Text>
              ) : (
                <BarChart categories={categories} series={series} label={t('kpis.chartLabel')} testId="kpi-chart" />
              )}
              <DataTable
                columns={[t('kpis.channel'), t('kpis.offered'), t('kpis.handled'), t('kpis.avgHandle')]}
                minWidth={480}
                compact
                mt="md"
                testId="kpi-table"
                emptyText={t('kpis.noContacts')}
              >
                {rows.map((row, index) => (
                  <Table.Tr key={row.channel}>
                    <Table.Td>{categories[index]}</Table.Td>
                    <Table.Td>{row.offered}</Table.Td>
                    <Table.Td>{row.handled}</Table.Td>
                    <Table.Td>{duration(row.avgHandleSeconds)}</Table.Td>
                  </Table.Tr>
                ))}
                {rows.length > 0 && (
                  <Table.Tr fw={700}>
                    <Table.Td>{t('kpis.allChannels')}</Table.Td>
                    <Table.Td>{data.offered}</Table.Td>
                    <Table.Td>{data.handled}</Table.Td>
                    <Table.Td>{duration(data.avgHandleSeconds)}</Table.Td>
                  </Table.Tr>
                )}
              </DataTable>
            </Card>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
