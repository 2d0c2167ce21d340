import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconEyeOff, IconLock, IconMoodKid, IconPlus, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useCaseLabels } from './case-labels';
import type { CaseView, PersonView } from './cases-api';
import { IdentificationModal } from './identification-modal';
import { PersonModal } from './person-modal';
import { FULL_BADGE } from './case-badges';

/** A language code named in the interface language (the code itself when Intl does not know it). */
function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  const tag = formatLocale(i18n.language);
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([tag], { type: 'language' });
    } catch {
      names = null;
    }
    return (code: string) => names?.of(code) ?? code;
  }, [tag]);
}

/** A person's name as far as it is known, or "name not recorded". */
function personName(p: PersonView, fallback: string): string {
  const name = [p.givenName, p.familyName].filter(Boolean).join(' ');
  if (name && p.alias) return `${name} (${p.alias})`;
  return name || p.alias || fallback;
}

/** One person: role, name, age (with the presumption of minority), gender, nationality, languages, identification. */
function PersonCard({ person, canWrite, onEdit, onIdentify }: { person: PersonView; canWrite: boolean; onEdit: () => void; onIdentify: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const languageName = useLanguageName();
  const age = person.ageYears !== null ? t('cases.person.ageExact', { years: person.ageYears }) : caseLabels.ageBand(person.ageBand);
  const facts: [string, string][] = [
    [t('cases.person.age'), `${age}${person.ageUncertain ? ` · ${t('cases.person.uncertain')}` : ''}`],
    [t('cases.person.gender'), caseLabels.label('gender', person.gender)],
    [t('cases.person.nationality'), person.nationality ? labels.country(person.nationality) : '—'],
    [t('cases.person.languages'), person.languages.map(languageName).join(', ') || '—'],
  ];
  return (
    <Paper withBorder p="md" radius="md" data-testid="person-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {caseLabels.label('personRole', person.role)}
            </Text>
            {person.restricted ? (
              <Group gap={6}>
                <IconEyeOff size={16} aria-hidden="true" />
                <Text fw={600} data-testid="person-restricted">
                  {t('cases.persons.hidden')}
                </Text>
              </Group>
            ) : (
              <Text fw={600}>{personName(person, t('cases.persons.noName'))}</Text>
            )}
          </Stack>
          <Group gap={4}>
            {person.treatedAsChild && (
              <Badge color="grape" variant="light" styles={FULL_BADGE} leftSection={<IconMoodKid size={12} aria-hidden="true" />}>
                {person.presumedMinor ? t('cases.person.presumedMinor') : t('cases.person.child')}
              </Badge>
            )}
            {person.traffickingStatus && (
              <Badge color={person.traffickingStatus === 'identified' ? 'red' : person.traffickingStatus === 'not_victim' ? 'gray' : 'orange'} variant="light" styles={FULL_BADGE}>
                {caseLabels.label('traffickingStatus', person.traffickingStatus)}
              </Badge>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <Stack gap={0} key={label}>
              <Text size="xs" c="dimmed" component="dt">
                {label}
              </Text>
              <Text size="sm" component="dd" m={0}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {person.restricted && (
          <Text size="xs" c="dimmed">
            {t('cases.persons.hiddenHint')}
          </Text>
        )}
        {!person.restricted && person.relationship && <Text size="sm">{`${t('cases.person.relationship')}: ${person.relationship}`}</Text>}
        {!person.restricted && person.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {person.notes}
          </Text>
        )}
        {person.traffickingStatus && person.traffickingStatus !== 'possible' && (
          <Text size="sm" data-testid="identification-summary">
            {t('cases.identification.recordedAs', {
              status: caseLabels.label('traffickingStatus', person.traffickingStatus),
              authority: person.identifiedBy ?? '—',
              date: person.identifiedAt ? labels.date(person.identifiedAt) : '—',
            })}
          </Text>
        )}
        {canWrite && !person.restricted && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} aria-hidden="true" />} onClick={onEdit}>
              {t('cases.persons.edit')}
            </Button>
            {person.role === 'potential_victim' && (
              <Button size="xs" variant="default" leftSection={<IconScale size={14} aria-hidden="true" />} onClick={onIdentify}>
                {t('cases.identification.open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The persons of the case; identifying data hidden (with a note) for readers who do not work the case. */
export function PersonsPanel({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<PersonView | null>(null);
  const [adding, setAdding] = useState(false);
  const [identifying, setIdentifying] = useState<PersonView | null>(null);
  const canWrite = caseView.permissions.write;
  return (
    <Stack gap="sm" component="section" aria-labelledby="persons-title">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2} size="h4" id="persons-title">
            {t('cases.persons.title')}
          </Title>
          <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden="true" />} styles={{ label: { textTransform: 'none' } }}>
            {t('cases.encrypted')}
          </Badge>
        </Group>
        {canWrite && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('cases.persons.add')}
          </Button>
        )}
      </Group>
      {!caseView.permissions.sensitive && (
        <Alert color="gray" variant="light" icon={<IconEyeOff size={18} aria-hidden="true" />}>
          {t('cases.persons.restrictedNotice')}
        </Alert>
      )}
      {caseView.persons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.persons.none')}
        </Text>
      ) : (
        caseView.persons.map((p) => <PersonCard key={p.id} person={p} canWrite={canWrite} onEdit={() => setEditing(p)} onIdentify={() => setIdentifying(p)} />)
      )}
      <PersonModal caseId={caseView.id} person={editing} opened={adding || editing !== null} onClose={() => (setAdding(false), setEditing(null))} onSaved={onChanged} />
      <IdentificationModal caseId={caseView.id} person={identifying} onClose={() => setIdentifying(null)} onSaved={onChanged} />
    </Stack>
  );
}
