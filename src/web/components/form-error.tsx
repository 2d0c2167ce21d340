import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage, errorTitle } from './notify';

/** An error shown inside a form, announced to screen readers, with the server's message. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={errorTitle(error)} icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-testid="form-error">
      {errorMessage(error)}
    </Alert>
  );
}
