import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconFileTypePdf, IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { hasPermission, useSession } from '../../session/session-context';
import { actionLabelKey } from './referral-action.modal';
import { ReferralError } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { referralApi, referralPaths, type ReferralActionName, type ReferralView } from './referrals-api';

const MIN_REASON = 10;

/** The actions the server offers now, with one comment box (a reason is required to decline). */
export function AnswerBox({ referral, onChanged }: { referral: ReferralView; onChanged: (updated: ReferralView) => void }) {
  const { t } = useTranslation();
  const { view } = useSession();
  const submission = useSubmission();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const canOverride = hasPermission(view, 'referrals.consent_override');
  const offersSend = referral.actions.includes('send');
  if (referral.actions.length === 0) return null;

  const act = async (action: ReferralActionName) => {
    setProblem(null);
    if (action === 'decline' && !comment.trim()) {
      setProblem(t('referrals.actionForm.reasonRequired'));
      return;
    }
    if (action === 'send' && reason.trim() && reason.trim().length < MIN_REASON) {
      setProblem(t('referrals.override.tooShort', { min: MIN_REASON }));
      return;
    }
    let updated: ReferralView | null = null;
    const ok = await submission.run(async () => {
      updated = await referralApi.act(referral.id, {
        action,
        version: referral.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(action === 'send' && reason.trim() ? { consentOverrideReason: reason.trim() } : {}),
      });
    });
    if (ok && updated) {
      notifySuccess(t('referrals.actionForm.done', { action: t(actionLabelKey(action, referral.side)) }));
      setComment('');
      setReason('');
      onChanged(updated);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="answer-title" data-testid="answer-box">
      <Stack gap="sm">
        <Title order={2} size="h4" id="answer-title">
          {referral.side === 'receiver' ? t('referrals.detail.answer') : t('referrals.detail.senderActions')}
        </Title>
        {referral.side === 'sender' && !referral.actor.inApp && <Text size="sm">{t('referrals.detail.offlineRecord')}</Text>}
        <Textarea
          label={t('referrals.detail.commentLabel')}
          description={referral.actions.includes('decline') ? t('referrals.detail.commentHint') : undefined}
          autosize
          minRows={2}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={problem}
          data-testid="answer-comment"
        />
        {offersSend && canOverride && (
          <Textarea label={t('referrals.override.label')} description={`${t('referrals.override.ifMissing')} ${t('referrals.override.audited')}`} autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="override-reason" />
        )}
        <ReferralError error={submission.error} />
        <Group gap="sm">
          {referral.actions.map((action) => (
            <Button
              key={action}
              loading={submission.busy}
              variant={action === 'decline' || action === 'revoke' ? 'light' : 'filled'}
              color={action === 'decline' || action === 'revoke' ? 'red' : action === 'accept' || action === 'complete' ? 'teal.9' : undefined}
              onClick={() => void act(action)}
              data-testid={`referral-action-${action}`}
            >
              {t(actionLabelKey(action, referral.side))}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A message to the other side, added to the referral's timeline. */
export function MessageBox({ referral, onChanged }: { referral: ReferralView; onChanged: (updated: ReferralView) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [body, setBody] = useState('');
  const send = async () => {
    if (!body.trim()) return;
    let updated: ReferralView | null = null;
    const ok = await submission.run(async () => {
      updated = await referralApi.message(referral.id, body.trim());
    });
    if (ok && updated) {
      setBody('');
      notifySuccess(t('referrals.detail.messageSent'));
      onChanged(updated);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="message-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="message-title">
          {t('referrals.detail.message')}
        </Title>
        <Textarea label={t('referrals.detail.messageLabel')} description={t('referrals.detail.messageHint')} autosize minRows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="message-body" />
        <ReferralError error={submission.error} />
        <Group>
          <Button variant="light" leftSection={<IconMessagePlus size={16} aria-hidden="true" />} onClick={() => void send()} loading={submission.busy} disabled={!body.trim()} data-testid="message-send">
            {t('referrals.detail.sendMessage')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Download packet (PDF)" in a chosen language, the receiver's by default. */
export function PacketDownload({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [lang, setLang] = useState<string>(referral.receiverLanguage);
  return (
    <Group gap="xs" align="flex-end">
      <Select label={t('referrals.packet.language')} data={labels.languageOptions} value={lang} onChange={(v) => setLang(v ?? referral.receiverLanguage)} allowDeselect={false} w={170} comboboxProps={{ withinPortal: true }} data-testid="packet-language" />
      <Button component="a" href={referralPaths.packet(referral.id, lang)} target="_blank" rel="noopener" variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden="true" />} data-testid="packet-download">
        {t('referrals.packet.download')}
        <span className="victor-visually-hidden"> ({t('common.opensInNewTab')})</span>
      </Button>
    </Group>
  );
}
