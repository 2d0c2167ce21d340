import { useEffect } from 'react';
import { Checkbox, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { useCountryOptions } from '../knowledge/use-country-options';
import { missingApi, type MissingReportView } from './missing-api';
import { useMissingLabels } from './missing-labels';

interface EditValues {
  missingType: string;
  circumstances: string;
  description: string;
  reportedPolice: boolean;
  policeReference: string;
  reportedInterpol: boolean;
  reportedSis: boolean;
  suspectedCountries: string[];
}

const valuesOf = (r: MissingReportView): EditValues => ({
  missingType: r.missingType,
  circumstances: r.lastSeen.circumstances ?? '',
  description: r.description ?? '',
  reportedPolice: r.police.reported,
  policeReference: r.police.reference ?? '',
  reportedInterpol: r.interpol.reported,
  reportedSis: r.sis.reported,
  suspectedCountries: r.suspectedCountries,
});

/** Change the report: type, circumstances, description, who was told, suspected countries (sends only what changed). */
export function MissingEditModal({ report, opened, onClose, onSaved }: { report: MissingReportView; opened: boolean; onClose: () => void; onSaved: (updated: MissingReportView) => void }) {
  const { t } = useTranslation();
  const labels = useMissingLabels();
  const countries = useCountryOptions();
  const submission = useSubmission();
  const form = useForm<EditValues>({ mode: 'controlled', initialValues: valuesOf(report) });
  const { setValues } = form;
  useEffect(() => {
    if (opened) {
      setValues(valuesOf(report));
      submission.clearError();
    }
  }, [opened]);
  const submit = form.onSubmit(async (v) => {
    const was = valuesOf(report);
    const text = (s: string) => s.trim() || null;
    let updated: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      updated = await missingApi.update(report.caseId, {
        version: report.version,
        ...(v.missingType !== was.missingType ? { missingType: v.missingType as MissingReportView['missingType'] } : {}),
        ...(v.circumstances !== was.circumstances ? { lastSeen: { circumstances: text(v.circumstances) } } : {}),
        ...(v.description !== was.description ? { description: text(v.description) } : {}),
        ...(v.reportedPolice !== was.reportedPolice || v.policeReference !== was.policeReference ? { police: { reported: v.reportedPolice, reference: v.reportedPolice ? text(v.policeReference) : null } } : {}),
        ...(v.reportedInterpol !== was.reportedInterpol ? { interpol: { reported: v.reportedInterpol } } : {}),
        ...(v.reportedSis !== was.reportedSis ? { sis: { reported: v.reportedSis } } : {}),
        ...(v.suspectedCountries.join() !== was.suspectedCountries.join() ? { suspectedCountries: v.suspectedCountries } : {}),
      });
    });
    if (ok && updated) {
      notifySuccess(t('missing.edit.saved'));
      onSaved(updated);
      onClose();
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('missing.edit.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select label={t('missing.fields.type')} data={labels.options('type')} allowDeselect={false} data-autofocus {...form.getInputProps('missingType')} />
          <Textarea label={t('missing.fields.circumstances')} autosize minRows={2} maxLength={5000} {...form.getInputProps('circumstances')} />
          <Textarea label={t('missing.fields.description')} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
          <Group align="flex-end" gap="md">
            <Checkbox label={t('missing.flags.policeLong')} {...form.getInputProps('reportedPolice', { type: 'checkbox' })} />
            {form.getValues().reportedPolice && <TextInput label={t('missing.fields.policeReference')} maxLength={100} {...form.getInputProps('policeReference')} />}
          </Group>
          <Checkbox label={t('missing.flags.interpolLong')} {...form.getInputProps('reportedInterpol', { type: 'checkbox' })} />
          <Checkbox label={t('missing.flags.sisLong')} {...form.getInputProps('reportedSis', { type: 'checkbox' })} />
          <MultiSelect label={t('missing.fields.suspectedCountries')} data={countries} searchable clearable {...form.getInputProps('suspectedCountries')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('missing.edit.submit')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
