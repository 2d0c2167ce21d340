import { useMemo } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, Page, UserView } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { adminApi } from '../admin-api';
import { TokenCreateModal } from './token-create.modal';

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const STATE_COLOURS = { active: 'green', revoked: 'red', expired: 'gray' } as const;

/** API tokens for integrations: list, create (shown once), revoke. */
export default function ApiTokensPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const tokens = useApiQuery<ApiToken[]>('/api/admin/tokens');
  const users = useApiQuery<Page<UserView>>(adminApi.usersPath({ limit: 200, offset: 0 }));
  const [createOpened, createModal] = useDisclosure(false);

  const userNames = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, `${u.displayName} <${u.email}>`])), [users.data]);
  const userOptions = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => u.status === 'active')
        .map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [users.data],
  );

  const revoke = async (token: ApiToken) => {
    try {
      await adminApi.revokeToken(token.id);
      notifySuccess(t('tokens.revoked', { name: token.name }));
      await tokens.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={createModal.open}>
            {t('tokens.new')}
          </Button>
        }
      />
      <QueryState loading={tokens.loading} error={tokens.error} hasData={Boolean(tokens.data)} onRetry={() => void tokens.reload()}>
        <DataTable
          columns={[t('fields.name'), t('tokens.user'), t('tokens.permissions'), t('tokens.dates'), t('fields.status')]}
          actions
          minWidth={960}
          testId="tokens-table"
          emptyText={t('tokens.none')}
        >
          {tokens.data?.map((token) => {
            const state = tokenState(token);
            return (
              <Table.Tr key={token.id} data-token-name={token.name}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {token.name}
                  </Text>
                  <Text size="sm" ff="monospace" c="dimmed">
                    {token.prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{userNames.get(token.userId) ?? token.userId}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.permissions.map((permission) => (
                      <Badge key={permission} variant="light" tt="none" size="sm">
                        {labels.permission(permission)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('tokens.createdOn', { date: labels.date(token.createdAt) })}</Text>
                  <Text size="sm">{token.expiresAt ? t('tokens.expiresOn', { date: labels.date(token.expiresAt) }) : t('tokens.noExpiry')}</Text>
                  <Text size="sm">{t('tokens.lastUsed', { date: labels.dateTime(token.lastUsedAt) })}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOURS[state]} variant="light">
                    {t(`tokens.state.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {state === 'active' && (
                    <ConfirmButton
                      size="xs"
                      question={t('tokens.revokeQuestion', { name: token.name })}
                      confirmLabel={t('tokens.revoke')}
                      onConfirm={() => revoke(token)}
                      aria-label={t('tokens.revokeLabel', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </QueryState>
      <TokenCreateModal opened={createOpened} onClose={createModal.close} onCreated={() => void tokens.reload()} userOptions={userOptions} />
    </Stack>
  );
}
