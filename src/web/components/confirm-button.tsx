import { useState, type ReactNode } from 'react';
import { Button, Group, Popover, Stack, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The question shown before the action runs. */
  question: string;
  /** Label of the button that carries out the action. */
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  children: ReactNode;
  'aria-label'?: string;
}

/** A button that asks for confirmation in a popover before a consequential action. */
export function ConfirmButton({ question, confirmLabel, onConfirm, children, color = 'red', ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button color={color} variant="light" {...buttonProps} onClick={() => setOpened((o) => !o)}>
          {children}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={300} data-testid="confirm-popover">
        <Stack gap="sm">
          <Text size="sm">{question}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color={color} loading={busy} onClick={() => void run()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
