import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel } from '../../../../domain/helpline/contact-fields';
import { useContactFieldLabels } from '../contacts/contact-field-labels';
import type { ContactView } from '../helpline-api';
import { CodeSelect } from './code-select';
import { KNOWLEDGE_SHORTCUT } from './knowledge-launcher';

export const NEW_SHORTCUT = 'Alt+N';
export const FINISH_SHORTCUT = 'Alt+Enter';

interface StartPanelProps {
  channel: Channel;
  onChannel: (channel: Channel) => void;
  deskId: string | null;
  deskOptions: { value: string; label: string }[];
  onDesk: (id: string | null) => void;
  onStart: () => void;
  finished: ContactView | null;
  busy: boolean;
}

/** Ready for the next contact: its channel (and desk), "New contact" (Alt+N), and the reference of the last one. */
export function StartPanel({ channel, onChannel, deskId, deskOptions, onDesk, onStart, finished, busy }: StartPanelProps) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  const newButton = useRef<HTMLButtonElement>(null);
  // After a contact is finished, the operator is ready for the next one: Enter or Alt+N starts it.
  useEffect(() => {
    if (finished) newButton.current?.focus();
  }, [finished]);
  return (
    <Stack gap="md">
      {finished && (
        <Alert color="green" variant="light" role="status" title={t('console.finished.title')} data-testid="finished-contact">
          <Stack gap={4}>
            <Text size="sm">
              {finished.nonDataType
                ? t('console.finished.nonData', { reference: finished.reference, type: labels.label('nonDataType', finished.nonDataType) })
                : t('console.finished.body', { reference: finished.reference })}
            </Text>
            <Anchor component={Link} to={`/contacts/${finished.id}`} size="sm">
              {t('console.finished.open', { reference: finished.reference })}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="start-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="start-title">
            {t('console.ready')}
          </Title>
          <Group align="flex-end" gap="md">
            <CodeSelect
              label={t('console.nextChannel')}
              data={labels.options('channel')}
              value={channel}
              onChange={(value) => value && onChannel(value as Channel)}
              clearable={false}
              w={240}
            />
            {deskOptions.length > 1 && <CodeSelect label={t('contactFields.labels.desk')} data={deskOptions} value={deskId} onChange={onDesk} clearable={false} w={280} />}
            <Button ref={newButton} leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={onStart} loading={busy} aria-keyshortcuts={NEW_SHORTCUT} data-testid="new-contact">
              {t('console.newContact')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('console.shortcutsIntro')} <Kbd>{NEW_SHORTCUT}</Kbd> {t('console.shortcutNew')} · <Kbd>{'Alt+1…6'}</Kbd> {t('console.shortcutTabs')} · <Kbd>{FINISH_SHORTCUT}</Kbd>{' '}
            {t('console.shortcutFinish')} · <Kbd>{KNOWLEDGE_SHORTCUT}</Kbd> {t('kbPanel.shortcut')}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
