import { useState } from 'react';
import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newPhone, type DeskValues } from './desk-form-values';
import { PHONE_SERVICES } from './desks-api';

const MAX_NUMBERS = 10;

/** The desk's phone numbers, each with the service it belongs to; shown on the public form. */
export function DeskNumbersFieldset({ form }: { form: UseFormReturnType<DeskValues> }) {
  const { t } = useTranslation();
  const phones = form.values.phoneNumbers;
  /** The number just added, whose input takes the focus. */
  const [added, setAdded] = useState<string | null>(null);
  const add = () => {
    const phone = newPhone();
    setAdded(phone.key);
    form.insertListItem('phoneNumbers', phone);
  };
  const services = PHONE_SERVICES.map((service) => ({ value: service, label: t(`desks.services.${service}`) }));

  return (
    <Fieldset legend={t('desks.numbers')} radius="md">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('desks.numbersHint')}
        </Text>
        {phones.map((phone, index) => (
          <Group key={phone.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="desk-number">
            <TextInput
              flex={1}
              miw={0}
              type="tel"
              label={t('desks.numberLabel', { n: index + 1 })}
              required
              autoFocus={phone.key === added}
              {...form.getInputProps(`phoneNumbers.${index}.number`)}
            />
            <Select
              w={{ base: 150, sm: 230 }}
              label={t('desks.service')}
              aria-label={t('desks.serviceLabel', { n: index + 1 })}
              data={services}
              allowDeselect={false}
              {...form.getInputProps(`phoneNumbers.${index}.service`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={25}
              aria-label={t('desks.removeNumberLabel', { n: index + 1 })}
              onClick={() => form.removeListItem('phoneNumbers', index)}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            disabled={phones.length >= MAX_NUMBERS}
            onClick={add}
          >
            {t('desks.addNumber')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
