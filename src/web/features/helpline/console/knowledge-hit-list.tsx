import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/labels';
import { HighlightText } from '../../knowledge/highlight-text';
import type { ArticleHit, DirectoryHit } from '../../knowledge/knowledge-api';
import { useKnowledgeLabels } from '../../knowledge/knowledge-labels';
import { PhoneLink } from '../../knowledge/search-results';

/**
 * Articles found or suggested: each opens inside the panel. `markFallback`: say when a hit is not in the
 * asked language (suggestions; a search hit is simply in the language that matched).
 */
export function ArticleHitList({ hits, onOpen, testId, markFallback = false }: { hits: readonly ArticleHit[]; onOpen: (hit: ArticleHit) => void; testId: string; markFallback?: boolean }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {hits.map((hit) => (
        <li key={`${hit.articleId}:${hit.lang}`}>
          <button type="button" className="victor-kb-panel-hit" onClick={() => onOpen(hit)} data-testid="kb-panel-hit">
            <Text fw={700} size="sm" lang={hit.lang} component="span" display="block">
              {hit.title}
            </Text>
            <Group gap={4} my={4} component="span">
              <Badge size="xs" variant="light" c="dark.9">{kb.label('type', hit.type)}</Badge>
              <Badge size="xs" variant="outline" color="gray" c="dark.9">{hit.countryCode ? labels.country(hit.countryCode) : t('kbPanel.regional')}</Badge>
              <Badge size="xs" variant="outline" color="gray" c="dark.9">{kb.language(hit.lang)}</Badge>
              {markFallback && hit.fallback && <Badge size="xs" color="orange" variant="light" c="dark.9">{t('kbPanel.fallbackBadge')}</Badge>}
            </Group>
            <Text size="xs" lang={hit.lang} component="span" display="block">
              {hit.snippet.length > 0 ? <HighlightText segments={hit.snippet} /> : hit.summary}
            </Text>
          </button>
        </li>
      ))}
    </Stack>
  );
}

/** Directory entries found (helplines, NRM actors): names and numbers to call. */
export function DirectoryHitList({ hits }: { hits: readonly DirectoryHit[] }) {
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="kb-panel-directory">
      {hits.map((hit) => (
        <li key={hit.id}>
          <Text fw={700} size="sm">{hit.name}</Text>
          <Text size="xs" c="dimmed">
            {kb.label('directoryKind', hit.kind)} · {labels.country(hit.countryCode)}
            {hit.city ? ` · ${hit.city}` : ''}
          </Text>
          <Group gap="sm">
            {hit.phones.map((p) => (
              <PhoneLink key={p.number} number={p.number} label={p.label} />
            ))}
          </Group>
          {hit.snippet.length > 0 && (
            <Text size="xs">
              <HighlightText segments={hit.snippet} />
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
