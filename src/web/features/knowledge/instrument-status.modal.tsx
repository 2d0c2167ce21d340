import { useEffect } from 'react';
import { Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { InstrumentStatus } from '../../../domain/knowledge/knowledge-fields';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useSubmission } from '../../lib/use-submission';
import { kbApi, type InstrumentView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

interface StatusValues {
  status: InstrumentStatus;
  signedOn: string;
  ratifiedOn: string;
  inForceOn: string;
  note: string;
  sourceUrl: string;
  needsReview: boolean;
}

/** What the modal edits: one instrument's status in one country. */
export interface StatusTarget {
  instrument: InstrumentView;
  country: string;
}

/** Set where a country stands with an instrument (dates where known, the source, and whether the desk must confirm it). */
export function InstrumentStatusModal({ target, onClose, onSaved }: { target: StatusTarget | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  const submission = useSubmission();
  const form = useForm<StatusValues>({
    mode: 'controlled',
    initialValues: { status: 'unknown', signedOn: '', ratifiedOn: '', inForceOn: '', note: '', sourceUrl: '', needsReview: true },
  });
  const { setValues } = form;
  useEffect(() => {
    if (!target) return;
    submission.clearError();
    const s = target.instrument.statuses.find((x) => x.countryCode === target.country);
    setValues({
      status: s?.status ?? 'unknown',
      signedOn: s?.signedOn ?? '',
      ratifiedOn: s?.ratifiedOn ?? '',
      inForceOn: s?.inForceOn ?? '',
      note: s?.note ?? '',
      sourceUrl: s?.sourceUrl ?? '',
      needsReview: s?.needsReview ?? true,
    });
  }, [target]);

  const submit = form.onSubmit(async (v) => {
    if (!target) return;
    const ok = await submission.run(async () => {
      await kbApi.setInstrumentStatus(target.instrument.id, target.country, {
        status: v.status,
        signedOn: v.signedOn || null,
        ratifiedOn: v.ratifiedOn || null,
        inForceOn: v.inForceOn || null,
        note: v.note.trim() || null,
        sourceUrl: v.sourceUrl.trim() || null,
        needsReview: v.needsReview,
      });
    });
    if (ok) {
      notifySuccess(t('knowledge.legal.statusSaved'));
      onSaved();
      onClose();
    }
  });

  const title = target ? t('knowledge.legal.statusTitle', { instrument: target.instrument.shortTitle ?? target.instrument.title, country: labels.country(target.country) }) : '';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select label={t('knowledge.legal.status')} data={kb.options('instrumentStatus')} allowDeselect={false} required {...form.getInputProps('status')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput type="date" label={t('knowledge.legal.signedOn')} {...form.getInputProps('signedOn')} />
            <TextInput type="date" label={t('knowledge.legal.ratifiedOn')} {...form.getInputProps('ratifiedOn')} />
            <TextInput type="date" label={t('knowledge.legal.inForceOn')} {...form.getInputProps('inForceOn')} />
          </SimpleGrid>
          <TextInput type="url" label={t('knowledge.legal.sourceUrl')} placeholder="https://" maxLength={2000} {...form.getInputProps('sourceUrl')} />
          <Textarea label={t('knowledge.legal.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
          <Switch label={t('knowledge.legal.statusNeedsReview')} {...form.getInputProps('needsReview', { type: 'checkbox' })} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
