import { useState } from 'react';
import { Alert, Button, Code, Spoiler, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconCircleX, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult, Page } from '../../../api/types';
import { DataTable } from '../../../components/data-table';
import { FilterPanel } from '../../../components/filter-panel';
import { notifyError } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { usePaging } from '../../../lib/use-paging';
import { adminApi } from '../admin-api';

const PAGE_SIZE = 50;

function shortId(id: string | null): string {
  return id ? id.slice(0, 8) : '—';
}

/** The tamper-evident audit log: filterable list and a check of the hash chain. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  const [debouncedEntityType] = useDebouncedValue(entityType.trim(), 300);
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const paging = usePaging(PAGE_SIZE);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);
  const entries = useApiQuery<Page<AuditEntry>>(
    adminApi.auditPath({ limit: paging.pageSize, offset: paging.offset, entityType: debouncedEntityType || undefined, action: debouncedAction || undefined }),
  );

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await adminApi.verifyAudit());
    } catch (caught) {
      notifyError(caught);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <Button leftSection={<IconShieldCheck size={16} aria-hidden="true" />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        }
      />
      <div aria-live="polite">
        {verdict &&
          (verdict.ok ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden="true" />} title={t('audit.chainOk')} data-testid="audit-verdict" data-ok="true">
              {t('audit.chainOkText', { checked: verdict.checked })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<IconCircleX size={18} aria-hidden="true" />} title={t('audit.chainBroken')} data-testid="audit-verdict" data-ok="false">
              {t('audit.chainBrokenText', { checked: verdict.checked, id: verdict.firstBadId ?? '—', problem: verdict.problem ?? '—' })}
            </Alert>
          ))}
      </div>
      <FilterPanel columns={2}>
        <TextInput
          label={t('audit.entityType')}
          description={t('audit.entityTypeHint')}
          value={entityType}
          onChange={(event) => paging.resetting(setEntityType)(event.currentTarget.value)}
        />
        <TextInput
          label={t('audit.action')}
          description={t('audit.actionHint')}
          value={action}
          onChange={(event) => paging.resetting(setAction)(event.currentTarget.value)}
        />
      </FilterPanel>
      <QueryState loading={entries.loading} error={entries.error} hasData={Boolean(entries.data)} onRetry={() => void entries.reload()}>
        <DataTable
          columns={[t('audit.number'), t('audit.time'), t('audit.action'), t('audit.entity'), t('audit.actor'), t('audit.details')]}
          minWidth={960}
          testId="audit-table"
          emptyText={t('audit.none')}
          verticalSpacing="xs"
        >
          {entries.data?.items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm">{entry.id}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {labels.dateTime(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.entityType}</Text>
                <Text size="xs" c="dimmed" ff="monospace" title={entry.entityId ?? undefined}>
                  {shortId(entry.entityId)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" title={entry.actorUserId ?? entry.actorTokenId ?? undefined}>
                  {entry.actorUserId
                    ? t('audit.actorUser', { id: shortId(entry.actorUserId) })
                    : entry.actorTokenId
                      ? t('audit.actorToken', { id: shortId(entry.actorTokenId) })
                      : t('audit.actorSystem')}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                {Object.keys(entry.details).length > 0 ? (
                  <Spoiler maxHeight={44} showLabel={t('common.showMore')} hideLabel={t('common.showLess')}>
                    <Code block fz="xs">
                      {JSON.stringify(entry.details, null, 1)}
                    </Code>
                  </Spoiler>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Pager total={entries.data?.total ?? 0} pageSize={paging.pageSize} page={paging.page} onChange={paging.setPage} />
      </QueryState>
    </Stack>
  );
}
