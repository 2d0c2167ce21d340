import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconMoodKid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CasePriority, CaseStatus } from '../../../domain/cases/case-workflow';
import type { ConcernLevel } from '../../../domain/cases/screening';
import { CONCERN_COLOURS, PRIORITY_COLOURS, STATUS_COLOURS, useCaseLabels } from './case-labels';

/** Badge styles: the whole text, in its own case, never cut off. */
export const FULL_BADGE = { root: { maxWidth: 'none', overflow: 'visible' }, label: { textTransform: 'none', overflow: 'visible' } } as const;

/** The case status as a badge (text and colour). */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const labels = useCaseLabels();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" c="dark.9" styles={FULL_BADGE} data-testid="case-status">
      {labels.label('status', status)}
    </Badge>
  );
}

/** The priority as a badge; high and urgent carry a warning icon as well as the colour. */
export function PriorityBadge({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const loud = priority === 'high' || priority === 'urgent';
  return (
    <Badge color={PRIORITY_COLOURS[priority]} variant={priority === 'urgent' ? 'filled' : 'light'} autoContrast c={priority === 'urgent' ? undefined : 'dark.9'} styles={FULL_BADGE} leftSection={loud ? <IconAlertTriangle size={12} aria-hidden="true" /> : undefined}>
      <span className="victor-visually-hidden">{t('cases.fields.priority')}: </span>
      {labels.label('priority', priority)}
    </Badge>
  );
}

/** The concern level of the latest screening, or "not screened". */
export function ConcernBadge({ concern, short = false }: { concern: ConcernLevel | null; short?: boolean }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  if (!concern) {
    return (
      <Badge color="gray" variant="outline" styles={FULL_BADGE}>
        {t('cases.notScreened')}
      </Badge>
    );
  }
  return (
    <Badge color={CONCERN_COLOURS[concern]} variant={concern === 'clear' ? 'filled' : 'light'} autoContrast c={concern === 'clear' ? undefined : 'dark.9'} styles={FULL_BADGE} data-testid="case-concern">
      {short ? labels.label('concern', concern) : t('cases.concernBadge', { level: labels.label('concern', concern) })}
    </Badge>
  );
}

/** "Involves a child" and overdue-task markers of a case row. */
export function CaseFlags({ involvesChild, overdueTasks }: { involvesChild: boolean; overdueTasks?: number }) {
  const { t } = useTranslation();
  if (!involvesChild && !overdueTasks) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {involvesChild && (
        <Badge color="grape" variant="light" styles={FULL_BADGE} leftSection={<IconMoodKid size={12} aria-hidden="true" />}>
          {t('cases.child')}
        </Badge>
      )}
      {!!overdueTasks && (
        <Badge color="red" variant="filled" styles={FULL_BADGE} leftSection={<IconClockExclamation size={12} aria-hidden="true" />} data-testid="overdue-badge">
          {t('cases.overdueCount', { count: overdueTasks })}
        </Badge>
      )}
    </Group>
  );
}
