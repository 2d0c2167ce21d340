import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { ReferralError } from './referral-bits';
import { referralApi, type HandoffActionName, type HandoffView } from './referrals-api';

/** Accept, decline (with a note) or withdraw a hand-off, after a confirmation. */
export function HandoffActionModal({ handoff, action, onClose, onDone }: { handoff: HandoffView | null; action: HandoffActionName | null; onClose: () => void; onDone: (updated: HandoffView) => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const opened = handoff !== null && action !== null;
  useEffect(() => {
    if (!opened) return;
    setNote('');
    setTried(false);
    submission.clearError();
  }, [opened, handoff?.id, action]);
  if (!handoff || !action) return <Modal opened={false} onClose={onClose} title="" />;
  const needsNote = action === 'decline';
  const label = t(`referrals.handoffAction.${action}`);
  const other = handoff.side === 'receiver' ? handoff.from : handoff.to;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (needsNote && !note.trim()) return;
    let updated: HandoffView | null = null;
    const ok = await submission.run(async () => {
      updated = await referralApi.actOnHandoff(handoff.id, { action, version: handoff.version, ...(note.trim() ? { note: note.trim() } : {}) });
    });
    if (ok && updated) {
      notifySuccess(t(`referrals.handoffAction.done.${action}`));
      onDone(updated);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`${label}: ${other.organisationName}`} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(`referrals.handoffAction.explain.${action}`)}</Text>
          <Textarea
            label={needsNote ? t('referrals.actionForm.reason') : t('referrals.handoffAction.note')}
            required={needsNote}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={tried && needsNote && !note.trim() ? t('referrals.actionForm.reasonRequired') : null}
            data-autofocus
            data-testid="handoff-note"
          />
          <ReferralError error={submission.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy} color={action === 'accept' ? 'teal.9' : 'red.9'} data-testid="handoff-confirm">
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
