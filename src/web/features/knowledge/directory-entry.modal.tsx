import { useEffect } from 'react';
import { ActionIcon, Button, Checkbox, Fieldset, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Audience, DirectoryKind, NrmStage } from '../../../domain/knowledge/knowledge-fields';
import { ApiError } from '../../api/client';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { currentLocale } from '../../i18n';
import { useSubmission } from '../../lib/use-submission';
import { kbApi, type DirectoryEntryView, type DirectoryInput } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

interface PhoneValues { key: string; number: string; label: string; free: boolean }
interface EntryValues {
  kind: DirectoryKind;
  countryCode: string;
  name: string;
  localName: string;
  description: string;
  phones: PhoneValues[];
  email: string;
  website: string;
  city: string;
  address: string;
  hours: string;
  aroundTheClock: boolean;
  languages: string[];
  operator: string;
  nrmStages: NrmStage[];
  audience: Audience;
  needsReview: boolean;
}

let phoneKeys = 0;
const newPhone = (p?: { number: string; label?: string; free?: boolean }): PhoneValues => ({ key: `p${++phoneKeys}`, number: p?.number ?? '', label: p?.label ?? '', free: p?.free ?? false });
const orNull = (s: string) => s.trim() || null;

function valuesOf(e: DirectoryEntryView | null, lang: string): EntryValues {
  return {
    kind: e?.kind ?? 'ngo',
    countryCode: e?.countryCode ?? '',
    name: e?.name ?? '',
    localName: e?.localName ?? '',
    description: e?.descriptions[lang] ?? '',
    phones: (e?.phones ?? []).map(newPhone),
    email: e?.email ?? '',
    website: e?.website ?? '',
    city: e?.city ?? '',
    address: e?.address ?? '',
    hours: e?.hours ?? '',
    aroundTheClock: e?.aroundTheClock ?? false,
    languages: e?.languages ?? [],
    operator: e?.operator ?? '',
    nrmStages: e?.nrmStages ?? [],
    audience: e?.audience ?? 'professionals',
    needsReview: e?.needsReview ?? true,
  };
}

