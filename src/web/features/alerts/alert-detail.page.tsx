import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPhoto, IconCircleCheck, IconClockPlus, IconExternalLink, IconFlask, IconPencil, IconSend, IconShieldCheck, IconWorldShare, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSession } from '../../session/session-context';
import { ApproveModal, CancelModal, ExtendModal, PreAlertModal, ResolveModal } from './console/alert-action-modals';
import { AlertModeBadge, AlertStatusBadge, AlertTierBadge } from './console/alert-badges';
import { AreaPanel, AuthorityPanel, ContentPanel, CriteriaPanel, HistoryPanel, MessagesPanel, PreAlertsPanel } from './console/alert-detail-sections';
import { AlertEditForm } from './console/alert-edit-form';
import { formatRelative } from './console/alert-form-model';
import { alertPaths, alertsApi, type AlertView } from './console/alerts-api';
import { PhotoStep } from './console/photo-step';
import { useAlertSettings } from './console/use-alert-settings';

type ModalName = 'approve' | 'extend' | 'resolve' | 'cancel' | 'preAlert' | null;

/** "Expires in 5 hr." refreshed every minute while the alert runs. */
function ExpiryCountdown({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const running = alert.status === 'issued' || alert.status === 'approved' || alert.status === 'draft';
  const ended = alert.status === 'expired' ? alert.expiresAt : (alert.resolvedAt ?? alert.updatedAt);
  if (running && !alert.expiresAt) return null;
  return (
    <Text size="sm" fw={600} data-testid="alert-expiry" title={labels.dateTime(running ? alert.expiresAt : ended)}>
      {running && alert.expiresAt ? t('alerts.detail.expiresIn', { when: formatRelative(alert.expiresAt, now, formatLocale(i18n.language)) }) : t('alerts.detail.expiredAt', { date: labels.dateTime(ended) })}
    </Text>
  );
}

/** The actions the server allows now; a drafter sees "Approve and issue" disabled with the four-eyes reason. */
function ActionBar({ alert, isDrafter, canPublish, open, onIssue, onEdit }: { alert: AlertView; isDrafter: boolean; canPublish: boolean; open: (m: ModalName) => void; onIssue: () => Promise<void>; onEdit: () => void }) {
  const { t } = useTranslation();
  const a = alert.allowed;
  const showApprove = alert.status === 'draft' && (a.approve || (isDrafter && canPublish));
  return (
    <Group gap="sm" data-testid="alert-actions">
      {(a.edit || a.update) && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={onEdit}>
          {alert.status === 'issued' ? t('alerts.actions.update') : t('alerts.actions.edit')}
        </Button>
      )}
      {showApprove &&
        (a.approve ? (
          <Button color="teal.9" leftSection={<IconShieldCheck size={16} aria-hidden="true" />} onClick={() => open('approve')}>
            {t('alerts.actions.approveIssue')}
          </Button>
        ) : (
          <Tooltip label={t('alerts.approve.ownDraft')} withArrow>
            <Button color="teal.9" disabled aria-describedby="own-draft-reason" leftSection={<IconShieldCheck size={16} aria-hidden="true" />}>
              {t('alerts.actions.approveIssue')}
            </Button>
          </Tooltip>
        ))}
      {a.issue && (
        <ConfirmButton color="red.9" variant="filled" question={t('alerts.issue.question')} confirmLabel={t('alerts.actions.issue')} onConfirm={onIssue} leftSection={<IconSend size={16} aria-hidden="true" />}>
          {t('alerts.actions.issue')}
        </ConfirmButton>
      )}
      {a.extend && (
        <Button variant="default" leftSection={<IconClockPlus size={16} aria-hidden="true" />} onClick={() => open('extend')}>
          {t('alerts.actions.extend')}
        </Button>
      )}
      {a.resolve && (
        <Button color="teal.9" leftSection={<IconCircleCheck size={16} aria-hidden="true" />} onClick={() => open('resolve')}>
          {t('alerts.actions.resolve')}
        </Button>
      )}
      {a.preAlert && (
        <Button variant="default" leftSection={<IconWorldShare size={16} aria-hidden="true" />} onClick={() => open('preAlert')}>
          {t('alerts.actions.preAlert')}
        </Button>
      )}
      {a.cancel && (
        <Button color="red.9" variant="outline" leftSection={<IconX size={16} aria-hidden="true" />} onClick={() => open('cancel')}>
          {t('alerts.actions.cancelAlert')}
        </Button>
      )}
    </Group>
  );
}

