import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { pending: 'blue', delivering: 'cyan', delivered: 'green', dead: 'red', sent: 'green', held: 'yellow' };

/** A delivery or mail state as a light badge (dark text for contrast). */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" c="dark.9">
      {t(`alertDistribution.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
