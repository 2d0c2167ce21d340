import { useState } from 'react';
import { Button, Checkbox, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useSubmission } from '../../lib/use-submission';
import type { TranslationInput, TranslationView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

/** A language without a translation yet: start one, empty or from the English text. */
export function AddTranslation({ lang, english, onCreate }: { lang: string; english: TranslationView | undefined; onCreate: (body: TranslationInput) => Promise<void> }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const submission = useSubmission();
  const [fromEnglish, setFromEnglish] = useState(Boolean(english));
  const [title, setTitle] = useState('');
  const effectiveTitle = title.trim() || (fromEnglish ? (english?.title ?? '') : '');
  const create = () =>
    void submission.run(() =>
      onCreate(
        fromEnglish && english
          ? { title: effectiveTitle, summary: english.summary, bodyMd: english.bodyMd, note: t('knowledge.editor.fromEnglishNote') }
          : { title: effectiveTitle, summary: '', bodyMd: '' },
      ),
    );
  return (
    <Paper withBorder radius="md" p="md" data-testid={`add-translation-${lang}`}>
      <Stack gap="sm" maw={560}>
        <Text size="sm">{t('knowledge.editor.noTranslation', { language: kb.language(lang) })}</Text>
        <TextInput lang={lang} label={t('knowledge.fields.title')} description={fromEnglish ? t('knowledge.editor.titleFromEnglish') : undefined} value={title} maxLength={300} onChange={(e) => setTitle(e.currentTarget.value)} />
        {english && <Checkbox label={t('knowledge.editor.prefillEnglish')} checked={fromEnglish} onChange={(e) => setFromEnglish(e.currentTarget.checked)} />}
        <FormError error={submission.error} />
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={create} disabled={!effectiveTitle} loading={submission.busy} style={{ alignSelf: 'flex-start' }}>
          {t('knowledge.editor.addTranslation')}
        </Button>
      </Stack>
    </Paper>
  );
}
