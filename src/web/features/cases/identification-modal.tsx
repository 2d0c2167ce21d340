import { useEffect } from 'react';
import { Alert, Modal, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { TRAFFICKING_STATUSES, useCaseLabels } from './case-labels';
import { casesApi, type PersonView } from './cases-api';

/** Record what the competent authority decided about a person (Victor records it; it never decides it). */
export function IdentificationModal({ caseId, person, onClose, onSaved }: { caseId: string; person: PersonView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const submission = useSubmission();
  const form = useForm({ mode: 'controlled', initialValues: { traffickingStatus: 'possible', identifiedBy: '', identifiedAt: '', identificationRef: '' } });
  const { setValues } = form;
  useEffect(() => {
    if (!person) return;
    submission.clearError();
    setValues({ traffickingStatus: person.traffickingStatus ?? 'possible', identifiedBy: person.identifiedBy ?? '', identifiedAt: person.identifiedAt ?? '', identificationRef: person.identificationRef ?? '' });
  }, [person]);
  const status = form.getValues().traffickingStatus;
  const decided = status !== 'possible';

  const submit = form.onSubmit(async (v) => {
    if (decided && !v.identifiedBy.trim()) return form.setFieldError('identifiedBy', t('cases.identification.authorityRequired'));
    if (decided && !v.identifiedAt) return form.setFieldError('identifiedAt', t('cases.identification.dateRequired'));
    if (!person) return;
    const ok = await submission.run(async () => {
      await casesApi.recordIdentification(caseId, person.id, {
        traffickingStatus: v.traffickingStatus as (typeof TRAFFICKING_STATUSES)[number],
        identifiedBy: v.identifiedBy.trim() || null,
        identifiedAt: v.identifiedAt || null,
        identificationRef: v.identificationRef.trim() || null,
        version: person.version,
      });
    });
    if (ok) {
      notifySuccess(t('cases.identification.saved'));
      onSaved();
      onClose();
    }
  });

  return (
    <Modal opened={person !== null} onClose={onClose} title={t('cases.identification.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="blue" variant="light" icon={<IconScale size={18} aria-hidden="true" />}>
            {t('cases.identification.disclaimer')}
          </Alert>
          <Radio.Group label={t('cases.identification.status')} {...form.getInputProps('traffickingStatus')}>
            <Stack gap={6} mt={6}>
              {TRAFFICKING_STATUSES.map((s) => (
                <Radio key={s} value={s} label={labels.label('traffickingStatus', s)} description={t(`cases.identification.hint.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label={t('cases.identification.authority')} description={t('cases.identification.authorityHint')} required={decided} maxLength={300} {...form.getInputProps('identifiedBy')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('cases.identification.date')} required={decided} {...form.getInputProps('identifiedAt')} />
            <TextInput label={t('cases.identification.reference')} maxLength={200} {...form.getInputProps('identificationRef')} />
          </SimpleGrid>
          <FormError error={submission.error} />
          <FormActions submitLabel={t('cases.identification.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
