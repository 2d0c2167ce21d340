import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown on a page the user's roles do not open, and for unknown addresses. */
export function NotAllowed({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" maw={560}>
      <Title order={1}>{notFound ? t('errors.notFoundTitle') : t('errors.forbiddenTitle')}</Title>
      <Text>{notFound ? t('errors.notFoundText') : t('errors.forbiddenText')}</Text>
      <Button component={Link} to="/">
        {t('nav.backHome')}
      </Button>
    </Stack>
  );
}