/** One child alert: content, area, criteria, decision, life-cycle actions, messages, pre-alerts and history. */
export default function AlertDetailPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id = '' } = useParams();
  const { view } = useSession();
  const query = useApiQuery<AlertView>(alertPaths.alert(id));
  const [alert, setAlert] = useState<AlertView | undefined>(undefined);
  const [modal, setModal] = useState<ModalName>(null);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [addPhoto, setAddPhoto] = useState(false);
  useEffect(() => {
    if (query.data) {
      setAlert(query.data);
      setConflict(false);
    }
  }, [query.data]);
  const settings = useAlertSettings(alert?.countryCode ?? null);

  const apply = (next: AlertView, message?: string) => {
    setAlert(next);
    if (message) notifySuccess(message);
  };
  /** Errors of actions run outside a modal: version conflicts offer a reload, the rest are notified. */
  const fail = (error: unknown) => {
    if (error instanceof ApiError && (error.code === 'ALERT_VERSION_CONFLICT' || error.code === 'VERSION_CONFLICT')) setConflict(true);
    else notifyError(error);
  };
  const isDrafter = Boolean(alert?.draftedBy && alert.draftedBy.id === view.user?.id);
  const canPublish = Boolean(view.user?.permissions.includes('alerts.publish'));
  const drill = alert && alert.mode !== 'actual';

  return (
    <QueryState loading={query.loading} error={query.error} hasData={Boolean(alert)} onRetry={() => void query.reload()}>
      {alert && (
        <Stack gap="lg">
          <PageHeader title={t('alerts.detail.title', { reference: alert.reference })} description={alert.content?.texts[Object.keys(alert.content.texts)[0] as 'en']?.headline ?? undefined} />
          <Group gap="sm" wrap="wrap">
            <AlertStatusBadge status={alert.status} />
            <AlertTierBadge tier={alert.tier} />
            <AlertModeBadge mode={alert.mode} always />
            <Text size="sm">{`${labels.country(alert.countryCode)} · ${t('alerts.fields.incident')}: ${alert.incidentId}`}</Text>
            {alert.caseId && (
              <Anchor component={Link} to={`/cases/${alert.caseId}`} size="sm">
                {t('alerts.detail.case', { reference: alert.caseReference ?? alert.caseId })}
              </Anchor>
            )}
            <ExpiryCountdown alert={alert} />
          </Group>
          {drill && (
            <Alert color="violet" variant="filled" icon={<IconFlask size={20} aria-hidden="true" />} title={t('alerts.detail.drillTitle', { mode: t(`alerts.mode.${alert.mode}`) })} data-testid="drill-banner">
              {t('alerts.detail.drillBanner')}
            </Alert>
          )}
          {conflict && (
            <Alert color="orange" variant="light" c="dark.9" role="alert" title={t('errors.codes.ALERT_VERSION_CONFLICT')}>
              <Button size="xs" variant="default" mt="xs" onClick={() => void query.reload()}>
                {t('alerts.detail.reload')}
              </Button>
            </Alert>
          )}
          {alert.publicUrl && (
            <Anchor href={alert.publicUrl} target="_blank" rel="noreferrer" size="sm" fw={600}>
              <Group gap={4}>
                {t('alerts.detail.publicPage')}
                <IconExternalLink size={14} aria-hidden="true" />
              </Group>
            </Anchor>
          )}
          {!editing && <ActionBar alert={alert} isDrafter={isDrafter} canPublish={canPublish} open={setModal} onEdit={() => setEditing(true)} onIssue={() => alertsApi.issue(alert.id, alert.version).then((a) => apply(a, t('alerts.issue.done')), fail)} />}
          {!editing && alert.status === 'draft' && isDrafter && canPublish && !alert.allowed.approve && (
            <Text size="sm" id="own-draft-reason">
              {t('alerts.approve.ownDraft')}
            </Text>
          )}
          {!editing && alert.criteriaMissing.length > 0 && (alert.status === 'draft' || alert.status === 'approved') && (
            <Alert color="orange" variant="light" c="dark.9" title={t('alerts.detail.criteriaMissingTitle')}>
              {alert.criteriaMissing.map((c) => t(`alerts.criteria.${c}`)).join(' · ')}
            </Alert>
          )}
          {editing ? (
            settings.settings ? (
              <AlertEditForm
                alert={alert}
                settings={settings.settings}
                onCancel={() => setEditing(false)}
                onSaved={(a) => {
                  apply(a, alert.status === 'issued' ? t('alerts.detail.updated') : t('alerts.detail.saved'));
                  setEditing(false);
                }}
              />
            ) : (
              <Alert color="yellow" variant="light" c="dark.9" title={t('errors.codes.ALERT_COUNTRY_NOT_CONFIGURED')} />
            )
          ) : (
            <>
              {addPhoto ? (
                <PhotoStep
                  alertId={alert.id}
                  fromCase={Boolean(alert.caseId)}
                  doneLabel={t('common.close')}
                  onDone={() => {
                    setAddPhoto(false);
                    void query.reload();
                  }}
                />
              ) : null}
              <ContentPanel
                alert={alert}
                photoAction={
                  alert.allowed.edit || alert.allowed.update ? (
                    <Button size="xs" variant="default" leftSection={<IconPhoto size={14} aria-hidden="true" />} onClick={() => setAddPhoto(true)}>
                      {alert.photo && !alert.photo.deleted ? t('alerts.photo.replace') : t('alerts.photo.add')}
                    </Button>
                  ) : undefined
                }
              />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <AreaPanel alert={alert} />
                <CriteriaPanel alert={alert} />
              </SimpleGrid>
              <AuthorityPanel alert={alert} />
              <MessagesPanel alert={alert} />
              <PreAlertsPanel alert={alert} />
              <HistoryPanel alert={alert} />
            </>
          )}
          {modal === 'approve' && <ApproveModal alert={alert} opened onClose={() => setModal(null)} onDone={(a) => apply(a, t('alerts.approve.done'))} defaultAuthority={settings.settings?.issuingAuthority ?? ''} />}
          {modal === 'extend' && <ExtendModal alert={alert} opened onClose={() => setModal(null)} onDone={(a) => apply(a, t('alerts.extend.done'))} />}
          {modal === 'resolve' && <ResolveModal alert={alert} opened onClose={() => setModal(null)} onDone={(a) => apply(a, t('alerts.resolve.done'))} />}
          {modal === 'cancel' && <CancelModal alert={alert} opened onClose={() => setModal(null)} onDone={(a) => apply(a, t('alerts.cancel.done'))} />}
          {modal === 'preAlert' && (
            <PreAlertModal
            alert={alert}
            opened
            onClose={() => setModal(null)}
            neighbours={settings.settings?.neighbours ?? []}
            onDone={() => {
              notifySuccess(t('alerts.preAlert.done'));
              void query.reload();
            }}
          />
          )}
        </Stack>
      )}
    </QueryState>
  );
}
