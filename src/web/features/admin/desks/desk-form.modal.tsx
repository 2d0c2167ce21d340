import { useEffect, useMemo, useState } from 'react';
import { Alert, Autocomplete, Checkbox, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganisationView } from '../../../api/types';
import { ApiError } from '../../../api/client';
import { FormActions } from '../../../components/form-actions';
import { FormError } from '../../../components/form-error';
import { notifySuccess } from '../../../components/notify';
import { formPath, toBody, toValues, validateDesk, type DeskValues } from './desk-form-values';
import { DeskHoursFieldset } from './desk-hours.fieldset';
import { DeskNumbersFieldset } from './desk-numbers.fieldset';
import { COMMON_TIME_ZONES, COUNTRY_TIME_ZONES, desksApi, type DeskView } from './desks-api';

interface DeskFormModalProps {
  /** The desk to edit, `'new'` to add one, null when closed. */
  target: DeskView | 'new' | null;
  /** Every desk (to name the one that takes the country's public reports now). */
  desks: readonly DeskView[];
  organisations: readonly OrganisationView[];
  onClose: () => void;
  onSaved: () => void;
}

/** Add a desk to an organisation, or change a desk's name, time zone, hours, numbers and public intake. */
export function DeskFormModal({ target, desks, organisations, onClose, onSaved }: DeskFormModalProps) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const [error, setError] = useState<unknown>(null);
  const form = useForm<DeskValues>({
    mode: 'controlled',
    initialValues: toValues(null),
    validate: (values) => validateDesk(values, t),
  });

  const { setValues, clearErrors, resetDirty } = form;
  useEffect(() => {
    if (target === null) return;
    const values = toValues(editing);
    clearErrors();
    setError(null);
    setValues(values);
    resetDirty(values);
  }, [target, editing, setValues, clearErrors, resetDirty]);

  const organisationName = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const withoutDesk = useMemo(
    () =>
      organisations
        .filter((o) => !o.archived && !desks.some((d) => d.organisationId === o.id))
        .map((o) => ({ value: o.id, label: `${o.name} (${o.countryCode})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [organisations, desks],
  );

  const { organisationId, publicIntake } = form.values;
  const countryCode = editing?.countryCode ?? organisations.find((o) => o.id === organisationId)?.countryCode;
  const currentIntake = desks.find((d) => d.countryCode === countryCode && d.publicIntake && d.organisationId !== organisationId);

  const chooseOrganisation = (id: string | null) => {
    form.setFieldValue('organisationId', id ?? '');
    const country = organisations.find((o) => o.id === id)?.countryCode;
    const zone = country ? COUNTRY_TIME_ZONES[country] : undefined;
    if (zone && !form.values.timeZone.trim()) form.setFieldValue('timeZone', zone);
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await desksApi.save(values.organisationId, toBody(values));
      notifySuccess(t('desks.saved', { name: saved.name }));
      onSaved();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(formPath(issue.path), issue.message);
    }
  });

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('desks.editTitle', { name: organisationName(editing.organisationId) }) : t('desks.createTitle')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!editing && (
            <Select
              label={t('fields.organisation')}
              description={t('desks.organisationHint')}
              data={withoutDesk}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('organisationId')}
              onChange={chooseOrganisation}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('desks.name')} required {...form.getInputProps('name')} />
            <Autocomplete
              label={t('desks.timeZone')}
              description={t('desks.timeZoneHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={[...COMMON_TIME_ZONES]}
              required
              maxDropdownHeight={240}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <DeskHoursFieldset form={form} />
          <DeskNumbersFieldset form={form} />
          <Stack gap="xs">
            <Switch
              label={t('desks.publicIntake')}
              description={t('desks.publicIntakeHint')}
              {...form.getInputProps('publicIntake', { type: 'checkbox' })}
            />
            {publicIntake && currentIntake && (
              <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />} data-testid="intake-moves">
                {t('desks.publicIntakeMoves', { name: currentIntake.name, organisation: organisationName(currentIntake.organisationId) })}
              </Alert>
            )}
            <Checkbox
              mt="xs"
              label={t('desks.confirmed')}
              description={t('desks.confirmedHint')}
              {...form.getInputProps('confirmed', { type: 'checkbox' })}
            />
          </Stack>
          <FormError error={error} />
          <FormActions submitLabel={editing ? t('common.save') : t('desks.create')} onCancel={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
