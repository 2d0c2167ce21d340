import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ALERT_CRITERIA, ALERT_GENDERS } from '../../../../api/alerts.schemas';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useLabels } from '../../../lib/labels';
import type { Locale } from '../../../api/types';
import { useCountryOptions } from '../../knowledge/use-country-options';
import { buildCircle, maxHoursFor, type AlertFormValues, type TextInputs } from './alert-form-model';
import { loadTextLanguages, templateTexts } from './alert-texts';
import type { AlertSettings } from './alerts-api';

const LIMITS = { headline: 160, description: 4000, instruction: 2000 } as const;

/** A titled block of the form. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface AlertFormFieldsProps {
  form: UseFormReturnType<AlertFormValues>;
  settings: AlertSettings;
  /** "new": tier and mode can be chosen; "draft"/"issued": editing an existing alert. */
  mode: 'new' | 'draft' | 'issued';
}

/** Every field of a child alert: tier, mode, child, last seen, texts per language, area, expiry, criteria, authority decision. */
export function AlertFormFields({ form, settings, mode }: AlertFormFieldsProps) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const countries = useCountryOptions();
  const values = form.getValues();
  const languages = settings.languages;
  const [activeLang, setActiveLang] = useState<string | null>(languages[0] ?? null);
  const [templatesReady, setTemplatesReady] = useState(false);
  const maxHours = maxHoursFor(values.tier, settings);
  const required = new Set(settings.criteria[values.tier]);

  useEffect(() => {
    let live = true;
    void loadTextLanguages(i18n, languages).then(() => live && setTemplatesReady(true));
    return () => {
      live = false;
    };
  }, [i18n, languages]);

  // The last template text put into each language, so that texts nobody has touched follow the child's details.
  const generated = useRef<Record<string, TextInputs>>({});
  const fillTemplate = (lang: string) => {
    const next = templateTexts(i18n, lang, form.getValues(), settings.hotline);
    generated.current[lang] = next;
    form.setFieldValue(`texts.${lang}`, next);
  };
  const { childName, ageYears, lastSeenAt, lastSeenPlace, childDescription, tier } = values;
  useEffect(() => {
    if (!templatesReady || mode !== 'new') return;
    for (const lang of languages) {
      const current = form.getValues().texts[lang];
      const last = generated.current[lang];
      const empty = !current || (!current.headline && !current.description && !current.instruction);
      const untouched = last && current && current.headline === last.headline && current.description === last.description && current.instruction === last.instruction;
      if (empty || untouched) fillTemplate(lang);
    }
    // Re-run only when the details the templates use change.
  }, [templatesReady, mode, languages, childName, ageYears, lastSeenAt, lastSeenPlace, childDescription, tier]);

  return (
    <Stack gap="md">
      <Section id="alert-form-kind" title={t('alerts.form.kindTitle')}>
        <SegmentedControl
          aria-label={t('alerts.form.tier')}
          data={[
            { value: 'child_abduction', label: t('alerts.tier.child_abduction') },
            { value: 'endangered_missing', label: t('alerts.tier.endangered_missing') },
          ]}
          disabled={mode !== 'new'}
          {...form.getInputProps('tier')}
        />
        <Text size="sm">{t(`alerts.tier.explain.${values.tier}`)}</Text>
        <Select
          label={t('alerts.form.mode')}
          data={(['actual', 'exercise', 'test'] as const).map((m) => ({ value: m, label: t(`alerts.mode.${m}`) }))}
          disabled={mode !== 'new'}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('mode')}
        />
        {values.mode !== 'actual' && (
          <Alert color="violet" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('alerts.form.drillTitle')} data-testid="drill-warning">
            {t('alerts.form.drillWarning')}
          </Alert>
        )}
      </Section>

      <Section id="alert-form-child" title={t('alerts.form.childTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('alerts.fields.childName')} required maxLength={200} {...form.getInputProps('childName')} />
          <NumberInput label={t('alerts.fields.age')} min={0} max={17} allowDecimal={false} allowNegative={false} {...form.getInputProps('ageYears')} />
          <Select
            label={t('alerts.fields.gender')}
            data={ALERT_GENDERS.map((g) => ({ value: g, label: t(`alerts.gender.${g}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('gender')}
          />
        </SimpleGrid>
        <Textarea label={t('alerts.fields.childDescription')} description={t('alerts.form.childDescriptionHint')} required autosize minRows={2} maxLength={2000} {...form.getInputProps('childDescription')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('alerts.fields.lastSeenAt')} required {...form.getInputProps('lastSeenAt')} />
          <TextInput label={t('alerts.fields.lastSeenPlace')} required maxLength={300} {...form.getInputProps('lastSeenPlace')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('alerts.fields.suspect')} autosize minRows={2} maxLength={1000} {...form.getInputProps('suspect')} />
          <Textarea label={t('alerts.fields.vehicle')} autosize minRows={2} maxLength={500} {...form.getInputProps('vehicle')} />
        </SimpleGrid>
      </Section>

      <Section id="alert-form-texts" title={t('alerts.form.textsTitle')}>
        <Text size="sm">{t('alerts.form.textsHint')}</Text>
        <Tabs value={activeLang} onChange={setActiveLang} keepMounted={false}>
          <Tabs.List>
            {languages.map((lang) => (
              <Tabs.Tab key={lang} value={lang} color={form.errors[`texts.${lang}.headline`] ? 'red' : undefined}>
                {LANGUAGE_NAMES[lang as Locale] ?? lang}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {languages.map((lang) => {
            const text = values.texts[lang] ?? { headline: '', description: '', instruction: '' };
            const counter = (field: keyof typeof LIMITS) => t('alerts.form.counter', { count: text[field].length, max: LIMITS[field] });
            return (
              <Tabs.Panel key={lang} value={lang} pt="sm">
                <Stack gap="sm" lang={lang}>
                  <Group justify="flex-end">
                    <Button size="xs" variant="default" leftSection={<IconWand size={14} aria-hidden="true" />} disabled={!templatesReady} onClick={() => fillTemplate(lang)}>
                      {t('alerts.form.fillTemplate')}
                    </Button>
                  </Group>
                  <TextInput label={t('alerts.fields.headline')} description={counter('headline')} maxLength={LIMITS.headline} {...form.getInputProps(`texts.${lang}.headline`)} />
                  <Textarea label={t('alerts.fields.description')} description={counter('description')} autosize minRows={3} maxLength={LIMITS.description} {...form.getInputProps(`texts.${lang}.description`)} />
                  <Textarea label={t('alerts.fields.instruction')} description={counter('instruction')} autosize minRows={2} maxLength={LIMITS.instruction} {...form.getInputProps(`texts.${lang}.instruction`)} />
                </Stack>
              </Tabs.Panel>
            );
          })}
        </Tabs>
      </Section>

      <Section id="alert-form-area" title={t('alerts.form.areaTitle')}>
        <TextInput label={t('alerts.fields.areaDescription')} required maxLength={300} {...form.getInputProps('areaDescription')} />
        <Switch label={t('alerts.form.wholeCountry')} {...form.getInputProps('wholeCountry', { type: 'checkbox' })} />
        {values.wholeCountry && (
          <MultiSelect label={t('alerts.fields.countries')} data={countries} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('countries')} />
        )}
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('alerts.form.circles')}
          </Text>
          {values.circles.map((_, index) => {
            const built = buildCircle(values.circles[index] ?? { lat: '', lon: '', radiusKm: '' });
            return (
              <Group key={index} align="flex-end" gap="sm" wrap="wrap">
                <NumberInput label={t('alerts.form.circleLat', { n: index + 1 })} min={-90} max={90} decimalScale={5} w={140} {...form.getInputProps(`circles.${index}.lat`)} />
                <NumberInput label={t('alerts.form.circleLon', { n: index + 1 })} min={-180} max={180} decimalScale={5} w={140} {...form.getInputProps(`circles.${index}.lon`)} />
                <NumberInput label={t('alerts.form.circleRadius', { n: index + 1 })} min={0} decimalScale={3} w={140} {...form.getInputProps(`circles.${index}.radiusKm`)} />
                <Text size="sm" ff="monospace" pb={8} data-testid="circle-preview">
                  {built ?? '—'}
                </Text>
                <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={t('alerts.form.removeCircle', { n: index + 1 })} onClick={() => form.removeListItem('circles', index)}>
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            );
          })}
          <Group>
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => form.insertListItem('circles', { lat: '', lon: '', radiusKm: '' })}>
              {t('alerts.form.addCircle')}
            </Button>
          </Group>
        </Stack>
        <Textarea label={t('alerts.fields.polygons')} description={t('alerts.form.polygonsHint')} autosize minRows={2} styles={{ input: { fontFamily: 'monospace' } }} {...form.getInputProps('polygons')} />
      </Section>

      <Section id="alert-form-expiry" title={t('alerts.form.expiryTitle')}>
        <TextInput type="datetime-local" label={t('alerts.fields.expiresAt')} description={t('alerts.form.expiryHint', { hours: maxHours })} {...form.getInputProps('expiresAt')} />
      </Section>

      <Section id="alert-form-criteria" title={t('alerts.form.criteriaTitle')}>
        <Text size="sm">{t('alerts.form.criteriaHint', { country: labels.country(settings.countryCode) })}</Text>
        <Stack gap="xs">
          {ALERT_CRITERIA.map((c) => (
            <Checkbox
              key={c}
              label={required.has(c) ? t('alerts.form.requiredCriterion', { criterion: t(`alerts.criteria.${c}`) }) : t(`alerts.criteria.${c}`)}
              fw={required.has(c) ? 600 : undefined}
              {...form.getInputProps(`criteria.${c}`, { type: 'checkbox' })}
            />
          ))}
        </Stack>
      </Section>

      <Section id="alert-form-authority" title={t('alerts.form.authorityTitle')}>
        <AuthorityFields form={form} />
      </Section>

      {mode === 'issued' && (
        <Textarea label={t('alerts.fields.updateNote')} description={t('alerts.form.updateNoteHint')} required autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
      )}
    </Stack>
  );
}

/** The issuing authority's decision: who decided, the reference, when, and the official (never published). */
export function AuthorityFields<V extends Pick<AlertFormValues, 'authorityName' | 'authorityReference' | 'authorityDecidedAt' | 'authorityPerson'>>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('alerts.fields.authorityName')} maxLength={200} {...form.getInputProps('authorityName')} />
      <TextInput label={t('alerts.fields.authorityReference')} maxLength={100} {...form.getInputProps('authorityReference')} />
      <TextInput type="datetime-local" label={t('alerts.fields.authorityDecidedAt')} {...form.getInputProps('authorityDecidedAt')} />
      <TextInput label={t('alerts.fields.authorityPerson')} description={t('alerts.form.authorityPersonHint')} maxLength={200} {...form.getInputProps('authorityPerson')} />
    </SimpleGrid>
  );
}

/** Validation of the drafting form (messages translated). */
export function alertFormValidate(t: (key: string) => string, languages: readonly string[], issued: boolean) {
  const requiredText = (v: string) => (v.trim() ? null : t('alerts.form.required'));
  return (values: AlertFormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    const check = (path: string, message: string | null) => {
      if (message) errors[path] = message;
    };
    check('childName', requiredText(values.childName));
    check('childDescription', requiredText(values.childDescription));
    check('lastSeenPlace', requiredText(values.lastSeenPlace));
    check('lastSeenAt', values.lastSeenAt && !Number.isNaN(new Date(values.lastSeenAt).getTime()) ? null : t('alerts.form.required'));
    check('areaDescription', requiredText(values.areaDescription));
    const age = values.ageYears === '' ? null : Number(values.ageYears);
    check('ageYears', age === null || (Number.isInteger(age) && age >= 0 && age <= 17) ? null : t('alerts.form.ageRange'));
    const first = languages[0];
    for (const lang of languages) {
      const text = values.texts[lang];
      const any = text && (text.headline.trim() || text.description.trim() || text.instruction.trim());
      if (lang === first || any) {
        check(`texts.${lang}.headline`, requiredText(text?.headline ?? ''));
        check(`texts.${lang}.description`, requiredText(text?.description ?? ''));
        check(`texts.${lang}.instruction`, requiredText(text?.instruction ?? ''));
      }
    }
    values.circles.forEach((c, i) => check(`circles.${i}.radiusKm`, buildCircle(c) ? null : t('alerts.form.circleInvalid')));
    // The name is prefilled with the country's authority: the decision counts as started once a reference or time is given.
    if (values.authorityReference.trim() || values.authorityDecidedAt.trim()) {
      check('authorityReference', requiredText(values.authorityReference));
      check('authorityDecidedAt', requiredText(values.authorityDecidedAt));
      check('authorityName', requiredText(values.authorityName));
    }
    if (issued) check('note', requiredText(values.note));
    return errors;
  };
}
