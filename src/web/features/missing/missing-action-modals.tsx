import { useEffect } from 'react';
import { Alert, Anchor, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { isoToLocalInput, localInputToIso } from '../cases/case-helpers';
import { referralPaths } from '../referrals/referrals-api';
import { missingApi, type MissingReportView } from './missing-api';
import { useMissingLabels } from './missing-labels';
import { MissingPhotoStep } from './missing-photo-step';

export type MissingModal = 'found' | 'close' | 'reopen' | 'refer' | 'photo' | 'edit' | null;

interface ModalProps {
  report: MissingReportView;
  onClose: () => void;
  onSaved: (updated: MissingReportView) => void;
}

/** Found…: when, outcome and condition (required), an optional note (kept encrypted). */
export function FoundModal({ report, opened, onClose, onSaved }: ModalProps & { opened: boolean }) {
  const { t } = useTranslation();
  const labels = useMissingLabels();
  const submission = useSubmission();
  const form = useForm<{ foundAt: string; outcome: string | null; condition: string | null; note: string }>({
    mode: 'controlled',
    initialValues: { foundAt: isoToLocalInput(new Date()), outcome: null, condition: null, note: '' },
    validate: {
      foundAt: (v) => (localInputToIso(v) ? null : t('missing.found.timeRequired')),
      outcome: (v) => (v ? null : t('missing.found.outcomeRequired')),
      condition: (v) => (v ? null : t('missing.found.conditionRequired')),
    },
  });
  const { reset } = form;
  useEffect(() => {
    if (opened) {
      reset();
      submission.clearError();
    }
  }, [opened]);
  const submit = form.onSubmit(async (v) => {
    let updated: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      updated = await missingApi.act(report.caseId, { action: 'found', foundAt: localInputToIso(v.foundAt), outcome: v.outcome as 'found_safe', condition: v.condition as 'unharmed', note: v.note.trim() || null, version: report.version });
    });
    if (ok && updated) {
      notifySuccess(t('missing.found.saved'));
      onSaved(updated);
      onClose();
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('missing.found.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput type="datetime-local" label={t('missing.found.at')} required data-autofocus {...form.getInputProps('foundAt')} />
          <Select label={t('missing.fields.outcome')} data={labels.options('outcome')} required allowDeselect={false} {...form.getInputProps('outcome')} />
          <Select label={t('missing.fields.condition')} data={labels.options('condition')} required allowDeselect={false} {...form.getInputProps('condition')} />
          <Textarea label={t('missing.found.note')} description={t('missing.found.noteHint')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          {report.alerts.some((a) => ['draft', 'approved', 'issued'].includes(a.status)) && (
            <Alert color="yellow" variant="light">
              {t('missing.found.alertsWarning')}
            </Alert>
          )}
          <FormError error={submission.error} />
          <FormActions submitLabel={t('missing.found.submit')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Close (a reason code, a note required for "other") or reopen (a stated reason). */
export function CloseReopenModal({ report, mode, onClose, onSaved }: ModalProps & { mode: 'close' | 'reopen' | null }) {
  const { t } = useTranslation();
  const labels = useMissingLabels();
  const submission = useSubmission();
  const form = useForm<{ closeReason: string | null; note: string }>({ mode: 'controlled', initialValues: { closeReason: null, note: '' } });
  const { reset } = form;
  useEffect(() => {
    if (mode) {
      reset();
      submission.clearError();
    }
  }, [mode]);
  const values = form.getValues();
  const noteRequired = mode === 'reopen' || values.closeReason === 'other';
  const submit = form.onSubmit(async (v) => {
    if (!mode) return;
    if (mode === 'close' && !v.closeReason) return form.setFieldError('closeReason', t('missing.close.reasonRequired'));
    if (noteRequired && !v.note.trim()) return form.setFieldError('note', t('missing.close.noteRequired'));
    let updated: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      updated = await missingApi.act(report.caseId, { action: mode, closeReason: mode === 'close' ? (v.closeReason as 'other') : null, note: v.note.trim() || null, version: report.version });
    });
    if (ok && updated) {
      notifySuccess(mode === 'close' ? t('missing.close.saved') : t('missing.reopen.saved'));
      onSaved(updated);
      onClose();
    }
  });
  return (
    <Modal opened={mode !== null} onClose={onClose} title={mode === 'reopen' ? t('missing.reopen.title') : t('missing.close.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mode === 'close' && <Select label={t('missing.fields.closeReason')} data={labels.options('closeReason')} required allowDeselect={false} data-autofocus {...form.getInputProps('closeReason')} />}
          <Textarea label={mode === 'reopen' ? t('missing.reopen.reason') : t('missing.close.note')} required={noteRequired} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={mode === 'reopen' ? t('missing.reopen.submit') : t('missing.close.submit')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

interface HandoffDesk {
  organisationId: string;
  name: string;
  countryCode: string;
  city: string | null;
}

/** Refer to the 116 000 service of another country: a hand-off to a desk there (consent must cover transfer). */
export function ReferModal({ report, opened, onClose, onSaved }: ModalProps & { opened: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const desks = useApiQuery<{ items: HandoffDesk[] }>(opened ? referralPaths.desks(report.countryCode) : null);
  const form = useForm<{ desk: string | null; note: string }>({ mode: 'controlled', initialValues: { desk: null, note: '' }, validate: { desk: (v) => (v ? null : t('missing.refer.deskRequired')) } });
  const { reset } = form;
  useEffect(() => {
    if (opened) {
      reset();
      submission.clearError();
    }
  }, [opened]);
  const options = (desks.data?.items ?? []).map((d) => ({ value: d.organisationId, label: `${labels.country(d.countryCode)} · ${d.name}${d.city ? ` (${d.city})` : ''}` }));
  const submit = form.onSubmit(async (v) => {
    let updated: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      updated = (await missingApi.refer(report.caseId, v.desk!, v.note.trim() || null)).report;
    });
    if (ok && updated) {
      notifySuccess(t('missing.refer.saved'));
      onSaved(updated);
      onClose();
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('missing.refer.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('missing.refer.intro')}</Text>
          <Select label={t('missing.refer.desk')} data={options} searchable required data-autofocus nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps('desk')} />
          <Textarea label={t('missing.refer.note')} description={t('missing.refer.noteHint')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <Alert color="gray" variant="light">
            {t('missing.refer.consentNote')}{' '}
            <Anchor component={Link} to={`/cases/${report.caseId}?tab=handoffs`} size="sm">
              {t('missing.refer.handoffsLink')}
            </Anchor>
          </Alert>
          <FormError error={submission.error} />
          <FormActions submitLabel={t('missing.refer.submit')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Add or replace the photo. */
export function PhotoModal({ report, opened, onClose, onSaved }: ModalProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('missing.photo.title')}>
      <MissingPhotoStep
        report={report}
        onDone={(updated) => {
          onSaved(updated);
          onClose();
        }}
      />
    </Modal>
  );
}
