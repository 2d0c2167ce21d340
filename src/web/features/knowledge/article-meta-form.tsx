import { useEffect, useMemo } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArticleType, Audience } from '../../../domain/knowledge/knowledge-fields';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { kbPaths, type ArticleUpdateInput, type ArticleView, type InstrumentView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { TaxonomyCodePicker } from './taxonomy-code-picker';

const REGIONAL = 'regional';

interface MetaValues {
  type: ArticleType;
  audience: Audience;
  country: string;
  tags: string[];
  taxonomyCodes: string[];
  legalInstrumentId: string | null;
  reviewDueOn: string;
  needsReview: boolean;
  reviewNote: string;
}

function valuesOf(a: ArticleView): MetaValues {
  return {
    type: a.type,
    audience: a.audience,
    country: a.countryCode ?? REGIONAL,
    tags: a.tags,
    taxonomyCodes: a.taxonomyCodes,
    legalInstrumentId: a.legalInstrumentId,
    reviewDueOn: a.reviewDueOn ?? '',
    needsReview: a.needsReview,
    reviewNote: a.reviewNote ?? '',
  };
}

/** The article's metadata, shared by all its translations; saved with the article's version (optimistic concurrency). */
export function ArticleMetaForm({ article, countries, onSave }: { article: ArticleView; countries: { value: string; label: string }[]; onSave: (body: ArticleUpdateInput) => Promise<void> }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const submission = useSubmission();
  const instruments = useApiQuery<{ items: InstrumentView[] }>(kbPaths.legal());
  const instrumentOptions = useMemo(
    () => (instruments.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.shortTitle ?? i.title}${i.year ? ` (${i.year})` : ''}` })),
    [instruments.data],
  );
  const form = useForm<MetaValues>({ mode: 'controlled', initialValues: valuesOf(article) });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    const values = valuesOf(article);
    setValues(values);
    resetDirty(values);
  }, [article.version]);

  const save = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      try {
        await onSave({
          type: v.type,
          audience: v.audience,
          countryCode: v.country === REGIONAL ? null : v.country,
          tags: v.tags,
          taxonomyCodes: v.taxonomyCodes,
          legalInstrumentId: v.legalInstrumentId,
          reviewDueOn: v.reviewDueOn || null,
          needsReview: v.needsReview,
          reviewNote: v.reviewNote.trim() || null,
          version: article.version,
        });
      } catch (caught) {
        if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path, issue.message);
        throw caught;
      }
    });
    if (ok) notifySuccess(t('knowledge.editor.metaSaved'));
  });

  return (
    <form onSubmit={save} noValidate data-testid="meta-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select label={t('knowledge.fields.type')} data={kb.options('type')} allowDeselect={false} {...form.getInputProps('type')} />
          <Select label={t('knowledge.fields.audience')} data={kb.options('audience')} allowDeselect={false} {...form.getInputProps('audience')} />
          <Select label={t('knowledge.fields.country')} data={[{ value: REGIONAL, label: t('knowledge.regional') }, ...countries]} allowDeselect={false} searchable {...form.getInputProps('country')} />
          <TextInput label={t('knowledge.fields.reviewDueOn')} type="date" {...form.getInputProps('reviewDueOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TagsInput label={t('knowledge.fields.tags')} description={t('knowledge.fields.tagsHint')} maxTags={30} clearable {...form.getInputProps('tags')} />
          <Select
            label={t('knowledge.fields.legalInstrument')}
            description={t('knowledge.fields.legalInstrumentHint')}
            data={instrumentOptions}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('legalInstrumentId')}
          />
        </SimpleGrid>
        <TaxonomyCodePicker value={form.values.taxonomyCodes} onChange={(codes) => form.setFieldValue('taxonomyCodes', codes)} error={form.errors.taxonomyCodes as string | undefined} />
        <Group align="flex-start" gap="md" grow>
          <Switch mt="md" label={t('knowledge.fields.needsReview')} description={t('knowledge.fields.needsReviewHint')} {...form.getInputProps('needsReview', { type: 'checkbox' })} />
          <Textarea label={t('knowledge.fields.reviewNote')} autosize minRows={1} maxLength={1000} {...form.getInputProps('reviewNote')} />
        </Group>
        <FormError error={submission.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={submission.busy} disabled={!form.isDirty()} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />} data-testid="meta-save">
            {t('knowledge.editor.saveMeta')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
