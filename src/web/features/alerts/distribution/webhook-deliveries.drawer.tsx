import { useState } from 'react';
import { Button, Drawer, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { DeliveryStatusBadge } from './delivery-status.badge';
import { distributionApi, type DeliveryPage, type WebhookSubscription } from './distribution-api';

const FILTERS = ['all', 'pending', 'delivered', 'dead'] as const;

/** The delivery log of one subscription, newest first, with a status filter and "older" paging. */
export function WebhookDeliveriesDrawer({ subscription, onClose }: { subscription: WebhookSubscription | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [before, setBefore] = useState<string | null>(null);
  const page = useApiQuery<DeliveryPage>(subscription ? distributionApi.deliveriesPath(subscription.id, filter === 'all' ? null : filter, before) : null);
  return (
    <Drawer opened={subscription !== null} onClose={onClose} position="right" size="xl" title={t('alertDistribution.deliveriesOf', { name: subscription?.name ?? '' })}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('alertDistribution.statusFilter')}
          value={filter}
          onChange={(v) => {
            setFilter(v as (typeof FILTERS)[number]);
            setBefore(null);
          }}
          data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('alertDistribution.all') : t(`alertDistribution.status.${f}`) }))}
        />
        <QueryState loading={page.loading} error={page.error} hasData={Boolean(page.data)} onRetry={() => void page.reload()}>
          <DataTable columns={[t('alertDistribution.message'), t('alertDistribution.state'), t('alertDistribution.attempts'), t('alertDistribution.lastResult'), t('alertDistribution.when')]} minWidth={640} compact emptyText={t('alertDistribution.noDeliveries')} testId="deliveries-table">
            {page.data?.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm">{d.messageIdentifier}</Text>
                  <Text size="xs" c="dimmed">
                    {d.msgType}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DeliveryStatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>
                  <Text size="sm">{d.lastStatusCode ?? d.lastError ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{labels.dateTime(d.deliveredAt ?? (d.status === 'pending' ? d.nextAttemptAt : d.createdAt))}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </QueryState>
        <Group justify="space-between">
          <Button variant="default" size="xs" disabled={before === null} onClick={() => setBefore(null)}>
            {t('alertDistribution.newest')}
          </Button>
          <Button variant="default" size="xs" disabled={!page.data?.nextCursor} onClick={() => setBefore(page.data?.nextCursor ?? null)}>
            {t('alertDistribution.older')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
