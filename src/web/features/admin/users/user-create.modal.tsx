import { ActionIcon, Button, Divider, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../lib/enums';
import type { Locale, UserView } from '../../../api/types';
import { FormActions } from '../../../components/form-actions';
import { notifyFormError, notifySuccess } from '../../../components/notify';
import { NewPasswordField, passwordLengthError } from '../../../components/password-field';
import { LANGUAGE_NAMES } from '../../../i18n';
import { adminApi } from '../admin-api';
import type { Option } from '../use-reference-data';
import { EMPTY_MEMBERSHIP, MembershipFields, membershipBody, type MembershipDraft } from './membership-fields';

interface UserCreateValues {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  memberships: MembershipDraft[];
}

interface UserCreateModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: UserView) => void;
  organisationOptions: Option[];
  roleOptions: Option[];
}

/** Create an account with its memberships; the form keeps its contents when the server refuses. */
export function UserCreateModal({ opened, onClose, onCreated, organisationOptions, roleOptions }: UserCreateModalProps) {
  const { t } = useTranslation();
  const form = useForm<UserCreateValues>({
    mode: 'controlled',
    initialValues: { email: '', displayName: '', password: '', locale: 'en', memberships: [{ ...EMPTY_MEMBERSHIP }] },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
      displayName: (value) => (value.trim().length >= 2 ? null : t('validation.nameLength')),
      password: (value) => passwordLengthError(value, t),
      memberships: {
        organisationId: (value) => (value ? null : t('validation.required')),
        role: (value) => (value ? null : t('validation.required')),
      },
    },
  });

  const close = () => {
    form.clearErrors();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const user = await adminApi.createUser({
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        locale: values.locale,
        memberships: values.memberships.map(membershipBody),
      });
      notifySuccess(t('users.created', { name: user.displayName }));
      form.reset();
      onCreated(user);
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('fields.email')} type="email" autoComplete="off" required {...form.getInputProps('email')} />
            <TextInput label={t('fields.displayName')} autoComplete="off" required {...form.getInputProps('displayName')} />
            <NewPasswordField label={t('users.initialPassword')} {...form.getInputProps('password')} />
            <Select
              label={t('fields.language')}
              data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Divider />
          <Title order={3} fz="md">
            {t('users.memberships')}
          </Title>
          {form.values.memberships.length === 0 && <Text size="sm">{t('users.noMemberships')}</Text>}
          {form.values.memberships.map((membership, index) => (
            <Paper key={index} withBorder p="sm" radius="md">
              <Group align="flex-end" wrap="nowrap" gap="xs">
                <div style={{ flex: 1 }}>
                  <MembershipFields
                    value={membership}
                    onChange={(value) => form.setFieldValue(`memberships.${index}`, value)}
                    organisationOptions={organisationOptions}
                    roleOptions={roleOptions}
                    errors={{
                      organisationId: form.errors[`memberships.${index}.organisationId`] as string | undefined,
                      role: form.errors[`memberships.${index}.role`] as string | undefined,
                      scope: form.errors[`memberships.${index}.scope`] as string | undefined,
                    }}
                    testId={`new-membership-${index}`}
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => form.removeListItem('memberships', index)}
                  aria-label={t('users.removeMembershipRow', { number: index + 1 })}
                >
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => form.insertListItem('memberships', { ...EMPTY_MEMBERSHIP })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('users.addMembership')}
          </Button>
          <FormActions submitLabel={t('users.create')} onCancel={close} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
