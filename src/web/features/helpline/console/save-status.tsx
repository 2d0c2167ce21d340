import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/notify';
import type { SaveState } from './use-contact-draft';

const COLOURS: Record<SaveState, string> = { idle: 'gray.9', saving: 'blue.9', saved: 'teal.9', offline: 'red.9', error: 'red.9' };

/** "Saved", "Saving…", "Offline — kept on this device" or the server's complaint, announced politely. */
export function SaveStatus({ state, error }: { state: SaveState; error: unknown }) {
  const { t } = useTranslation();
  const text = {
    idle: t('console.save.idle'),
    saving: t('console.save.saving'),
    saved: t('console.save.saved'),
    offline: t('console.save.offline'),
    error: t('console.save.error'),
  }[state];
  return (
    <Badge
      color={COLOURS[state]}
      variant="outline"
      size="lg"
      role="status"
      aria-live="polite"
      data-testid="save-status"
      title={state === 'error' ? errorMessage(error) : undefined}
      styles={{ label: { textTransform: 'none' } }}
    >
      {text}
    </Badge>
  );
}
