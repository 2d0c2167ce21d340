import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { formatLocale } from '../../../i18n';
import { useLabels } from '../../../lib/labels';
import { hasPermission, useSession } from '../../../session/session-context';
import { exportContactsUrl, type ContactSearchFilters } from '../helpline-api';
import { useHelplineReference } from '../use-helpline-reference';
import { useContactFieldLabels } from './contact-field-labels';
import { ContactFilters, EMPTY_FILTERS, type ContactFilterValues } from './contact-filters';
import { useContactSearch } from './use-contact-search';

const PAGE_SIZE = 50;

/** A yyyy-mm-dd date at the start (or end) of that day in the browser's time zone, as ISO with offset. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The search form as API filters. */
function toApiFilters(values: ContactFilterValues, q: string): ContactSearchFilters {
  return {
    from: dayBoundary(values.from, false),
    to: dayBoundary(values.to, true),
    organisationId: values.organisationId ?? undefined,
    channel: values.channel ?? undefined,
    status: values.status ?? undefined,
    outcome: values.outcome ?? undefined,
    category: values.category ?? undefined,
    isThb: values.thbOnly ? 'true' : undefined,
    operator: values.mine ? 'me' : undefined,
    q: q || undefined,
    limit: PAGE_SIZE,
  };
}

/** Search the helpline's contacts in the reader's scope; export the result as CSV. */
export default function ContactsPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const fields = useContactFieldLabels();
  const { view } = useSession();
  const reference = useHelplineReference();
  const [values, setValues] = useState<ContactFilterValues>(EMPTY_FILTERS);
  const [q] = useDebouncedValue(values.q.trim(), 350);
  const filters = useMemo(() => toApiFilters(values, q), [values, q]);
  const search = useContactSearch(filters);
  const canExport = hasPermission(view, 'contacts.export');
  const manyDesks = reference.desks.length > 1;
  const deskName = (id: string, country: string) => reference.desks.find((d) => d.organisationId === id)?.name ?? country;
  const count = new Intl.NumberFormat(formatLocale(i18n.resolvedLanguage ?? 'en')).format(search.total);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('contacts.title')}
        description={t('contacts.description')}
        actions={
          canExport && (
            <Button component="a" href={exportContactsUrl(filters)} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
              {t('contacts.export')}
            </Button>
          )
        }
      />
      <ContactFilters value={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} deskOptions={reference.deskOptions} categoryGroups={reference.categoryGroups(null)} />
      <QueryState loading={search.loading} error={search.error} hasData={search.items.length > 0 || !search.loading} onRetry={search.reload}>
        <Text size="sm" role="status" data-testid="contacts-total">
          {search.totalCapped ? t('contacts.totalCapped', { total: count }) : t('contacts.total', { total: count })}
        </Text>
        <DataTable
          columns={[
            t('contactFields.labels.reference'),
            t('contactFields.labels.startedAt'),
            ...(manyDesks ? [t('contactFields.labels.desk')] : []),
            t('contactFields.labels.channel'),
            t('contactFields.labels.categories'),
            t('contactFields.labels.outcome'),
            t('contactFields.labels.status'),
            t('contactFields.labels.operator'),
          ]}
          minWidth={1000}
          testId="contacts-table"
          emptyText={t('contacts.none')}
          busy={search.loading}
          highlightOnHover
        >
          {search.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contacts/${c.id}`} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {c.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.dateTime(c.startedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {fields.duration(c.handleSeconds)}
                </Text>
              </Table.Td>
              {manyDesks && (
                <Table.Td>
                  <Text size="sm">{deskName(c.organisationId, c.countryCode)}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{fields.label('channel', c.channel)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.isThb && (
                    <Badge color="red.9" size="sm">
                      {t('console.thb')}
                    </Badge>
                  )}
                  <Text size="sm">{c.nonDataType ? fields.label('nonDataType', c.nonDataType) : c.categories.map(reference.codeLabel).join(', ') || '—'}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fields.label('outcome', c.outcome)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} c={c.status === 'completed' ? 'teal.9' : c.status === 'draft' ? 'blue.9' : 'gray.8'}>
                  {fields.label('status', c.status)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.operatorName ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {search.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={search.loadMore} loading={search.loading}>
              {t('contacts.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
