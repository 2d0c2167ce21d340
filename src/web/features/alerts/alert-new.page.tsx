import { useMemo, useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { AlertFormFields, alertFormValidate } from './console/alert-form';
import { defaultExpiry, emptyFormValues, formValuesFrom, isoToLocalInput, toDraftBody, type AlertFormValues } from './console/alert-form-model';
import { alertPaths, alertsApi, type AlertDraftBody, type AlertSettings, type AlertView } from './console/alerts-api';
import { useAlertSettings } from './console/use-alert-settings';
import { PhotoStep } from './console/photo-step';

/** The drafting form once the country's settings (and the case prefill) are known. */
function DraftForm({ settings, prefill, caseId, onCreated }: { settings: AlertSettings; prefill: AlertDraftBody | undefined; caseId: string | null; onCreated: (alert: AlertView) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const initialValues = useMemo<AlertFormValues>(() => {
    const base = emptyFormValues(settings.countryCode, settings.languages);
    base.authorityName = settings.issuingAuthority;
    const filled = prefill ? formValuesFrom(prefill, base) : base;
    if (!filled.expiresAt) filled.expiresAt = isoToLocalInput(defaultExpiry(filled.tier, settings, new Date()).toISOString());
    return filled;
  }, [settings, prefill]);
  const form = useForm<AlertFormValues>({
    mode: 'controlled',
    initialValues,
    validate: alertFormValidate((key) => t(key), settings.languages, false),
    onValuesChange: (next, previous) => {
      // A new tier has another maximum: move the default expiry along while the user has not set their own.
      if (next.tier !== previous.tier && previous.expiresAt === isoToLocalInput(defaultExpiry(previous.tier, settings, new Date()).toISOString())) {
        form.setFieldValue('expiresAt', isoToLocalInput(defaultExpiry(next.tier, settings, new Date()).toISOString()));
      }
    },
  });

  const submit = form.onSubmit(async (values) => {
    let created: AlertView | null = null;
    const ok = await submission.run(async () => {
      created = await alertsApi.create(toDraftBody(values, settings.languages, settings.countryCode, caseId));
    });
    if (ok && created) {
      notifySuccess(t('alerts.new.saved'));
      onCreated(created);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('alerts.new.title')}>
      <Stack gap="md">
        <AlertFormFields form={form} settings={settings} mode="new" />
        <FormError error={submission.error} />
        {Object.keys(form.errors).length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('alerts.form.fixErrors')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color="teal.9" loading={submission.busy} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
            {t('alerts.new.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Draft a child alert (optionally from a missing-child case: ?caseId=), then add the photo. */
export default function AlertNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const caseId = params.get('caseId');
  const settings = useAlertSettings();
  const prefill = useApiQuery<AlertDraftBody>(caseId ? alertPaths.prefill(caseId) : null);
  const [created, setCreated] = useState<AlertView | null>(null);
  const waiting = settings.loading || (caseId !== null && prefill.loading && !prefill.data && !prefill.error);

  return (
    <Stack gap="lg">
      <PageHeader title={t('alerts.new.title')} description={t('alerts.new.description')} />
      {prefill.error ? <FormError error={prefill.error} /> : null}
      {created ? (
        <PhotoStep alertId={created.id} fromCase={Boolean(caseId)} doneLabel={t('alerts.photo.later')} onDone={() => void navigate(`/alerts/${created.id}`)} />
      ) : (
        <QueryState loading={waiting} error={settings.error} hasData={!waiting && Boolean(settings.data)} onRetry={() => void settings.reload()}>
          {settings.settings ? (
            <DraftForm settings={settings.settings} prefill={prefill.data} caseId={caseId} onCreated={setCreated} />
          ) : (
            <Alert color="yellow" variant="light" c="dark.9" title={t('errors.codes.ALERT_COUNTRY_NOT_CONFIGURED')} />
          )}
        </QueryState>
      )}
    </Stack>
  );
}
