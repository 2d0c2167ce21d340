import { Checkbox, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ALERT_CRITERIA, ALERT_TIERS } from '../../../../api/alerts.schemas';
import { FormActions } from '../../../components/form-actions';
import { FormError } from '../../../components/form-error';
import { LANGUAGE_NAMES } from '../../../i18n';
import { LOCALES } from '../../../lib/enums';
import { useLabels } from '../../../lib/labels';
import { useSubmission } from '../../../lib/use-submission';
import { useCountryOptions } from '../../knowledge/use-country-options';
import { alertsApi, type AlertSettings, type AlertSettingsBody } from './alerts-api';

type SettingsValues = Omit<AlertSettings, 'countryCode' | 'updatedAt'>;

/** Edit one country's alert settings (optimistic version: a conflict is reported, nothing is overwritten). */
export function AlertSettingsModal({ settings, onClose, onSaved }: { settings: AlertSettings; onClose: () => void; onSaved: (s: AlertSettings) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const countries = useCountryOptions();
  const submission = useSubmission();
  const { countryCode: _country, updatedAt: _updated, ...initialValues } = settings;
  const required = (v: string) => (v.trim() ? null : t('alerts.form.required'));
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      issuingAuthority: required,
      senderName: required,
      sender: (v) => (/^[^\s,<&]{3,}$/.test(v.trim()) ? null : t('alerts.settings.senderInvalid')),
      hotline: required,
      languages: (v) => (v.length > 0 ? null : t('alerts.settings.languageRequired')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    let saved: AlertSettings | null = null;
    const body: AlertSettingsBody = { ...values, issuingAuthority: values.issuingAuthority.trim(), sender: values.sender.trim(), senderName: values.senderName.trim(), hotline: values.hotline.trim() };
    const ok = await submission.run(async () => {
      saved = await alertsApi.saveSettings(settings.countryCode, body);
    });
    if (ok && saved) onSaved(saved);
  });
  const number = (path: keyof SettingsValues, min: number, max: number) => ({ min, max, allowDecimal: false, allowNegative: false, ...form.getInputProps(path) });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('alerts.settings.editTitle', { country: labels.country(settings.countryCode) })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Switch label={t('alerts.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('alerts.settings.authority')} required maxLength={200} {...form.getInputProps('issuingAuthority')} />
            <TextInput label={t('alerts.settings.hotline')} required maxLength={40} {...form.getInputProps('hotline')} />
            <TextInput label={t('alerts.settings.sender')} description={t('alerts.settings.senderHint')} required maxLength={200} {...form.getInputProps('sender')} />
            <TextInput label={t('alerts.settings.senderName')} required maxLength={200} {...form.getInputProps('senderName')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('alerts.settings.abductionMaxHours')} {...number('abductionMaxHours', 1, 720)} />
            <NumberInput label={t('alerts.settings.endangeredMaxHours')} {...number('endangeredMaxHours', 1, 720)} />
            <NumberInput label={t('alerts.settings.extensionHours')} {...number('extensionHours', 1, 720)} />
            <NumberInput label={t('alerts.settings.maxExtensions')} {...number('maxExtensions', 0, 10)} />
            <NumberInput label={t('alerts.settings.repeatMinutes')} {...number('repeatMinutes', 0, 1440)} />
          </SimpleGrid>
          <MultiSelect label={t('alerts.settings.languages')} description={t('alerts.settings.languagesHint')} data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} comboboxProps={{ withinPortal: true }} {...form.getInputProps('languages')} />
          <MultiSelect label={t('alerts.settings.neighbours')} data={countries.filter((c) => c.value !== settings.countryCode)} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('neighbours')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {ALERT_TIERS.map((tier) => (
              <Checkbox.Group key={tier} label={<Title order={3} size="h6">{t('alerts.settings.criteriaFor', { tier: t(`alerts.tier.${tier}`) })}</Title>} {...form.getInputProps(`criteria.${tier}`)}>
                <Stack gap={6} mt="xs">
                  {ALERT_CRITERIA.map((c) => (
                    <Checkbox key={c} value={c} label={t(`alerts.criteria.${c}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            ))}
          </SimpleGrid>
          <Switch label={t('alerts.settings.needsReview')} description={t('alerts.settings.needsReviewHint')} {...form.getInputProps('needsReview', { type: 'checkbox' })} />
          <Text size="xs">{t('alerts.settings.versionNote', { version: settings.version })}</Text>
          <FormError error={submission.error} />
          <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
