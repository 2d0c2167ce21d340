import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { CreateReferralModal } from './create-referral.modal';
import { ReferralActionModal, actionLabelKey, type ActionTarget } from './referral-action.modal';
import { DueMarker, InAppBadge, ReferralStatusBadge, UrgencyBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { consentCoversReferral, referralPaths, type CaseReferrals, type CaseView, type ReferralActionName, type ReferralView } from './referrals-api';

/** The latest moment of a referral worth showing, with its label key. */
function lastStep(r: ReferralView): { key: string; at: string } {
  const steps: [string, string | null][] = [
    ['revoked', r.revokedAt],
    ['completed', r.completedAt],
    ['declined', r.declinedAt],
    ['accepted', r.acceptedAt],
    ['acknowledged', r.acknowledgedAt],
    ['sent', r.sentAt],
  ];
  const found = steps.find(([, at]) => at !== null);
  return found ? { key: found[0], at: found[1]! } : { key: 'created', at: r.createdAt };
}

/** The referrals of a case on the case page: status, SLA, actions of the referring desk, and "New referral". */
export function CaseReferralsPanel({ caseId, caseView, onChanged }: { caseId: string; caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const list = useApiQuery<CaseReferrals>(referralPaths.caseReferrals(caseId));
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ target: ActionTarget; action: ReferralActionName } | null>(null);
  const canWrite = caseView.permissions.write;
  const referrals = list.data?.referrals ?? [];
  const changed = () => {
    void list.reload();
    onChanged();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-referrals-title" data-testid="case-referrals-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="case-referrals-title">
            {t('referrals.panel.title')}
          </Title>
          {canWrite && (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)} data-testid="new-referral">
              {t('referrals.panel.new')}
            </Button>
          )}
        </Group>
        <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
          <DataTable
            columns={[t('referrals.fields.actor'), t('referrals.fields.stage'), t('referrals.fields.status'), t('referrals.fields.due'), t('referrals.fields.lastStep')]}
            actions
            minWidth={900}
            compact
            testId="case-referrals"
            emptyText={t('referrals.panel.none')}
            busy={list.loading}
          >
            {referrals.map((r) => {
              const last = lastStep(r);
              const actions = canWrite ? r.actions : [];
              return (
                <Table.Tr key={r.id} data-testid="case-referral-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/referrals/${r.id}`} fw={600} size="sm">
                      {r.actor.name}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      <Text size="xs">{labels.kind(r.actor.kind)}</Text>
                      <InAppBadge inApp={r.actor.inApp} />
                    </Group>
                    {r.person && <Text size="xs">{labels.person(r.person)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labels.stage(r.stage)}</Text>
                    {r.step && <Text size="xs">{r.step.title}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <ReferralStatusBadge status={r.status} />
                      <UrgencyBadge urgency={r.urgency} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <DueMarker dueAt={r.dueAt} overdue={r.overdue} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`referrals.moment.${last.key}`, { date: format.dateTime(last.at) })}</Text>
                    {r.createdBy && <Text size="xs">{t('referrals.panel.by', { name: r.createdBy.displayName })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap" justify="flex-end">
                      {actions.map((action) => (
                        <Button
                          key={action}
                          size="xs"
                          variant={action === 'send' ? 'filled' : 'light'}
                          color={action === 'revoke' || action === 'decline' ? 'red' : undefined}
                          onClick={() => setActing({ target: r, action })}
                          aria-label={`${t(actionLabelKey(action, r.side))}: ${r.actor.name}`}
                          data-testid={`referral-action-${action}`}
                        >
                          {t(actionLabelKey(action, r.side))}
                        </Button>
                      ))}
                      {r.status !== 'draft' && (
                        <Button
                          size="xs"
                          variant="default"
                          component="a"
                          href={referralPaths.packet(r.id, r.receiverLanguage)}
                          target="_blank"
                          rel="noopener"
                          leftSection={<IconFileTypePdf size={14} aria-hidden="true" />}
                          aria-label={`${t('referrals.packet.short')}: ${r.actor.name} (${t('common.opensInNewTab')})`}
                        >
                          {t('referrals.packet.short')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        </QueryState>
      </Stack>
      <CreateReferralModal opened={creating} caseView={caseView} onClose={() => setCreating(false)} onCreated={changed} />
      <ReferralActionModal
        target={acting?.target ?? null}
        action={acting?.action ?? null}
        consentCovered={consentCoversReferral(caseView.consent)}
        canOverride={caseView.permissions.overrideConsent}
        onClose={() => setActing(null)}
        onDone={changed}
      />
    </Paper>
  );
}
