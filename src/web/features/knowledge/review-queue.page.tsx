import { useMemo } from 'react';
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { kbPaths, type ReviewQueueItem } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';

const REASONS = ['in_review', 'overdue', 'due_soon', 'flagged'] as const;

function QueueSection({ reason, items }: { reason: (typeof REASONS)[number]; items: ReviewQueueItem[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kb = useKnowledgeLabels();
  const id = `kb-queue-${reason}`;
  const inReview = reason === 'in_review';
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={`queue-${reason}`}>
      <Title order={2} fz="lg" id={id}>
        {t(`knowledge.review.reasons.${reason}`, { n: items.length })}
      </Title>
      <DataTable
        columns={[
          t('knowledge.fields.title'),
          t('knowledge.fields.language'),
          t('knowledge.fields.country'),
          ...(inReview ? [t('knowledge.review.submitted'), t('knowledge.review.note')] : [t('knowledge.fields.reviewDueOn')]),
        ]}
        minWidth={760}
        compact
        emptyText={t('knowledge.review.empty')}
      >
        {items.map((item) => (
          <Table.Tr key={`${item.articleId}-${item.lang ?? ''}-${reason}`}>
            <Table.Td>
              <Anchor component={Link} to={`/knowledge/manage/${item.articleId}${item.lang ? `?lang=${item.lang}` : ''}`} fw={600} size="sm">
                {item.title}
              </Anchor>
            </Table.Td>
            <Table.Td><Text size="sm">{item.lang ? kb.language(item.lang) : '—'}</Text></Table.Td>
            <Table.Td><Text size="sm">{item.countryCode ? labels.country(item.countryCode) : t('knowledge.regional')}</Text></Table.Td>
            <Table.Td>
              <Text size="sm">{inReview ? `${item.submittedBy ?? '—'} · ${labels.dateTime(item.submittedAt)}` : labels.date(item.reviewDueOn)}</Text>
            </Table.Td>
            {inReview && (
              <Table.Td>
                {!item.canPublish && (
                  <Badge color="orange" variant="light" c="dark.9" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />} data-testid="own-revision">
                    {t('knowledge.review.ownRevision')}
                  </Badge>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}

/** The country desk's list: translations awaiting review, articles overdue or due for review, and flagged facts. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useApiQuery<{ items: ReviewQueueItem[] }>(kbPaths.reviewQueue());
  const groups = useMemo(() => REASONS.map((reason) => ({ reason, items: (queue.data?.items ?? []).filter((i) => i.reason === reason) })), [queue.data]);
  return (
    <Stack gap="lg">
      <PageHeader title={t('knowledge.review.title')} description={t('knowledge.review.description')} />
      <KnowledgeNav />
      <QueryState loading={queue.loading} error={queue.error} hasData={Boolean(queue.data)} onRetry={() => void queue.reload()}>
        <Stack gap="xl">
          {groups.map((g) => (
            <QueueSection key={g.reason} reason={g.reason} items={g.items} />
          ))}
        </Stack>
      </QueryState>
    </Stack>
  );
}
