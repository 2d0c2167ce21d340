import { useState } from 'react';
import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Offer the codes as a text file the user keeps. */
function download(codes: string[], fileHeader: string): void {
  const blob = new Blob([`${fileHeader}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'victor-recovery-codes.txt';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * The ten recovery codes, shown once after two-factor authentication is turned on, with copy and
 * download; the user must confirm they saved them before going on.
 */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      <Title order={2} fz={22}>
        {t('mfa.recoveryTitle')}
      </Title>
      <Alert color="yellow" variant="light" styles={{ message: { color: 'var(--mantine-color-dark-9)' } }}>
        {t('mfa.recoveryWarning')}
      </Alert>
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
        <List
          listStyleType="none"
          data-testid="recovery-codes"
          aria-label={t('mfa.recoveryListLabel')}
          styles={{ root: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 } }}
        >
          {codes.map((code) => (
            <List.Item key={code} ff="monospace" fz="md">
              {code}
            </List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}>
              {copied ? t('common.copied') : t('mfa.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => download(codes, t('mfa.recoveryFileHeader'))} leftSection={<IconDownload size={16} aria-hidden="true" />}>
          {t('mfa.downloadCodes')}
        </Button>
      </Group>
      <Checkbox checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} label={t('mfa.savedConfirm')} />
      <Button onClick={onDone} disabled={!saved}>
        {doneLabel}
      </Button>
      <Text size="xs" c="dimmed">
        {t('mfa.recoveryOnce')}
      </Text>
    </Stack>
  );
}
