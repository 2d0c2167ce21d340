import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { notifyFormError, notifySuccess } from '../../../components/notify';
import { distributionApi } from './distribution-api';

/** The headers every delivery carries (protocol text, not translated). */
const HEADER_EXAMPLE = [
  'X-Victor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>", secret)>',
  'X-Victor-Event: alert.message | alert.ping',
  'X-Victor-Delivery: <id>',
  'X-Victor-Message: <message id>',
  'Content-Type: application/cap+xml',
].join('\n');

interface Values {
  name: string;
  url: string;
  countries: string[];
  languages: string[];
  includeDrills: boolean;
}

/** The secret, shown once, with a copy button. */
export function SecretOnce({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}>
        {t('alertDistribution.secretOnce')}
      </Alert>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('alertDistribution.secret')}
        </Text>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block fz="sm" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
        {secret}
      </Code>
      <Text size="sm">{t('alertDistribution.signingHelp')}</Text>
      <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {HEADER_EXAMPLE}
      </Code>
    </Stack>
  );
}

/** Create a webhook subscription, then show its secret once. */
export function WebhookCreateModal({ opened, onClose, onCreated, countryOptions, languageOptions }: { opened: boolean; onClose: () => void; onCreated: () => void; countryOptions: { value: string; label: string }[]; languageOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', url: 'https://', countries: [], languages: [], includeDrills: false },
    validate: {
      name: (v) => (v.trim().length >= 1 ? null : t('validation.required')),
      url: (v) => (/^https?:\/\/[^\s]+$/.test(v.trim()) ? null : t('alertDistribution.urlInvalid')),
    },
  });
  const close = () => {
    setSecret(null);
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      const created = await distributionApi.create({ ...values, name: values.name.trim(), url: values.url.trim(), active: true });
      setSecret(created.secret);
      notifySuccess(t('alertDistribution.created', { name: created.subscription.name }));
      onCreated();
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={secret ? t('alertDistribution.createdTitle') : t('alertDistribution.createTitle')} size="lg" closeOnClickOutside={!secret}>
      {secret ? (
        <Stack>
          <SecretOnce secret={secret} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput label={t('alertDistribution.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('alertDistribution.url')} description={t('alertDistribution.urlHint')} required {...form.getInputProps('url')} />
            <MultiSelect label={t('alertDistribution.countries')} description={t('alertDistribution.countriesHint')} data={countryOptions} searchable clearable {...form.getInputProps('countries')} />
            <MultiSelect label={t('alertDistribution.languages')} description={t('alertDistribution.languagesHint')} data={languageOptions} clearable {...form.getInputProps('languages')} />
            <Switch label={t('alertDistribution.includeDrills')} description={t('alertDistribution.includeDrillsHint')} {...form.getInputProps('includeDrills', { type: 'checkbox' })} />
            <FormActions submitLabel={t('alertDistribution.create')} onCancel={close} busy={form.submitting} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
