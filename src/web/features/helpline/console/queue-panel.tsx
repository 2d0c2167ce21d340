import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifyError } from '../../../components/notify';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { useContactFieldLabels } from '../contacts/contact-field-labels';
import { contactsPath, type ContactPage, type ContactSearchFilters, type ContactView } from '../helpline-api';

interface ContactListPanelProps {
  title: string;
  emptyText: string;
  filters: ContactSearchFilters;
  /** Changing it loads the list again (after a live event, a claim, a finished contact). */
  reloadKey: number;
  actionText: string;
  actionLabel: (reference: string) => string;
  disabled: boolean;
  /** Claim or fetch the contact; the panel shows progress and errors. */
  onAction: (id: string) => Promise<ContactView>;
  onOpened: (contact: ContactView) => void;
  testId: string;
  /** A contact not to list (the one open in the console). */
  exclude?: string | null;
}

/** A short list of contacts beside the console: the desk's queue ("Take") or the operator's open drafts ("Resume"). */
export function ContactListPanel({ title, emptyText, filters, reloadKey, actionText, actionLabel, disabled, onAction, onOpened, testId, exclude = null }: ContactListPanelProps) {
  const labels = useLabels();
  const fields = useContactFieldLabels();
  const list = useApiQuery<ContactPage>(contactsPath(filters));
  const { reload } = list;
  useEffect(() => {
    if (reloadKey > 0) void reload();
  }, [reloadKey, reload]);
  const [working, setWorking] = useState<string | null>(null);

  const act = async (id: string) => {
    setWorking(id);
    try {
      onOpened(await onAction(id));
    } catch (error) {
      notifyError(error);
    } finally {
      setWorking(null);
      void reload();
    }
  };

  const items = (list.data?.items ?? []).filter((item) => item.id !== exclude);
  const titleId = `${testId}-title`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          <Badge variant="outline" color="gray.8">{Math.max(0, (list.data?.total ?? 0) - ((list.data?.items ?? []).length - items.length))}</Badge>
        </Group>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        )}
        {items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text size="sm" fw={600}>
                {item.reference}
              </Text>
              <Text size="xs" c="dimmed">
                {`${fields.label('source', item.source)} · ${fields.label('channel', item.channel)} · ${labels.dateTime(item.startedAt)}`}
              </Text>
            </div>
            <Button size="xs" variant="light" disabled={disabled || working !== null} loading={working === item.id} onClick={() => void act(item.id)} aria-label={actionLabel(item.reference)}>
              {actionText}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
