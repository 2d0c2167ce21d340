import { useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Page, Role, UserView } from '../../../api/types';
import { DataTable } from '../../../components/data-table';
import { FilterPanel } from '../../../components/filter-panel';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { usePaging } from '../../../lib/use-paging';
import { adminApi } from '../admin-api';
import { useReferenceData } from '../use-reference-data';
import { UserBadges } from './user-badges';
import { UserCreateModal } from './user-create.modal';
import { UserEditModal } from './user-edit.modal';

const PAGE_SIZE = 25;

/** Administration of accounts: search and filter, create, edit, disable, unlock, reset 2FA, memberships. */
export default function UserAdminPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const reference = useReferenceData();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const paging = usePaging(PAGE_SIZE);
  const [createOpened, createModal] = useDisclosure(false);
  const [editing, setEditing] = useState<string | null>(null);

  const path = adminApi.usersPath({
    q: debouncedSearch || undefined,
    organisationId: organisationId ?? undefined,
    role: role ?? undefined,
    limit: paging.pageSize,
    offset: paging.offset,
  });
  const users = useApiQuery<Page<UserView>>(path);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={createModal.open}>
            {t('users.new')}
          </Button>
        }
      />
      <FilterPanel columns={3}>
        <TextInput
          label={t('common.search')}
          description={t('users.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => paging.resetting(setSearch)(event.currentTarget.value)}
          type="search"
        />
        <Select
          label={t('fields.organisation')}
          data={reference.organisationOptions}
          value={organisationId}
          onChange={paging.resetting(setOrganisationId)}
          searchable
          clearable
          placeholder={t('common.all')}
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Select
          label={t('fields.role')}
          data={reference.roleOptions}
          value={role}
          onChange={(value) => paging.resetting(setRole)(value as Role | null)}
          clearable
          placeholder={t('common.all')}
        />
      </FilterPanel>
      <QueryState loading={users.loading} error={users.error} hasData={Boolean(users.data)} onRetry={() => void users.reload()}>
        <DataTable
          columns={[t('fields.name'), t('users.memberships'), t('fields.status'), t('users.lastLoginColumn')]}
          actions
          minWidth={820}
          testId="users-table"
          emptyText={t('users.none')}
          busy={users.loading}
          highlightOnHover
        >
          {users.data?.items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {user.displayName}
                </Text>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {user.memberships.map((m) => (
                    <Text key={m.id} size="sm">
                      {t('users.membershipLine', { role: labels.role(m.role), organisation: m.organisationName, country: m.countryCode })}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <UserBadges user={user} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.dateTime(user.lastLoginAt)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Group justify="flex-end">
                  <Button size="xs" variant="light" onClick={() => setEditing(user.id)} aria-label={t('users.editLabel', { name: user.displayName })}>
                    {t('common.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Pager total={users.data?.total ?? 0} pageSize={paging.pageSize} page={paging.page} onChange={paging.setPage} />
      </QueryState>
      <UserCreateModal
        opened={createOpened}
        onClose={createModal.close}
        onCreated={() => {
          createModal.close();
          void users.reload();
        }}
        organisationOptions={reference.organisationOptions}
        roleOptions={reference.roleOptions}
      />
      <UserEditModal
        userId={editing}
        onClose={() => setEditing(null)}
        onChanged={() => void users.reload()}
        organisationOptions={reference.organisationOptions}
        roleOptions={reference.roleOptions}
      />
    </Stack>
  );
}
