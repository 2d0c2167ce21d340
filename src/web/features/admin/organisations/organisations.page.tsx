import { useMemo, useState } from 'react';
import { Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganisationView, PartnershipLevel } from '../../../api/types';
import { DataTable } from '../../../components/data-table';
import { FilterPanel } from '../../../components/filter-panel';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useReferenceData } from '../use-reference-data';
import { OrganisationFormModal } from './organisation-form.modal';

const PARTNERSHIP_COLOURS: Record<PartnershipLevel, string> = { coordinator: 'blue', full: 'teal', associate: 'grape', none: 'gray' };

/** The organisations of the network, filterable by country, with create, edit and archive. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { organisations, countryOptions } = useReferenceData();
  const [country, setCountry] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [target, setTarget] = useState<OrganisationView | 'new' | null>(null);

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (organisations.data ?? [])
      .filter((o) => showArchived || !o.archived)
      .filter((o) => !country || o.countryCode === country)
      .filter((o) => !needle || `${o.name} ${o.shortName ?? ''} ${o.city ?? ''}`.toLocaleLowerCase().includes(needle))
      .map((o) => ({ ...o, countryName: labels.country(o.countryCode) }))
      .sort((a, b) => a.countryName.localeCompare(b.countryName) || a.name.localeCompare(b.name));
  }, [organisations.data, showArchived, country, search, labels]);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setTarget('new')}>
            {t('organisations.new')}
          </Button>
        }
      />
      <FilterPanel columns={3}>
        <TextInput
          label={t('common.search')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
        />
        <Select
          label={t('fields.country')}
          data={countryOptions}
          value={country}
          onChange={setCountry}
          searchable
          clearable
          placeholder={t('common.all')}
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="organisation-country-filter"
        />
        <Switch
          label={t('organisations.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
          mt={{ base: 0, sm: 30 }}
        />
      </FilterPanel>
      <QueryState loading={organisations.loading} error={organisations.error} hasData={Boolean(organisations.data)} onRetry={() => void organisations.reload()}>
        <DataTable
          columns={[t('fields.name'), t('fields.country'), t('organisations.type'), t('organisations.partnership'), t('organisations.members')]}
          actions
          minWidth={860}
          testId="organisations-table"
          emptyText={t('organisations.none')}
          highlightOnHover
        >
          {rows.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {o.name}
                  </Text>
                  {o.archived && (
                    <Badge color="gray" variant="light" size="sm">
                      {t('organisations.archived')}
                    </Badge>
                  )}
                </Group>
                {(o.shortName || o.city) && (
                  <Text size="sm" c="dimmed">
                    {[o.shortName, o.city].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.countryName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.organisationType(o.type)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={PARTNERSHIP_COLOURS[o.partnership]} variant="light" tt="none">
                  {labels.partnership(o.partnership)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.memberCount}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" onClick={() => setTarget(o)} aria-label={t('organisations.editLabel', { name: o.name })}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Text size="sm">{t('organisations.count', { shown: rows.length, total: organisations.data?.length ?? 0 })}</Text>
      </QueryState>
      <OrganisationFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          void organisations.reload();
        }}
        countryOptions={countryOptions}
      />
    </Stack>
  );
}
