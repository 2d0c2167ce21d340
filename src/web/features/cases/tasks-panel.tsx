import { Button, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { useSession } from '../../session/session-context';
import { isoToLocalInput, localInputToIso, sortTasks } from './case-helpers';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseView } from './cases-api';
import { TaskRow } from './task-row';
import { assignableOptions, useAssignableUsers } from './use-assignable-users';

/** Tomorrow at 09:00 in the browser's zone, as a datetime-local value. */
function tomorrowMorning(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return isoToLocalInput(d);
}

/** Add a task or follow-up with a due time and assignee. */
function AddTaskForm({ caseView, onAdded }: { caseView: CaseView; onAdded: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const { view } = useSession();
  const submission = useSubmission();
  const team = useAssignableUsers(caseView.organisation.id);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', kind: 'task', dueAt: tomorrowMorning(), assignee: 'manager' },
    validate: {
      title: (v: string) => (v.trim() ? null : t('cases.tasks.titleRequired')),
      dueAt: (v: string) => (localInputToIso(v) ? null : t('cases.tasks.dueRequired')),
    },
  });
  const me = view.user;
  const assigneeOptions = [
    { value: 'manager', label: caseView.assignedTo ? t('cases.tasks.toManager', { name: caseView.assignedTo.displayName }) : t('cases.unassigned') },
    ...(me && caseView.assignedTo?.id !== me.id && (!team.loaded || team.users.some((u) => u.id === me.id)) ? [{ value: 'me', label: t('cases.new.managerMe', { name: me.displayName }) }] : []),
    ...assignableOptions(team.users, [me?.id, caseView.assignedTo?.id]),
  ];
  const submit = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      await casesApi.addTask(caseView.id, {
        title: v.title.trim(),
        kind: v.kind as 'task',
        dueAt: localInputToIso(v.dueAt)!,
        ...(v.assignee === 'me' && me ? { assigneeUserId: me.id } : v.assignee !== 'manager' && v.assignee !== 'me' ? { assigneeUserId: v.assignee } : {}),
      });
    });
    if (ok) {
      notifySuccess(t('cases.tasks.added'));
      form.reset();
      onAdded();
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="task-add-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="task-add-title">
          {t('cases.tasks.add')}
        </Title>
        <TextInput label={t('cases.tasks.taskTitle')} required maxLength={300} {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label={t('cases.tasks.kind')} data={labels.options('taskKind')} allowDeselect={false} {...form.getInputProps('kind')} />
          <TextInput type="datetime-local" label={t('cases.tasks.dueAt')} required {...form.getInputProps('dueAt')} />
          <Select label={t('cases.tasks.assignee')} data={assigneeOptions} allowDeselect={false} {...form.getInputProps('assignee')} />
        </SimpleGrid>
        <FormError error={submission.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submission.busy} leftSection={<IconPlus size={14} aria-hidden="true" />}>
            {t('cases.tasks.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The case's tasks and follow-ups: open ones first (overdue on top), then done ones; add new ones. */
export function TasksPanel({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const tasks = sortTasks(caseView.tasks);
  const canWrite = caseView.permissions.write;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tasks-title">
        <Title order={2} size="h4" id="tasks-title" mb="xs">
          {t('cases.tasks.title')}
        </Title>
        {tasks.length === 0 ? (
          <Text size="sm">{t('cases.tasks.none')}</Text>
        ) : (
          <Stack gap={0}>
            {tasks.map((task, i) => (
              <div key={task.id}>
                {i > 0 && <Divider />}
                <TaskRow task={task} canWrite={canWrite} onChanged={onChanged} />
              </div>
            ))}
          </Stack>
        )}
      </Paper>
      {canWrite && (
        <Paper withBorder p="md" radius="md">
          <AddTaskForm caseView={caseView} onAdded={onChanged} />
        </Paper>
      )}
    </Stack>
  );
}
