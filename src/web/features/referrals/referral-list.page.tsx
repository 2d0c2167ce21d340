import { useCallback, useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Switch, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlarm, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { FilterPanel } from '../../components/filter-panel';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { DueMarker, ReferralStatusBadge, UrgencyBadge } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { referralApi, referralPaths, type ReferralBox, type ReferralPage, type ReferralSummary } from './referrals-api';
import { useKeysetList } from '../../lib/use-keyset-list';

const PAGE_SIZE = 25;
const OVERDUE_PROBE = 100;

/** How many referrals are overdue (counted on one capped page: never the whole table), with a shortcut to them. */
function OverdueBanner({ box, active, onShow }: { box: ReferralBox; active: boolean; onShow: (on: boolean) => void }) {
  const { t } = useTranslation();
  const probe = useApiQuery<ReferralPage>(referralPaths.referrals({ box, overdue: true, limit: OVERDUE_PROBE }));
  if (!probe.data) return null;
  const count = probe.data.items.length;
  const shown = probe.data.nextCursor ? `${count}+` : String(count);
  const none = count === 0;
  return (
    <Paper withBorder p="md" radius="md" bg={none ? undefined : 'red.0'} role="status" data-testid="overdue-banner">
      <Group justify="space-between" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={44} radius="xl" color={none ? 'teal' : 'red.9'} variant={none ? 'light' : 'filled'}>
            {none ? <IconCircleCheck size={26} aria-hidden="true" /> : <IconAlarm size={26} aria-hidden="true" />}
          </ThemeIcon>
          <div>
            <Text fz={28} fw={800} lh={1} data-testid="overdue-count">
              {shown}
            </Text>
            <Text size="sm" fw={600}>
              {none ? t(`referrals.list.noneOverdue.${box}`) : t(`referrals.list.overdueCount.${box}`)}
            </Text>
          </div>
        </Group>
        {!none && (
          <Button variant={active ? 'default' : 'filled'} color="red.9" onClick={() => onShow(!active)}>
            {active ? t('referrals.list.showAll') : t('referrals.list.showOverdue')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Referrals received by my organisation (liaison officers' inbox) or sent by my teams, overdue first. */
export default function ReferralListPage({ box }: { box: ReferralBox }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const [status, setStatus] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const key = JSON.stringify({ box, status, overdue });
  const fetchPage = useCallback((cursor: string | null) => referralApi.listReferrals({ box, status, overdue, cursor, limit: PAGE_SIZE }), [box, status, overdue]);
  const list = useKeysetList<ReferralSummary>(key, fetchPage);
  const inbox = box === 'inbox';

  return (
    <Stack gap="lg">
      <PageHeader title={t(`referrals.list.title.${box}`)} description={t(`referrals.list.description.${box}`)} />
      <OverdueBanner box={box} active={overdue} onShow={setOverdue} />
      <FilterPanel columns={2}>
        <Select label={t('referrals.fields.status')} data={labels.options('status')} value={status} onChange={setStatus} clearable placeholder={t('common.all')} comboboxProps={{ withinPortal: true }} data-testid="filter-status" />
        <Stack justify="flex-end" pb={6}>
          <Switch label={t('referrals.list.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="filter-overdue" />
        </Stack>
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={list.items.length > 0 || !list.loading} onRetry={list.reload}>
        <DataTable
          columns={[
            t('referrals.fields.caseReference'),
            inbox ? t('referrals.fields.referringOrganisation') : t('referrals.fields.actor'),
            t('referrals.fields.stage'),
            t('referrals.fields.urgency'),
            t('referrals.fields.status'),
            t('referrals.fields.due'),
            inbox ? t('referrals.fields.received') : t('referrals.fields.sent'),
          ]}
          minWidth={980}
          testId="referral-table"
          emptyText={t(`referrals.list.none.${box}`)}
          busy={list.loading}
          highlightOnHover
        >
          {list.items.map((r) => (
            <Table.Tr key={r.id} data-testid="referral-row" data-overdue={r.overdue || undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/referrals/${r.id}`} fw={700} size="sm" style={{ whiteSpace: 'nowrap' }} aria-label={t('referrals.list.open', { reference: r.caseReference })}>
                  {r.caseReference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{inbox ? r.organisation.name : r.actor.name}</Text>
                {!inbox && <Text size="xs">{labels.kind(r.actor.kind)}</Text>}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.stage(r.stage)}</Text>
                {r.step && <Text size="xs">{r.step.title}</Text>}
              </Table.Td>
              <Table.Td>
                {r.urgency === 'urgent' ? <UrgencyBadge urgency="urgent" /> : <Text size="sm">{labels.label('urgency', r.urgency)}</Text>}
              </Table.Td>
              <Table.Td>
                <ReferralStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <DueMarker dueAt={r.dueAt} overdue={r.overdue} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(r.sentAt ?? r.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {list.hasMore && (
          <Group justify="center">
            <Button variant="default" onClick={list.loadMore} loading={list.loading} data-testid="load-more">
              {t('referrals.list.loadMore')}
            </Button>
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
