import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FULL_BADGE } from '../cases/case-badges';
import type { MissingStatus } from '../../../domain/missing/missing-workflow';
import { useMissingLabels } from './missing-labels';

const STATUS_COLOURS: Record<MissingStatus, string> = { missing: 'red', found: 'green', closed: 'gray' };

/** The report's status as a badge (light colours carry dark text for contrast). */
export function MissingStatusBadge({ status }: { status: MissingStatus }) {
  const labels = useMissingLabels();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" c="dark.9" styles={FULL_BADGE} data-testid="missing-status">
      {labels.label('status', status)}
    </Badge>
  );
}

/** Who was told: police, Interpol, SIS (only those reported). */
export function ReportedBadges({ police, interpol, sis }: { police: boolean; interpol: boolean; sis: boolean }) {
  const { t } = useTranslation();
  if (!police && !interpol && !sis) return <span>—</span>;
  return (
    <Group gap={4} wrap="nowrap">
      {police && (
        <Badge color="blue" variant="light" c="dark.9" styles={FULL_BADGE}>
          {t('missing.flags.police')}
        </Badge>
      )}
      {interpol && (
        <Badge color="indigo" variant="light" c="dark.9" styles={FULL_BADGE}>
          {t('missing.flags.interpol')}
        </Badge>
      )}
      {sis && (
        <Badge color="cyan" variant="light" c="dark.9" styles={FULL_BADGE}>
          {t('missing.flags.sis')}
        </Badge>
      )}
    </Group>
  );
}
