import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBigLeftLines, IconArrowBigRightLines, IconWorldShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { HandoffActionModal } from './handoff-action.modal';
import { HandoffRequestModal } from './handoff-request.modal';
import { HandoffStatusBadge, UrgencyBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { referralPaths, type CaseReferrals, type CaseView, type HandoffActionName, type HandoffView } from './referrals-api';

/** The other side's case, linked when the reader may open it. */
function LinkedCase({ handoff, caseView }: { handoff: HandoffView; caseView: CaseView }) {
  const { t } = useTranslation();
  const other = handoff.side === 'sender' ? handoff.to : handoff.from;
  if (!other.caseId) return <Text size="xs">—</Text>;
  const linked = caseView.linkedCases.find((c) => c.id === other.caseId);
  const reference = other.caseReference ?? linked?.reference ?? t('referrals.handoff.linkedCase');
  return linked?.accessible ? (
    <Anchor component={Link} to={`/cases/${other.caseId}`} size="sm" fw={600}>
      {reference}
    </Anchor>
  ) : (
    <Text size="sm">
      {reference} <Text span size="xs">({t('referrals.handoff.notAccessible')})</Text>
    </Text>
  );
}

/** Cross-border hand-offs of a case on the case page: to or from which desk, status, dataset, linked case; "Hand off". */
export function CaseHandoffsPanel({ caseId, caseView, onChanged }: { caseId: string; caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const list = useApiQuery<CaseReferrals>(referralPaths.caseReferrals(caseId));
  const [requesting, setRequesting] = useState(false);
  const [acting, setActing] = useState<{ handoff: HandoffView; action: HandoffActionName } | null>(null);
  const canWrite = caseView.permissions.write;
  const handoffs = list.data?.handoffs ?? [];
  const changed = () => {
    void list.reload();
    onChanged();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-handoffs-title" data-testid="case-handoffs-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="case-handoffs-title">
            {t('referrals.handoff.panelTitle')}
          </Title>
          {canWrite && (
            <Button size="sm" variant="light" leftSection={<IconWorldShare size={16} aria-hidden="true" />} onClick={() => setRequesting(true)} data-testid="new-handoff">
              {t('referrals.handoff.new')}
            </Button>
          )}
        </Group>
        <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
          <DataTable
            columns={[t('referrals.handoff.direction'), t('referrals.fields.status'), t('referrals.handoff.dataset'), t('referrals.handoff.linkedCase')]}
            actions={canWrite}
            minWidth={860}
            compact
            testId="case-handoffs"
            emptyText={t('referrals.handoff.none')}
            busy={list.loading}
          >
            {handoffs.map((h) => {
              const outgoing = h.side === 'sender';
              const other = outgoing ? h.to : h.from;
              return (
                <Table.Tr key={h.id} data-testid="case-handoff-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {outgoing ? <IconArrowBigRightLines size={16} aria-hidden="true" /> : <IconArrowBigLeftLines size={16} aria-hidden="true" />}
                      <div>
                        <Text size="sm" fw={600}>
                          {t(outgoing ? 'referrals.handoff.to' : 'referrals.handoff.from', { desk: other.organisationName, country: format.country(other.countryCode) })}
                        </Text>
                        <Text size="xs">{t('referrals.handoff.requestedAt', { date: format.dateTime(h.requestedAt), name: h.requestedBy?.displayName ?? '—' })}</Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <HandoffStatusBadge status={h.status} />
                      {h.dataset.urgency && <UrgencyBadge urgency={h.dataset.urgency} />}
                    </Group>
                    {h.answeredAt && <Text size="xs">{t('referrals.handoff.answeredAt', { date: format.dateTime(h.answeredAt), name: h.answeredBy?.displayName ?? '—' })}</Text>}
                    {h.answerNote && <Text size="xs">“{h.answerNote}”</Text>}
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 320 }}>
                    <Text size="sm" lineClamp={2}>
                      {h.dataset.summary ?? '—'}
                    </Text>
                    <Text size="xs">
                      {[h.dataset.ageBand ? labels.label('ageBand', h.dataset.ageBand) : null, h.dataset.concernLevel ? labels.label('concern', h.dataset.concernLevel) : null].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LinkedCase handoff={h} caseView={caseView} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        {h.actions.includes('withdraw') && (
                          <Button size="xs" variant="light" color="red" onClick={() => setActing({ handoff: h, action: 'withdraw' })} data-testid="handoff-withdraw">
                            {t('referrals.handoffAction.withdraw')}
                          </Button>
                        )}
                        <Anchor component={Link} to="/handoffs" size="xs">
                          {t('referrals.handoff.openAll')}
                        </Anchor>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </DataTable>
        </QueryState>
      </Stack>
      <HandoffRequestModal opened={requesting} caseView={caseView} onClose={() => setRequesting(false)} onCreated={changed} />
      <HandoffActionModal handoff={acting?.handoff ?? null} action={acting?.action ?? null} onClose={() => setActing(null)} onDone={changed} />
    </Paper>
  );
}
