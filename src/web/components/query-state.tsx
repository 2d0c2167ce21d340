import type { ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, errorTitle } from './notify';

/** Loading spinner, or the error with a retry button, or the content once data is there. */
export function QueryState({ loading, error, hasData, onRetry, children }: { loading: boolean; error: unknown; hasData: boolean; onRetry: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  if (error && !hasData) {
    return (
      <Alert color="red" variant="light" title={errorTitle(error)} role="alert">
        <Stack gap="sm" align="flex-start">
          {errorMessage(error)}
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (loading && !hasData) {
    return (
      <Center py="xl" role="status" aria-label={t('common.loading')}>
        <Loader aria-hidden="true" />
      </Center>
    );
  }
  return <>{children}</>;
}
