import { useEffect } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, PARTNERSHIP_LEVELS } from '../../../lib/enums';
import type { OrganisationType, OrganisationView, PartnershipLevel } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { FormActions } from '../../../components/form-actions';
import { notifyError, notifyFormError, notifySuccess } from '../../../components/notify';
import { useLabels } from '../../../lib/labels';
import { adminApi, type OrganisationInput } from '../admin-api';
import type { Option } from '../use-reference-data';

interface OrganisationValues {
  name: string;
  shortName: string;
  countryCode: string;
  type: OrganisationType | '';
  partnership: PartnershipLevel;
  city: string;
}

const EMPTY: OrganisationValues = { name: '', shortName: '', countryCode: '', type: '', partnership: 'none', city: '' };

interface OrganisationFormModalProps {
  /** The organisation to edit, `'new'` to create one, null when closed. */
  target: OrganisationView | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
  countryOptions: Option[];
}

/** Create or edit an organisation (and archive or restore it); keeps the form on a server error. */
export function OrganisationFormModal({ target, onClose, onSaved, countryOptions }: OrganisationFormModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const editing = target && target !== 'new' ? target : null;
  const form = useForm<OrganisationValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: {
      name: (value) => (value.trim().length >= 2 ? null : t('validation.nameLength')),
      countryCode: (value) => (value ? null : t('validation.required')),
      type: (value) => (value ? null : t('validation.required')),
    },
  });

  const { setValues, clearErrors } = form;
  useEffect(() => {
    clearErrors();
    setValues(
      editing
        ? {
            name: editing.name,
            shortName: editing.shortName ?? '',
            countryCode: editing.countryCode,
            type: editing.type,
            partnership: editing.partnership,
            city: editing.city ?? '',
          }
        : EMPTY,
    );
  }, [editing, setValues, clearErrors]);

  const submit = form.onSubmit(async (values) => {
    const body: OrganisationInput = {
      name: values.name.trim(),
      shortName: values.shortName.trim() || null,
      countryCode: values.countryCode,
      type: values.type as OrganisationType,
      partnership: values.partnership,
      city: values.city.trim() || null,
    };
    try {
      const saved = editing ? await adminApi.updateOrganisation(editing.id, body) : await adminApi.createOrganisation(body);
      notifySuccess(editing ? t('organisations.saved', { name: saved.name }) : t('organisations.created', { name: saved.name }));
      onSaved();
    } catch (caught) {
      notifyFormError(form, caught);
    }
  });

  const setArchived = async (archived: boolean) => {
    if (!editing) return;
    try {
      const saved = await adminApi.updateOrganisation(editing.id, { archived });
      notifySuccess(archived ? t('organisations.archivedNotice', { name: saved.name }) : t('organisations.restoredNotice', { name: saved.name }));
      onSaved();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('organisations.editTitle', { name: editing.name }) : t('organisations.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('organisations.shortName')} {...form.getInputProps('shortName')} />
            <TextInput label={t('fields.city')} {...form.getInputProps('city')} />
            <Select
              label={t('fields.country')}
              data={countryOptions}
              searchable
              required
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('countryCode')}
            />
            <Select
              label={t('organisations.type')}
              data={ORGANISATION_TYPES.map((type) => ({ value: type, label: labels.organisationType(type) }))}
              required
              {...form.getInputProps('type')}
            />
            <Select
              label={t('organisations.partnership')}
              description={t('organisations.partnershipHint')}
              data={PARTNERSHIP_LEVELS.map((level) => ({ value: level, label: labels.partnership(level) }))}
              allowDeselect={false}
              {...form.getInputProps('partnership')}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <div>
              {editing &&
                (editing.archived ? (
                  <Button variant="light" color="green" onClick={() => void setArchived(false)}>
                    {t('organisations.restore')}
                  </Button>
                ) : (
                  <ConfirmButton
                    color="orange"
                    question={t('organisations.archiveQuestion', { name: editing.name })}
                    confirmLabel={t('organisations.archive')}
                    onConfirm={() => setArchived(true)}
                  >
                    {t('organisations.archive')}
                  </ConfirmButton>
                ))}
            </div>
            <FormActions submitLabel={editing ? t('common.save') : t('organisations.create')} onCancel={onClose} busy={form.submitting} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
