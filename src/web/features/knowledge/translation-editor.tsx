import { useEffect } from 'react';
import { Anchor, Button, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconFileDownload, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { kbPaths, type ArticleAction, type TranslationInput, type TranslationView } from './knowledge-api';
import { MarkdownPreview } from './markdown-preview';
import { WorkflowBar } from './workflow-bar';

interface TranslationValues {
  title: string;
  summary: string;
  bodyMd: string;
  note: string;
}

interface TranslationEditorProps {
  articleId: string;
  translation: TranslationView;
  onSave: (body: TranslationInput) => Promise<void>;
  onAction: (action: ArticleAction, comment?: string) => Promise<void>;
  onHistory: () => void;
  canReview: boolean;
}

function valuesOf(tr: TranslationView): TranslationValues {
  return { title: tr.title, summary: tr.summary, bodyMd: tr.bodyMd, note: '' };
}

/** One translation: title, summary and Markdown body beside a live preview; save with a note; workflow actions. */
export function TranslationEditor({ articleId, translation, onSave, onAction, onHistory, canReview }: TranslationEditorProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const form = useForm<TranslationValues>({
    mode: 'controlled',
    initialValues: valuesOf(translation),
    validate: { title: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    // A new version from the server (saved here, or by a workflow step) becomes the form's clean state.
    const values = valuesOf(translation);
    setValues(values);
    resetDirty(values);
  }, [translation.version, translation.lang]);

  const save = form.onSubmit(async (values) => {
    const ok = await submission.run(async () => {
      try {
        await onSave({ title: values.title.trim(), summary: values.summary.trim(), bodyMd: values.bodyMd, note: values.note.trim() || undefined, version: translation.version });
      } catch (caught) {
        if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path, issue.message);
        throw caught;
      }
    });
    if (ok) notifySuccess(t('knowledge.editor.saved'));
  });
  const dirty = form.isDirty('title') || form.isDirty('summary') || form.isDirty('bodyMd');

  return (
    <Stack gap="md">
      <WorkflowBar translation={translation} onAction={onAction} dirty={dirty} canReview={canReview} />
      <form onSubmit={save} noValidate lang={translation.lang}>
        <Stack gap="sm">
          <TextInput label={t('knowledge.fields.title')} required maxLength={300} {...form.getInputProps('title')} data-testid="tr-title" />
          <Textarea label={t('knowledge.fields.summary')} autosize minRows={2} maxRows={5} maxLength={1000} {...form.getInputProps('summary')} data-testid="tr-summary" />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Textarea
                label={t('knowledge.fields.body')}
                description={t('knowledge.editor.markdownHint')}
                autosize
                minRows={14}
                maxRows={30}
                maxLength={200000}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                {...form.getInputProps('bodyMd')}
                data-testid="tr-body"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <MarkdownPreview bodyMd={form.values.bodyMd} lang={translation.lang} />
            </Grid.Col>
          </Grid>
          <TextInput label={t('knowledge.editor.note')} description={t('knowledge.editor.noteHint')} maxLength={500} {...form.getInputProps('note')} data-testid="tr-note" />
          <FormError error={submission.error} />
          <Group justify="space-between">
            <Group gap="sm">
              <Button variant="default" leftSection={<IconHistory size={16} aria-hidden="true" />} onClick={onHistory} data-testid="open-history">
                {t('knowledge.history.open')}
              </Button>
              <Anchor href={kbPaths.markdown(articleId, translation.lang)} download size="sm">
                <Group gap={4} component="span">
                  <IconFileDownload size={16} aria-hidden="true" />
                  {t('knowledge.editor.downloadMarkdown')}
                </Group>
              </Anchor>
            </Group>
            <Button type="submit" loading={submission.busy} disabled={!form.isDirty()} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />} data-testid="tr-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
