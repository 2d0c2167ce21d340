import { useState } from 'react';
import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { useSubmission } from '../../lib/use-submission';
import { localInputToIso } from '../cases/case-helpers';
import { useCaseLabels } from '../cases/case-labels';
import { useCountryOptions } from '../knowledge/use-country-options';
import { missingApi, type MissingReportView } from './missing-api';
import { EMPTY_MISSING_FORM, toCreateBody, type MissingFormValues } from './missing-helpers';
import { useMissingLabels } from './missing-labels';
import { MissingPhotoStep } from './missing-photo-step';

/** Report a missing child: opens a missing-child case (the child, last seen, who was told), then an optional photo. */
export default function MissingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseLabels = useCaseLabels();
  const labels = useMissingLabels();
  const countries = useCountryOptions();
  const submission = useSubmission();
  const [created, setCreated] = useState<MissingReportView | null>(null);
  const form = useForm<MissingFormValues>({
    mode: 'controlled',
    initialValues: EMPTY_MISSING_FORM,
    validate: {
      missingType: (v) => (v ? null : t('missing.new.typeRequired')),
      lastSeenAt: (v) => {
        const iso = localInputToIso(v);
        if (!iso) return t('missing.new.lastSeenRequired');
        return new Date(iso).getTime() > Date.now() + 60_000 ? t('missing.new.lastSeenFuture') : null;
      },
      ageYears: (v) => (v === '' || (typeof v === 'number' && v >= 0 && v <= 17) ? null : t('missing.new.ageInvalid')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    let report: MissingReportView | null = null;
    const ok = await submission.run(async () => {
      report = await missingApi.open(toCreateBody(v, localInputToIso(v.lastSeenAt)!));
    });
    if (ok && report) {
      notifySuccess(t('missing.new.created'));
      setCreated(report);
    }
  });

  if (created) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('missing.new.photoStepTitle', { reference: created.caseReference })} description={t('missing.new.photoStepDescription')} />
        <Paper withBorder p="md" radius="md">
          <MissingPhotoStep report={created} onDone={() => void navigate(`/cases/${created.caseId}`)} />
          <Group justify="flex-start" mt="sm">
            <Button component={Link} to={`/cases/${created.caseId}`} variant="subtle">
              {t('missing.new.skipPhoto')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('missing.new.title')} description={t('missing.new.description')} />
      <form onSubmit={submit} noValidate aria-label={t('missing.new.title')}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="missing-child-title">
            <Title order={2} size="h4" id="missing-child-title" mb="sm">
              {t('missing.new.child')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              <TextInput label={t('missing.fields.givenName')} maxLength={200} {...form.getInputProps('givenName')} />
              <TextInput label={t('missing.fields.familyName')} maxLength={200} {...form.getInputProps('familyName')} />
              <NumberInput label={t('missing.fields.ageYears')} description={t('missing.new.ageHint')} min={0} max={17} allowDecimal={false} {...form.getInputProps('ageYears')} />
              <Select label={t('missing.fields.gender')} data={caseLabels.options('gender')} clearable {...form.getInputProps('gender')} />
              <Select label={t('missing.fields.nationality')} data={countries} searchable clearable {...form.getInputProps('nationality')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="missing-report-title">
            <Title order={2} size="h4" id="missing-report-title" mb="sm">
              {t('missing.new.report')}
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label={t('missing.fields.type')} data={labels.options('type')} required allowDeselect={false} {...form.getInputProps('missingType')} />
                <TextInput type="datetime-local" label={t('missing.fields.lastSeenAt')} required {...form.getInputProps('lastSeenAt')} />
                <TextInput label={t('missing.fields.lastSeenPlace')} description={t('missing.new.placeHint')} maxLength={300} {...form.getInputProps('lastSeenPlace')} />
                <Select label={t('missing.fields.lastSeenCountry')} data={countries} searchable clearable {...form.getInputProps('lastSeenCountry')} />
                <NumberInput label={t('missing.fields.lat')} description={t('missing.new.pointHint')} min={-90} max={90} decimalScale={5} {...form.getInputProps('lat')} />
                <NumberInput label={t('missing.fields.lon')} min={-180} max={180} decimalScale={5} {...form.getInputProps('lon')} />
              </SimpleGrid>
              <Textarea label={t('missing.fields.circumstances')} autosize minRows={2} maxLength={5000} {...form.getInputProps('circumstances')} />
              <Textarea label={t('missing.fields.description')} description={t('missing.new.descriptionHint')} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
              <MultiSelect label={t('missing.fields.suspectedCountries')} data={countries} searchable clearable {...form.getInputProps('suspectedCountries')} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="missing-told-title">
            <Title order={2} size="h4" id="missing-told-title" mb="sm">
              {t('missing.new.reportedTo')}
            </Title>
            <Stack gap="sm">
              <Group align="flex-end" gap="md">
                <Checkbox label={t('missing.flags.policeLong')} {...form.getInputProps('reportedPolice', { type: 'checkbox' })} />
                {form.getValues().reportedPolice && <TextInput label={t('missing.fields.policeReference')} maxLength={100} {...form.getInputProps('policeReference')} />}
              </Group>
              <Checkbox label={t('missing.flags.interpolLong')} {...form.getInputProps('reportedInterpol', { type: 'checkbox' })} />
              <Checkbox label={t('missing.flags.sisLong')} {...form.getInputProps('reportedSis', { type: 'checkbox' })} />
              <Text size="xs" c="dimmed">
                {t('missing.new.reportedHint')}
              </Text>
            </Stack>
          </Paper>
          <Alert color="blue" variant="light">
            {t('missing.new.priorityNote')}
          </Alert>
          <FormError error={submission.error} />
          <Group justify="flex-end">
            <Button component={Link} to="/missing" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy}>
              {t('missing.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
