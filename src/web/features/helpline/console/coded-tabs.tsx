import { Chip, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Action, ChildAgeBand, Gender, InformationTopic, Outcome } from '../../../../domain/helpline/contact-fields';
import { useContactFieldLabels, type CodedField } from '../contacts/contact-field-labels';
import type { TabProps } from './caller-tab';
import { CodeSelect } from './code-select';

/** The child concerned (when it is not the caller) and the case the contact belongs to. */
export function ChildTab({ fields, update, errors }: TabProps) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <CodeSelect
        label={t('contactFields.labels.childAgeBand')}
        data={labels.options('childAgeBand')}
        value={fields.childAgeBand}
        onChange={(value) => update({ childAgeBand: value as ChildAgeBand | null })}
        error={errors.childAgeBand}
        data-autofocus
      />
      <CodeSelect
        label={t('contactFields.labels.childGender')}
        data={labels.options('gender')}
        value={fields.childGender}
        onChange={(value) => update({ childGender: value as Gender | null })}
        error={errors.childGender}
      />
      <TextInput
        label={t('contactFields.labels.caseId')}
        description={t('console.caseIdHint')}
        value={fields.caseId ?? ''}
        maxLength={36}
        autoComplete="off"
        onChange={(event) => update({ caseId: event.currentTarget.value })}
        error={errors.caseId}
      />
    </SimpleGrid>
  );
}

/** A row of toggles (checkboxes) for a multi-valued coded field, with a legend and an error. */
function ChipField<T extends string>({ legend, field, value, onChange, error }: { legend: string; field: CodedField; value: readonly T[]; onChange: (value: T[]) => void; error?: string }) {
  const labels = useContactFieldLabels();
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} aria-invalid={error ? true : undefined}>
      <Text component="legend" size="sm" fw={600} mb="xs">
        {legend}
      </Text>
      <Chip.Group multiple value={[...value]} onChange={(next) => onChange(next as T[])}>
        <Group gap="xs">
          {labels.options(field).map((option) => (
            <Chip key={option.value} value={option.value} variant="outline">
              {option.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** What the operator explained. */
export function InformationTab({ fields, update, errors }: TabProps) {
  const { t } = useTranslation();
  return (
    <ChipField<InformationTopic>
      legend={t('contactFields.labels.informationGiven')}
      field="informationTopic"
      value={fields.informationGiven}
      onChange={(informationGiven) => update({ informationGiven })}
      error={errors.informationGiven}
    />
  );
}

/** What the operator did. */
export function ActionsTab({ fields, update, errors }: TabProps) {
  const { t } = useTranslation();
  return (
    <ChipField<Action>
      legend={t('contactFields.labels.actionsTaken')}
      field="action"
      value={fields.actionsTaken}
      onChange={(actionsTaken) => update({ actionsTaken })}
      error={errors.actionsTaken}
    />
  );
}

/** How the contact ended. */
export function OutcomeTab({ fields, update, errors }: TabProps) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <CodeSelect
        label={t('contactFields.labels.outcome')}
        data={labels.options('outcome').filter((o) => o.value !== 'non_data')}
        value={fields.outcome}
        onChange={(value) => update({ outcome: value as Outcome | null })}
        error={errors.outcome ?? errors.nonDataType ?? errors.endedAt}
        withAsterisk
        data-autofocus
      />
    </SimpleGrid>
  );
}
