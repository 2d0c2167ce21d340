import { useEffect } from 'react';
import { Divider, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AgeBand } from '../../../domain/cases/age';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { PERSON_ROLES, useCaseLabels } from './case-labels';
import { casesApi, type PersonView } from './cases-api';
import { EMPTY_PERSON, PersonFields, toPersonInput, type PersonFormValues } from './person-fields';

interface PersonModalValues extends PersonFormValues {
  role: string;
  dateOfBirth: string;
  relationship: string;
  contact: string;
  notes: string;
}

const EMPTY: PersonModalValues = { ...EMPTY_PERSON, role: 'potential_victim', dateOfBirth: '', relationship: '', contact: '', notes: '' };

/** Add a person to the case (`person` null) or edit one; identifying data is stored encrypted. */
export function PersonModal({ caseId, person, opened, onClose, onSaved }: { caseId: string; person: PersonView | null; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const submission = useSubmission();
  const form = useForm<PersonModalValues>({ mode: 'controlled', initialValues: EMPTY });
  const { setValues } = form;
  useEffect(() => {
    if (!opened) return;
    submission.clearError();
    setValues(
      person
        ? {
            role: person.role,
            givenName: person.givenName ?? '',
            familyName: person.familyName ?? '',
            alias: person.alias ?? '',
            ageYears: person.ageYears ?? '',
            ageBand: person.ageBand as AgeBand,
            ageUncertain: person.ageUncertain,
            mayBeChild: person.mayBeChild,
            gender: person.gender,
            nationality: person.nationality,
            languages: person.languages,
            dateOfBirth: person.dateOfBirth ?? '',
            relationship: person.relationship ?? '',
            contact: person.contact ?? '',
            notes: person.notes ?? '',
          }
        : EMPTY,
    );
  }, [opened, person]);
  const role = form.getValues().role;

  const submit = form.onSubmit(async (v) => {
    const body = {
      ...toPersonInput(v),
      dateOfBirth: v.dateOfBirth || null,
      relationship: v.relationship.trim() || null,
      contact: v.contact.trim() || null,
      notes: v.notes.trim() || null,
    };
    const ok = await submission.run(async () => {
      if (person) await casesApi.updatePerson(caseId, person.id, { ...body, version: person.version });
      else await casesApi.addPerson(caseId, { ...body, role: v.role as (typeof PERSON_ROLES)[number] });
    });
    if (ok) {
      notifySuccess(person ? t('cases.persons.saved') : t('cases.persons.added'));
      onSaved();
      onClose();
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={person ? t('cases.persons.editTitle') : t('cases.persons.addTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!person && <Select label={t('cases.persons.role')} data={labels.options('personRole')} allowDeselect={false} data-autofocus {...form.getInputProps('role')} />}
          <PersonFields form={form} />
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('cases.person.dateOfBirth')} {...form.getInputProps('dateOfBirth')} />
            {role !== 'potential_victim' && <TextInput label={t('cases.person.relationship')} maxLength={100} {...form.getInputProps('relationship')} />}
          </SimpleGrid>
          <TextInput label={t('cases.person.contact')} description={t('cases.person.contactHint')} maxLength={500} autoComplete="off" {...form.getInputProps('contact')} />
          <Textarea label={t('cases.person.notes')} autosize minRows={2} maxLength={5000} {...form.getInputProps('notes')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
