import { useEffect } from 'react';
import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CaseClosureReason, CaseStatus } from '../../../domain/cases/case-workflow';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { statusChangeNeeds } from './case-helpers';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseView } from './cases-api';

/** Move a case to `target`: closing asks why (and a text for "other"); reopening asks a reason. */
export function StatusModal({ caseView, target, onClose, onSaved }: { caseView: CaseView; target: CaseStatus | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const submission = useSubmission();
  const form = useForm<{ closureReason: string | null; reason: string }>({ mode: 'controlled', initialValues: { closureReason: null, reason: '' } });
  const { reset } = form;
  useEffect(() => {
    if (target) {
      reset();
      submission.clearError();
    }
  }, [target]);
  const values = form.getValues();
  const needs = target ? statusChangeNeeds(caseView.status, target, values.closureReason as CaseClosureReason | null) : { closureReason: false, reason: false };
  const reopen = caseView.status === 'closed';

  const submit = form.onSubmit(async (v) => {
    if (!target) return;
    if (needs.closureReason && !v.closureReason) return form.setFieldError('closureReason', t('cases.status.closureReasonRequired'));
    if (needs.reason && !v.reason.trim()) return form.setFieldError('reason', t('cases.status.reasonRequired'));
    const ok = await submission.run(async () => {
      await casesApi.setStatus(caseView.id, {
        status: target,
        closureReason: needs.closureReason ? (v.closureReason as CaseClosureReason) : null,
        reason: v.reason.trim() || null,
        version: caseView.version,
      });
    });
    if (ok) {
      notifySuccess(t('cases.status.saved', { status: labels.label('status', target) }));
      onSaved();
      onClose();
    }
  });

  const title = !target ? '' : reopen ? t('cases.status.reopenTitle') : t('cases.status.title', { status: labels.label('status', target) });
  return (
    <Modal opened={target !== null} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('cases.status.from', { from: labels.label('status', caseView.status), to: target ? labels.label('status', target) : '' })}</Text>
          {needs.closureReason && (
            <Select label={t('cases.fields.closureReason')} data={labels.options('closureReason')} required allowDeselect={false} data-autofocus {...form.getInputProps('closureReason')} />
          )}
          <Textarea
            label={reopen ? t('cases.status.reopenReason') : t('cases.status.reason')}
            description={needs.reason ? t('cases.status.reasonHint') : t('cases.status.reasonOptional')}
            required={needs.reason}
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus={!needs.closureReason}
            {...form.getInputProps('reason')}
          />
          {target === 'closed' && (
            <Alert color="gray" variant="light">
              {t('cases.status.closeNote')}
            </Alert>
          )}
          <FormError error={submission.error} />
          <FormActions submitLabel={reopen ? t('cases.status.reopen') : t('cases.status.confirm')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
