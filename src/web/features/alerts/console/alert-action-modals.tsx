import { Alert, Checkbox, Modal, MultiSelect, NumberInput, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { FormError } from '../../../components/form-error';
import { useLabels } from '../../../lib/labels';
import { useSubmission } from '../../../lib/use-submission';
import { AuthorityFields } from './alert-form';
import { authorityOf, criteriaRecord, isoToLocalInput } from './alert-form-model';
import { alertsApi, type AlertCriterion, type AlertView } from './alerts-api';

interface ActionModalProps {
  alert: AlertView;
  opened: boolean;
  onClose: () => void;
  /** Called with the alert as the server returned it. */
  onDone: (alert: AlertView) => void;
}

/** Run an action inside a modal: busy state and the error shown in the modal. */
function useModalAction(onDone: (alert: AlertView) => void, onClose: () => void) {
  const submission = useSubmission();
  const run = async (action: () => Promise<AlertView>) => {
    let result: AlertView | null = null;
    const ok = await submission.run(async () => {
      result = await action();
    });
    if (ok && result) {
      onDone(result);
      onClose();
    }
  };
  return { submission, run };
}

interface ApproveValues {
  criteria: Record<AlertCriterion, boolean>;
  authorityName: string;
  authorityReference: string;
  authorityDecidedAt: string;
  authorityPerson: string;
  issueNow: boolean;
}

/** Approve a draft (four-eyes), confirming the criteria and recording the authority's decision; issue at once by default. */
export function ApproveModal({ alert, opened, onClose, onDone, defaultAuthority }: ActionModalProps & { defaultAuthority: string }) {
  const { t } = useTranslation();
  const { submission, run } = useModalAction(onDone, onClose);
  const form = useForm<ApproveValues>({
    mode: 'controlled',
    initialValues: {
      criteria: criteriaRecord(alert.criteria),
      authorityName: alert.authority?.name ?? defaultAuthority,
      authorityReference: alert.authority?.reference ?? '',
      authorityDecidedAt: isoToLocalInput(alert.authority?.decidedAt),
      authorityPerson: alert.authority?.person ?? '',
      issueNow: true,
    },
    validate: {
      // A started decision needs its name, reference and time; none at all is left to the server's rules.
      authorityReference: (v, values) => ((v.trim() || values.authorityDecidedAt) && !authorityOf(values) ? t('alerts.approve.authorityIncomplete') : null),
    },
  });
  const values = form.getValues();
  const missing = alert.criteriaRequired.filter((c) => !values.criteria[c]);
  const submit = form.onSubmit((v) =>
    run(() =>
      alertsApi.approve(alert.id, {
        version: alert.version,
        issueNow: v.issueNow,
        authority: authorityOf(v) ?? undefined,
        criteria: Object.fromEntries(Object.entries(v.criteria).filter(([, on]) => on)),
      }),
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.approve.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light" icon={<IconUsers size={18} aria-hidden="true" />} title={t('alerts.approve.fourEyesTitle')}>
            {t('alerts.approve.fourEyes', { name: alert.draftedBy?.displayName ?? '—' })}
          </Alert>
          <Stack gap="xs" role="group" aria-label={t('alerts.form.criteriaTitle')}>
            <Text size="sm" fw={600}>
              {t('alerts.approve.criteria')}
            </Text>
            {alert.criteriaRequired.map((c) => (
              <Checkbox key={c} label={t(`alerts.criteria.${c}`)} {...form.getInputProps(`criteria.${c}`, { type: 'checkbox' })} />
            ))}
          </Stack>
          {missing.length > 0 && (
            <Alert color="orange" variant="light" c="dark.9" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
              {t('alerts.approve.criteriaMissing', { count: missing.length })}
            </Alert>
          )}
          <Text size="sm" fw={600}>
            {t('alerts.form.authorityTitle')}
          </Text>
          <AuthorityFields form={form} />
          <Switch label={t('alerts.approve.issueNow')} description={t('alerts.approve.issueNowHint')} {...form.getInputProps('issueNow', { type: 'checkbox' })} />
          {alert.mode !== 'actual' && (
            <Text size="sm" c="violet.9" fw={600}>
              {t('alerts.detail.drillBanner')}
            </Text>
          )}
          <FormError error={submission.error} />
          <FormActions submitLabel={values.issueNow ? t('alerts.actions.approveIssue') : t('alerts.actions.approveOnly')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Extend an issued alert by some hours (the country's default when left empty); shows the extensions left. */
export function ExtendModal({ alert, opened, onClose, onDone }: ActionModalProps) {
  const { t } = useTranslation();
  const { submission, run } = useModalAction(onDone, onClose);
  const form = useForm<{ hours: number | string; note: string }>({ mode: 'controlled', initialValues: { hours: '', note: '' } });
  const left = Math.max(0, alert.maxExtensions - alert.extensions);
  const submit = form.onSubmit((v) =>
    run(() => alertsApi.extend(alert.id, { version: alert.version, hours: v.hours === '' ? undefined : Number(v.hours), note: v.note.trim() || undefined })),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.extend.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('alerts.extend.left', { count: left, max: alert.maxExtensions })}</Text>
          <NumberInput label={t('alerts.extend.hours')} description={t('alerts.extend.hoursHint')} min={1} max={720} allowDecimal={false} {...form.getInputProps('hours')} />
          <Textarea label={t('alerts.fields.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('alerts.actions.extend')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Resolve: the child is found. Warns that the photo and personal data leave every public surface. */
export function ResolveModal({ alert, opened, onClose, onDone }: ActionModalProps) {
  const { t } = useTranslation();
  const { submission, run } = useModalAction(onDone, onClose);
  const form = useForm<{ note: string }>({ mode: 'controlled', initialValues: { note: '' } });
  const submit = form.onSubmit((v) => run(() => alertsApi.resolve(alert.id, { version: alert.version, note: v.note.trim() || undefined })));
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.resolve.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="green" variant="light" c="dark.9">
            {t('alerts.resolve.warning')}
          </Alert>
          <Textarea label={t('alerts.fields.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('alerts.actions.resolve')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Cancel an alert (issued in error or withdrawn): a reason is required. */
export function CancelModal({ alert, opened, onClose, onDone }: ActionModalProps) {
  const { t } = useTranslation();
  const { submission, run } = useModalAction(onDone, onClose);
  const form = useForm<{ reason: string }>({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('alerts.form.required')) },
  });
  const submit = form.onSubmit((v) => run(() => alertsApi.cancel(alert.id, { version: alert.version, reason: v.reason.trim() })));
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.cancel.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{alert.status === 'issued' ? t('alerts.cancel.issuedHint') : t('alerts.cancel.hint')}</Text>
          <Textarea label={t('alerts.fields.reason')} required autosize minRows={2} maxLength={1000} {...form.getInputProps('reason')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('alerts.actions.cancel')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Send a restricted pre-alert to neighbouring countries' desks. */
export function PreAlertModal({ alert, opened, onClose, onDone, neighbours }: ActionModalProps & { neighbours: string[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const form = useForm<{ countries: string[]; note: string }>({
    mode: 'controlled',
    initialValues: { countries: [], note: '' },
    validate: { countries: (v) => (v.length > 0 ? null : t('alerts.preAlert.pickCountry')) },
  });
  const already = new Set(alert.preAlerts.map((p) => p.toCountry));
  const submit = form.onSubmit(async (v) => {
    const ok = await submission.run(async () => {
      await alertsApi.preAlert(alert.id, { countries: v.countries, note: v.note.trim() || undefined });
    });
    if (ok) {
      form.reset();
      onDone(alert);
      onClose();
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.preAlert.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('alerts.preAlert.hint')}</Text>
          <MultiSelect
            label={t('alerts.preAlert.countries')}
            data={neighbours.map((c) => ({ value: c, label: already.has(c) ? t('alerts.preAlert.alreadySent', { country: labels.country(c) }) : labels.country(c) }))}
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('countries')}
          />
          <Textarea label={t('alerts.fields.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <FormError error={submission.error} />
          <FormActions submitLabel={t('alerts.actions.preAlert')} onCancel={onClose} busy={submission.busy} />
        </Stack>
      </form>
    </Modal>
  );
}
