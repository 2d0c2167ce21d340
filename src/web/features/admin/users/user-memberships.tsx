import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { useLabels } from '../../../lib/labels';
import { adminApi } from '../admin-api';
import type { Option } from '../use-reference-data';
import { EMPTY_MEMBERSHIP, MembershipFields, membershipBody, type MembershipDraft } from './membership-fields';

interface UserMembershipsProps {
  user: UserView;
  onChanged: (user: UserView) => void;
  organisationOptions: Option[];
  roleOptions: Option[];
}

/** The memberships of an account: remove one, or add one (organisation, role, scope). */
export function UserMemberships({ user, onChanged, organisationOptions, roleOptions }: UserMembershipsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useState<MembershipDraft>({ ...EMPTY_MEMBERSHIP });
  const [errors, setErrors] = useState<Partial<Record<keyof MembershipDraft, string>>>({});
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const problems: Partial<Record<keyof MembershipDraft, string>> = {};
    if (!draft.organisationId) problems.organisationId = t('validation.required');
    if (!draft.role) problems.role = t('validation.required');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const updated = await adminApi.addMembership(user.id, membershipBody(draft));
      notifySuccess(t('users.membershipAdded'));
      setDraft({ ...EMPTY_MEMBERSHIP });
      onChanged(updated);
    } catch (caught) {
      notifyError(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (membershipId: string) => {
    try {
      const updated = await adminApi.removeMembership(user.id, membershipId);
      notifySuccess(t('users.membershipRemoved'));
      onChanged(updated);
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="user-memberships-title">
      <Title order={3} fz="md" id="user-memberships-title">
        {t('users.memberships')}
      </Title>
      {user.memberships.length === 0 ? (
        <Text size="sm">{t('users.noMemberships')}</Text>
      ) : (
        <DataTable
          columns={[t('fields.organisation'), t('fields.role'), t('fields.scope')]}
          actions
          minWidth={480}
          testId="user-memberships"
          striped={false}
          compact
        >
          {user.memberships.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {m.organisationName} ({m.countryCode})
              </Table.Td>
              <Table.Td>{labels.role(m.role)}</Table.Td>
              <Table.Td>{labels.scope(m.scope)}</Table.Td>
              <Table.Td ta="right">
                <ConfirmButton
                  size="xs"
                  question={t('users.removeMembershipQuestion', { role: labels.role(m.role), organisation: m.organisationName })}
                  confirmLabel={t('common.remove')}
                  onConfirm={() => remove(m.id)}
                  aria-label={t('users.removeMembershipLabel', { role: labels.role(m.role), organisation: m.organisationName })}
                >
                  {t('common.remove')}
                </ConfirmButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('users.addMembership')}
          </Text>
          <MembershipFields
            value={draft}
            onChange={setDraft}
            organisationOptions={organisationOptions}
            roleOptions={roleOptions}
            errors={errors}
            testId="add-membership"
          />
          <Group justify="flex-end">
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden="true" />} loading={busy} onClick={() => void add()}>
              {t('users.addMembershipButton')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
