import { Checkbox, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallerAgeBand, CallerType, Channel, Direction, Gender, ProfessionalSector } from '../../../../domain/helpline/contact-fields';
import { LIMITS } from '../../../../domain/helpline/contact-fields';
import { useContactFieldLabels } from '../contacts/contact-field-labels';
import { CodeSelect, type FieldErrors } from './code-select';
import type { DraftFields } from './draft-storage';

export interface TabProps {
  fields: DraftFields;
  update: (patch: Partial<DraftFields>) => void;
  errors: FieldErrors;
}

/** Who is calling: channel, language, caller type (and a professional's sector), age, gender, region, caller id, consents. */
export function CallerTab({ fields, update, errors }: TabProps) {
  const { t } = useTranslation();
  const labels = useContactFieldLabels();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <CodeSelect
          label={t('contactFields.labels.callerType')}
          data={labels.options('callerType')}
          value={fields.callerType}
          onChange={(value) => update({ callerType: value as CallerType | null, ...(value !== 'professional' ? { callerSector: null } : {}) })}
          error={errors.callerType}
          withAsterisk
          data-autofocus
        />
        {fields.callerType === 'professional' && (
          <CodeSelect
            label={t('contactFields.labels.callerSector')}
            data={labels.options('sector')}
            value={fields.callerSector}
            onChange={(value) => update({ callerSector: value as ProfessionalSector | null })}
            error={errors.callerSector}
            withAsterisk
          />
        )}
        <CodeSelect
          label={t('contactFields.labels.language')}
          data={labels.languageOptions}
          value={fields.language}
          onChange={(value) => update({ language: value })}
          error={errors.language}
          withAsterisk
        />
        <CodeSelect
          label={t('contactFields.labels.channel')}
          data={labels.options('channel')}
          value={fields.channel}
          onChange={(value) => value && update({ channel: value as Channel })}
          clearable={false}
          error={errors.channel}
        />
        <CodeSelect
          label={t('contactFields.labels.callerAgeBand')}
          data={labels.options('callerAgeBand')}
          value={fields.callerAgeBand}
          onChange={(value) => update({ callerAgeBand: value as CallerAgeBand | null })}
          error={errors.callerAgeBand}
        />
        <CodeSelect
          label={t('contactFields.labels.callerGender')}
          data={labels.options('gender')}
          value={fields.callerGender}
          onChange={(value) => update({ callerGender: value as Gender | null })}
          error={errors.callerGender}
        />
        <TextInput
          label={t('contactFields.labels.region')}
          description={t('console.regionHint')}
          value={fields.region ?? ''}
          maxLength={LIMITS.region}
          onChange={(event) => update({ region: event.currentTarget.value })}
          error={errors.region}
        />
        <TextInput
          label={t('contactFields.labels.callerId')}
          description={t('console.callerIdHint')}
          value={fields.callerId ?? ''}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => update({ callerId: event.currentTarget.value })}
          error={errors.callerId}
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} id="direction-label" mb={4}>
          {t('contactFields.labels.direction')}
        </Text>
        <SegmentedControl
          aria-labelledby="direction-label"
          data={labels.options('direction')}
          value={fields.direction}
          onChange={(value) => update({ direction: value as Direction })}
        />
      </div>
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" size="sm" fw={600}>
          {t('console.consents')}
        </Text>
        <Checkbox
          label={t('contactFields.labels.consentConfidentiality')}
          checked={fields.consentConfidentiality}
          onChange={(event) => update({ consentConfidentiality: event.currentTarget.checked })}
        />
        <Checkbox
          label={t('contactFields.labels.consentCallback')}
          description={t('console.callbackHint')}
          checked={fields.consentCallback}
          onChange={(event) => update({ consentCallback: event.currentTarget.checked, ...(event.currentTarget.checked ? {} : { callbackPhone: null }) })}
        />
        {fields.consentCallback && (
          <TextInput
            label={t('contactFields.labels.callbackPhone')}
            type="tel"
            value={fields.callbackPhone ?? ''}
            maxLength={30}
            onChange={(event) => update({ callbackPhone: event.currentTarget.value })}
            error={errors.callbackPhone}
            maw={320}
          />
        )}
      </Stack>
    </Stack>
  );
}
