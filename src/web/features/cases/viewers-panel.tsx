import { useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseViewer } from './cases-api';
import { FULL_BADGE } from './case-badges';

const VIA_COLOURS: Record<string, string> = { scope: 'gray', break_glass: 'red', referral: 'blue', handoff: 'violet' };

/** "Who viewed this case": each reader, when, and how they had access (with the break-glass reason). */
export function ViewersPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const [items, setItems] = useState<CaseViewer[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const load = async (after: string | null) => {
    setLoading(true);
    try {
      const page = await casesApi.viewers(caseId, after ?? undefined);
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, [caseId]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="viewers-title">
      <Title order={2} size="h4" id="viewers-title">
        {t('cases.viewers.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('cases.viewers.description')}
      </Text>
      <QueryState loading={loading} error={error} hasData={items.length > 0 || !loading} onRetry={() => void load(null)}>
        <DataTable columns={[t('cases.viewers.user'), t('cases.viewers.at'), t('cases.viewers.via')]} minWidth={600} compact emptyText={t('cases.viewers.none')} busy={loading} testId="viewers-table">
          {items.map((v, i) => (
            <Table.Tr key={`${v.at}-${i}`}>
              <Table.Td>
                <Text size="sm">{v.user?.displayName ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {labels.dateTime(v.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={VIA_COLOURS[v.via] ?? 'gray'} variant="light" styles={FULL_BADGE}>
                  {caseLabels.label('via', v.via)}
                </Badge>
                {v.reason && (
                  <Text size="xs" mt={2}>
                    {t('cases.viewers.reason', { reason: v.reason })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {cursor && (
          <Group>
            <Button variant="default" onClick={() => void load(cursor)} loading={loading}>
              {t('cases.viewers.more')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
