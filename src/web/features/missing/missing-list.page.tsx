import { useMemo, useState } from 'react';
import { Anchor, Button, Chip, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { FilterPanel } from '../../components/filter-panel';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useKeysetList } from '../../lib/use-keyset-list';
import { hasPermission, useSession } from '../../session/session-context';
import { PriorityBadge } from '../cases/case-badges';
import { useCountryOptions } from '../knowledge/use-country-options';
import { MissingStatusBadge, ReportedBadges } from './missing-badges';
import { missingApi, type MissingListFilters, type MissingSummary } from './missing-api';
import { ageLabel, formatTimeMissing } from './missing-helpers';
import { useMissingLabels } from './missing-labels';

/** Missing-child cases of the desk's scope: status chips, type, country, reference search; keyset paging. */
export default function MissingListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const missingLabels = useMissingLabels();
  const { view } = useSession();
  const [status, setStatus] = useState<string>('missing');
  const [type, setType] = useState<string | null>(null);
  const [countryCode, setCountryCode] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 350);
  const filters = useMemo<MissingListFilters>(() => ({ status: status === 'all' ? null : status, type, countryCode, q: q || null, limit: 25 }), [status, type, countryCode, q]);
  const list = useKeysetList<MissingSummary>(JSON.stringify(filters), (cursor) => missingApi.list({ ...filters, cursor }));
  const wide = (view.user?.memberships ?? []).some((m) => m.scope === 'country' || m.scope === 'region');
  const countries = useCountryOptions();
  const now = new Date();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('missing.list.title')}
        description={t('missing.list.description')}
        actions={
          hasPermission(view, 'cases.write') && (
            <Button component={Link} to="/missing/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('missing.list.new')}
            </Button>
          )
        }
      />
      <Chip.Group multiple={false} value={status} onChange={(v) => setStatus(v)}>
        <Group gap="xs" role="group" aria-label={t('missing.fields.status')}>
          {['missing', 'found', 'closed', 'all'].map((s) => (
            <Chip key={s} value={s} variant="outline">
              {s === 'all' ? t('common.all') : missingLabels.label('status', s)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <FilterPanel columns={3}>
        <TextInput
          label={t('missing.list.search')}
          description={t('missing.list.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={search}
          maxLength={60}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select label={t('missing.fields.type')} data={missingLabels.options('type')} value={type} onChange={setType} clearable placeholder={t('common.all')} />
        {wide && <Select label={t('missing.fields.country')} data={countries} value={countryCode} onChange={setCountryCode} clearable searchable placeholder={t('common.all')} />}
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={list.items.length > 0 || !list.loading} onRetry={list.reload}>
        {list.items.length === 0 && !list.loading ? (
          <Stack align="center" gap="xs" py="xl" data-testid="missing-empty">
            <IconUserSearch size={40} aria-hidden="true" stroke={1.2} />
            <Text fw={600}>{t('missing.list.none')}</Text>
          </Stack>
        ) : (
          <DataTable
            columns={[t('missing.fields.case'), t('missing.fields.status'), t('missing.fields.type'), t('missing.fields.lastSeen'), t('missing.fields.timeMissing'), t('missing.fields.age'), t('missing.fields.reportedTo'), t('missing.fields.priority')]}
            minWidth={1000}
            testId="missing-table"
            busy={list.loading}
            highlightOnHover
          >
            {list.items.map((m) => (
              <Table.Tr key={m.caseId}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${m.caseId}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {m.caseReference}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {wide ? `${m.organisationName} (${labels.country(m.countryCode)})` : m.organisationName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MissingStatusBadge status={m.status} />
                  {m.foundOutcome && (
                    <Text size="xs" c="dimmed">
                      {missingLabels.label('outcome', m.foundOutcome)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{missingLabels.label('type', m.missingType)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {labels.dateTime(m.lastSeenAt)}
                  </Text>
                  {m.lastSeenCountry && (
                    <Text size="xs" c="dimmed">
                      {labels.country(m.lastSeenCountry)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={m.status === 'missing' ? 600 : undefined}>
                    {m.status === 'missing' ? formatTimeMissing(m.lastSeenAt, now, missingLabels.unit) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ageLabel(m)}</Text>
                </Table.Td>
                <Table.Td>
                  <ReportedBadges police={m.reportedPolice} interpol={m.reportedInterpol} sis={m.reportedSis} />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={m.priority} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={list.loadMore} loading={list.loading}>
              {t('missing.list.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
