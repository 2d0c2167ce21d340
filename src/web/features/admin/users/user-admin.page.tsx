import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Page, Role, UserView } from '../../../api/types';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
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
  const [page, setPage] = useState(1);
  const [createOpened, createModal] = useDisclosure(false);
  const [editing, setEditing] = useState<string | null>(null);

  const path = adminApi.usersPath({
    q: debouncedSearch || undefined,
    organisationId: organisationId ?? undefined,
    role: role ?? undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const users = useApiQuery<Page<UserView>>(path);

  const filterChanged = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };

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
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('common.search')}
            description={t('users.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(event) => filterChanged(setSearch)(event.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('fields.organisation')}
            data={reference.organisationOptions}
            value={organisationId}
            onChange={filterChanged(setOrganisationId)}
            searchable
            clearable
            placeholder={t('common.all')}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Select
            label={t('fields.role')}
            data={reference.roleOptions}
            value={role}
            onChange={(value) => filterChanged(setRole)(value as Role | null)}
            clearable
            placeholder={t('common.all')}
          />
        </SimpleGrid>
      </Paper>
      <QueryState loading={users.loading} error={users.error} hasData={Boolean(users.data)} onRetry={() => void users.reload()}>
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover withTableBorder verticalSpacing="sm" aria-busy={users.loading} data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('users.memberships')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('users.lastLoginColumn')}</Table.Th>
                <Table.Th>
                  <span className="victor-visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" py="md" ta="center">
                      {t('users.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager total={users.data?.total ?? 0} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
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
