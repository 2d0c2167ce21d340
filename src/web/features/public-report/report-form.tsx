import { Box, Button, Checkbox, Fieldset, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHILD_AGE_BANDS, LIMITS, PUBLIC_REPORT_KINDS, type ChildAgeBand, type PublicReportKind } from '../../../domain/helpline/contact-fields';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/form-error';
import { currentLocale } from '../../i18n';
import { useSubmission } from '../../lib/use-submission';
import { HelplineNumbers } from './helpline-numbers';
import { publicReportApi, REPORTER_TYPES, type PublicDesk, type PublicReportReceipt, type ReporterType } from './public-report-api';

interface ReportValues {
  countryCode: string;
  kind: PublicReportKind;
  message: string;
  reporterType: string | null;
  childAgeBand: string | null;
  region: string;
  callbackConsent: boolean;
  callbackPhone: string;
  /** Honeypot: people never see or fill it. */
  website: string;
}

const PHONE = /^\+?[\d\s().-]{5,30}$/;

/** The public form: country, what the visitor wants, the message, optional details, an optional call-back. */
export function ReportForm({ countries, defaultCountry, desks, onSent }: { countries: { value: string; label: string }[]; defaultCountry: string; desks: PublicDesk[]; onSent: (receipt: PublicReportReceipt) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const form = useForm<ReportValues>({
    mode: 'controlled',
    initialValues: { countryCode: defaultCountry, kind: 'report', message: '', reporterType: null, childAgeBand: null, region: '', callbackConsent: false, callbackPhone: '', website: '' },
    validate: {
      countryCode: (value) => (value ? null : t('publicReport.countryRequired')),
      message: (value) => (value.trim() ? null : t('publicReport.messageRequired')),
      callbackConsent: (value, values) => (values.kind === 'callback' && !value ? t('publicReport.callbackNeedsConsent') : null),
      callbackPhone: (value, values) => {
        if (!values.callbackConsent && values.kind !== 'callback') return null;
        return PHONE.test(value.trim()) ? null : t('publicReport.callbackPhoneInvalid');
      },
    },
  });
  const values = form.getValues();
  const wantsCallback = values.kind === 'callback' || values.callbackConsent;
  const left = LIMITS.publicMessage - values.message.length;
  const desk = desks.find((d) => d.countryCode === values.countryCode);
  const countryName = countries.find((c) => c.value === values.countryCode)?.label ?? null;

  const submit = form.onSubmit((v) =>
    void submission.run(async () => {
      const receipt = await publicReportApi.send({
        countryCode: v.countryCode,
        language: currentLocale(),
        kind: v.kind,
        message: v.message.trim(),
        ...(v.reporterType ? { reporterType: v.reporterType as ReporterType } : {}),
        ...(v.childAgeBand ? { childAgeBand: v.childAgeBand as ChildAgeBand } : {}),
        ...(v.region.trim() ? { region: v.region.trim() } : {}),
        ...(wantsCallback && v.callbackConsent ? { callbackPhone: v.callbackPhone.trim(), callbackConsent: true } : { callbackConsent: false }),
        ...(v.website ? { website: v.website } : {}),
      });
      onSent(receipt);
    }),
  );

  const rateLimited = submission.error instanceof ApiError && submission.error.status === 429;
  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="lg">
        <Select
          label={t('publicReport.country')}
          description={t('publicReport.countryHint')}
          placeholder={t('publicReport.countryPlaceholder')}
          data={countries}
          required
          allowDeselect={false}
          size="md"
          data-testid="report-country"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('countryCode')}
        />
        {desk && <HelplineNumbers deskOnly deskNumbers={desk.phoneNumbers} needsReview={desk.needsReview} countryName={countryName} />}
        <Radio.Group label={t('publicReport.kind')} required size="md" {...form.getInputProps('kind')}>
          <Stack gap="xs" mt="xs">
            {PUBLIC_REPORT_KINDS.map((kind) => (
              <Radio.Card key={kind} value={kind} radius="md" p="md" data-testid={`report-kind-${kind}`} style={{ borderWidth: 2 }}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <Box>
                    <Text fw={700}>{t(`publicReport.kinds.${kind}.label`)}</Text>
                    <Text size="sm">{t(`publicReport.kinds.${kind}.description`)}</Text>
                  </Box>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('publicReport.message')}
          description={t('publicReport.messageHint')}
          required
          autosize
          minRows={5}
          maxRows={14}
          maxLength={LIMITS.publicMessage}
          size="md"
          data-testid="report-message"
          {...form.getInputProps('message')}
        />
        <Text size="xs" mt={-16} ta="right" aria-live="polite">
          {t('publicReport.charactersLeft', { n: left })}
        </Text>
        <Fieldset legend={t('publicReport.more')} radius="md">
          <Stack gap="sm">
            <Select
              label={t('publicReport.reporterType')}
              placeholder={t('publicReport.notSay')}
              data={REPORTER_TYPES.map((r) => ({ value: r, label: t(`publicReport.reporterTypes.${r}`) }))}
              clearable
              size="md"
              {...form.getInputProps('reporterType')}
            />
            <Select
              label={t('publicReport.childAgeBand')}
              placeholder={t('publicReport.notSay')}
              data={CHILD_AGE_BANDS.map((b) => ({ value: b, label: t(`publicReport.ageBands.${b}`) }))}
              clearable
              size="md"
              {...form.getInputProps('childAgeBand')}
            />
            <TextInput label={t('publicReport.region')} description={t('publicReport.regionHint')} maxLength={LIMITS.region} size="md" autoComplete="off" {...form.getInputProps('region')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('publicReport.callbackTitle')} radius="md">
          <Stack gap="sm">
            <Checkbox label={t('publicReport.callbackConsent')} size="md" data-testid="report-callback-consent" {...form.getInputProps('callbackConsent', { type: 'checkbox' })} />
            {wantsCallback && (
              <TextInput
                type="tel"
                label={t('publicReport.callbackPhone')}
                description={t('publicReport.callbackPhoneHint')}
                required
                size="md"
                autoComplete="off"
                inputMode="tel"
                disabled={!values.callbackConsent}
                data-testid="report-callback-phone"
                {...form.getInputProps('callbackPhone')}
              />
            )}
          </Stack>
        </Fieldset>
        {/* Honeypot: hidden from people and from screen readers; bots that fill every field reveal themselves. */}
        <div className="victor-visually-hidden" aria-hidden="true">
          <label htmlFor="report-website">{t('publicReport.honeypot')}</label>
          <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" data-testid="report-website" value={values.website} onChange={(e) => form.setFieldValue('website', e.currentTarget.value)} />
        </div>
        {rateLimited ? (
          <Text role="alert" c="red.9" fw={600}>
            {t('publicReport.rateLimited')}
          </Text>
        ) : (
          submission.error !== null && <FormError error={submission.error} />
        )}
        <Button type="submit" size="lg" radius="xl" loading={submission.busy} leftSection={<IconSend size={20} aria-hidden="true" />} data-testid="report-send">
          {t('publicReport.send')}
        </Button>
      </Stack>
    </form>
  );
}
