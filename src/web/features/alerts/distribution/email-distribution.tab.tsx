import { Alert, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { DeliveryStatusBadge } from './delivery-status.badge';
import { distributionApi, type EmailSummary, type OutboxMail } from './distribution-api';

/** Public e-mail subscribers per country and language, the outbox state, held and dead mails (masked). */
export function EmailDistributionTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const summary = useApiQuery<EmailSummary>('/api/admin/alert-email/summary');
  const held = useApiQuery<{ items: OutboxMail[] }>('/api/admin/alert-email/outbox?status=held&limit=50');
  const dead = useApiQuery<{ items: OutboxMail[] }>('/api/admin/alert-email/outbox?status=dead&limit=50');
  const retry = async () => {
    try {
      const { retried } = await distributionApi.retryMails();
      notifySuccess(t('alertDistribution.retried', { count: retried }));
      await Promise.all([summary.reload(), dead.reload()]);
    } catch (caught) {
      notifyError(caught);
    }
  };
  const mails = [...(held.data?.items ?? []), ...(dead.data?.items ?? [])];
  return (
    <QueryState loading={summary.loading} error={summary.error} hasData={Boolean(summary.data)} onRetry={() => void summary.reload()}>
      <Stack gap="md">
        {summary.data && !summary.data.smtpConfigured && (
          <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}>
            {t('alertDistribution.noSmtp')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {(['pending', 'sent', 'held', 'dead'] as const).map((s) => (
            <Stack key={s} gap={2}>
              <DeliveryStatusBadge status={s} />
              <Text size="xl" fw={700} data-testid={`outbox-${s}`}>
                {summary.data?.outbox[s] ?? 0}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <DataTable columns={[t('alertDistribution.country'), t('alertDistribution.language'), t('alertDistribution.confirmed'), t('alertDistribution.unconfirmed')]} compact minWidth={480} emptyText={t('alertDistribution.noSubscribers')} testId="email-subscribers-table">
          {summary.data?.subscribers.map((s) => (
            <Table.Tr key={`${s.country}-${s.language}`}>
              <Table.Td>{labels.country(s.country)}</Table.Td>
              <Table.Td>{s.language}</Table.Td>
              <Table.Td>{s.confirmed}</Table.Td>
              <Table.Td>{s.pending}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Group justify="space-between">
          <Text fw={600}>{t('alertDistribution.heldAndDead')}</Text>
          <Button size="xs" variant="default" disabled={!dead.data?.items.length} onClick={() => void retry()}>
            {t('alertDistribution.retryMails')}
          </Button>
        </Group>
        <DataTable columns={[t('alertDistribution.recipient'), t('alertDistribution.subject'), t('alertDistribution.state'), t('alertDistribution.attempts'), t('alertDistribution.when')]} compact minWidth={640} emptyText={t('alertDistribution.noHeld')} testId="outbox-table">
          {mails.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.to}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {m.purpose === 'alert' ? m.subject : t(`alertDistribution.purpose.${m.purpose}`, { defaultValue: m.purpose })}
                </Text>
              </Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={m.status} />
              </Table.Td>
              <Table.Td>{m.attempts}</Table.Td>
              <Table.Td>{labels.dateTime(m.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </QueryState>
  );
}
