import { useEffect, useState } from 'react';
import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../lib/enums';
import type { Locale, UserView } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { notifyError, notifySuccess } from '../../../components/notify';
import { MIN_PASSWORD_LENGTH, PasswordField, passwordLengthError } from '../../../components/password-field';
import { QueryState } from '../../../components/query-state';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { adminApi, type UserUpdateInput } from '../admin-api';
import type { Option } from '../use-reference-data';
import { isLocked, UserBadges } from './user-badges';
import { UserMemberships } from './user-memberships';

interface DetailsValues {
  displayName: string;
  locale: Locale;
  password: string;
}

interface UserEditModalProps {
  userId: string | null;
  onClose: () => void;
  onChanged: () => void;
  organisationOptions: Option[];
  roleOptions: Option[];
}

/** Edit an account: name, language, new password, disable/enable, unlock, reset 2FA, memberships. */
export function UserEditModal({ userId, onClose, onChanged, organisationOptions, roleOptions }: UserEditModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const query = useApiQuery<UserView>(userId ? `/api/admin/users/${userId}` : null);
  const [user, setUser] = useState<UserView | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<DetailsValues>({
    mode: 'controlled',
    initialValues: { displayName: '', locale: 'en', password: '' },
    validate: {
      displayName: (value) => (value.trim().length >= 2 ? null : t('validation.nameLength')),
      password: (value) => (value === '' ? null : passwordLengthError(value, t)),
    },
  });

  useEffect(() => {
    setUser(null);
  }, [userId]);

  const { setValues } = form;
  useEffect(() => {
    if (!query.data || query.data.id !== userId) return;
    setUser(query.data);
    setValues({ displayName: query.data.displayName, locale: query.data.locale, password: '' });
  }, [query.data, userId, setValues]);

  const changed = (updated: UserView) => {
    setUser(updated);
    onChanged();
  };

  const update = async (body: UserUpdateInput, message: string) => {
    if (!user) return;
    try {
      const updated = await adminApi.updateUser(user.id, body);
      notifySuccess(message);
      changed(updated);
    } catch (caught) {
      notifyError(caught);
    }
  };

  const saveDetails = form.onSubmit(async (values) => {
    setBusy(true);
    const body: UserUpdateInput = { displayName: values.displayName.trim(), locale: values.locale };
    if (values.password) body.password = values.password;
    await update(body, t('users.saved'));
    form.setFieldValue('password', '');
    setBusy(false);
  });

  const resetTwoFactor = async () => {
    if (!user) return;
    try {
      await adminApi.resetTwoFactor(user.id);
      notifySuccess(t('users.mfaReset', { name: user.displayName }));
      changed(await adminApi.user(user.id));
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Modal opened={userId !== null} onClose={onClose} title={user ? t('users.editTitle', { name: user.displayName }) : t('users.editTitleShort')} size="xl">
      <QueryState loading={query.loading} error={query.error} hasData={Boolean(user)} onRetry={() => void query.reload()}>
        {user && (
          <Stack gap="lg">
            <Group justify="space-between" gap="sm">
              <Stack gap={2}>
                <Text fw={600}>{user.email}</Text>
                <Text size="sm" c="dimmed">
                  {t('users.lastLogin', { date: labels.dateTime(user.lastLoginAt) })}
                </Text>
              </Stack>
              <UserBadges user={user} />
            </Group>
            <form onSubmit={saveDetails} noValidate aria-label={t('users.detailsTitle')}>
              <Stack gap="sm">
                <Title order={3} fz="md">
                  {t('users.detailsTitle')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput label={t('fields.displayName')} required {...form.getInputProps('displayName')} />
                  <Select
                    label={t('fields.language')}
                    data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
                    allowDeselect={false}
                    {...form.getInputProps('locale')}
                  />
                  <PasswordField
                    label={t('users.newPassword')}
                    description={t('users.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
                    autoComplete="new-password"
                    {...form.getInputProps('password')}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button type="submit" loading={busy}>
                    {t('common.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
            <Divider />
            <Stack gap="sm" component="section" aria-labelledby="user-access-title">
              <Title order={3} fz="md" id="user-access-title">
                {t('users.accessTitle')}
              </Title>
              <Group gap="sm">
                {user.status === 'active' ? (
                  <ConfirmButton
                    question={t('users.disableQuestion', { name: user.displayName })}
                    confirmLabel={t('users.disable')}
                    onConfirm={() => update({ status: 'disabled' }, t('users.disabled', { name: user.displayName }))}
                  >
                    {t('users.disable')}
                  </ConfirmButton>
                ) : (
                  <Button variant="light" color="green" onClick={() => void update({ status: 'active' }, t('users.enabled', { name: user.displayName }))}>
                    {t('users.enable')}
                  </Button>
                )}
                {isLocked(user) && (
                  <Button variant="light" onClick={() => void update({ unlock: true }, t('users.unlocked', { name: user.displayName }))}>
                    {t('users.unlock')}
                  </Button>
                )}
                {user.mfaEnabled && (
                  <ConfirmButton
                    color="orange"
                    question={t('users.resetMfaQuestion', { name: user.displayName })}
                    confirmLabel={t('users.resetMfa')}
                    onConfirm={resetTwoFactor}
                  >
                    {t('users.resetMfa')}
                  </ConfirmButton>
                )}
              </Group>
            </Stack>
            <Divider />
            <UserMemberships user={user} onChanged={changed} organisationOptions={organisationOptions} roleOptions={roleOptions} />
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
