import { useCallback, useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconPlus, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useKeysetList } from '../../lib/use-keyset-list';
import { hasPermission, useSession } from '../../session/session-context';
import { useCountryOptions } from '../knowledge/use-country-options';
import { AlertModeBadge, AlertStatusBadge, AlertTierBadge } from './console/alert-badges';
import { formatRelative } from './console/alert-form-model';
import { alertsApi, type AlertListState, type AlertSummary } from './console/alerts-api';
import { formatLocale } from '../../i18n';

const PAGE_SIZE = 25;
const TABS: AlertListState[] = ['active', 'awaiting', 'drafts', 'closed', 'all'];

/** Child alerts of the caller's area: active, awaiting approval, drafts, closed, all. */
export default function AlertListPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { view } = useSession();
  const [tab, setTab] = useState<AlertListState>('active');
  const [country, setCountry] = useState<string | null>(null);
  const regional = (view.user?.memberships ?? []).some((m) => m.scope === 'region');
  const countries = useCountryOptions();
  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const page = await alertsApi.list(tab, country, cursor, PAGE_SIZE);
      return tab === 'awaiting' ? { ...page, items: page.items.filter((a) => a.awaitingMyApproval) } : page;
    },
    [tab, country],
  );
  const list = useKeysetList<AlertSummary>(JSON.stringify({ tab, country }), fetchPage);
  const now = new Date();
  const locale = formatLocale(i18n.language);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('alerts.list.title')}
        description={t('alerts.list.description')}
        actions={
          hasPermission(view, 'alerts.draft') && (
            <Button component={Link} to="/alerts/new" color="teal.9" leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('alerts.list.draft')}
            </Button>
          )
        }
      />
      <Group justify="space-between" align="flex-end" gap="sm">
        <Tabs value={tab} onChange={(v) => setTab((v as AlertListState | null) ?? 'active')}>
          <Tabs.List>
            {TABS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`alerts.list.tabs.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {regional && (
          <Select label={t('alerts.fields.country')} data={countries} value={country} onChange={setCountry} clearable searchable placeholder={t('common.all')} w={220} comboboxProps={{ withinPortal: true }} />
        )}
      </Group>
      <QueryState loading={list.loading} error={list.error} hasData={list.items.length > 0 || !list.loading} onRetry={list.reload}>
        <DataTable
          columns={[t('alerts.fields.reference'), t('alerts.fields.tier'), t('alerts.fields.status'), t('alerts.fields.headline'), t('alerts.fields.childName'), t('alerts.fields.draftedBy'), t('alerts.fields.expires')]}
          minWidth={960}
          testId="alert-table"
          emptyText={t(`alerts.list.none.${tab}`)}
          busy={list.loading}
          highlightOnHover
        >
          {list.items.map((a) => (
            <Table.Tr key={a.id} data-testid="alert-row" data-awaiting={a.awaitingMyApproval || undefined} bg={a.awaitingMyApproval ? 'yellow.0' : undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/alerts/${a.id}`} fw={700} size="sm" style={{ whiteSpace: 'nowrap' }} aria-label={t('alerts.list.open', { reference: a.reference })}>
                  {a.reference}
                </Anchor>
                {regional && <Text size="xs">{labels.country(a.countryCode)}</Text>}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <AlertTierBadge tier={a.tier} />
                  <AlertModeBadge mode={a.mode} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <AlertStatusBadge status={a.status} />
                  {a.awaitingMyApproval && (
                    <Badge size="sm" variant="outline" color="orange.9" c="dark.9" tt="none" leftSection={<IconUserCheck size={12} aria-hidden="true" />} style={{ minWidth: 'max-content' }}>
                      {t('alerts.list.awaitingMe')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.headline ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.childName ?? t('alerts.redacted')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.draftedBy?.displayName ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={labels.dateTime(a.expiresAt)}>
                  {a.expiresAt && (a.status === 'issued' || a.status === 'approved' || a.status === 'draft') ? formatRelative(a.expiresAt, now, locale) : labels.dateTime(a.expiresAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={list.loadMore} loading={list.loading} data-testid="load-more">
              {t('alerts.list.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
