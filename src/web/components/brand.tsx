import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconShieldHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The app name "Victor" with its subtitle, as shown in the header and on the sign-in page. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={compact ? 32 : 40} radius="md" variant="filled" aria-hidden="true">
        <IconShieldHeart size={compact ? 20 : 24} stroke={1.6} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} size={compact ? 'lg' : 'xl'} lh={1.1}>
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} visibleFrom={compact ? 'xs' : undefined}>
          {t('app.subtitle')}
        </Text>
      </Stack>
    </Group>
  );
}
