import { useMemo } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useSubmission } from '../../../lib/use-submission';
import { AlertFormFields, alertFormValidate } from './alert-form';
import { emptyFormValues, formValuesFrom, toEditBody, type AlertFormValues } from './alert-form-model';
import { alertsApi, type AlertSettings, type AlertView } from './alerts-api';

/** Edit a draft, or update an issued alert (a CAP Update, with a required note). */
export function AlertEditForm({ alert, settings, onSaved, onCancel }: { alert: AlertView; settings: AlertSettings; onSaved: (alert: AlertView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const issued = alert.status === 'issued';
  const languages = useMemo(() => [...new Set([...settings.languages, ...Object.keys(alert.content?.texts ?? {})])], [settings.languages, alert.content]);
  const initialValues = useMemo(() => formValuesFrom(alert, emptyFormValues(alert.countryCode, languages)), [alert, languages]);
  const form = useForm<AlertFormValues>({ mode: 'controlled', initialValues, validate: alertFormValidate((key) => t(key), languages, issued) });
  const submit = form.onSubmit(async (values) => {
    let saved: AlertView | null = null;
    const ok = await submission.run(async () => {
      saved = await alertsApi.update(alert.id, toEditBody(values, languages, alert.version, issued));
    });
    if (ok && saved) onSaved(saved);
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('alerts.detail.editTitle')}>
      <Stack gap="md">
        <AlertFormFields form={form} settings={{ ...settings, languages: languages as AlertSettings['languages'] }} mode={issued ? 'issued' : 'draft'} />
        <FormError error={submission.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="teal.9" loading={submission.busy} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
            {issued ? t('alerts.actions.publishUpdate') : t('alerts.new.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
