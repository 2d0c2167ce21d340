import { useCallback, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowBigLeftLines, IconArrowBigRightLines, IconCircleCheck, IconInbox, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { HandoffActionModal } from './handoff-action.modal';
import { HandoffDataset } from './handoff-dataset';
import { ConsentSummary, HandoffStatusBadge, UrgencyBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { referralApi, type HandoffActionName, type HandoffView, type ReferralBox } from './referrals-api';
import { useKeysetList } from '../../lib/use-keyset-list';

const PAGE_SIZE = 20;

/** One hand-off: who asks whom, the minimum dataset and consent snapshot, the answer, and the actions of this side. */
function HandoffCard({ handoff, onAct, justAccepted }: { handoff: HandoffView; onAct: (action: HandoffActionName) => void; justAccepted: boolean }) {
  const { t } = useTranslation();
  const format = useLabels();
  const h = handoff;
  const incoming = h.side === 'receiver';
  const other = incoming ? h.from : h.to;
  const ownCase = incoming ? h.to : h.from;
  const headingId = `handoff-${h.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} data-testid="handoff-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap={8} wrap="nowrap" align="flex-start">
            {incoming ? <IconArrowBigLeftLines size={20} aria-hidden="true" /> : <IconArrowBigRightLines size={20} aria-hidden="true" />}
            <div>
              <Title order={3} size="h5" id={headingId}>
                {t(incoming ? 'referrals.handoff.from' : 'referrals.handoff.to', { desk: other.organisationName, country: format.country(other.countryCode) })}
              </Title>
              <Text size="xs">
                {t('referrals.handoff.requestedAt', { date: format.dateTime(h.requestedAt), name: h.requestedBy?.displayName ?? '—' })}
                {!incoming && h.from.caseReference ? ` · ${t('referrals.handoff.yourCase')}: ` : ''}
                {!incoming && h.from.caseReference && (
                  <Anchor component={Link} to={`/cases/${h.from.caseId}`} size="xs">
                    {h.from.caseReference}
                  </Anchor>
                )}
              </Text>
            </div>
          </Group>
          <Group gap={4}>
            <HandoffStatusBadge status={h.status} />
            {h.dataset.urgency && <UrgencyBadge urgency={h.dataset.urgency} />}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <div>
            <Text size="sm" fw={700} mb={4}>
              {t('referrals.handoff.dataset')}
            </Text>
            <HandoffDataset dataset={h.dataset} />
          </div>
          <ConsentSummary consent={h.dataset.consent ?? null} need="transfer" />
        </SimpleGrid>
        {h.answeredAt && (
          <Text size="sm">
            {t('referrals.handoff.answeredAt', { date: format.dateTime(h.answeredAt), name: h.answeredBy?.displayName ?? '—' })}
            {h.answerNote ? ` — “${h.answerNote}”` : ''}
          </Text>
        )}
        {h.status === 'accepted' && ownCase.caseId && incoming && (
          <Alert color="teal" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconCircleCheck size={18} aria-hidden="true" />} title={justAccepted ? t('referrals.handoff.acceptedTitle') : undefined}>
            <Anchor component={Link} to={`/cases/${ownCase.caseId}`} fw={700} data-testid="handoff-new-case">
              {t('referrals.handoff.openNewCase', { reference: ownCase.caseReference ?? '' })}
            </Anchor>
          </Alert>
        )}
        {h.status === 'accepted' && !incoming && h.to.caseReference && <Text size="sm">{t('referrals.handoff.theirCase', { reference: h.to.caseReference })}</Text>}
        {h.actions.length > 0 && (
          <Group gap="sm">
            {h.actions.map((action) => (
              <Button key={action} size="sm" color={action === 'accept' ? 'teal.9' : 'red'} variant={action === 'accept' ? 'filled' : 'light'} onClick={() => onAct(action)} data-testid={`handoff-${action}`}>
                {t(`referrals.handoffAction.${action}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** One box of hand-offs (to my desk, or sent by my teams), newest first, with "Load more". */
function HandoffBox({ box }: { box: ReferralBox }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [status, setStatus] = useState<string | null>(box === 'inbox' ? 'requested' : null);
  const [acting, setActing] = useState<{ handoff: HandoffView; action: HandoffActionName } | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const fetchPage = useCallback((cursor: string | null) => referralApi.listHandoffs({ box, status, cursor, limit: PAGE_SIZE }), [box, status]);
  const list = useKeysetList<HandoffView>(JSON.stringify({ box, status }), fetchPage);
  return (
    <Stack gap="md" pt="md">
      <Select label={t('referrals.fields.status')} data={labels.options('handoffStatus')} value={status} onChange={setStatus} clearable placeholder={t('common.all')} w={260} comboboxProps={{ withinPortal: true }} />
      <QueryState loading={list.loading} error={list.error} hasData={list.items.length > 0 || !list.loading} onRetry={list.reload}>
        {list.items.length === 0 ? (
          <Text size="sm">{t(`referrals.handoff.empty.${box}`)}</Text>
        ) : (
          list.items.map((h) => <HandoffCard key={h.id} handoff={h} justAccepted={accepted === h.id} onAct={(action) => setActing({ handoff: h, action })} />)
        )}
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={list.loadMore} loading={list.loading}>
              {t('referrals.list.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
      <HandoffActionModal
        handoff={acting?.handoff ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
        onDone={(updated) => {
          list.replace((i) => i.id === updated.id, updated);
          if (updated.status === 'accepted') setAccepted(updated.id);
        }}
      />
    </Stack>
  );
}

/** Cross-border hand-offs: requests to my desk to accept or decline, and those my teams sent, with their status. */
export default function HandoffsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t('referrals.handoff.pageTitle')} description={t('referrals.handoff.pageDescription')} />
      <Tabs defaultValue="inbox" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="inbox" leftSection={<IconInbox size={16} aria-hidden="true" />} data-testid="handoffs-tab-inbox">
            {t('referrals.handoff.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="sent" leftSection={<IconSend size={16} aria-hidden="true" />} data-testid="handoffs-tab-sent">
            {t('referrals.handoff.sent')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox">
          <HandoffBox box="inbox" />
        </Tabs.Panel>
        <Tabs.Panel value="sent">
          <HandoffBox box="sent" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
