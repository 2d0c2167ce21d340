import { useMemo, useState } from 'react';
import { Anchor, Card, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ARTICLE_TYPES, type KbLanguage } from '../../../domain/knowledge/knowledge-fields';
import { FilterPanel } from '../../components/filter-panel';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { currentLocale } from '../../i18n';
import { useApiQuery } from '../../lib/use-api-query';
import { kbPaths, type BrowseItem, type SearchResult } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';
import { SearchResults } from './search-results';
import { useCountryOptions } from './use-country-options';

/** Without a query: the published articles the reader may see, grouped by type, in their language where translated. */
function BrowseByType({ type, country, audience }: { type: string | null; country: string | null; audience: string | null }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const lang = currentLocale();
  const list = useApiQuery<{ items: BrowseItem[] }>(kbPaths.browse({ lang, type, country, audience }));
  const groups = useMemo(
    () =>
      ARTICLE_TYPES.filter((ty) => !type || ty === type)
        .map((ty) => ({ type: ty, items: (list.data?.items ?? []).filter((a) => a.type === ty) }))
        .filter((g) => g.items.length > 0),
    [list.data, type],
  );
  return (
    <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
      <Stack gap="md" component="section" aria-labelledby="kb-browse">
        <Title order={2} fz="lg" id="kb-browse">
          {t('knowledge.library.browse')}
        </Title>
        {groups.length === 0 && <Text size="sm">{t('knowledge.library.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {groups.map((g) => (
            <Card key={g.type} withBorder radius="md" padding="md" component="section" aria-labelledby={`kb-type-${g.type}`} data-testid={`browse-${g.type}`}>
              <Title order={3} fz="md" id={`kb-type-${g.type}`} mb="xs">
                {kb.label('type', g.type)}
              </Title>
              <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {g.items.map((a) => (
                  <li key={a.articleId}>
                    <Anchor component={Link} to={`/knowledge/a/${a.slug}`} size="sm" lang={a.lang}>
                      {a.title}
                    </Anchor>
                    {a.fallback && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({kb.language(a.lang)})
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </QueryState>
  );
}

/** The knowledge library: one search box over articles (every language) and the directory, or browsing by type. */
export default function KnowledgeLibraryPage() {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const countries = useCountryOptions();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [audience, setAudience] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const lang: KbLanguage = currentLocale();
  const path = debounced ? kbPaths.search({ q: debounced, lang, type, country, audience, limit: 20 }) : null;
  const search = useApiQuery<SearchResult>(path);
  const common = { clearable: true, placeholder: t('common.all'), comboboxProps: { withinPortal: true } };

  return (
    <Stack gap="lg">
      <PageHeader title={t('knowledge.library.title')} description={t('knowledge.library.description')} />
      <KnowledgeNav />
      <TextInput
        size="md"
        type="search"
        label={t('knowledge.library.searchLabel')}
        description={t('knowledge.library.searchHint')}
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="kb-search"
        data-autofocus
      />
      <FilterPanel columns={3}>
        <Select label={t('knowledge.fields.type')} data={kb.options('type')} value={type} onChange={setType} {...common} />
        <Select label={t('knowledge.fields.country')} data={countries} value={country} onChange={setCountry} searchable {...common} />
        <Select label={t('knowledge.fields.audience')} data={kb.options('audience')} value={audience} onChange={setAudience} {...common} />
      </FilterPanel>
      {path ? (
        <QueryState loading={search.loading} error={search.error} hasData={Boolean(search.data)} onRetry={() => void search.reload()}>
          <div aria-busy={search.loading} aria-live="polite">
            {search.data && <SearchResults result={search.data} />}
          </div>
        </QueryState>
      ) : (
        <BrowseByType type={type} country={country} audience={audience} />
      )}
    </Stack>
  );
}
