import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { notifyFormError, notifySuccess } from '../../../components/notify';
import type { Option } from '../use-reference-data';
import { INTEGRATION_ENDPOINTS, INTEGRATION_KINDS, integrationsApi, type IntegrationCreated, type IntegrationKind } from './integrations-api';

interface IntegrationValues {
  kind: IntegrationKind;
  name: string;
  organisationId: string;
}

/** A shell example of one signed request: HMAC-SHA256 of "<t>.<raw body>" with the secret. */
function signingExample(url: string, kind: IntegrationKind): string {
  const body =
    kind === 'telephony'
      ? '{"event":"call.started","callId":"c-1001","channel":"phone","at":"2026-01-15T09:30:00Z"}'
      : '{"messageId":"<m-1001@example.org>","from":"someone@example.org","subject":"","text":"…","receivedAt":"2026-01-15T09:30:00Z"}';
  return [
    `BODY='${body}'`,
    'T=$(date +%s)',
    `SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -X POST '${url}' -H 'content-type: application/json' -H "x-victor-signature: t=$T,v1=$SIG" --data "$BODY"`,
  ].join('\n');
}

/** One copyable value with a copy button. */
function CopyValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />} aria-label={`${t('common.copy')}: ${label}`}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block fz="sm" data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
    </Stack>
  );
}

/** Register a telephony system or mail gateway, then show its signing secret once, with the instructions. */
export function IntegrationCreateModal({ opened, onClose, onCreated, organisationOptions }: { opened: boolean; onClose: () => void; onCreated: () => void; organisationOptions: Option[] }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<IntegrationCreated | null>(null);
  const form = useForm<IntegrationValues>({
    mode: 'controlled',
    initialValues: { kind: 'telephony', name: '', organisationId: '' },
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.nameLength')),
      organisationId: (value) => (value ? null : t('validation.required')),
    },
  });

  const close = () => {
    setCreated(null);
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    try {
      const integration = await integrationsApi.create({ kind: values.kind, name: values.name.trim(), organisationId: values.organisationId });
      setCreated(integration);
      notifySuccess(t('integrations.created', { name: integration.name }));
      onCreated();
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });

  const url = created ? `${window.location.origin}${INTEGRATION_ENDPOINTS[created.kind]}` : '';
  return (
    <Modal opened={opened} onClose={close} title={created ? t('integrations.createdTitle') : t('integrations.createTitle')} size="xl" closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}>
            {t('integrations.showOnce')}
          </Alert>
          <CopyValue label={t('integrations.secret')} value={created.secret} testId="integration-secret" />
          <CopyValue label={t('integrations.endpoint')} value={url} testId="integration-endpoint" />
          <Text size="sm">{t('integrations.signingIntro')}</Text>
          <Code block fz="sm">
            {'x-victor-signature: t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>", secret)>'}
          </Code>
          <Text size="sm">{t('integrations.signingRules')}</Text>
          <CopyValue label={t('integrations.example')} value={signingExample(url, created.kind)} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="integration-kind-label">
                {t('integrations.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="integration-kind-label"
                data={INTEGRATION_KINDS.map((kind) => ({ value: kind, label: t(`integrations.kinds.${kind}`) }))}
                {...form.getInputProps('kind')}
              />
              <Text size="sm" c="dimmed">
                {t(`integrations.kindHints.${form.values.kind}`)}
              </Text>
            </Stack>
            <TextInput label={t('fields.name')} description={t('integrations.nameHint')} required {...form.getInputProps('name')} />
            <Select
              label={t('integrations.desk')}
              description={t('integrations.deskHint')}
              data={organisationOptions}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('organisationId')}
            />
            <FormActions submitLabel={t('integrations.create')} onCancel={close} busy={form.submitting} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
