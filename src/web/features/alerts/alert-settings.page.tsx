import { useState } from 'react';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { LANGUAGE_NAMES } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import type { Locale } from '../../api/types';
import { AlertSettingsModal } from './console/alert-settings-modal';
import { alertPaths, type AlertSettings } from './console/alerts-api';

/** Child-alert settings per country: authority, durations, extensions, languages, neighbours, criteria. */
export default function AlertSettingsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const query = useApiQuery<{ items: AlertSettings[] }>(alertPaths.settings);
  const [editing, setEditing] = useState<AlertSettings | null>(null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => labels.country(a.countryCode).localeCompare(labels.country(b.countryCode)));
  return (
    <Stack gap="lg">
      <PageHeader title={t('alerts.settings.title')} description={t('alerts.settings.description')} />
      <QueryState loading={query.loading} error={query.error} hasData={Boolean(query.data)} onRetry={() => void query.reload()}>
        <DataTable
          columns={[t('alerts.fields.country'), t('alerts.settings.enabled'), t('alerts.settings.authority'), t('alerts.settings.maxHours'), t('alerts.settings.extensions'), t('alerts.settings.languages'), t('alerts.settings.neighbours')]}
          actions
          minWidth={960}
          testId="alert-settings-table"
          emptyText={t('alerts.settings.none')}
        >
          {items.map((s) => (
            <Table.Tr key={s.countryCode}>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {labels.country(s.countryCode)}
                </Text>
                {s.needsReview && (
                  <Badge size="sm" variant="light" color="yellow" c="dark.9" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />} style={{ minWidth: 'max-content' }}>
                    {t('alerts.settings.needsReview')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.enabled ? t('alerts.yes') : t('alerts.no')}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.issuingAuthority}</Text>
                <Text size="xs">{`${s.hotline} · ${s.sender}`}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('alerts.settings.hoursPair', { abduction: s.abductionMaxHours, endangered: s.endangeredMaxHours })}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('alerts.settings.extensionPair', { count: s.maxExtensions, hours: s.extensionHours })}</Table.Td>
              <Table.Td>{s.languages.map((l) => LANGUAGE_NAMES[l as Locale] ?? l).join(', ')}</Table.Td>
              <Table.Td>{s.neighbours.map((c) => labels.country(c)).join(', ') || '—'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(s)} aria-label={t('alerts.settings.edit', { country: labels.country(s.countryCode) })}>
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      {editing && (
        <AlertSettingsModal
          key={editing.countryCode}
          settings={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            notifySuccess(t('alerts.settings.saved'));
            setEditing(null);
            void query.reload();
          }}
        />
      )}
    </Stack>
  );
}
