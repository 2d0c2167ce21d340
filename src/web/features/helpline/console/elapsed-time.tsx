import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../contacts/contact-field-labels';

/** The running time of the contact since it started (mm:ss), updated every second. */
export function ElapsedTime({ startedAt }: { startedAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = (now - new Date(startedAt).getTime()) / 1000;
  return (
    <Text ff="monospace" fw={700} fz="xl" data-testid="contact-timer" aria-label={t('console.elapsed', { time: formatDuration(seconds) })} role="timer">
      {formatDuration(seconds)}
    </Text>
  );
}
