import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The buttons that end a dialog's form: cancel, and submit (showing a spinner while `busy`). */
export function FormActions({ submitLabel, onCancel, busy }: { submitLabel: string; onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
