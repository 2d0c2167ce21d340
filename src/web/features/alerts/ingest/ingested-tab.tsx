import { useState } from 'react';
import { Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import type { IngestedPage } from './ingest-api';
import { NewestOlder } from './newest-older';

/** Alerts received from other systems, newest first, with the validator's warnings. */
export function IngestedTab() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [before, setBefore] = useState<string | null>(null);
  const page = useApiQuery<IngestedPage>(`/api/alert-ingest/alerts?limit=25${before ? `&before=${encodeURIComponent(before)}` : ''}`);
  const now = Date.now();

  return (
    <QueryState loading={page.loading} error={page.error} hasData={Boolean(page.data)} onRetry={() => void page.reload()}>
      <Stack gap="sm">
        <DataTable columns={[t('alertIngest.ingested.alert'), t('alertIngest.ingested.message'), t('alertIngest.ingested.state'), t('alertIngest.ingested.warnings')]} minWidth={900} testId="ingested-table" emptyText={t('alertIngest.ingested.none')}>
          {page.data?.items.map((a) => {
            const expired = a.expiresAt !== null && new Date(a.expiresAt).getTime() < now;
            return (
              <Table.Tr key={a.id}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={600}>
                    {a.headline ?? a.event ?? a.identifier}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.sender} · {a.identifier}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.sourceName ?? t('alertIngest.quarantine.pushed')} · {a.countryCode ? labels.country(a.countryCode) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Group gap={4}>
                    <Badge variant="light" color="gray" c="dark.9">
                      {a.msgType}
                    </Badge>
                    <Badge variant="light" color={a.capStatus === 'Actual' ? 'blue' : 'gray'} c="dark.9">
                      {a.capStatus}
                    </Badge>
                    <Badge variant="light" color="gray" c="dark.9">
                      {a.scope}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('alertIngest.ingested.sent', { date: labels.dateTime(a.sent) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('alertIngest.ingested.expires', { date: labels.dateTime(a.expiresAt) })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {a.supersededBy ? (
                    <Badge variant="light" color="gray" c="dark.9">
                      {t('alertIngest.ingested.superseded')}
                    </Badge>
                  ) : expired ? (
                    <Badge variant="light" color="gray" c="dark.9">
                      {t('alertIngest.ingested.expired')}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="green" c="dark.9">
                      {t('alertIngest.ingested.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {a.warnings.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('alertIngest.ingested.noWarnings')}
                    </Text>
                  ) : (
                    <List size="xs" spacing={2}>
                      {a.warnings.slice(0, 6).map((w, i) => (
                        <List.Item key={i}>
                          <Text span size="xs" fw={600}>
                            {w.code}
                          </Text>{' '}
                          <Text span size="xs">
                            {w.message}
                          </Text>
                        </List.Item>
                      ))}
                      {a.warnings.length > 6 && <List.Item>{t('alertIngest.ingested.moreWarnings', { count: a.warnings.length - 6 })}</List.Item>}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
        <NewestOlder before={before} nextBefore={page.data?.nextBefore} onChange={setBefore} />
      </Stack>
    </QueryState>
  );
}
