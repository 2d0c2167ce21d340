import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { ConsentSummary, InAppBadge, ReferralError } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import {
  consentCoversReferral,
  potentialVictims,
  referralApi,
  referralPaths,
  type CaseView,
  type DirectoryEntryView,
  type PathwayActor,
  type PathwayView,
  type ReferralCreateBody,
} from './referrals-api';

const MIN_REASON = 10;
type Mode = 'pathway' | 'directory';
type Lang = NonNullable<ReferralCreateBody['receiverLanguage']>;

/** The packet language for an actor: the first of its languages the interface has, else English. */
function defaultLanguage(languages: readonly string[], options: readonly { value: string }[]): Lang {
  return (languages.map((l) => l.toLowerCase()).find((l) => options.some((o) => o.value === l)) ?? 'en') as Lang;
}

/** Refer the case to an NRM actor: a step of the country's pathway (with its SLA) or any directory actor, through the consent gate. */
export function CreateReferralModal({ opened, caseView, onClose, onCreated }: { opened: boolean; caseView: CaseView; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const submission = useSubmission();
  const pathway = useApiQuery<PathwayView>(opened ? referralPaths.currentPathway(caseView.countryCode) : null);
  const noPathway = pathway.error instanceof ApiError && pathway.error.status === 404;
  const [mode, setMode] = useState<Mode>('pathway');
  const directory = useApiQuery<{ items: DirectoryEntryView[] }>(opened && (mode === 'directory' || noPathway) ? referralPaths.directory(caseView.countryCode) : null);
  const effectiveMode: Mode = noPathway ? 'directory' : mode;
  const [stepId, setStepId] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const persons = potentialVictims(caseView);
  const [personId, setPersonId] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<'normal' | 'urgent'>('normal');
  const [language, setLanguage] = useState<Lang>('en');
  const [message, setMessage] = useState('');
  const [send, setSend] = useState(true);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const covered = consentCoversReferral(caseView.consent);
  const canOverride = caseView.permissions.overrideConsent;
  useEffect(() => {
    if (!opened) return;
    setMode('pathway');
    setStepId(null);
    setActorId(null);
    setStage(null);
    setPersonId(persons.length === 1 ? persons[0]!.id : null);
    setUrgency(caseView.priority === 'urgent' ? 'urgent' : 'normal');
    setMessage('');
    setSend(covered || canOverride);
    setReason('');
    setTried(false);
    submission.clearError();
  }, [opened]);

  const steps = pathway.data?.steps ?? [];
  const step = steps.find((s) => s.id === stepId) ?? null;
  const actors: PathwayActor[] = useMemo(() => {
    if (effectiveMode === 'pathway') return step?.actors ?? [];
    return (directory.data?.items ?? []).map((e) => ({ id: e.id, name: e.name, kind: e.kind, city: e.city, organisationId: e.organisationId, inApp: e.organisationId !== null, languages: e.languages }));
  }, [effectiveMode, step, directory.data]);
  const actor = actors.find((a) => a.id === actorId) ?? null;

  const chooseActor = (id: string | null) => {
    setActorId(id);
    const picked = actors.find((a) => a.id === id);
    if (picked) setLanguage(defaultLanguage(picked.languages, labels.languageOptions));
  };

  const blocked = send && !covered && !canOverride;
  const needReason = send && !covered && canOverride;
  const errors = {
    step: effectiveMode === 'pathway' && !stepId ? t('validation.required') : null,
    actor: !actorId ? t('validation.required') : null,
    stage: effectiveMode === 'directory' && !stage ? t('validation.required') : null,
    reason: needReason && reason.trim().length < MIN_REASON ? t('referrals.override.tooShort', { min: MIN_REASON }) : null,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocked || Object.values(errors).some(Boolean) || !actor) return;
    const body: ReferralCreateBody = {
      directoryEntryId: actor.id,
      ...(effectiveMode === 'pathway' && step ? { stepId: step.id, stage: step.stage } : { stage: stage as ReferralCreateBody['stage'] }),
      personId,
      urgency,
      message: message.trim() || null,
      receiverLanguage: language,
      send,
      ...(needReason ? { consentOverrideReason: reason.trim() } : {}),
    };
    const ok = await submission.run(async () => {
      await referralApi.createReferral(caseView.id, body);
    });
    if (ok) {
      notifySuccess(send ? t('referrals.create.sent', { actor: actor.name }) : t('referrals.create.saved'));
      onCreated();
      onClose();
    }
  };

  const stepOptions = steps.map((s) => ({
    value: s.id,
    label: `${s.position}. ${labels.stage(s.stage)} — ${s.title}${s.slaHours ? ` (${t('referrals.sla', { hours: s.slaHours })})` : ''}`,
  }));
  const actorOptions = actors.map((a) => ({ value: a.id, label: `${a.name} · ${labels.kind(a.kind)}${a.city ? ` · ${a.city}` : ''} · ${a.inApp ? t('referrals.inApp') : t('referrals.offline')}` }));

  return (
    <Modal opened={opened} onClose={onClose} title={t('referrals.create.title', { reference: caseView.reference })} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="create-referral-form">
        <Stack gap="sm">
          {noPathway ? (
            <Alert color="yellow" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
              {t('referrals.create.noPathway')}
            </Alert>
          ) : (
            <SegmentedControl
              value={mode}
              onChange={(v) => {
                setMode(v as Mode);
                setActorId(null);
              }}
              data={[
                { value: 'pathway', label: t('referrals.create.fromPathway', { version: pathway.data?.version ?? '…' }) },
                { value: 'directory', label: t('referrals.create.fromDirectory') },
              ]}
              aria-label={t('referrals.create.chooseHow')}
            />
          )}
          {pathway.data?.needsReview && effectiveMode === 'pathway' && <Text size="sm">{t('referrals.pathway.needsReview')}</Text>}
          {effectiveMode === 'pathway' ? (
            <Select label={t('referrals.create.step')} data={stepOptions} value={stepId} onChange={(v) => { setStepId(v); setActorId(null); }} required error={tried ? errors.step : null} comboboxProps={{ withinPortal: true }} data-testid="referral-step" />
          ) : (
            <Select label={t('referrals.fields.stage')} data={labels.stageOptions} value={stage} onChange={setStage} required error={tried ? errors.stage : null} comboboxProps={{ withinPortal: true }} data-testid="referral-stage" />
          )}
          {step && (
            <Text size="sm" component="div">
              {step.description && <Text size="sm">{step.description}</Text>}
              {step.slaHours !== null && (
                <Group gap={4}>
                  <IconClockHour4 size={14} aria-hidden="true" />
                  {t('referrals.create.slaHint', { hours: step.slaHours })}
                </Group>
              )}
            </Text>
          )}
          <Select
            label={t('referrals.fields.actor')}
            data={actorOptions}
            value={actorId}
            onChange={chooseActor}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            disabled={effectiveMode === 'pathway' && !step}
            error={tried ? errors.actor : null}
            comboboxProps={{ withinPortal: true }}
            data-testid="referral-actor"
          />
          {actor && (
            <Group gap="xs">
              <InAppBadge inApp={actor.inApp} />
              <Text size="xs">{actor.inApp ? t('referrals.create.inAppHint') : t('referrals.create.offlineHint')}</Text>
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('referrals.fields.person')}
              data={persons.map((p) => ({ value: p.id, label: labels.person(p) }))}
              value={personId}
              onChange={setPersonId}
              clearable
              placeholder={t('referrals.create.noPerson')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select label={t('referrals.fields.urgency')} data={labels.options('urgency')} value={urgency} onChange={(v) => setUrgency((v ?? 'normal') as 'normal' | 'urgent')} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
            <Select label={t('referrals.fields.receiverLanguage')} description={t('referrals.create.languageHint')} data={labels.languageOptions} value={language} onChange={(v) => setLanguage((v ?? 'en') as Lang)} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <Textarea label={t('referrals.fields.message')} description={t('referrals.create.messageHint')} autosize minRows={3} maxLength={5000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
          <ConsentSummary consent={caseView.consent} need="referral" />
          <Switch
            label={t('referrals.create.sendNow')}
            checked={send}
            onChange={(e) => setSend(e.currentTarget.checked)}
            disabled={!covered && !canOverride}
            data-testid="referral-send-now"
          />
          {!covered && !canOverride && (
            <Alert color="orange" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('referrals.consentGate.blockedTitle')} data-testid="consent-blocked">
              {t('referrals.consentGate.blockedText')}
            </Alert>
          )}
          {needReason && (
            <Textarea
              label={t('referrals.override.label')}
              description={t('referrals.override.audited')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={tried ? errors.reason : null}
              data-testid="override-reason"
            />
          )}
          <ReferralError error={submission.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy} disabled={blocked} data-testid="referral-submit">
              {send ? t('referrals.create.submitSend') : t('referrals.create.submitDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
