import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';

/** On a demo instance, says on every page that the data is invented. Renders nothing otherwise. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { view } = useSession();
  if (!view.demoInstance) return null;
  return (
    <Alert
      role="note"
      variant="light"
      color="yellow"
      radius={0}
      py={6}
      icon={<IconInfoCircle size={18} aria-hidden="true" />}
      data-testid="demo-banner"
      styles={{ message: { color: 'var(--mantine-color-dark-9)', fontWeight: 600 } }}
    >
      {t('demo.banner')}
    </Alert>
  );
}
