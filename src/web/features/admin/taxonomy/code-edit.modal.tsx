import { useEffect, useState } from 'react';
import { Badge, Code, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { ApiError } from '../../../api/client';
import { FormError } from '../../../components/form-error';
import { notifySuccess } from '../../../components/notify';
import { LANGUAGE_NAMES } from '../../../i18n';
import { LOCALES } from '../../../lib/enums';
import { taxonomyApi, type TaxonomyCodeView } from './taxonomy-api';

/** What the modal edits: an existing code, or a new local sub-code under a regional code. */
export type CodeEditTarget = { mode: 'edit'; code: TaxonomyCodeView } | { mode: 'add-local'; mapsTo: TaxonomyCodeView };

interface CodeValues {
  countryCode: string;
  suffix: string;
  labels: Record<string, string>;
  sort: number | '';
  active: boolean;
}

function emptyLabels(from: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, from[l] ?? '']));
}

/** The code of a new local sub-code: the regional code, then the country and the suffix (THB.LABOUR.GR_SEASONAL). */
export function localCode(mapsTo: string, countryCode: string, suffix: string): string {
  return `${mapsTo}.${countryCode}_${suffix}`;
}

/**
 * Edit a code of the draft (labels in every language, order, in use or not), or add a local sub-code
 * of a country desk that maps onto a regional code.
 */
export function CodeEditModal({ target, countries, onClose, onSaved }: { target: CodeEditTarget | null; countries: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<CodeValues>({
    mode: 'controlled',
    initialValues: { countryCode: '', suffix: '', labels: emptyLabels(), sort: 0, active: true },
    validate: {
      countryCode: (value) => (target?.mode === 'add-local' && !value ? t('validation.required') : null),
      suffix: (value) => (target?.mode === 'add-local' && !/^[A-Z0-9_]{2,30}$/.test(value) ? t('taxonomy.suffixRule') : null),
      labels: { en: (value) => (value.trim() ? null : t('taxonomy.englishRequired')) },
    },
  });

  const [error, setError] = useState<unknown>(null);
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!target) return;
    setError(null);
    if (target.mode === 'edit') {
      setValues({ countryCode: target.code.countryCode ?? '', suffix: '', labels: emptyLabels(target.code.labels), sort: target.code.sort, active: target.code.active });
    } else {
      setValues({ countryCode: countries.length === 1 ? (countries[0]?.value ?? '') : '', suffix: '', labels: emptyLabels(), sort: target.mapsTo.sort, active: true });
    }
    resetDirty();
    // Reset only when another code is opened.
  }, [target]);

  const submit = form.onSubmit(async (values) => {
    if (!target) return;
    const labels = Object.fromEntries(Object.entries(values.labels).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    const sort = values.sort === '' ? 0 : values.sort;
    try {
      if (target.mode === 'edit') {
        const c = target.code;
        await taxonomyApi.saveCode(c.code, { parentCode: c.parentCode, module: c.module, countryCode: c.countryCode, mapsTo: c.mapsTo, labels: labels as { en: string }, sort, active: values.active });
        notifySuccess(t('taxonomy.saved', { code: c.code }));
      } else {
        const m = target.mapsTo;
        const code = localCode(m.code, values.countryCode, values.suffix);
        await taxonomyApi.saveCode(code, { parentCode: m.code, module: m.module, countryCode: values.countryCode, mapsTo: m.code, labels: labels as { en: string }, sort, active: true });
        notifySuccess(t('taxonomy.added', { code }));
      }
      onSaved();
      onClose();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) for (const issue of caught.issues) form.setFieldError(issue.path, issue.message);
    }
  });

  const title = target?.mode === 'edit' ? t('taxonomy.editTitle', { code: target.code.code }) : t('taxonomy.addLocalTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {target.mode === 'add-local' && (
              <>
                <Text size="sm">
                  {t('taxonomy.addLocalHint')} <Code>{target.mapsTo.code}</Code>
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <Select label={t('taxonomy.country')} data={countries} required allowDeselect={false} {...form.getInputProps('countryCode')} />
                  <TextInput
                    label={t('taxonomy.suffix')}
                    description={t('taxonomy.suffixHint')}
                    required
                    {...form.getInputProps('suffix')}
                    onChange={(e) => form.setFieldValue('suffix', e.currentTarget.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))}
                  />
                  <NumberInput label={t('taxonomy.sort')} min={0} max={100000} allowDecimal={false} {...form.getInputProps('sort')} />
                </SimpleGrid>
                {form.values.countryCode && form.values.suffix && (
                  <Text size="sm">
                    {t('taxonomy.newCode')} <Code data-testid="new-code">{localCode(target.mapsTo.code, form.values.countryCode, form.values.suffix)}</Code>
                  </Text>
                )}
              </>
            )}
            {target.mode === 'edit' && (
              <Group gap="md" align="flex-end">
                {target.code.countryCode && (
                  <Group gap="xs">
                    <Badge variant="outline">{target.code.countryCode}</Badge>
                    <Text size="sm">{t('taxonomy.mapsTo', { code: target.code.mapsTo ?? '—' })}</Text>
                  </Group>
                )}
                <NumberInput label={t('taxonomy.sort')} min={0} max={100000} allowDecimal={false} w={140} {...form.getInputProps('sort')} />
                <Switch mb={8} label={t('taxonomy.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
              </Group>
            )}
            <Text fw={600} size="sm">
              {t('taxonomy.labels')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {LOCALES.map((locale) => (
                <TextInput key={locale} lang={locale} label={LANGUAGE_NAMES[locale]} required={locale === 'en'} maxLength={200} {...form.getInputProps(`labels.${locale}`)} />
              ))}
            </SimpleGrid>
            <FormError error={error} />
            {error instanceof ApiError && error.issues.length > 0 && (
              <List size="sm" data-testid="code-issues">
                {error.issues.map((issue, index) => (
                  <List.Item key={index}>{`${issue.path}: ${issue.message}`}</List.Item>
                ))}
              </List>
            )}
            <FormActions submitLabel={target.mode === 'edit' ? t('common.save') : t('taxonomy.addLocal')} onCancel={onClose} busy={form.submitting} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
