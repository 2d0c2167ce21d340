import { useEffect } from 'react';
import { Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Tabs, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { KB_LANGUAGES, type InstrumentKind } from '../../../domain/knowledge/knowledge-fields';
import { ApiError } from '../../api/client';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { kbApi, type InstrumentView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

interface InstrumentValues {
  kind: InstrumentKind;
  countryCode: string | null;
  title: string;
  shortTitle: string;
  reference: string;
  year: number | '';
  adoptedOn: string;
  inForceOn: string;
  officialUrl: string;
  summaries: Record<string, string>;
  topics: string[];
  needsReview: boolean;
  reviewNote: string;
}

const orNull = (s: string) => s.trim() || null;

function valuesOf(i: InstrumentView | null): InstrumentValues {
  return {
    kind: i?.kind ?? 'national',
    countryCode: i?.countryCode ?? null,
    title: i?.title ?? '',
    shortTitle: i?.shortTitle ?? '',
    reference: i?.reference ?? '',
    year: i?.year ?? '',
    adoptedOn: i?.adoptedOn ?? '',
    inForceOn: i?.inForceOn ?? '',
    officialUrl: i?.officialUrl ?? '',
    summaries: Object.fromEntries(KB_LANGUAGES.map((l) => [l, i?.summaries[l] ?? ''])),
    topics: i?.topics ?? [],
    needsReview: i?.needsReview ?? true,
    reviewNote: i?.reviewNote ?? '',
  };
}

/** Create a legal instrument (national ones belong to a country) or edit one: facts, official link, summaries per language. */
export function InstrumentEditModal({ target, onClose, onSaved, countries }: { target: InstrumentView | 'new' | null; onClose: () => void; onSaved: () => void; countries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const submission = useSubmission();
  const form = useForm<InstrumentValues>({
    mode: 'controlled',
    initialValues: valuesOf(null),
    validate: {
      title: (v) => (v.trim().length >= 2 ? null : t('validation.required')),
      countryCode: (v, all) => (all.kind === 'national' && !v ? t('validation.required') : null),
    },
  });
  const { setValues } = form;
  useEffect(() => {
    if (target === null) return;
    submission.clearError();
    setValues(valuesOf(target === 'new' ? null : target));
  }, [target]);

  const submit = form.onSubmit(async (v) => {
    const common = {
      title: v.title.trim(),
      shortTitle: orNull(v.shortTitle),
      reference: orNull(v.reference),
      year: v.year === '' ? null : v.year,
      adoptedOn: v.adoptedOn || null,
      inForceOn: v.inForceOn || null,
      officialUrl: orNull(v.officialUrl),
      summaries: Object.fromEntries(Object.entries(v.summaries).map(([k, s]) => [k, s.trim()]).filter(([, s]) => s !== '')),
      topics: v.topics,
      needsReview: v.needsReview,
      reviewNote: orNull(v.reviewNote),
    };
    const ok = await submission.run(async () => {
      try {
        if (target === 'new') await kbApi.createInstrument({ ...common, kind: v.kind, countryCode: v.kind === 'national' ? v.countryCode : null });
        else if (target) await kbApi.updateInstrument(target.id, { ...common, version: target.version });
      } catch (caught) {
        if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path, issue.message);
        throw caught;
      }
    });
    if (ok) {
      notifySuccess(t('knowledge.legal.saved'));
      onSaved();
      onClose();
    }
  });

  const isNew = target === 'new';
  return (
    <Modal opened={target !== null} onClose={onClose} title={isNew ? t('knowledge.legal.newInstrument') : t('knowledge.legal.editInstrument')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {isNew && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label={t('knowledge.legal.kind')} data={kb.options('instrumentKind')} allowDeselect={false} required {...form.getInputProps('kind')} />
              {form.values.kind === 'national' && <Select label={t('knowledge.fields.country')} data={countries} searchable required {...form.getInputProps('countryCode')} />}
            </SimpleGrid>
          )}
          <TextInput label={t('knowledge.legal.titleField')} required maxLength={400} {...form.getInputProps('title')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('knowledge.legal.shortTitle')} maxLength={120} {...form.getInputProps('shortTitle')} />
            <TextInput label={t('knowledge.legal.reference')} maxLength={200} {...form.getInputProps('reference')} />
            <NumberInput label={t('knowledge.legal.year')} min={1800} max={2200} allowDecimal={false} {...form.getInputProps('year')} />
            <TextInput type="date" label={t('knowledge.legal.adoptedOn')} {...form.getInputProps('adoptedOn')} />
            <TextInput type="date" label={t('knowledge.legal.inForceOn')} {...form.getInputProps('inForceOn')} />
            <TextInput type="url" label={t('knowledge.legal.officialUrl')} placeholder="https://" maxLength={2000} {...form.getInputProps('officialUrl')} />
          </SimpleGrid>
          <Tabs defaultValue="en">
            <Tabs.List aria-label={t('knowledge.legal.summaries')}>
              {KB_LANGUAGES.map((l) => (
                <Tabs.Tab key={l} value={l}>{kb.language(l)}</Tabs.Tab>
              ))}
            </Tabs.List>
            {KB_LANGUAGES.map((l) => (
              <Tabs.Panel key={l} value={l} pt="xs">
                <Textarea lang={l} label={t('knowledge.legal.summaryIn', { language: kb.language(l) })} autosize minRows={3} maxRows={10} maxLength={4000} {...form.getInputProps(`summaries.${l}`)} />
              </Tabs.Panel>
            ))}
          </Tabs>
          <TagsInput label={t('knowledge.legal.topics')} maxTags={20} clearable {...form.getInputProps('topics')} />
          <Switch label={t('knowledge.fields.needsReview')} {...form.getInputProps('needsReview', { type: 'checkbox' })} />
          <Textarea label={t('knowledge.fields.reviewNote')} autosize minRows={1} maxLength={1000} {...form.getInputProps('reviewNote')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={isNew ? t('knowledge.legal.create') : t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
