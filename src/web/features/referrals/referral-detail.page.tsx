import { useEffect, useState } from 'react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useApiQuery } from '../../lib/use-api-query';
import { AnswerBox, MessageBox, PacketDownload } from './referral-answer';
import { DueMarker, ReferralError, ReferralStatusBadge, UrgencyBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { EventsSection, PartiesSection, ReferredSection } from './referral-sections';
import { referralPaths, type ReferralView } from './referrals-api';

/** One referral, for the referring desk or the receiving liaison officer: what was referred, its timeline, the answer and messages. */
export default function ReferralDetailPage() {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { id = '' } = useParams();
  const query = useApiQuery<ReferralView>(referralPaths.referral(id));
  const [latest, setLatest] = useState<ReferralView | null>(null);
  useEffect(() => setLatest(null), [query.data]);
  const referral = latest ?? query.data;
  const explained = labels.errorExplanation(query.error);

  return (
    <Stack gap="lg">
      {referral ? (
        <PageHeader
          title={t('referrals.detail.title', { reference: referral.caseReference, actor: referral.actor.name })}
          description={referral.side === 'receiver' ? t('referrals.detail.fromOrganisation', { organisation: referral.organisation.name }) : t('referrals.detail.toActor', { actor: referral.actor.name })}
          actions={<PacketDownload key={referral.id} referral={referral} />}
        />
      ) : (
        <PageHeader title={t('referrals.detail.loadingTitle')} />
      )}
      {query.error && !referral && explained ? (
        <ReferralError error={query.error} />
      ) : (
        <QueryState loading={query.loading} error={query.error} hasData={Boolean(referral)} onRetry={() => void query.reload()}>
          {referral && (
            <Stack gap="md">
              <Group gap="md">
                <Anchor component={Link} to={referral.side === 'sender' ? `/cases/${referral.caseId}` : '/referrals'} size="sm">
                  <Group gap={4}>
                    <IconArrowLeft size={14} aria-hidden="true" />
                    {referral.side === 'sender' ? t('referrals.detail.backToCase', { reference: referral.caseReference }) : t('referrals.detail.backToInbox')}
                  </Group>
                </Anchor>
              </Group>
              <Group gap="sm" data-testid="referral-state">
                <ReferralStatusBadge status={referral.status} />
                <UrgencyBadge urgency={referral.urgency} always />
                <DueMarker dueAt={referral.dueAt} overdue={referral.overdue} />
                <Text size="sm">{labels.stage(referral.stage)}</Text>
              </Group>
              <AnswerBox referral={referral} onChanged={setLatest} />
              <ReferredSection referral={referral} />
              <PartiesSection referral={referral} />
              <EventsSection referral={referral} />
              <MessageBox referral={referral} onChanged={setLatest} />
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
