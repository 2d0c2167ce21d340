import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS } from '../../../../domain/access/roles';
import type { ApiTokenCreated, Permission } from '../../../api/types';
import { FormActions } from '../../../components/form-actions';
import { notifyFormError, notifySuccess } from '../../../components/notify';
import { useLabels } from '../../../lib/labels';
import { adminApi } from '../admin-api';
import type { Option } from '../use-reference-data';

interface TokenValues {
  name: string;
  userId: string;
  permissions: Permission[];
  expiresInDays: number | '';
}

/** Create an API token for a user with chosen permissions, then show the token once. */
export function TokenCreateModal({ opened, onClose, onCreated, userOptions }: { opened: boolean; onClose: () => void; onCreated: () => void; userOptions: Option[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const form = useForm<TokenValues>({
    mode: 'controlled',
    initialValues: { name: '', userId: '', permissions: [], expiresInDays: 90 },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.nameLength')),
      userId: (value) => (value ? null : t('validation.required')),
      permissions: (value) => (value.length > 0 ? null : t('validation.permissions')),
      expiresInDays: (value) => (value === '' || (value >= 1 && value <= 730) ? null : t('validation.expiry')),
    },
  });

  const close = () => {
    setCreated(null);
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const token = await adminApi.createToken({
        name: values.name.trim(),
        userId: values.userId,
        permissions: values.permissions,
        ...(values.expiresInDays === '' ? {} : { expiresInDays: values.expiresInDays }),
      });
      setCreated(token);
      notifySuccess(t('tokens.created', { name: token.name }));
      onCreated();
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={created ? t('tokens.createdTitle') : t('tokens.createTitle')} size="lg" closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}>
            {t('tokens.showOnce')}
          </Alert>
          <Code block fz="sm" data-testid="new-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {created.token}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}>
                  {copied ? t('common.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('fields.name')} description={t('tokens.nameHint')} required {...form.getInputProps('name')} />
            <Select
              label={t('tokens.user')}
              description={t('tokens.userHint')}
              data={userOptions}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('userId')}
            />
            <MultiSelect
              label={t('tokens.permissions')}
              description={t('tokens.permissionsHint')}
              data={PERMISSIONS.map((permission) => ({ value: permission, label: labels.permission(permission) }))}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('permissions')}
            />
            <NumberInput label={t('tokens.expiresInDays')} description={t('tokens.expiresHint')} min={1} max={730} allowDecimal={false} {...form.getInputProps('expiresInDays')} />
            <Text size="sm" c="dimmed">
              {t('tokens.createHint')}
            </Text>
            <FormActions submitLabel={t('tokens.create')} onCancel={close} busy={form.submitting} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
