import { useState } from 'react';
import { Badge, Divider, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApiQuery } from '../../lib/use-api-query';
import { sortTasks } from './case-helpers';
import type { TaskList } from './cases-api';
import { TaskRow } from './task-row';
import { FULL_BADGE } from './case-badges';

/** Open tasks and follow-ups, mine or my team's, overdue first, with a link to each case. */
export default function TasksPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const query = useApiQuery<TaskList>(`/api/tasks?scope=${scope}&limit=200`);
  const data = query.data;
  const tasks = sortTasks(data?.items ?? []);
  /** "Overdue: n", or "Overdue: n+" when the server stopped counting at its cap. */
  const overdueText = (list: TaskList) => {
    const text = t('cases.overdueCount', { count: list.overdueCount });
    return list.overdueCapped ? text.replace(String(list.overdueCount), `${list.overdueCount}+`) : text;
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('cases.tasksPage.title')} description={t('cases.tasksPage.description')} />
      <Tabs value={scope} onChange={(v) => setScope(v === 'team' ? 'team' : 'mine')} keepMounted={false}>
        <Tabs.List aria-label={t('cases.tasksPage.scope')}>
          <Tabs.Tab value="mine">{t('cases.tasksPage.mine')}</Tabs.Tab>
          <Tabs.Tab value="team">{t('cases.tasksPage.team')}</Tabs.Tab>
        </Tabs.List>
        {(['mine', 'team'] as const).map((panel) => (
          <Tabs.Panel key={panel} value={panel} pt="md">
            <QueryState loading={query.loading} error={query.error} hasData={Boolean(data)} onRetry={() => void query.reload()}>
              {data && (
                <Paper withBorder p="md" radius="md" aria-busy={query.loading} data-testid="tasks-list">
                  {data.overdueCount > 0 && (
                    <Badge color="red" variant="filled" styles={FULL_BADGE} leftSection={<IconAlarm size={12} aria-hidden="true" />} mb="sm" role="status">
                      {overdueText(data)}
                    </Badge>
                  )}
                  {tasks.length === 0 ? (
                    <Text size="sm">{scope === 'mine' ? t('cases.tasksPage.noneMine') : t('cases.tasksPage.noneTeam')}</Text>
                  ) : (
                    <Stack gap={0}>
                      {tasks.map((task, i) => (
                        <div key={task.id}>
                          {i > 0 && <Divider />}
                          <TaskRow task={task} canWrite showCase onChanged={() => void query.reload()} />
                        </div>
                      ))}
                    </Stack>
                  )}
                </Paper>
              )}
            </QueryState>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
