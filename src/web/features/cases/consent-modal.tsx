import { useEffect } from 'react';
import { Alert, Checkbox, Modal, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useSubmission } from '../../lib/use-submission';
import { CONSENT_GIVERS, useCaseLabels } from './case-labels';
import { casesApi, type CaseView, type ConsentView } from './cases-api';

/** What consent is on record, in one line per fact. */
export function ConsentSummary({ consent }: { consent: ConsentView | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  if (!consent) return <Text size="sm">{t('cases.consent.none')}</Text>;
  const yes = (v: boolean) => (v ? t('cases.yes') : t('cases.no'));
  return (
    <Stack gap={2} data-testid="consent-summary">
      <Text size="sm" fw={600}>
        {consent.given ? t('cases.consent.given', { by: caseLabels.label('consentGiver', consent.givenBy) }) : t('cases.consent.refused')}
      </Text>
      <Text size="sm">{`${t('cases.consent.coversReferral')}: ${yes(consent.coversReferral)}`}</Text>
      <Text size="sm">{`${t('cases.consent.coversTransfer')}: ${yes(consent.coversTransfer)}`}</Text>
      {consent.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {consent.note}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('cases.consent.recorded', { at: labels.dateTime(consent.recordedAt), by: consent.recordedBy?.displayName ?? '—' })}
      </Text>
    </Stack>
  );
}

/** Record the child's or guardian's consent: given or not, by whom, whether it covers referral and cross-border transfer. */
export function ConsentModal({ caseView, opened, onClose, onSaved }: { caseView: CaseView; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const submission = useSubmission();
  const form = useForm({
    mode: 'controlled',
    initialValues: { given: true, givenBy: 'guardian' as string | null, coversReferral: true, coversTransfer: false, note: '' },
  });
  const { setValues } = form;
  useEffect(() => {
    if (!opened) return;
    submission.clearError();
    const c = caseView.consent;
    setValues(c ? { given: c.given, givenBy: c.givenBy, coversReferral: c.coversReferral, coversTransfer: c.coversTransfer, note: c.note ?? '' } : { given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: false, note: '' });
  }, [opened]);
  const given = form.getValues().given;

  const submit = form.onSubmit(async (v) => {
    if (v.given && !v.givenBy) return form.setFieldError('givenBy', t('cases.consent.givenByRequired'));
    const ok = await submission.run(async () => {
      await casesApi.recordConsent(caseView.id, {
        given: v.given,
        givenBy: v.given ? (v.givenBy as (typeof CONSENT_GIVERS)[number]) : null,
        coversReferral: v.given && v.coversReferral,
        coversTransfer: v.given && v.coversTransfer,
        note: v.note.trim() || null,
        version: caseView.version,
      });
    });
    if (ok) {
      notifySuccess(t('cases.consent.saved'));
      onSaved();
      onClose();
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.consent.title')} size="lg">
      <Stack gap="md">
        <Alert color="gray" variant="light" title={t('cases.consent.onRecord')}>
          <ConsentSummary consent={caseView.consent} />
        </Alert>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Switch label={t('cases.consent.givenLabel')} data-autofocus {...form.getInputProps('given', { type: 'checkbox' })} />
            {given && (
              <>
                <Select label={t('cases.consent.givenBy')} data={labels.options('consentGiver')} required allowDeselect={false} {...form.getInputProps('givenBy')} />
                <Checkbox label={t('cases.consent.coversReferral')} description={t('cases.consent.coversReferralHint')} {...form.getInputProps('coversReferral', { type: 'checkbox' })} />
                <Checkbox label={t('cases.consent.coversTransfer')} description={t('cases.consent.coversTransferHint')} {...form.getInputProps('coversTransfer', { type: 'checkbox' })} />
              </>
            )}
            <Textarea label={t('cases.consent.note')} description={t('cases.consent.noteHint')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
            <FormError error={submission.error} />
            <FormActions submitLabel={t('cases.consent.save')} onCancel={onClose} busy={submission.busy} />
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
