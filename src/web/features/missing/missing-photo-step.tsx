import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { casesApi } from '../cases/cases-api';
import { missingApi, type MissingReportView } from './missing-api';

const ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

/** Upload a photo as an identity document of the case and mark it as the report's photo. */
export function MissingPhotoStep({ report, onDone, submitLabel }: { report: MissingReportView; onDone: (updated: MissingReportView) => void; submitLabel?: string }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    let updated: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      const doc = await casesApi.uploadDocument(report.caseId, file, 'identity');
      updated = await missingApi.setPhoto(report.caseId, doc.id, report.version);
    });
    if (ok && updated) {
      notifySuccess(t('missing.photo.saved'));
      setFile(null);
      onDone(updated);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('missing.photo.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('missing.photo.hint')}</Text>
        <FileInput label={t('missing.photo.file')} accept={ACCEPT} value={file} onChange={setFile} clearable leftSection={<IconPhoto size={16} aria-hidden="true" />} data-testid="missing-photo-file" />
        <FormError error={submission.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submission.busy} disabled={!file}>
            {submitLabel ?? t('missing.photo.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
