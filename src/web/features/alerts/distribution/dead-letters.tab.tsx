import { useState } from 'react';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { DeliveryStatusBadge } from './delivery-status.badge';
import { distributionApi, type DeliveryPage } from './distribution-api';

/** Deliveries that gave up, across subscriptions, with "retry now" (one or all). */
export function DeadLettersTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [before, setBefore] = useState<string | null>(null);
  const page = useApiQuery<DeliveryPage>(distributionApi.deadPath(before));
  const retry = async (body: { ids?: string[]; all?: true }) => {
    try {
      const { retried } = await distributionApi.retry(body);
      notifySuccess(t('alertDistribution.retried', { count: retried }));
      await page.reload();
      onChanged();
    } catch (caught) {
      notifyError(caught);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">{t('alertDistribution.deadHelp')}</Text>
        <Button size="xs" variant="default" disabled={!page.data?.items.length} onClick={() => void retry({ all: true })}>
          {t('alertDistribution.retryAll')}
        </Button>
      </Group>
      <QueryState loading={page.loading} error={page.error} hasData={Boolean(page.data)} onRetry={() => void page.reload()}>
        <DataTable columns={[t('alertDistribution.subscription'), t('alertDistribution.message'), t('alertDistribution.state'), t('alertDistribution.attempts'), t('alertDistribution.lastResult'), t('alertDistribution.when')]} actions minWidth={860} emptyText={t('alertDistribution.noDead')} testId="dead-letters-table">
          {page.data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {d.subscriptionName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.messageIdentifier}</Text>
              </Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm">{d.lastStatusCode ?? d.lastError ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.dateTime(d.createdAt)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="default" onClick={() => void retry({ ids: [d.id] })} aria-label={t('alertDistribution.retryOne', { name: d.subscriptionName })}>
                  {t('alertDistribution.retry')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <Group justify="flex-end">
        <Button variant="default" size="xs" disabled={!page.data?.nextCursor} onClick={() => setBefore(page.data?.nextCursor ?? null)}>
          {t('alertDistribution.older')}
        </Button>
      </Group>
    </Stack>
  );
}
