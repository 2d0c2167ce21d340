import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/labels';
import type { ContactView } from '../helpline-api';
import type { HelplineReferenceState } from '../use-helpline-reference';
import { useContactFieldLabels } from './contact-field-labels';

/** A titled section of label/value pairs. */
function Section({ title, items }: { title: string; items: [string, ReactNode][] }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
        {items.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** Every field of a contact, with labels, grouped as in the console. */
export function ContactDetailSections({ contact, reference }: { contact: ContactView; reference: HelplineReferenceState }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useContactFieldLabels();
  const L = (key: string) => t(`contactFields.labels.${key}`);
  const yesNo = (value: boolean) => (value ? t('contacts.yes') : t('contacts.no'));
  const list = (values: readonly string[], field: 'informationTopic' | 'action') => (values.length ? values.map((v) => f.label(field, v)).join(', ') : '—');
  const desk = reference.desks.find((d) => d.organisationId === contact.organisationId);

  return (
    <Stack gap="md">
      <Section
        title={t('contacts.sections.contact')}
        items={[
          [L('status'), f.label('status', contact.status)],
          [L('source'), f.label('source', contact.source)],
          [L('desk'), desk ? `${desk.name} (${contact.countryCode})` : contact.countryCode],
          [L('channel'), `${f.label('channel', contact.channel)} · ${f.label('direction', contact.direction)}`],
          [L('startedAt'), labels.dateTime(contact.startedAt)],
          [L('handleTime'), f.duration(contact.handleSeconds)],
          [L('language'), f.language(contact.language)],
          [L('operator'), contact.operatorName ?? '—'],
          [L('outOfHours'), yesNo(contact.outOfHours)],
          [L('caseId'), contact.caseId ?? '—'],
        ]}
      />
      <Section
        title={t('console.tabs.caller')}
        items={[
          [L('callerType'), f.label('callerType', contact.callerType)],
          [L('callerSector'), f.label('sector', contact.callerSector)],
          [L('callerAgeBand'), f.label('callerAgeBand', contact.callerAgeBand)],
          [L('callerGender'), f.label('gender', contact.callerGender)],
          [L('region'), contact.region ?? '—'],
          [L('consentConfidentiality'), yesNo(contact.consentConfidentiality)],
          [L('consentCallback'), yesNo(contact.consentCallback)],
          [L('callbackPhone'), contact.callbackPhone ?? '—'],
        ]}
      />
      <Section
        title={t('console.tabs.child')}
        items={[
          [L('childAgeBand'), f.label('childAgeBand', contact.childAgeBand)],
          [L('childGender'), f.label('gender', contact.childGender)],
        ]}
      />
      <Section
        title={t('contacts.sections.response')}
        items={[
          [
            L('categories'),
            <Group gap={4} component="span" key="categories">
              {contact.isThb && (
                <Badge color="red.9" size="sm" component="span">
                  {t('console.thb')}
                </Badge>
              )}
              {contact.categories.map(reference.codeLabel).join(', ') || '—'}
            </Group>,
          ],
          [L('informationGiven'), list(contact.informationGiven, 'informationTopic')],
          [L('actionsTaken'), list(contact.actionsTaken, 'action')],
          [L('outcome'), contact.nonDataType ? `${f.label('outcome', contact.outcome)} · ${f.label('nonDataType', contact.nonDataType)}` : f.label('outcome', contact.outcome)],
          [L('policeNotifiedAt'), labels.dateTime(contact.policeNotifiedAt)],
          [L('nrmNotifiedAt'), labels.dateTime(contact.nrmNotifiedAt)],
          [L('taxonomyVersion'), String(contact.taxonomyVersion)],
          [L('completedAt'), labels.dateTime(contact.completedAt)],
        ]}
      />
    </Stack>
  );
}
