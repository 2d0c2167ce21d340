import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useSubmission } from '../../lib/use-submission';
import { casesApi, type CaseView } from './cases-api';

/** Case notes, newest first, and a box to add one (stored encrypted). */
export function NotesPanel({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const form = useForm({ mode: 'controlled', initialValues: { body: '' }, validate: { body: (v: string) => (v.trim() ? null : t('cases.notes.required')) } });
  const notes = [...caseView.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const submit = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      await casesApi.addNote(caseView.id, v.body.trim());
    });
    if (ok) {
      notifySuccess(t('cases.notes.added'));
      form.reset();
      onChanged();
    }
  });
  return (
    <Stack gap="md">
      {caseView.permissions.write && (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Textarea label={t('cases.notes.new')} autosize minRows={3} maxLength={20000} {...form.getInputProps('body')} />
              <FormError error={submission.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={submission.busy}>
                  {t('cases.notes.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <section aria-labelledby="notes-title">
        <Group gap="xs" mb="sm">
          <Title order={2} size="h4" id="notes-title">
            {t('cases.notes.title')}
          </Title>
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden="true" />} styles={{ label: { textTransform: 'none' } }}>
            {t('cases.encrypted')}
          </Badge>
        </Group>
        {notes.length === 0 ? (
          <Text size="sm">{t('cases.notes.none')}</Text>
        ) : (
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {notes.map((n) => (
              <Paper component="li" key={n.id} withBorder p="sm" radius="md" data-testid="case-note">
                <Text size="xs" c="dimmed" mb={4}>
                  {t('cases.notes.meta', { at: labels.dateTime(n.createdAt), by: n.author?.displayName ?? '—' })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
