import { useState } from 'react';
import { Anchor, Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useCaseLabels } from './case-labels';
import { casesApi, type TaskView } from './cases-api';
import { FULL_BADGE } from './case-badges';

/** A task: tick box (done / not done, with the version read), title, kind, due time (overdue in red with an icon and text), assignee. */
export function TaskRow({ task, canWrite, showCase, onChanged }: { task: TaskView; canWrite: boolean; showCase?: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const [busy, setBusy] = useState(false);
  const done = task.doneAt !== null;
  const toggle = async (next: boolean) => {
    setBusy(true);
    try {
      await casesApi.updateTask(task.caseId, task.id, { done: next, version: task.version });
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" py={6} data-testid="task-row" data-overdue={task.overdue || undefined}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Checkbox
          mt={2}
          checked={done}
          disabled={!canWrite || busy}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          aria-label={done ? t('cases.tasks.markOpen', { title: task.title }) : t('cases.tasks.markDone', { title: task.title })}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500} td={done ? 'line-through' : undefined}>
            {task.title}
          </Text>
          <Group gap="xs">
            {task.kind === 'follow_up' && (
              <Badge size="xs" variant="light" color="blue" styles={FULL_BADGE}>
                {caseLabels.label('taskKind', task.kind)}
              </Badge>
            )}
            {showCase && (
              <Anchor component={Link} to={`/cases/${task.caseId}`} size="xs" fw={600}>
                {task.caseReference}
              </Anchor>
            )}
            <Text size="xs" c="dimmed">
              {task.assignee ? t('cases.tasks.assignedTo', { name: task.assignee.displayName }) : t('cases.unassigned')}
            </Text>
          </Group>
          {done && (
            <Text size="xs" c="dimmed">
              {t('cases.tasks.doneBy', { at: labels.dateTime(task.doneAt), by: task.doneBy?.displayName ?? '—' })}
            </Text>
          )}
        </Stack>
      </Group>
      {!done && (
        <Group gap={4} wrap="nowrap" c={task.overdue ? 'red.8' : undefined}>
          {task.overdue && <IconAlarm size={16} aria-hidden="true" />}
          <Text size="sm" fw={task.overdue ? 700 : 400} c={task.overdue ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {task.overdue ? t('cases.tasks.overdueSince', { at: labels.dateTime(task.dueAt) }) : t('cases.tasks.due', { at: labels.dateTime(task.dueAt) })}
          </Text>
        </Group>
      )}
    </Group>
  );
}
