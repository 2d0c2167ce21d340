import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffSegment, DiffView } from './knowledge-api';

/** Word-level changes: insertions in <ins> with a "+" marker, deletions in <del> with "−" (not colour alone). */
function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useTranslation();
  return (
    <div className="victor-kb-diff">
      {segments.map((s, i) => {
        if (s.op === 'insert') {
          return (
            <ins key={i}>
              <span className="victor-kb-marker" aria-hidden="true">+</span>
              <span className="victor-visually-hidden">{t('knowledge.diff.addedMark')}</span>
              {s.text}
            </ins>
          );
        }
        if (s.op === 'delete') {
          return (
            <del key={i}>
              <span className="victor-kb-marker" aria-hidden="true">−</span>
              <span className="victor-visually-hidden">{t('knowledge.diff.removedMark')}</span>
              {s.text}
            </del>
          );
        }
        return <span key={i}>{s.text}</span>;
      })}
    </div>
  );
}

/** The differences between two revisions of a translation: title, summary and body. */
export function DiffViewer({ diff, lang }: { diff: DiffView; lang: string }) {
  const { t } = useTranslation();
  const unchanged = (segments: DiffSegment[]) => segments.every((s) => s.op === 'equal');
  const parts = [
    { key: 'title', label: t('knowledge.fields.title'), segments: diff.title },
    { key: 'summary', label: t('knowledge.fields.summary'), segments: diff.summary },
    { key: 'body', label: t('knowledge.fields.body'), segments: diff.body },
  ];
  return (
    <Stack gap="md" data-testid="diff-view" lang={lang}>
      <Text size="sm">{t('knowledge.diff.between', { from: diff.from, to: diff.to })}</Text>
      <Text size="xs" c="dimmed">{t('knowledge.diff.legend')}</Text>
      {parts.map((p) => (
        <Stack key={p.key} gap={4}>
          <Title order={3} fz="sm">{p.label}</Title>
          {unchanged(p.segments) ? <Text size="sm" c="dimmed">{t('knowledge.diff.unchanged')}</Text> : <Segments segments={p.segments} />}
        </Stack>
      ))}
    </Stack>
  );
}
