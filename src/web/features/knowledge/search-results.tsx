import { useState } from 'react';
import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../../lib/labels';
import { HighlightText } from './highlight-text';
import type { ArticleHit, DirectoryHit, SearchResult } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { PhoneLink } from './phone-link';

export { PhoneLink };

function ArticleHitCard({ hit }: { hit: ArticleHit }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="article-hit">
      <Stack gap={6}>
        <Anchor component={Link} to={`/knowledge/a/${hit.slug}?lang=${hit.lang}`} fw={700} fz="lg" lang={hit.lang}>
          {hit.title}
        </Anchor>
        <Group gap={6}>
          <Badge variant="light" c="dark.9">{kb.label('type', hit.type)}</Badge>
          <Badge variant="outline" color="gray" c="dark.9">{hit.countryCode ? labels.country(hit.countryCode) : t('knowledge.regional')}</Badge>
          <Badge variant="outline" color="gray" c="dark.9">{kb.label('audience', hit.audience)}</Badge>
          <Badge variant="outline" color="gray" c="dark.9">{kb.language(hit.lang)}</Badge>
          {hit.fallback && <Badge color="orange" variant="light" c="dark.9">{t('knowledge.search.fallbackHit')}</Badge>}
        </Group>
        <Text size="sm" lang={hit.lang}>
          {hit.snippet.length > 0 ? <HighlightText segments={hit.snippet} /> : hit.summary}
        </Text>
      </Stack>
    </Card>
  );
}

function DirectoryHitCard({ hit }: { hit: DirectoryHit }) {
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  return (
    <Card withBorder radius="md" padding="sm" component="li" data-testid="directory-hit">
      <Stack gap={4}>
        <Anchor component={Link} to={`/knowledge/directory?country=${hit.countryCode}&kind=${hit.kind}`} fw={700} size="sm">
          {hit.name}
        </Anchor>
        <Text size="xs">{[kb.label('directoryKind', hit.kind), labels.country(hit.countryCode), hit.city].filter(Boolean).join(' · ')}</Text>
        {hit.phones.length > 0 && (
          <Group gap="md">
            {hit.phones.map((p) => (
              <PhoneLink key={p.number} number={p.number} label={p.label} />
            ))}
          </Group>
        )}
        {hit.nrmStages.length > 0 && <Text size="xs" c="dimmed">{hit.nrmStages.map((st) => kb.label('stage', st)).join(' · ')}</Text>}
        {hit.snippet.length > 0 && (
          <Text size="xs">
            <HighlightText segments={hit.snippet} />
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** How many directory hits show before "Show more". */
const DIRECTORY_PREVIEW = 6;

/** The answer of a search: corrections, then articles and directory entries side by side (stacked on narrow screens). */
export function SearchResults({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const [allDirectory, setAllDirectory] = useState(false);
  const directory = allDirectory ? result.directory : result.directory.slice(0, DIRECTORY_PREVIEW);
  const list = { listStyle: 'none', padding: 0, margin: 0 } as const;
  return (
    <Stack gap="lg">
      {result.corrections.length > 0 && (
        <Text size="sm" data-testid="search-corrections">
          {t('knowledge.search.alsoSearched')}{' '}
          {result.corrections.map((c, i) => (
            <Text span key={c.word} fw={600}>
              {`${i > 0 ? '; ' : ''}${c.word} → ${c.replacements.join(', ')}`}
            </Text>
          ))}
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="kb-hits-articles">
            <Title order={2} fz="lg" id="kb-hits-articles">
              {t('knowledge.search.articles', { n: result.articles.length })}
            </Title>
            {result.articles.length === 0 ? (
              <Text size="sm">{t('knowledge.search.noArticles')}</Text>
            ) : (
              <Stack gap="sm" component="ul" style={list}>
                {result.articles.map((hit) => (
                  <ArticleHitCard key={`${hit.articleId}-${hit.lang}`} hit={hit} />
                ))}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm" component="section" aria-labelledby="kb-hits-directory">
            <Title order={2} fz="lg" id="kb-hits-directory">
              {t('knowledge.search.directory', { n: result.directory.length })}
            </Title>
            {result.directory.length === 0 ? (
              <Text size="sm">{t('knowledge.search.noDirectory')}</Text>
            ) : (
              <Stack gap="xs" component="ul" style={list}>
                {directory.map((hit) => (
                  <DirectoryHitCard key={hit.id} hit={hit} />
                ))}
              </Stack>
            )}
            {result.directory.length > DIRECTORY_PREVIEW && (
              <Button variant="subtle" size="xs" onClick={() => setAllDirectory((a) => !a)} style={{ alignSelf: 'flex-start' }}>
                {allDirectory ? t('common.showLess') : t('common.showMore')}
              </Button>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
