import { Anchor, Group, Text } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';

/** A phone number as a tel: link (spaces and punctuation dropped from the address). */
export function PhoneLink({ number, label }: { number: string; label?: string }) {
  return (
    <Anchor href={`tel:${number.replace(/[^+0-9]/g, '')}`} size="sm" fw={600}>
      <Group gap={4} component="span">
        <IconPhone size={14} aria-hidden="true" />
        <span style={{ whiteSpace: 'nowrap' }}>{number}</span>
        {label && <Text span size="xs" c="dimmed">{`(${label})`}</Text>}
      </Group>
    </Anchor>
  );
}
