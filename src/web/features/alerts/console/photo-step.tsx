import { useEffect, useState } from 'react';
import { Button, FileInput, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoto, IconPhotoUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { notifySuccess } from '../../../components/notify';
import { useSubmission } from '../../../lib/use-submission';
import { alertsApi, readAsDataUrl } from './alerts-api';

/** Upload the child's photo for an alert (preview first), or take the one on the missing-child case. */
export function PhotoStep({ alertId, fromCase, onDone, doneLabel }: { alertId: string; fromCase: boolean; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const submission = useSubmission();

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    let live = true;
    void readAsDataUrl(file).then(
      (url) => live && setPreview(url),
      () => live && setPreview(null),
    );
    return () => {
      live = false;
    };
  }, [file]);

  const upload = async (action: () => Promise<unknown>) => {
    const ok = await submission.run(async () => {
      await action();
    });
    if (ok) {
      notifySuccess(t('alerts.photo.uploaded'));
      onDone();
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="alert-photo-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="alert-photo-title">
          {t('alerts.photo.title')}
        </Title>
        <Text size="sm">{t('alerts.photo.hint')}</Text>
        <FormError error={submission.error} />
        <FileInput label={t('alerts.photo.file')} accept="image/jpeg,image/png,image/webp" clearable value={file} onChange={setFile} leftSection={<IconPhoto size={16} aria-hidden="true" />} />
        {preview && <Image src={preview} alt={t('alerts.photo.previewAlt')} maw={240} radius="md" />}
        <Group gap="sm">
          <Button color="teal.9" disabled={!file} loading={submission.busy} leftSection={<IconPhotoUp size={16} aria-hidden="true" />} onClick={() => file && void upload(() => alertsApi.uploadPhoto(alertId, file))}>
            {t('alerts.photo.upload')}
          </Button>
          {fromCase && (
            <Button variant="default" loading={submission.busy} onClick={() => void upload(() => alertsApi.usePhotoFromCase(alertId))}>
              {t('alerts.photo.fromCase')}
            </Button>
          )}
          <Button variant="subtle" onClick={onDone}>
            {doneLabel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
