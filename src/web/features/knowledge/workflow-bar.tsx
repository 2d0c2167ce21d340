import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormActions } from '../../components/form-actions';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { useSubmission } from '../../lib/use-submission';
import { ARTICLE_ACTION_ORDER, type ArticleAction, type TranslationView } from './knowledge-api';
import { STATUS_COLOURS, useKnowledgeLabels } from './knowledge-labels';

/** Alert titles in dark text: orange on light orange is below AA contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-dark-9)' } };
const ACTION_COLOURS: Record<ArticleAction, string> = { submit: 'blue', withdraw: 'gray', reject: 'red', publish: 'teal.9', archive: 'gray', restore: 'blue' };

interface WorkflowBarProps {
  translation: TranslationView;
  /** Carry out an action on the server; resolves when done. */
  onAction: (action: ArticleAction, comment?: string) => Promise<void>;
  /** True while the form has unsaved changes (submitting would send the saved text). */
  dirty: boolean;
  /** True when this user reviews the article's translations (may publish what others wrote). */
  canReview: boolean;
}

/** Status of a translation, what is live, the reviewer's comment, and the workflow actions this user may take. */
export function WorkflowBar({ translation, onAction, dirty, canReview }: WorkflowBarProps) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const submission = useSubmission();
  const [commenting, setCommenting] = useState<ArticleAction | null>(null);
  const [comment, setComment] = useState('');

  const run = async (action: ArticleAction, text?: string) => {
    const ok = await submission.run(() => onAction(action, text));
    if (ok) {
      notifySuccess(t(`knowledge.workflow.done.${action}`));
      setCommenting(null);
      setComment('');
    }
  };
  // Four eyes: a reviewer who wrote a revision under review is not offered "Publish" (and the server refuses it).
  const ownRevision = canReview && translation.status === 'in_review' && !translation.actions.includes('publish');
  const fourEyes = ownRevision || (submission.error instanceof ApiError && submission.error.code === 'REVIEWER_IS_AUTHOR');

  return (
    <Paper withBorder radius="md" p="sm" data-testid="workflow-bar">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text size="sm" fw={600}>{t('knowledge.fields.status')}</Text>
            <Badge color={STATUS_COLOURS[translation.status]} variant="light" c="dark.9" size="lg" data-testid="translation-status">
              {kb.label('status', translation.status)}
            </Badge>
            <Text size="sm" data-testid="live-revision">
              {translation.publishedRevision === null
                ? t('knowledge.workflow.neverPublished')
                : translation.hasUnpublishedChanges
                  ? t('knowledge.workflow.liveWithChanges', { n: translation.publishedRevision })
                  : t('knowledge.workflow.live', { n: translation.publishedRevision })}
            </Text>
          </Group>
          <Group gap="xs">
            {ARTICLE_ACTION_ORDER.filter((a) => translation.actions.includes(a)).map((action) => (
              <Button
                key={action}
                size="xs"
                color={ACTION_COLOURS[action]}
                variant={action === 'publish' || action === 'submit' ? 'filled' : 'light'}
                loading={submission.busy}
                disabled={dirty && (action === 'submit' || action === 'publish')}
                onClick={() => (action === 'reject' ? setCommenting(action) : void run(action))}
                data-testid={`action-${action}`}
              >
                {t(`knowledge.workflow.actions.${action}`)}
              </Button>
            ))}
          </Group>
        </Group>
        {dirty && translation.actions.some((a) => a === 'submit' || a === 'publish') && <Text size="xs" c="dimmed">{t('knowledge.workflow.saveFirst')}</Text>}
        {translation.reviewComment && (
          <Alert color="orange" variant="light" icon={<IconMessage size={18} aria-hidden="true" />} title={t('knowledge.workflow.reviewComment')} styles={DARK_TITLE} data-testid="review-comment">
            {translation.reviewComment}
          </Alert>
        )}
        {fourEyes ? (
          <Alert color={ownRevision ? 'orange' : 'red'} variant="light" role={ownRevision ? 'status' : 'alert'} icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('knowledge.workflow.fourEyesTitle')} styles={DARK_TITLE} data-testid="four-eyes">
            {t('knowledge.workflow.fourEyes')}
          </Alert>
        ) : null}
        {!fourEyes && !commenting && <FormError error={submission.error} />}
      </Stack>
      <Modal opened={commenting !== null} onClose={() => setCommenting(null)} title={t('knowledge.workflow.rejectTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (commenting && comment.trim()) void run(commenting, comment.trim());
          }}
        >
          <Stack gap="sm">
            <Textarea label={t('knowledge.workflow.comment')} description={t('knowledge.workflow.commentHint')} required autosize minRows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-autofocus />
            <FormError error={submission.error} />
            <FormActions submitLabel={t('knowledge.workflow.actions.reject')} onCancel={() => setCommenting(null)} busy={submission.busy} />
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
