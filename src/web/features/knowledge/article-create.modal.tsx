import { Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ArticleType, Audience, KbLanguage } from '../../../domain/knowledge/knowledge-fields';
import { ApiError } from '../../api/client';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { currentLocale } from '../../i18n';
import { useSubmission } from '../../lib/use-submission';
import { kbApi } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { TaxonomyCodePicker } from './taxonomy-code-picker';

interface NewArticleValues {
  type: ArticleType;
  audience: Audience;
  country: string;
  lang: KbLanguage;
  title: string;
  summary: string;
  tags: string[];
  taxonomyCodes: string[];
}

const REGIONAL = 'regional';

/** Create an article with its first translation (a draft), then open it in the editor. */
export function ArticleCreateModal({ opened, onClose, countries }: { opened: boolean; onClose: () => void; countries: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const navigate = useNavigate();
  const submission = useSubmission();
  const form = useForm<NewArticleValues>({
    mode: 'controlled',
    initialValues: { type: 'faq', audience: 'professionals', country: REGIONAL, lang: currentLocale(), title: '', summary: '', tags: [], taxonomyCodes: [] },
    validate: { title: (v) => (v.trim() ? null : t('validation.required')) },
  });

  const submit = form.onSubmit(async (values) => {
    const ok = await submission.run(async () => {
      try {
        const created = await kbApi.createArticle({
          type: values.type,
          audience: values.audience,
          countryCode: values.country === REGIONAL ? null : values.country,
          tags: values.tags,
          taxonomyCodes: values.taxonomyCodes,
          lang: values.lang,
          translation: { title: values.title.trim(), summary: values.summary.trim(), bodyMd: '' },
        });
        notifySuccess(t('knowledge.manage.created'));
        form.reset();
        onClose();
        void navigate(`/knowledge/manage/${created.id}?lang=${values.lang}`);
      } catch (caught) {
        if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path.replace(/^translation\./, ''), issue.message);
        throw caught;
      }
    });
    void ok;
  });

  const countryOptions = [{ value: REGIONAL, label: t('knowledge.regional') }, ...countries];
  return (
    <Modal opened={opened} onClose={onClose} title={t('knowledge.manage.newArticle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('knowledge.fields.type')} data={kb.options('type')} allowDeselect={false} required {...form.getInputProps('type')} />
            <Select label={t('knowledge.fields.audience')} data={kb.options('audience')} allowDeselect={false} required {...form.getInputProps('audience')} />
            <Select label={t('knowledge.fields.country')} data={countryOptions} allowDeselect={false} searchable required {...form.getInputProps('country')} />
            <Select label={t('knowledge.fields.language')} data={kb.languageOptions} allowDeselect={false} required {...form.getInputProps('lang')} />
          </SimpleGrid>
          <TextInput label={t('knowledge.fields.title')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('knowledge.fields.summary')} autosize minRows={2} maxLength={1000} {...form.getInputProps('summary')} />
          <TagsInput label={t('knowledge.fields.tags')} description={t('knowledge.fields.tagsHint')} maxTags={30} clearable {...form.getInputProps('tags')} />
          <TaxonomyCodePicker value={form.values.taxonomyCodes} onChange={(codes) => form.setFieldValue('taxonomyCodes', codes)} error={form.errors.taxonomyCodes as string | undefined} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('knowledge.manage.create')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
