import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import type { ApiQuery } from '../../../lib/use-api-query';
import { ingestApi, type IngestSourceView } from './ingest-api';

const OUTCOME_COLOURS: Record<string, string> = { ok: 'green', not_modified: 'gray', too_large: 'red', rejected: 'red', error: 'orange' };

/** The sources table: last poll outcome, edit, poll now, delete. */
export function SourcesTab({ sources, onEdit, onChanged }: { sources: ApiQuery<IngestSourceView[]>; onEdit: (s: IngestSourceView) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [polling, setPolling] = useState<string | null>(null);

  const pollNow = async (s: IngestSourceView) => {
    setPolling(s.id);
    try {
      const r = await ingestApi.pollNow(s.id);
      notifySuccess(t('alertIngest.sources.polled', { name: s.name, outcome: t(`alertIngest.outcomes.${r.outcome}`), accepted: r.summary.accepted, quarantined: r.summary.quarantined }));
      onChanged();
    } catch (caught) {
      notifyError(caught);
    } finally {
      setPolling(null);
    }
  };
  const remove = async (s: IngestSourceView) => {
    try {
      await ingestApi.deleteSource(s.id);
      onChanged();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <QueryState loading={sources.loading} error={sources.error} hasData={Boolean(sources.data)} onRetry={() => void sources.reload()}>
      <DataTable
        columns={[t('alertIngest.sources.name'), t('alertIngest.sources.kind'), t('alertIngest.sources.country'), t('alertIngest.sources.lastPoll'), t('alertIngest.sources.state')]}
        actions
        minWidth={1000}
        testId="ingest-sources-table"
        emptyText={t('alertIngest.sources.none')}
      >
        {sources.data?.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {s.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {s.url}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`alertIngest.kinds.${s.kind}`)}</Text>
              <Text size="xs" c="dimmed">
                {t('alertIngest.sources.every', { seconds: s.pollSeconds })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{s.countryCode ? labels.country(s.countryCode) : '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{labels.dateTime(s.lastPolledAt)}</Text>
              {s.lastOutcome && (
                <Badge variant="light" color={OUTCOME_COLOURS[s.lastOutcome] ?? 'gray'} c="dark.9">
                  {t(`alertIngest.outcomes.${s.lastOutcome}`, { defaultValue: s.lastOutcome })}
                </Badge>
              )}
              {s.lastError && (
                <Text size="xs" c="red.9">
                  {s.lastError}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={s.active ? 'green' : 'gray'} c="dark.9">
                {s.active ? t('alertIngest.sources.activeState') : t('alertIngest.sources.inactiveState')}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="light" loading={polling === s.id} onClick={() => void pollNow(s)} aria-label={`${t('alertIngest.sources.pollNow')}: ${s.name}`}>
                  {t('alertIngest.sources.pollNow')}
                </Button>
                <Button size="xs" variant="default" onClick={() => onEdit(s)} aria-label={`${t('common.edit')}: ${s.name}`}>
                  {t('common.edit')}
                </Button>
                <ConfirmButton size="xs" question={t('alertIngest.sources.deleteQuestion', { name: s.name })} confirmLabel={t('alertIngest.sources.delete')} onConfirm={() => remove(s)}>
                  {t('alertIngest.sources.delete')}
                </ConfirmButton>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </QueryState>
  );
}

/** The body of a tab panel, with the page's spacing. */
export function TabBody({ children }: { children: ReactNode }) {
  return <Stack gap="sm" pt="md">{children}</Stack>;
}
