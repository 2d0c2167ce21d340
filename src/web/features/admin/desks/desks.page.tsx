import { useMemo, useState } from 'react';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { useReferenceData } from '../use-reference-data';
import { DeskFormModal } from './desk-form.modal';
import { desksApi, useHoursSummary, type DeskView } from './desks-api';

/** The helpline desks of the network: hours, numbers, which desk takes each country's public reports. */
export default function DesksPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const hoursSummary = useHoursSummary();
  const desks = useApiQuery<DeskView[]>(desksApi.path);
  const { organisations } = useReferenceData();
  const [target, setTarget] = useState<DeskView | 'new' | null>(null);

  const organisationList = useMemo(() => organisations.data ?? [], [organisations.data]);
  const deskList = useMemo(() => desks.data ?? [], [desks.data]);
  const rows = useMemo(() => {
    const names = new Map(organisationList.map((o) => [o.id, o.name]));
    return deskList
      .map((d) => ({ ...d, organisationName: names.get(d.organisationId) ?? '', countryName: labels.country(d.countryCode) }))
      .sort((a, b) => a.countryName.localeCompare(b.countryName) || a.organisationName.localeCompare(b.organisationName));
  }, [deskList, organisationList, labels]);
  const canAdd = organisationList.some((o) => !o.archived && !deskList.some((d) => d.organisationId === o.id));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('desks.title')}
        description={t('desks.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setTarget('new')} disabled={!organisations.data || !canAdd}>
            {t('desks.new')}
          </Button>
        }
      />
      <QueryState loading={desks.loading} error={desks.error} hasData={Boolean(desks.data)} onRetry={() => void desks.reload()}>
        <DataTable
          columns={[t('desks.desk'), t('fields.country'), t('desks.hours'), t('desks.publicForm'), t('desks.numbers'), t('desks.reviewColumn')]}
          actions
          minWidth={900}
          testId="desks-table"
          emptyText={t('desks.none')}
          highlightOnHover
        >
          {rows.map((d) => (
            <Table.Tr key={d.organisationId}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {d.organisationName || d.name}
                </Text>
                {d.organisationName && (
                  <Text size="sm" c="dimmed">
                    {d.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.countryName}</Text>
                <Text size="sm" c="dimmed">
                  {d.timeZone}
                </Text>
              </Table.Td>
              <Table.Td data-testid="desk-hours">
                {hoursSummary(d.openingHours).map((line) => (
                  <Text size="sm" key={line} style={{ whiteSpace: 'nowrap' }}>
                    {line}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                {d.publicIntake ? (
                  <Badge color="teal" variant="light" c="dark.9" size="sm" tt="none">
                    {t('desks.yes')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('desks.no')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {d.phoneNumbers.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('desks.noNumbers')}
                  </Text>
                ) : (
                  d.phoneNumbers.map((p, index) => (
                    <Text size="sm" key={index}>
                      <Text span fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {p.number}
                      </Text>
                      {` · ${t(`desks.services.${p.service}`)}`}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                {d.needsReview ? (
                  <Badge color="orange" variant="light" c="dark.9" size="sm" tt="none" miw="max-content">
                    {t('desks.needsReview')}
                  </Badge>
                ) : (
                  <Text size="sm">{t('desks.confirmedShort')}</Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" onClick={() => setTarget(d)} aria-label={t('desks.editLabel', { name: d.organisationName || d.name })}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Text size="sm">{t('desks.count', { count: rows.length })}</Text>
      </QueryState>
      <DeskFormModal
        target={target}
        desks={deskList}
        organisations={organisationList}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          void desks.reload();
        }}
      />
    </Stack>
  );
}
