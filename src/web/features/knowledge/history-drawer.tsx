import { useEffect, useState } from 'react';
import { Badge, Button, Checkbox, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { DiffViewer } from './diff-view';
import { kbPaths, type DiffView, type RevisionSummary } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';

interface HistoryDrawerProps {
  opened: boolean;
  onClose: () => void;
  articleId: string;
  lang: string;
  /** Changes when the translation is saved, so the list is fetched again. */
  revision: number;
}

/** The revisions of one translation; pick two to see what changed between them. */
export function HistoryDrawer({ opened, onClose, articleId, lang, revision }: HistoryDrawerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kb = useKnowledgeLabels();
  const revisions = useApiQuery<{ items: RevisionSummary[] }>(opened ? kbPaths.revisions(articleId, lang) : null);
  const [picked, setPicked] = useState<number[]>([]);
  const [compare, setCompare] = useState<[number, number] | null>(null);
  const diff = useApiQuery<DiffView>(compare ? kbPaths.diff(articleId, lang, compare[0], compare[1]) : null);

  const { reload } = revisions;
  useEffect(() => {
    if (opened) void reload();
    // Only a new revision asks again; opening the drawer fetches by itself.
  }, [revision]);

  useEffect(() => {
    setPicked([]);
    setCompare(null);
  }, [articleId, lang, opened]);

  const toggle = (n: number, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== n), n].slice(-2) : p.filter((x) => x !== n)));
  const sorted = [...picked].sort((a, b) => a - b);

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('knowledge.history.title', { language: kb.language(lang) })}>
      <Stack gap="md">
        <Text size="sm">{t('knowledge.history.pickTwo')}</Text>
        <QueryState loading={revisions.loading} error={revisions.error} hasData={Boolean(revisions.data)} onRetry={() => void revisions.reload()}>
          <DataTable columns={[t('knowledge.history.compare'), t('knowledge.history.revision'), t('knowledge.history.author'), t('knowledge.history.note'), t('knowledge.history.date')]} minWidth={560} compact testId="revisions-table">
            {(revisions.data?.items ?? []).map((r) => (
              <Table.Tr key={r.revision}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('knowledge.history.pick', { n: r.revision })}
                    checked={picked.includes(r.revision)}
                    onChange={(e) => toggle(r.revision, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={600}>{`#${r.revision}`}</Text>
                    {r.published && <Badge size="xs" color="green" variant="light" c="dark.9">{t('knowledge.status.published')}</Badge>}
                  </Group>
                  <Text size="xs">{r.title}</Text>
                </Table.Td>
                <Table.Td><Text size="sm">{r.authorName ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{r.note ?? ''}</Text></Table.Td>
                <Table.Td><Text size="sm">{labels.dateTime(r.createdAt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </QueryState>
        <Group>
          <Button
            leftSection={<IconGitCompare size={16} aria-hidden="true" />}
            disabled={sorted.length !== 2}
            onClick={() => setCompare([sorted[0] ?? 1, sorted[1] ?? 1])}
            data-testid="show-diff"
          >
            {t('knowledge.history.showDiff')}
          </Button>
        </Group>
        {compare && (
          <QueryState loading={diff.loading} error={diff.error} hasData={Boolean(diff.data)} onRetry={() => void diff.reload()}>
            {diff.data && <DiffViewer diff={diff.data} lang={lang} />}
          </QueryState>
        )}
      </Stack>
    </Drawer>
  );
}
