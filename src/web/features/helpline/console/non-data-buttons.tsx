import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NON_DATA_TYPES, type NonDataType } from '../../../../domain/helpline/contact-fields';
import { useContactFieldLabels } from '../contacts/contact-field-labels';

/** One click logs a contact with no data (silent, hang-up, prank, wrong number, abusive). */
export function NonDataButtons({ busy, hasDraft, onLog }: { busy: boolean; hasDraft: boolean; onLog: (type: NonDataType) => void }) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="non-data-title">
      <Stack gap="xs">
        <Text fw={600} id="non-data-title">
          {t('console.nonData.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {hasDraft ? t('console.nonData.hintDraft') : t('console.nonData.hint')}
        </Text>
        <Group gap="xs" role="group" aria-labelledby="non-data-title">
          {NON_DATA_TYPES.map((type) => (
            <Button key={type} size="xs" variant="default" disabled={busy} onClick={() => onLog(type)}>
              {labels.label('nonDataType', type)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
