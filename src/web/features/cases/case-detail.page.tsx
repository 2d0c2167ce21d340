import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconClipboardCheck, IconEye, IconFileText, IconHistory, IconListCheck, IconNotes, IconSend, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { hasPermission, useSession } from '../../session/session-context';
import { CaseHandoffsPanel } from '../referrals/case-handoffs-panel';
import { CaseReferralsPanel } from '../referrals/case-referrals-panel';
import { AccessRefused, BreakGlassBanner } from './break-glass';
import { CaseHeader } from './case-header';
import type { CaseView } from './cases-api';
import { ConsentSummary } from './consent-modal';
import { DocumentsPanel } from './documents-panel';
import { NotesPanel } from './notes-panel';
import { PersonsPanel } from './persons-panel';
import { ScreeningPanel } from './screening-panel';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';
import { TimingsCard } from './timings-card';
import { ViewersPanel } from './viewers-panel';
import { FULL_BADGE } from './case-badges';
import { MissingChildPanel } from '../missing/missing-child-panel';

const TABS = ['overview', 'screening', 'referrals', 'handoffs', 'tasks', 'notes', 'documents', 'timeline', 'viewers'] as const;
type Tab = (typeof TABS)[number];

/** Summary, consent, linked contacts and cases: the side column of the overview. */
function OverviewSide({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="summary-title">
        <Title order={2} size="h4" id="summary-title" mb="xs">
          {t('cases.fields.summary')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {caseView.summary || t('cases.detail.noSummary')}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="consent-title">
        <Title order={2} size="h4" id="consent-title" mb="xs">
          {t('cases.consent.title')}
        </Title>
        <ConsentSummary consent={caseView.consent} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contacts-title">
        <Title order={2} size="h4" id="contacts-title" mb="xs">
          {t('cases.detail.contacts')}
        </Title>
        {caseView.contacts.length === 0 ? (
          <Text size="sm">{t('cases.detail.noContacts')}</Text>
        ) : (
          <Stack gap={4}>
            {caseView.contacts.map((c) => (
              <Group key={c.id} gap="xs">
                <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={600}>
                  {c.reference}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {labels.dateTime(c.startedAt)}
                </Text>
                {c.isThb && (
                  <Badge color="red.9" size="xs">
                    {t('console.thb')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {caseView.linkedCases.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="linked-title">
          <Title order={2} size="h4" id="linked-title" mb="xs">
            {t('cases.detail.linkedCases')}
          </Title>
          <Stack gap={4}>
            {caseView.linkedCases.map((l) => (
              <Text size="sm" key={l.id}>
                {t(`cases.detail.relation.${l.relation}`, { country: labels.country(l.countryCode) })}{' '}
                {l.accessible ? (
                  <Anchor component={Link} to={`/cases/${l.id}`} fw={600}>
                    {l.reference}
                  </Anchor>
                ) : (
                  <strong>{l.reference}</strong>
                )}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** One case: header with actions, timings, and tabs for persons, screening, referrals, hand-offs, tasks, notes, documents, timeline and viewers. */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { view } = useSession();
  const [params, setParams] = useSearchParams();
  const query = useApiQuery<CaseView>(id ? `/api/cases/${encodeURIComponent(id)}` : null);
  const c = query.data && query.data.id === id ? query.data : undefined;
  const denied = query.error instanceof ApiError && query.error.code === 'CASE_ACCESS_DENIED';
  const reload = () => void query.reload();
  const requested = params.get('tab') as Tab | null;
  const visible = TABS.filter((tab) => (tab === 'documents' ? c?.permissions.sensitive : tab === 'viewers' ? c?.permissions.write : true));
  const tab: Tab = requested && visible.includes(requested) ? requested : 'overview';
  const overdue = c?.tasks.filter((task) => task.overdue && !task.doneAt).length ?? 0;

  if (denied && id) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('cases.breakGlass.pageTitle')} />
        <AccessRefused caseId={id} canBreakGlass={hasPermission(view, 'cases.break_glass')} onGranted={reload} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader title={c ? `${c.reference} · ${c.title}` : t('common.loading')} />
      <QueryState loading={query.loading} error={query.error} hasData={Boolean(c)} onRetry={reload}>
        {c && (
          <>
            {c.permissions.viaBreakGlass && <BreakGlassBanner until={c.permissions.breakGlassUntil} />}
            {c.status === 'closed' && (
              <Alert color="gray" variant="light" role="status">
                {t('cases.detail.closedNotice')}
              </Alert>
            )}
            <CaseHeader caseView={c} onChanged={reload} />
            <TimingsCard caseView={c} />
            {c.kind === 'missing_child' && <MissingChildPanel caseId={c.id} onChanged={reload} />}
            <Tabs value={tab} onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
              <Tabs.List aria-label={t('cases.detail.sections')}>
                <Tabs.Tab value="overview" leftSection={<IconUsers size={16} aria-hidden="true" />}>
                  {t('cases.tabs.overview')}
                </Tabs.Tab>
                <Tabs.Tab value="screening" leftSection={<IconClipboardCheck size={16} aria-hidden="true" />}>
                  {t('cases.tabs.screening')}
                </Tabs.Tab>
                <Tabs.Tab value="referrals" leftSection={<IconSend size={16} aria-hidden="true" />}>
                  {t('cases.tabs.referrals')}
                </Tabs.Tab>
                <Tabs.Tab value="handoffs" leftSection={<IconArrowsExchange size={16} aria-hidden="true" />}>
                  {t('cases.tabs.handoffs')}
                </Tabs.Tab>
                <Tabs.Tab value="tasks" leftSection={<IconListCheck size={16} aria-hidden="true" />} rightSection={overdue > 0 ? <Badge size="xs" color="red" styles={FULL_BADGE}>{t('cases.overdueCount', { count: overdue })}</Badge> : undefined}>
                  {t('cases.tabs.tasks')}
                </Tabs.Tab>
                <Tabs.Tab value="notes" leftSection={<IconNotes size={16} aria-hidden="true" />}>
                  {t('cases.tabs.notes')}
                </Tabs.Tab>
                {c.permissions.sensitive && (
                  <Tabs.Tab value="documents" leftSection={<IconFileText size={16} aria-hidden="true" />}>
                    {t('cases.tabs.documents')}
                  </Tabs.Tab>
                )}
                <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} aria-hidden="true" />}>
                  {t('cases.tabs.timeline')}
                </Tabs.Tab>
                {c.permissions.write && (
                  <Tabs.Tab value="viewers" leftSection={<IconEye size={16} aria-hidden="true" />}>
                    {t('cases.tabs.viewers')}
                  </Tabs.Tab>
                )}
              </Tabs.List>
              <Tabs.Panel value="overview" pt="md">
                <Grid gap="lg">
                  <Grid.Col span={{ base: 12, lg: 8 }}>
                    <PersonsPanel caseView={c} onChanged={reload} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, lg: 4 }}>
                    <OverviewSide caseView={c} />
                  </Grid.Col>
                </Grid>
              </Tabs.Panel>
              <Tabs.Panel value="screening" pt="md">
                <ScreeningPanel caseView={c} onChanged={reload} />
              </Tabs.Panel>
              <Tabs.Panel value="referrals" pt="md">
                <CaseReferralsPanel caseId={c.id} caseView={c} onChanged={reload} />
              </Tabs.Panel>
              <Tabs.Panel value="handoffs" pt="md">
                <CaseHandoffsPanel caseId={c.id} caseView={c} onChanged={reload} />
              </Tabs.Panel>
              <Tabs.Panel value="tasks" pt="md">
                <TasksPanel caseView={c} onChanged={reload} />
              </Tabs.Panel>
              <Tabs.Panel value="notes" pt="md">
                <NotesPanel caseView={c} onChanged={reload} />
              </Tabs.Panel>
              {c.permissions.sensitive && (
                <Tabs.Panel value="documents" pt="md">
                  <DocumentsPanel caseView={c} onChanged={reload} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="timeline" pt="md">
                <TimelinePanel caseView={c} />
              </Tabs.Panel>
              {c.permissions.write && (
                <Tabs.Panel value="viewers" pt="md">
                  <ViewersPanel caseId={c.id} />
                </Tabs.Panel>
              )}
            </Tabs>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
