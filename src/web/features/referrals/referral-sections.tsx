import { Badge, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconMessage, IconPoint, IconShieldExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { ConsentSummary, Fact, InAppBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import type { ReferralView } from './referrals-api';

/** What was referred: the person's minimum data, the message, concern level and forms, and the consent (or its override). */
export function ReferredSection({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const p = referral.person;
  const consent = referral.consent;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referred-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="referred-title">
          {t('referrals.detail.referred')}
        </Title>
        {p ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="referral-person">
            <Fact label={t('referrals.fields.person')}>{[p.givenName, p.familyName].filter(Boolean).join(' ') || t('referrals.detail.nameWithheld')}</Fact>
            <Fact label={t('referrals.dataset.age')}>
              {p.ageYears !== null ? t('referrals.person.years', { years: p.ageYears }) : labels.label('ageBand', p.ageBand)}
              {p.presumedMinor && (
                <Badge ml={6} size="xs" variant="outline" color="gray" c="dark.9" tt="none">
                  {t('referrals.person.presumedMinor')}
                </Badge>
              )}
            </Fact>
            <Fact label={t('referrals.dataset.gender')}>{labels.gender(p.gender)}</Fact>
            <Fact label={t('referrals.dataset.nationality')}>{p.nationality ? format.country(p.nationality) : '—'}</Fact>
            <Fact label={t('referrals.dataset.languages')}>{p.languages.map((l) => l.toUpperCase()).join(', ') || '—'}</Fact>
          </SimpleGrid>
        ) : (
          <Text size="sm">{t('referrals.detail.noPerson')}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('referrals.dataset.concern')}>{referral.concernLevel ? labels.label('concern', referral.concernLevel) : t('referrals.detail.notScreened')}</Fact>
          <Fact label={t('referrals.dataset.forms')}>{referral.forms.map((f) => labels.label('forms', f)).join(', ') || '—'}</Fact>
        </SimpleGrid>
        <Fact label={t('referrals.fields.message')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="referral-message">
            {referral.message ?? '—'}
          </Text>
        </Fact>
        {consent?.overridden ? (
          <Paper withBorder p="sm" radius="md" bg="orange.0" data-testid="consent-override">
            <Group gap={6} mb={4}>
              <IconShieldExclamation size={18} aria-hidden="true" />
              <Text size="sm" fw={700}>
                {t('referrals.detail.overridden', { name: consent.overriddenBy?.displayName ?? '—' })}
              </Text>
            </Group>
            <Text size="sm">
              {t('referrals.detail.overrideReason')}: {consent.overrideReason ?? '—'}
            </Text>
          </Paper>
        ) : (
          <ConsentSummary consent={consent?.snapshot ?? null} need={consent?.snapshot ? 'referral' : null} />
        )}
      </Stack>
    </Paper>
  );
}

/** Who refers to whom, the stage and step, the SLA and the moments of the referral. */
export function PartiesSection({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const r = referral;
  const moments: [string, string | null][] = [
    ['created', r.createdAt],
    ['sent', r.sentAt],
    ['acknowledged', r.acknowledgedAt],
    ['accepted', r.acceptedAt],
    ['declined', r.declinedAt],
    ['completed', r.completedAt],
    ['revoked', r.revokedAt],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="parties-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="parties-title">
          {t('referrals.detail.parties')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={t('referrals.fields.referringOrganisation')}>
            {r.organisation.name} ({format.country(r.countryCode)})
          </Fact>
          <Fact label={t('referrals.fields.actor')}>
            <Group gap={6}>
              <span>
                {r.actor.name} · {labels.kind(r.actor.kind)}
                {r.actor.city ? ` · ${r.actor.city}` : ''}
              </span>
              <InAppBadge inApp={r.actor.inApp} />
            </Group>
          </Fact>
          <Fact label={t('referrals.fields.stage')}>
            {labels.stage(r.stage)}
            {r.step ? ` — ${r.step.title} (${t('referrals.detail.pathwayVersion', { version: r.step.pathwayVersion })})` : ''}
          </Fact>
          <Fact label={t('referrals.detail.slaLabel')}>{r.slaHours ? t('referrals.sla', { hours: r.slaHours }) : t('referrals.detail.noSla')}</Fact>
          <Fact label={t('referrals.fields.receiverLanguage')}>{labels.language(r.receiverLanguage)}</Fact>
          <Fact label={t('referrals.detail.createdBy')}>{r.createdBy?.displayName ?? '—'}</Fact>
        </SimpleGrid>
        <Group gap="lg">
          {moments
            .filter(([, at]) => at)
            .map(([key, at]) => (
              <Text key={key} size="xs">
                {t(`referrals.moment.${key}`, { date: format.dateTime(at) })}
              </Text>
            ))}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The referral's own timeline: status changes and messages, with their comments. */
export function EventsSection({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const format = useLabels();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="events-title">
      <Title order={2} size="h4" id="events-title" mb="sm">
        {t('referrals.detail.timeline')}
      </Title>
      {referral.events.length === 0 ? (
        <Text size="sm">{t('referrals.detail.noEvents')}</Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} data-testid="referral-events">
          {referral.events.map((e, index) => (
            <Timeline.Item
              key={`${e.at}-${index}`}
              bullet={e.kind.includes('message') ? <IconMessage size={12} aria-hidden="true" /> : <IconPoint size={12} aria-hidden="true" />}
              title={t(`referrals.event.${e.kind.replace(/^referral_/, '')}`, { defaultValue: e.kind })}
            >
              <Text size="xs">
                {format.dateTime(e.at)}
                {e.actor ? ` · ${e.actor.displayName}` : ''}
              </Text>
              {e.comment && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {e.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
