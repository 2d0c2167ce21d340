import { useEffect } from 'react';
import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CasePriority } from '../../../domain/cases/case-workflow';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { useSession } from '../../session/session-context';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseView } from './cases-api';
import { assignableOptions, useAssignableUsers } from './use-assignable-users';

/** Edit the title, summary, priority and manager (with the version read, so a concurrent change is refused). */
export function CaseEditModal({ caseView, opened, onClose, onSaved }: { caseView: CaseView; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { view } = useSession();
  const submission = useSubmission();
  const team = useAssignableUsers(opened ? caseView.organisation.id : null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', summary: '', priority: 'normal', manager: 'keep' },
    validate: { title: (v: string) => (v.trim() ? null : t('cases.new.titleRequired')) },
  });
  const { setValues } = form;
  useEffect(() => {
    if (!opened) return;
    submission.clearError();
    setValues({ title: caseView.title, summary: caseView.summary ?? '', priority: caseView.priority, manager: 'keep' });
  }, [opened]);

  const me = view.user;
  // "Me" only when I can be the manager: while the team is unknown, or when I am one of its case workers.
  const meAssignable = !!me && caseView.assignedTo?.id !== me.id && (!team.loaded || team.users.some((u) => u.id === me.id));
  const managerOptions = [
    { value: 'keep', label: caseView.assignedTo ? t('cases.edit.keepManager', { name: caseView.assignedTo.displayName }) : t('cases.unassigned') },
    ...(meAssignable ? [{ value: 'me', label: t('cases.new.managerMe', { name: me.displayName }) }] : []),
    ...(caseView.assignedTo ? [{ value: 'none', label: t('cases.edit.unassign') }] : []),
    ...assignableOptions(team.users, [me?.id, caseView.assignedTo?.id]),
  ];

  const submit = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      await casesApi.update(caseView.id, {
        title: v.title.trim(),
        summary: v.summary.trim() || null,
        priority: v.priority as CasePriority,
        ...(v.manager === 'me' ? { assignedUserId: me?.id ?? null } : v.manager === 'none' ? { assignedUserId: null } : v.manager === 'keep' ? {} : { assignedUserId: v.manager }),
        version: caseView.version,
      });
    });
    if (ok) {
      notifySuccess(t('cases.edit.saved'));
      onSaved();
      onClose();
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.edit.title', { reference: caseView.reference })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('cases.fields.title')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('cases.fields.summary')} autosize minRows={3} maxLength={10000} {...form.getInputProps('summary')} />
          <Select label={t('cases.fields.priority')} data={labels.options('priority')} allowDeselect={false} {...form.getInputProps('priority')} />
          <Select label={t('cases.fields.manager')} data={managerOptions} allowDeselect={false} {...form.getInputProps('manager')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
