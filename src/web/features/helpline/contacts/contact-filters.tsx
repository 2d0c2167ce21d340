import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../../../components/filter-panel';
import type { CategoryGroup } from '../use-helpline-reference';
import { useContactFieldLabels } from './contact-field-labels';

/** The values of the search form (dates as yyyy-mm-dd, empty for none). */
export interface ContactFilterValues {
  from: string;
  to: string;
  organisationId: string | null;
  channel: string | null;
  status: string | null;
  outcome: string | null;
  category: string | null;
  thbOnly: boolean;
  mine: boolean;
  q: string;
}

export const EMPTY_FILTERS: ContactFilterValues = { from: '', to: '', organisationId: null, channel: null, status: null, outcome: null, category: null, thbOnly: false, mine: false, q: '' };

interface ContactFiltersProps {
  value: ContactFilterValues;
  onChange: (patch: Partial<ContactFilterValues>) => void;
  deskOptions: { value: string; label: string }[];
  categoryGroups: CategoryGroup[];
}

/** Date range, desk, channel, status, outcome, category, THB only, mine, and words of the notes. */
export function ContactFilters({ value, onChange, deskOptions, categoryGroups }: ContactFiltersProps) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  const common = { clearable: true, placeholder: t('common.all'), nothingFoundMessage: t('common.nothingFound'), comboboxProps: { withinPortal: true } };
  return (
    <FilterPanel columns={4}>
      <TextInput
        label={t('common.search')}
        description={t('contacts.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        type="search"
        value={value.q}
        maxLength={200}
        onChange={(event) => onChange({ q: event.currentTarget.value })}
      />
      <TextInput label={t('contacts.from')} type="date" value={value.from} onChange={(event) => onChange({ from: event.currentTarget.value })} />
      <TextInput label={t('contacts.to')} type="date" value={value.to} onChange={(event) => onChange({ to: event.currentTarget.value })} />
      {deskOptions.length > 1 && (
        <Select label={t('contactFields.labels.desk')} data={deskOptions} value={value.organisationId} onChange={(organisationId) => onChange({ organisationId })} searchable {...common} />
      )}
      <Select label={t('contactFields.labels.channel')} data={labels.options('channel')} value={value.channel} onChange={(channel) => onChange({ channel })} {...common} />
      <Select label={t('contactFields.labels.status')} data={labels.options('status')} value={value.status} onChange={(status) => onChange({ status })} {...common} />
      <Select label={t('contactFields.labels.outcome')} data={labels.options('outcome')} value={value.outcome} onChange={(outcome) => onChange({ outcome })} {...common} />
      <Select
        label={t('contactFields.labels.category')}
        data={categoryGroups.map((g) => ({ group: g.label, items: g.items }))}
        value={value.category}
        onChange={(category) => onChange({ category })}
        searchable
        {...common}
      />
      <Group gap="lg" align="flex-end" pb={6}>
        <Checkbox label={t('contacts.thbOnly')} checked={value.thbOnly} onChange={(event) => onChange({ thbOnly: event.currentTarget.checked })} />
        <Checkbox label={t('contacts.mine')} checked={value.mine} onChange={(event) => onChange({ mine: event.currentTarget.checked })} />
      </Group>
    </FilterPanel>
  );
}
