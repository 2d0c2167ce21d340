import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../lib/use-submission';
import { notifySuccess } from '../../components/notify';
import { ReferralError } from './referral-bits';
import { referralApi, type ReferralActionName, type ReferralView } from './referrals-api';

/** The referral an action is taken on (a full view or a list row). */
export type ActionTarget = Pick<ReferralView, 'id' | 'version' | 'side' | 'status'> & { actor: Pick<ReferralView['actor'], 'name' | 'inApp'> };

/** The label of an action's button: the sender records an off-line receiver's answer. */
export function actionLabelKey(action: ReferralActionName, side: 'sender' | 'receiver'): string {
  const receiverAction = action === 'acknowledge' || action === 'accept' || action === 'decline' || action === 'complete';
  return side === 'sender' && receiverAction ? `referrals.recordAction.${action}` : `referrals.action.${action}`;
}

interface ReferralActionModalProps {
  target: ActionTarget | null;
  action: ReferralActionName | null;
  /** Consent on record covers referral: true, false, or null when not known here (the server checks). */
  consentCovered: boolean | null;
  /** The reader may override a missing consent with a reason. */
  canOverride: boolean;
  onClose: () => void;
  onDone: (updated: ReferralView) => void;
}

const MIN_REASON = 10;

/** Confirm a referral action with an optional comment (a reason when declining) and, to send without consent, an override reason. */
export function ReferralActionModal({ target, action, consentCovered, canOverride, onClose, onDone }: ReferralActionModalProps) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const opened = target !== null && action !== null;
  useEffect(() => {
    if (!opened) return;
    setComment('');
    setReason('');
    setTried(false);
    submission.clearError();
  }, [opened, target?.id, action]);

  if (!target || !action) return <Modal opened={false} onClose={onClose} title="" />;
  const label = t(actionLabelKey(action, target.side));
  const needsComment = action === 'decline';
  const consentGate = action === 'send' && consentCovered !== true;
  const blocked = consentGate && consentCovered === false && !canOverride;
  const showOverride = consentGate && canOverride;
  const overrideRequired = showOverride && consentCovered === false;
  const commentError = tried && needsComment && comment.trim() === '' ? t('referrals.actionForm.reasonRequired') : null;
  const reasonError = tried && ((overrideRequired && reason.trim().length < MIN_REASON) || (reason.trim() !== '' && reason.trim().length < MIN_REASON)) ? t('referrals.override.tooShort', { min: MIN_REASON }) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocked) return;
    if (needsComment && comment.trim() === '') return;
    if ((overrideRequired && reason.trim().length < MIN_REASON) || (reason.trim() !== '' && reason.trim().length < MIN_REASON)) return;
    let updated: ReferralView | null = null;
    const ok = await submission.run(async () => {
      updated = await referralApi.act(target.id, {
        action,
        version: target.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(showOverride && reason.trim() ? { consentOverrideReason: reason.trim() } : {}),
      });
    });
    if (ok && updated) {
      notifySuccess(t('referrals.actionForm.done', { action: label }));
      onDone(updated);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`${label}: ${target.actor.name}`} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {target.side === 'sender' && action !== 'send' && action !== 'revoke' && (
            <Text size="sm">{t('referrals.actionForm.recordingFor', { actor: target.actor.name })}</Text>
          )}
          {action === 'revoke' && <Text size="sm">{t('referrals.actionForm.revokeHint')}</Text>}
          {blocked && (
            <Alert color="orange" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('referrals.consentGate.blockedTitle')} data-testid="consent-blocked">
              {t('referrals.consentGate.blockedText')}
            </Alert>
          )}
          {showOverride && (
            <Stack gap={4}>
              {consentCovered === null && <Text size="sm">{t('referrals.override.ifMissing')}</Text>}
              <Textarea
                label={t('referrals.override.label')}
                description={t('referrals.override.audited')}
                required={overrideRequired}
                autosize
                minRows={2}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={reasonError}
                data-testid="override-reason"
              />
            </Stack>
          )}
          <Textarea
            label={needsComment ? t('referrals.actionForm.reason') : t('referrals.actionForm.comment')}
            required={needsComment}
            autosize
            minRows={2}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={commentError}
            data-autofocus
            data-testid="action-comment"
          />
          <ReferralError error={submission.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy} disabled={blocked} color={action === 'decline' || action === 'revoke' ? 'red' : undefined} data-testid="action-confirm">
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
