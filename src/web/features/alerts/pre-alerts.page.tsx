import { useState } from 'react';
import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconFilePlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { hasPermission, useSession } from '../../session/session-context';
import { AlertTierBadge } from './console/alert-badges';
import { PreAlertStatusBadge } from './console/alert-detail-sections';
import { alertPaths, alertsApi, draftedAlertId, type PreAlertBox, type PreAlertView } from './console/alerts-api';

/** Decline a received pre-alert: a note is required. */
function DeclineModal({ preAlert, onClose, onDone }: { preAlert: PreAlertView | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!preAlert || !note.trim()) return;
    const ok = await submission.run(async () => {
      await alertsApi.actOnPreAlert(preAlert.id, { action: 'decline', note: note.trim() });
    });
    if (ok) {
      setNote('');
      setTouched(false);
      onDone();
      onClose();
    }
  };
  return (
    <Modal opened={preAlert !== null} onClose={onClose} title={t('alerts.preAlerts.declineTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Textarea label={t('alerts.fields.note')} required autosize minRows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={touched && !note.trim() ? t('alerts.form.required') : undefined} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('alerts.preAlerts.decline')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** One pre-alert as a card: the summary the sending desk shared, its status and, for received ones, the answers. */
function PreAlertCard({ p, box, canAct, onDecline, onChanged }: { p: PreAlertView; box: PreAlertBox; canAct: boolean; onDecline: (p: PreAlertView) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const open = p.status === 'sent' || p.status === 'acknowledged';
  // Answering needs alerts.publish at the receiving desk (the server re-checks).
  const act = async (name: 'acknowledge' | 'draft_alert') => {
    setBusy(name);
    try {
      const answer = await alertsApi.actOnPreAlert(p.id, { action: name });
      if (name === 'draft_alert') {
        const id = draftedAlertId(answer);
        notifySuccess(t('alerts.preAlerts.drafted'));
        if (id) void navigate(`/alerts/${id}`);
        else onChanged();
      } else {
        notifySuccess(t('alerts.preAlerts.acknowledged'));
        onChanged();
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  const s = p.summary;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`pre-${p.id}`} data-testid="pre-alert">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h5" id={`pre-${p.id}`}>
              {s.headline}
            </Title>
            <Group gap="xs">
              <AlertTierBadge tier={s.tier} />
              <PreAlertStatusBadge status={p.status} />
            </Group>
          </Stack>
          <Text size="sm">{box === 'inbox' ? t('alerts.preAlerts.from', { country: labels.country(p.fromCountry) }) : t('alerts.preAlerts.toCountry', { country: labels.country(p.toCountry) })}</Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">{`${t('alerts.fields.childName')}: ${s.childName ?? '—'}`}</Text>
          <Text size="sm">{`${t('alerts.fields.lastSeenPlace')}: ${s.lastSeenPlace ?? '—'}`}</Text>
          <Text size="sm">{`${t('alerts.fields.lastSeenAt')}: ${labels.dateTime(s.lastSeenAt)}`}</Text>
          <Text size="sm">{`${t('alerts.fields.areaDescription')}: ${s.areaDescription ?? '—'}`}</Text>
          <Text size="sm">{`${t('alerts.fields.incident')}: ${s.incidentId}`}</Text>
          <Text size="sm">{`${t('alerts.preAlerts.originStatus')}: ${t(`alerts.status.${s.originStatus}`)}`}</Text>
          <Text size="sm">{`${t('alerts.preAlert.sentAt')}: ${labels.dateTime(p.sentAt)} · ${p.sentBy?.displayName ?? '—'}`}</Text>
          {p.note && <Text size="sm">{`${t('alerts.fields.note')}: ${p.note}`}</Text>}
        </SimpleGrid>
        <Group gap="sm">
          {box === 'sent' && (
            <Anchor component={Link} to={`/alerts/${p.alertId}`} size="sm" fw={600}>
              {t('alerts.list.open', { reference: p.alertReference })}
            </Anchor>
          )}
          {p.neighbourAlertId && (
            <Anchor component={Link} to={`/alerts/${p.neighbourAlertId}`} size="sm" fw={600}>
              {t('alerts.preAlert.openNeighbourAlert')}
            </Anchor>
          )}
          {box === 'inbox' && open && canAct && (
            <>
              {p.status === 'sent' && (
                <Button size="xs" variant="default" leftSection={<IconCheck size={14} aria-hidden="true" />} loading={busy === 'acknowledge'} onClick={() => void act('acknowledge')}>
                  {t('alerts.preAlerts.acknowledge')}
                </Button>
              )}
              {!p.neighbourAlertId && (
                <Button size="xs" color="teal.9" leftSection={<IconFilePlus size={14} aria-hidden="true" />} loading={busy === 'draft_alert'} onClick={() => void act('draft_alert')}>
                  {t('alerts.preAlerts.draftOwn')}
                </Button>
              )}
              <Button size="xs" variant="outline" color="red.9" leftSection={<IconX size={14} aria-hidden="true" />} onClick={() => onDecline(p)}>
                {t('alerts.preAlerts.decline')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Pre-alerts received from neighbouring desks (inbox) and sent by ours. */
export default function PreAlertsPage() {
  const { t } = useTranslation();
  const { view } = useSession();
  const [box, setBox] = useState<PreAlertBox>('inbox');
  const query = useApiQuery<{ items: PreAlertView[] }>(alertPaths.preAlerts(box));
  const [declining, setDeclining] = useState<PreAlertView | null>(null);
  const items = query.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('alerts.preAlerts.title')} description={t('alerts.preAlerts.description')} />
      <Tabs value={box} onChange={(v) => setBox((v as PreAlertBox | null) ?? 'inbox')}>
        <Tabs.List>
          <Tabs.Tab value="inbox">{t('alerts.preAlerts.inbox')}</Tabs.Tab>
          <Tabs.Tab value="sent">{t('alerts.preAlerts.sent')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <QueryState loading={query.loading} error={query.error} hasData={Boolean(query.data)} onRetry={() => void query.reload()}>
        <Stack gap="md" aria-busy={query.loading}>
          {items.length === 0 ? (
            <Text size="sm">{t(`alerts.preAlerts.none.${box}`)}</Text>
          ) : (
            items.map((p) => <PreAlertCard key={p.id} p={p} box={box} canAct={hasPermission(view, 'alerts.publish')} onDecline={setDeclining} onChanged={() => void query.reload()} />)
          )}
        </Stack>
      </QueryState>
      <DeclineModal
        preAlert={declining}
        onClose={() => setDeclining(null)}
        onDone={() => {
          notifySuccess(t('alerts.preAlerts.declined'));
          void query.reload();
        }}
      />
    </Stack>
  );
}