/** Create or edit a directory entry: a helpline or NRM actor with its numbers, hours, languages and NRM stages. */
export function DirectoryEntryModal({ target, onClose, onSaved, countries }: { target: DirectoryEntryView | 'new' | null; onClose: () => void; onSaved: () => void; countries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const submission = useSubmission();
  const lang = currentLocale();
  const form = useForm<EntryValues>({
    mode: 'controlled',
    initialValues: valuesOf(null, lang),
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      countryCode: (v) => (v ? null : t('validation.required')),
      phones: { number: (v) => (/^[+0-9 ()\-./]{3,40}$/.test(v.trim()) ? null : t('knowledge.directory.phoneRule')) },
    },
  });
  const { setValues } = form;
  useEffect(() => {
    if (target === null) return;
    submission.clearError();
    setValues(valuesOf(target === 'new' ? null : target, lang));
  }, [target]);

  const submit = form.onSubmit(async (v) => {
    const descriptions = { ...(target && target !== 'new' ? target.descriptions : {}), [lang]: v.description.trim() };
    const body: DirectoryInput = {
      kind: v.kind,
      countryCode: v.countryCode,
      name: v.name.trim(),
      localName: orNull(v.localName),
      descriptions: Object.fromEntries(Object.entries(descriptions).filter(([, d]) => d !== '')),
      phones: v.phones.map((p) => ({ number: p.number.trim(), ...(p.label.trim() ? { label: p.label.trim() } : {}), ...(p.free ? { free: true } : {}) })),
      email: orNull(v.email),
      website: orNull(v.website),
      city: orNull(v.city),
      address: orNull(v.address),
      hours: orNull(v.hours),
      aroundTheClock: v.aroundTheClock,
      languages: v.languages.map((l) => l.trim().toLowerCase()),
      operator: orNull(v.operator),
      nrmStages: v.nrmStages,
      audience: v.audience,
      needsReview: v.needsReview,
    };
    const ok = await submission.run(async () => {
      try {
        if (target === 'new') await kbApi.createDirectoryEntry(body);
        else if (target) await kbApi.updateDirectoryEntry(target.id, { ...body, version: target.version });
      } catch (caught) {
        if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path, issue.message);
        throw caught;
      }
    });
    if (ok) {
      notifySuccess(t('knowledge.directory.saved'));
      onSaved();
      onClose();
    }
  });

  return (
    <Modal opened={target !== null} onClose={onClose} title={target === 'new' ? t('knowledge.directory.newEntry') : t('knowledge.directory.editEntry')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t('knowledge.directory.kind')} data={kb.options('directoryKind')} allowDeselect={false} required {...form.getInputProps('kind')} />
            <Select label={t('knowledge.fields.country')} data={countries} searchable allowDeselect={false} required {...form.getInputProps('countryCode')} />
            <Select label={t('knowledge.fields.audience')} data={kb.options('audience')} allowDeselect={false} {...form.getInputProps('audience')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('knowledge.directory.name')} required maxLength={300} {...form.getInputProps('name')} data-autofocus />
            <TextInput label={t('knowledge.directory.localName')} maxLength={300} {...form.getInputProps('localName')} />
          </SimpleGrid>
          <Textarea label={t('knowledge.directory.descriptionIn', { language: kb.language(lang) })} autosize minRows={2} maxLength={4000} {...form.getInputProps('description')} />
          <Fieldset legend={t('knowledge.directory.phones')} radius="md">
            <Stack gap="xs">
              {form.values.phones.map((p, index) => (
                <Group key={p.key} gap="xs" align="flex-end" wrap="nowrap" data-testid="phone-row">
                  <TextInput flex={1} type="tel" label={t('knowledge.directory.phoneN', { n: index + 1 })} required {...form.getInputProps(`phones.${index}.number`)} />
                  <TextInput flex={1} label={t('knowledge.directory.phoneLabel')} maxLength={120} {...form.getInputProps(`phones.${index}.label`)} />
                  <Checkbox mb={8} label={t('knowledge.directory.free')} {...form.getInputProps(`phones.${index}.free`, { type: 'checkbox' })} />
                  <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={t('knowledge.directory.removePhone', { n: index + 1 })} onClick={() => form.removeListItem('phones', index)}>
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} disabled={form.values.phones.length >= 10} onClick={() => form.insertListItem('phones', newPhone())} style={{ alignSelf: 'flex-start' }}>
                {t('knowledge.directory.addPhone')}
              </Button>
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput type="email" label={t('knowledge.directory.email')} maxLength={200} {...form.getInputProps('email')} />
            <TextInput type="url" label={t('knowledge.directory.website')} placeholder="https://" maxLength={2000} {...form.getInputProps('website')} />
            <TextInput label={t('knowledge.directory.operator')} maxLength={300} {...form.getInputProps('operator')} />
            <TextInput label={t('knowledge.directory.city')} maxLength={120} {...form.getInputProps('city')} />
            <TextInput label={t('knowledge.directory.address')} maxLength={300} {...form.getInputProps('address')} />
            <TextInput label={t('knowledge.directory.hours')} maxLength={300} {...form.getInputProps('hours')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TagsInput label={t('knowledge.directory.languages')} description={t('knowledge.directory.languagesHint')} maxTags={20} {...form.getInputProps('languages')} />
            <MultiSelect label={t('knowledge.directory.stages')} data={kb.options('stage')} comboboxProps={{ withinPortal: true }} {...form.getInputProps('nrmStages')} />
          </SimpleGrid>
          <Group gap="lg">
            <Switch label={t('knowledge.directory.aroundTheClock')} {...form.getInputProps('aroundTheClock', { type: 'checkbox' })} />
            <Switch label={t('knowledge.fields.needsReview')} {...form.getInputProps('needsReview', { type: 'checkbox' })} />
          </Group>
          <FormError error={submission.error} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
