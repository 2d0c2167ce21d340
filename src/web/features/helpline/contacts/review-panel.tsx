import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../components/notify';
import { LIMITS } from '../../../../domain/helpline/contact-fields';
import { useLabels } from '../../../lib/labels';
import { reviewContact, type ContactView } from '../helpline-api';
import { useContactFieldLabels } from './contact-field-labels';

/** A supervisor's review of a completed contact: approve, or send back with a comment. */
export function ReviewPanel({ contact, onReviewed }: { contact: ContactView; onReviewed: (contact: ContactView) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fields = useContactFieldLabels();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (decision: 'approved' | 'needs_changes') => {
    setBusy(true);
    try {
      const reviewed = await reviewContact(contact.id, { version: contact.version, decision, comment: comment.trim() || undefined });
      notifySuccess(t('contacts.review.done'));
      setComment('');
      onReviewed(reviewed);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-title" data-testid="review-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="review-title">
            {t('contacts.review.title')}
          </Title>
          {contact.reviewStatus && (
            <Badge color={contact.reviewStatus === 'approved' ? 'teal.9' : 'red.9'} variant="outline" styles={{ label: { textTransform: 'none' } }}>
              {fields.label('review', contact.reviewStatus)}
            </Badge>
          )}
        </Group>
        {contact.reviewedAt && (
          <Text size="sm" c="dimmed">
            {t('contacts.review.reviewedAt', { date: labels.dateTime(contact.reviewedAt) })}
          </Text>
        )}
        {contact.reviewComment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{contact.reviewComment}</Text>}
        {contact.status === 'completed' ? (
          <>
            <Textarea label={t('contacts.review.comment')} description={t('contacts.review.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={LIMITS.reviewComment} autosize minRows={2} />
            <Group gap="sm">
              <Button onClick={() => void decide('approved')} loading={busy}>
                {t('contacts.review.approve')}
              </Button>
              <Button variant="default" onClick={() => void decide('needs_changes')} disabled={busy || !comment.trim()}>
                {t('contacts.review.needsChanges')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">{t('contacts.review.onlyCompleted')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
