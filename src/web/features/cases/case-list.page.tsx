import { useMemo, useState } from 'react';
import { Anchor, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { FilterPanel } from '../../components/filter-panel';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { hasPermission, useSession } from '../../session/session-context';
import { useCountryOptions } from '../knowledge/use-country-options';
import { CaseFlags, ConcernBadge, PriorityBadge, StatusBadge } from './case-badges';
import { useCaseLabels } from './case-labels';
import type { CaseListFilters } from './cases-api';
import { useCaseList } from './use-case-list';

interface FilterValues {
  status: string[];
  priority: string[];
  concern: string[];
  assigned: string | null;
  organisationId: string | null;
  countryCode: string | null;
  q: string;
}

const EMPTY: FilterValues = { status: [], priority: [], concern: [], assigned: null, organisationId: null, countryCode: null, q: '' };

/** The cases in the reader's scope: filters, a table, "load more" (keyset paging, no totals). */
export default function CaseListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const { view } = useSession();
  const [values, setValues] = useState<FilterValues>(EMPTY);
  const [q] = useDebouncedValue(values.q.trim(), 350);
  const set = (patch: Partial<FilterValues>) => setValues((v) => ({ ...v, ...patch }));
  const filters = useMemo<CaseListFilters>(
    () => ({
      status: values.status,
      priority: values.priority,
      concern: values.concern,
      assigned: (values.assigned as 'me' | 'none' | null) ?? undefined,
      organisationId: values.organisationId ?? undefined,
      countryCode: values.countryCode ?? undefined,
      q: q || undefined,
      limit: 25,
    }),
    [values.status, values.priority, values.concern, values.assigned, values.organisationId, values.countryCode, q],
  );
  const list = useCaseList(filters);
  const memberships = view.user?.memberships ?? [];
  const wide = memberships.some((m) => m.scope === 'country' || m.scope === 'region');
  const countries = useCountryOptions();
  const organisationOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of memberships) names.set(m.organisationId, m.organisationName);
    for (const c of list.items) names.set(c.organisationId, c.organisationName);
    return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [memberships, list.items]);
  const common = { clearable: true, placeholder: t('common.all'), nothingFoundMessage: t('common.nothingFound'), comboboxProps: { withinPortal: true } };
  const filtered = JSON.stringify(values) !== JSON.stringify(EMPTY);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('cases.list.title')}
        description={t('cases.list.description')}
        actions={
          hasPermission(view, 'cases.write') && (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
              {t('cases.list.new')}
            </Button>
          )
        }
      />
      <FilterPanel columns={4}>
        <TextInput
          label={t('common.search')}
          description={t('cases.list.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          type="search"
          value={values.q}
          maxLength={200}
          onChange={(event) => set({ q: event.currentTarget.value })}
        />
        <MultiSelect label={t('cases.fields.status')} data={caseLabels.options('status')} value={values.status} onChange={(status) => set({ status })} {...common} />
        <MultiSelect label={t('cases.fields.priority')} data={caseLabels.options('priority')} value={values.priority} onChange={(priority) => set({ priority })} {...common} />
        <MultiSelect label={t('cases.fields.concern')} data={caseLabels.options('concern')} value={values.concern} onChange={(concern) => set({ concern })} {...common} />
        <Select
          label={t('cases.fields.manager')}
          data={[
            { value: 'me', label: t('cases.list.assignedMe') },
            { value: 'none', label: t('cases.list.unassigned') },
          ]}
          value={values.assigned}
          onChange={(assigned) => set({ assigned })}
          {...common}
        />
        {wide && <Select label={t('cases.fields.country')} data={countries} value={values.countryCode} onChange={(countryCode) => set({ countryCode })} searchable {...common} />}
        {(wide || memberships.length > 1) && (
          <Select label={t('cases.fields.team')} data={organisationOptions} value={values.organisationId} onChange={(organisationId) => set({ organisationId })} searchable {...common} />
        )}
        {filtered && (
          <Group align="flex-end">
            <Button variant="subtle" onClick={() => setValues(EMPTY)}>
              {t('cases.list.clearFilters')}
            </Button>
          </Group>
        )}
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={list.items.length > 0 || !list.loading} onRetry={list.reload}>
        {list.items.length === 0 && !list.loading ? (
          <Stack align="center" gap="xs" py="xl" data-testid="cases-empty">
            <IconBriefcase size={40} aria-hidden="true" stroke={1.2} />
            <Text fw={600}>{filtered ? t('cases.list.noneMatching') : t('cases.list.none')}</Text>
            {!filtered && hasPermission(view, 'cases.write') && (
              <Text size="sm" c="dimmed">
                {t('cases.list.noneHint')}
              </Text>
            )}
          </Stack>
        ) : (
          <DataTable
            columns={[
              t('cases.fields.reference'),
              t('cases.fields.title'),
              t('cases.fields.status'),
              t('cases.fields.priority'),
              t('cases.fields.concern'),
              t('cases.list.teamManager'),
              t('cases.fields.lastActivity'),
              t('cases.fields.flags'),
            ]}
            minWidth={1100}
            testId="cases-table"
            busy={list.loading}
            highlightOnHover
          >
            {list.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {c.reference}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('cases.list.opened', { date: labels.date(c.openedAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {c.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={c.priority} />
                </Table.Td>
                <Table.Td>
                  <ConcernBadge concern={c.concernLevel} short />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{wide ? `${c.organisationName} (${labels.country(c.countryCode)})` : c.organisationName}</Text>
                  <Text size="xs" c="dimmed">
                    {c.assignedTo?.displayName ?? t('cases.unassigned')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {labels.dateTime(c.lastActivityAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CaseFlags involvesChild={c.involvesChild} overdueTasks={c.overdueTasks} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={list.loadMore} loading={list.loading}>
              {t('cases.list.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
