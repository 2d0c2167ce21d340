import { useMemo } from 'react';
import { Alert, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconMoodKid } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonInput } from '../../../api/cases.schemas';
import { isTreatedAsChild, presumesMinority, type AgeBand } from '../../../domain/cases/age';
import { formatLocale } from '../../i18n';
import { useCaseLabels } from './case-labels';

/** Languages offered for a person (ISO 639 codes), named in the interface language. */
const LANGUAGE_CODES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'hr', 'bs', 'mk', 'sq', 'uk', 'hu', 'ru', 'rom', 'tr', 'ar', 'fa', 'ps', 'ur', 'bn', 'ti', 'so', 'am', 'fr', 'de', 'it', 'es', 'pt', 'pl', 'cs', 'sk', 'zh', 'vi', 'tl'];

/** Every region code Intl can name (AA–ZZ), named in the language `tag`, sorted by name. */
function listRegions(tag: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
  } catch {
    return [];
  }
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const label = names.of(code);
      if (label && label !== code) out.push({ value: code, label });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label));
}

/** The form values of a person's minimum identifying data (numbers as text until sent). */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  alias: string;
  ageYears: number | string;
  ageBand: AgeBand;
  ageUncertain: boolean;
  mayBeChild: boolean;
  gender: string | null;
  nationality: string | null;
  languages: string[];
}

export const EMPTY_PERSON: PersonFormValues = { givenName: '', familyName: '', alias: '', ageYears: '', ageBand: 'unknown', ageUncertain: false, mayBeChild: false, gender: null, nationality: null, languages: [] };

/** The age as the domain rules read it. */
function ageOf(v: PersonFormValues) {
  return { years: typeof v.ageYears === 'number' ? v.ageYears : null, ageBand: v.ageBand, uncertain: v.ageUncertain, mayBeChild: v.mayBeChild };
}

/** The form values as the API's person input (empty text as null). */
export function toPersonInput(v: PersonFormValues): Omit<PersonInput, 'role'> {
  const text = (s: string) => s.trim() || null;
  return {
    givenName: text(v.givenName),
    familyName: text(v.familyName),
    alias: text(v.alias),
    ageYears: typeof v.ageYears === 'number' ? v.ageYears : null,
    ageBand: v.ageBand,
    ageUncertain: v.ageUncertain,
    mayBeChild: v.mayBeChild,
    gender: (v.gender as PersonInput['gender']) ?? null,
    nationality: v.nationality,
    languages: v.languages,
  };
}

/** True when nothing was typed in (the first person of a new case is optional). */
export function isPersonEmpty(v: PersonFormValues): boolean {
  return !v.givenName.trim() && !v.familyName.trim() && !v.alias.trim() && v.ageYears === '' && v.ageBand === 'unknown' && !v.ageUncertain && !v.mayBeChild && !v.gender && !v.nationality && v.languages.length === 0;
}

/** Name, alias, age (exact or band, uncertain, may be a child → presumption of minority), gender, nationality, languages. */
export function PersonFields<V extends PersonFormValues>({ form, prefix = '' }: { form: UseFormReturnType<V>; prefix?: string }) {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  const tag = formatLocale(i18n.language);
  const countries = useMemo(() => listRegions(tag), [tag]);
  const languages = useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'language' });
    } catch {
      names = null;
    }
    return LANGUAGE_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label));
  }, [tag]);
  const path = (field: keyof PersonFormValues) => `${prefix}${field}`;
  const values = (prefix ? (form.getValues() as Record<string, unknown>)[prefix.replace(/\.$/, '')] : form.getValues()) as PersonFormValues;
  const age = ageOf(values);
  const child = isTreatedAsChild(age);
  const presumed = presumesMinority(age);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput label={t('cases.person.givenName')} maxLength={200} autoComplete="off" {...form.getInputProps(path('givenName'))} />
        <TextInput label={t('cases.person.familyName')} maxLength={200} autoComplete="off" {...form.getInputProps(path('familyName'))} />
        <TextInput label={t('cases.person.alias')} maxLength={200} autoComplete="off" {...form.getInputProps(path('alias'))} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput label={t('cases.person.ageYears')} description={t('cases.person.ageYearsHint')} min={0} max={129} allowDecimal={false} allowNegative={false} {...form.getInputProps(path('ageYears'))} />
        <Select
          label={t('cases.person.ageBand')}
          description={t('cases.person.ageBandHint')}
          data={labels.ageBandOptions}
          allowDeselect={false}
          disabled={typeof values.ageYears === 'number'}
          {...form.getInputProps(path('ageBand'))}
        />
        <Select label={t('cases.person.gender')} data={labels.options('gender')} clearable {...form.getInputProps(path('gender'))} />
      </SimpleGrid>
      <Group gap="lg">
        <Checkbox label={t('cases.person.ageUncertain')} {...form.getInputProps(path('ageUncertain'), { type: 'checkbox' })} />
        <Checkbox label={t('cases.person.mayBeChild')} {...form.getInputProps(path('mayBeChild'), { type: 'checkbox' })} />
      </Group>
      {child && (
        <Alert color="grape" variant="light" icon={<IconMoodKid size={18} aria-hidden="true" />} role="status" data-testid="presumed-minor-hint" title={presumed ? t('cases.person.presumedMinor') : t('cases.person.child')}>
          {presumed ? t('cases.person.presumedMinorHint') : t('cases.person.childHint')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('cases.person.nationality')} data={countries} searchable clearable nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps(path('nationality'))} />
        <MultiSelect label={t('cases.person.languages')} data={languages} searchable clearable maxValues={10} nothingFoundMessage={t('common.nothingFound')} {...form.getInputProps(path('languages'))} />
      </SimpleGrid>
    </Stack>
  );
}
