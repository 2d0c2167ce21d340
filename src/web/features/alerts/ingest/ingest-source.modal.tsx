import { useEffect } from 'react';
import { Modal, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { notifyFormError, notifySuccess } from '../../../components/notify';
import { INGEST_SOURCE_KINDS, ingestApi, type IngestSourceView } from './ingest-api';

interface SourceValues {
  name: string;
  url: string;
  kind: 'atom' | 'cap';
  countryCode: string;
  pollSeconds: number;
  active: boolean;
}

const blank: SourceValues = { name: '', url: '', kind: 'atom', countryCode: '', pollSeconds: 120, active: true };

/** Add or edit an ingest source (another system's Atom feed or CAP document URL). */
export function IngestSourceModal({ opened, source, onClose, onSaved }: { opened: boolean; source: IngestSourceView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<SourceValues>({
    mode: 'controlled',
    initialValues: blank,
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('validation.nameLength')),
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : t('alertIngest.sources.urlInvalid')),
      countryCode: (v) => (v === '' || /^[A-Za-z]{2}$/.test(v.trim()) ? null : t('alertIngest.sources.countryInvalid')),
      pollSeconds: (v) => (Number.isInteger(v) && v >= 30 && v <= 86400 ? null : t('alertIngest.sources.pollInvalid')),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(source ? { name: source.name, url: source.url, kind: source.kind, countryCode: source.countryCode ?? '', pollSeconds: source.pollSeconds, active: source.active } : blank);
    form.resetDirty();
  }, [opened, source]);

  const submit = form.onSubmit(async (v) => {
    const body = { name: v.name.trim(), url: v.url.trim(), kind: v.kind, countryCode: v.countryCode.trim() ? v.countryCode.trim().toUpperCase() : null, pollSeconds: v.pollSeconds, active: v.active };
    try {
      if (source) await ingestApi.updateSource(source.id, body);
      else await ingestApi.createSource(body);
      notifySuccess(t('alertIngest.sources.saved', { name: body.name }));
      onSaved();
      onClose();
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={source ? t('alertIngest.sources.editTitle') : t('alertIngest.sources.addTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('alertIngest.sources.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('alertIngest.sources.url')} description={t('alertIngest.sources.urlHint')} required {...form.getInputProps('url')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="ingest-kind-label">
              {t('alertIngest.sources.kind')}
            </Text>
            <SegmentedControl aria-labelledby="ingest-kind-label" data={INGEST_SOURCE_KINDS.map((k) => ({ value: k, label: t(`alertIngest.kinds.${k}`) }))} {...form.getInputProps('kind')} />
          </Stack>
          <TextInput label={t('alertIngest.sources.country')} description={t('alertIngest.sources.countryHint')} maxLength={2} {...form.getInputProps('countryCode')} />
          <NumberInput label={t('alertIngest.sources.pollSeconds')} min={30} max={86400} step={30} {...form.getInputProps('pollSeconds')} />
          <Switch label={t('alertIngest.sources.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
