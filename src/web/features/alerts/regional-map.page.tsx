import { useCallback, useMemo, useState } from 'react';
import { Anchor, Badge, Card, Grid, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import type { RegionalAlert, RegionalAlerts } from './ingest/ingest-api';
import { categoryOf, MAP_COLOURS, RegionalMapChart, type MapCategory } from './ingest/regional-map-chart';

/** Regional map of live alerts: Victor's own and other countries' systems', with an accessible list. */
export default function RegionalMapPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [includeDrills, setIncludeDrills] = useState(false);
  const alerts = useApiQuery<RegionalAlerts>(`/api/regional-alerts?includeDrills=${includeDrills}`);
  const outlines = useApiQuery<object>('/api/regional-alerts/outlines');

  const names = useMemo<Record<MapCategory, string>>(
    () => ({
      victorAbduction: t('alertIngest.map.legend.victorAbduction'),
      victorEndangered: t('alertIngest.map.legend.victorEndangered'),
      ingested: t('alertIngest.map.legend.ingested'),
      drill: t('alertIngest.map.legend.drill'),
    }),
    [t],
  );
  const titleOf = useCallback((a: RegionalAlert) => a.headline ?? a.event ?? a.areaDesc ?? a.reference, []);
  const originOf = useCallback((a: RegionalAlert) => (a.origin === 'victor' ? t('alertIngest.map.originVictor') : (a.sourceName ?? t('alertIngest.map.originOther'))), [t]);
  const describe = useCallback(
    (a: RegionalAlert) => [
      titleOf(a),
      `${t('alertIngest.map.country')}: ${a.countryCode ? labels.country(a.countryCode) : '—'}`,
      `${t('alertIngest.map.origin')}: ${originOf(a)}`,
      `${t('alertIngest.map.expires')}: ${labels.dateTime(a.expiresAt)}`,
      ...(a.drill ? [t('alertIngest.map.drill')] : []),
    ],
    [t, labels, titleOf, originOf],
  );

  const list = alerts.data?.alerts ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('alertIngest.map.title')}
        description={t('alertIngest.map.description')}
        actions={<Switch label={t('alertIngest.map.includeDrills')} checked={includeDrills} onChange={(e) => setIncludeDrills(e.currentTarget.checked)} data-testid="include-drills" />}
      />
      <QueryState loading={alerts.loading || outlines.loading} error={alerts.error ?? outlines.error} hasData={Boolean(alerts.data && outlines.data)} onRetry={() => void Promise.all([alerts.reload(), outlines.reload()])}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder padding="xs">
              {outlines.data && <RegionalMapChart outlines={outlines.data} alerts={list} names={names} describe={describe} label={t('alertIngest.map.chartLabel', { count: list.length })} />}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card withBorder>
              <Title order={2} fz="h4" mb="xs">
                {t('alertIngest.map.countsTitle')}
              </Title>
              <Table data-testid="country-counts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('alertIngest.map.country')}</Table.Th>
                    <Table.Th ta="right">{t('alertIngest.map.countVictor')}</Table.Th>
                    <Table.Th ta="right">{t('alertIngest.map.countOther')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(alerts.data?.countryCounts ?? []).map((c) => (
                    <Table.Tr key={c.countryCode}>
                      <Table.Td>{labels.country(c.countryCode)}</Table.Td>
                      <Table.Td ta="right">{c.victor}</Table.Td>
                      <Table.Td ta="right">{c.ingested}</Table.Td>
                    </Table.Tr>
                  ))}
                  {alerts.data?.countryCounts.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="dimmed">
                          {t('alertIngest.map.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Card>
          </Grid.Col>
        </Grid>
        <Stack gap="xs">
          <Title order={2} fz="h3">
            {t('alertIngest.map.listTitle')}
          </Title>
          <DataTable
            columns={[t('alertIngest.map.alert'), t('alertIngest.map.origin'), t('alertIngest.map.country'), t('alertIngest.map.area'), t('alertIngest.map.expires')]}
            minWidth={800}
            testId="regional-alerts-table"
            emptyText={t('alertIngest.map.none')}
          >
            {list.map((a) => (
              <Table.Tr key={`${a.origin}-${a.id}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge variant="light" c="dark.9" color={MAP_COLOURS[categoryOf(a)]} style={{ flexShrink: 0 }}>
                      {names[categoryOf(a)]}
                    </Badge>
                    <Stack gap={0}>
                      {a.origin === 'victor' ? (
                        <Anchor component={Link} to={`/alerts/${a.id}`} size="sm" fw={600}>
                          {titleOf(a)}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {titleOf(a)}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {a.reference}
                      </Text>
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{originOf(a)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.countryCode ? labels.country(a.countryCode) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.areaDesc ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{labels.dateTime(a.expiresAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      </QueryState>
    </Stack>
  );
}
