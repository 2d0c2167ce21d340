import { useState } from 'react';
import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { ingestApi, type QuarantinePage } from './ingest-api';
import { NewestOlder } from './newest-older';

/** Refused documents with their reason codes and excerpts (always shown as text, never as markup). */
export function QuarantineTab() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [before, setBefore] = useState<number | null>(null);
  const page = useApiQuery<QuarantinePage>(`/api/alert-ingest/quarantine?limit=25${before ? `&before=${before}` : ''}`);
  const reasonLabel = (code: string) => (i18n.exists(`alertIngest.reasons.${code}`) ? t(`alertIngest.reasons.${code}`) : code);

  const remove = async (id: number) => {
    try {
      await ingestApi.deleteQuarantine(id);
      await page.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };
  const clear = async () => {
    try {
      const { deleted } = await ingestApi.clearQuarantine();
      notifySuccess(t('alertIngest.quarantine.cleared', { count: deleted }));
      setBefore(null);
      await page.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('alertIngest.quarantine.description')}
        </Text>
        <ConfirmButton size="xs" question={t('alertIngest.quarantine.clearQuestion')} confirmLabel={t('alertIngest.quarantine.clear')} onConfirm={clear}>
          {t('alertIngest.quarantine.clear')}
        </ConfirmButton>
      </Group>
      <QueryState loading={page.loading} error={page.error} hasData={Boolean(page.data)} onRetry={() => void page.reload()}>
        <DataTable columns={[t('alertIngest.quarantine.received'), t('alertIngest.quarantine.reason'), t('alertIngest.quarantine.excerpt')]} actions minWidth={900} testId="quarantine-table" emptyText={t('alertIngest.quarantine.none')}>
          {page.data?.items.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                <Text size="sm">{labels.dateTime(q.receivedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {q.sourceName ?? t('alertIngest.quarantine.pushed')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('alertIngest.quarantine.size', { bytes: q.sizeBytes })}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Badge color="red" variant="light" c="dark.9">
                  {q.reasonCode}
                </Badge>
                <Text size="sm" mt={4}>
                  {reasonLabel(q.reasonCode)}
                </Text>
                <Text size="xs" c="dimmed">
                  {q.detail}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 160, overflow: 'auto' }}>
                  {q.excerpt || '—'}
                </Code>
              </Table.Td>
              <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
                <Button size="xs" variant="subtle" color="red" onClick={() => void remove(q.id)} aria-label={t('alertIngest.quarantine.deleteLabel', { id: q.id })}>
                  {t('alertIngest.quarantine.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <NewestOlder before={before} nextBefore={page.data?.nextBefore} onChange={setBefore} />
      </QueryState>
    </Stack>
  );
}
