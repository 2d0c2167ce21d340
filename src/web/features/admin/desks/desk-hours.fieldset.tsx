import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { normaliseTime, officeWeek, type DeskValues } from './desk-form-values';
import { useWeekdayNames, WEEKDAYS, type Weekday } from './desks-api';

type DeskForm = UseFormReturnType<DeskValues>;

/** A 24-hour "HH:MM" text input (native time inputs follow the browser's 12/24-hour setting), tidied on leaving. */
function TimeField({ form, path, label, errorId, autoFocus }: { form: DeskForm; path: string; label: string; errorId: string; autoFocus?: boolean }) {
  const input = form.getInputProps(path);
  const invalid = Boolean(form.errors[path]);
  return (
    <TextInput
      w={84}
      aria-label={label}
      placeholder="09:00"
      inputMode="numeric"
      autoComplete="off"
      autoFocus={autoFocus}
      maxLength={5}
      {...input}
      error={invalid}
      aria-describedby={invalid ? errorId : undefined}
      onBlur={(event) => {
        const tidy = normaliseTime(event.currentTarget.value);
        if (tidy !== event.currentTarget.value) form.setFieldValue(path, tidy);
        (input.onBlur as ((event: unknown) => void) | undefined)?.(event);
      }}
    />
  );
}

/** One day: an "open" tick box named after the day, then one or two periods. */
function DayRow({ form, day, name }: { form: DeskForm; day: Weekday; name: string }) {
  const { t } = useTranslation();
  const { open, slots } = form.values.days[day];
  /** Whether this row's second period was just added (its first input then takes the focus). */
  const [added, setAdded] = useState(false);
  const errorId = `desk-hours-${day}-error`;
  // The messages of the day's time fields, once each, under the row (the inputs are too narrow for them).
  const messages = [...new Set(slots.flatMap((_, index) => [form.errors[`days.${day}.slots.${index}.from`], form.errors[`days.${day}.slots.${index}.to`]]).filter(Boolean))];
  const labels = [
    [t('desks.opensLabel', { day: name }), t('desks.closesLabel', { day: name })],
    [t('desks.opensAgainLabel', { day: name }), t('desks.closesAgainLabel', { day: name })],
  ];
  const addPeriod = () => {
    setAdded(true);
    form.insertListItem(`days.${day}.slots`, { from: '', to: '' });
  };
  return (
    <div data-testid={`hours-${day}`}>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Checkbox w={140} mt={8} label={name} {...form.getInputProps(`days.${day}.open`, { type: 'checkbox' })} />
        {open ? (
          <>
            {slots.map((_, index) => (
              <Group key={index} gap={6} align="flex-start" wrap="nowrap">
                <TimeField form={form} path={`days.${day}.slots.${index}.from`} label={labels[index]?.[0] ?? ''} errorId={errorId} autoFocus={added && index === 1} />
                <Text mt={6} aria-hidden="true">
                  –
                </Text>
                <TimeField form={form} path={`days.${day}.slots.${index}.to`} label={labels[index]?.[1] ?? ''} errorId={errorId} />
              </Group>
            ))}
            {slots.length < 2 ? (
              <Button
                variant="subtle"
                mt={4}
                size="compact-sm"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                aria-label={t('desks.addPeriodLabel', { day: name })}
                onClick={addPeriod}
              >
                {t('desks.addPeriod')}
              </Button>
            ) : (
              <ActionIcon variant="subtle" color="red" mt={4} size="lg" aria-label={t('desks.removePeriodLabel', { day: name })} onClick={() => form.removeListItem(`days.${day}.slots`, 1)}>
                <IconX size={16} aria-hidden="true" />
              </ActionIcon>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed" mt={8}>
            {t('desks.closed')}
          </Text>
        )}
      </Group>
      {open && messages.length > 0 && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" ml={150} mt={4}>
          {messages.join(' ')}
        </Text>
      )}
    </div>
  );
}

/** Around the clock, or opening hours per weekday (in the desk's time zone). */
export function DeskHoursFieldset({ form }: { form: DeskForm }) {
  const { t } = useTranslation();
  const { long } = useWeekdayNames();
  const { alwaysOpen, days, timeZone } = form.values;

  const setAlwaysOpen = (checked: boolean) => {
    form.setFieldValue('alwaysOpen', checked);
    if (!checked && WEEKDAYS.every((day) => !days[day].open)) form.setFieldValue('days', officeWeek());
    form.clearFieldError('days');
  };

  return (
    <Fieldset legend={t('desks.hours')} radius="md">
      <Stack gap="sm">
        <Switch
          label={t('desks.alwaysOpen')}
          description={t('desks.alwaysOpenHint')}
          checked={alwaysOpen}
          onChange={(event) => setAlwaysOpen(event.currentTarget.checked)}
        />
        {!alwaysOpen && (
          <Stack gap="xs" role="group" aria-label={t('desks.weekHours')}>
            <Text size="sm" c="dimmed">
              {t('desks.hoursHint', { timeZone: timeZone.trim() || '—' })}
            </Text>
            {WEEKDAYS.map((day) => (
              <DayRow key={day} form={form} day={day} name={long[day]} />
            ))}
            {form.errors.days && (
              <Text size="sm" c="red" role="alert">
                {form.errors.days}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Fieldset>
  );
}
