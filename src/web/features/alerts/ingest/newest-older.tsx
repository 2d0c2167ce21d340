import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Newest" / "Older" buttons of a keyset page that pages with a `before` cursor. */
export function NewestOlder<T>({ before, nextBefore, onChange }: { before: T | null; nextBefore: T | null | undefined; onChange: (before: T | null) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs">
      {before !== null && (
        <Button size="xs" variant="default" onClick={() => onChange(null)}>
          {t('alertIngest.newest')}
        </Button>
      )}
      {nextBefore != null && (
        <Button size="xs" variant="default" onClick={() => onChange(nextBefore)}>
          {t('alertIngest.older')}
        </Button>
      )}
    </Group>
  );
}
