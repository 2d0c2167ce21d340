import { useState } from 'react';
import { Alert, Button, Code, Paper, SimpleGrid, Spoiler, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconCircleX, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult, Page } from '../../../api/types';
import { notifyError } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
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
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);
  const entries = useApiQuery<Page<AuditEntry>>(
    adminApi.auditPath({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, entityType: debouncedEntityType || undefined, action: debouncedAction || undefined }),
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
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('audit.entityType')}
            description={t('audit.entityTypeHint')}
            value={entityType}
            onChange={(event) => {
              setEntityType(event.currentTarget.value);
              setPage(1);
            }}
          />
          <TextInput
            label={t('audit.action')}
            description={t('audit.actionHint')}
            value={action}
            onChange={(event) => {
              setAction(event.currentTarget.value);
              setPage(1);
            }}
          />
        </SimpleGrid>
      </Paper>
      <QueryState loading={entries.loading} error={entries.error} hasData={Boolean(entries.data)} onRetry={() => void entries.reload()}>
        <Table.ScrollContainer minWidth={960}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.number')}</Table.Th>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" py="md" ta="center">
                      {t('audit.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager total={entries.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </Stack>
  );
}
