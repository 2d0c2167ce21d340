import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Box, CloseButton, Group, Loader, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { KB_LANGUAGES, type KbLanguage } from '../../../../domain/knowledge/knowledge-fields';
import { queryString } from '../../../api/client';
import { QueryState } from '../../../components/query-state';
import { LANGUAGE_NAMES, currentLocale } from '../../../i18n';
import { useApiQuery } from '../../../lib/use-api-query';
import { kbPaths, type ArticleHit, type SearchResult } from '../../knowledge/knowledge-api';
import { KnowledgeArticleView } from './knowledge-article-view';
import { ArticleHitList, DirectoryHitList } from './knowledge-hit-list';
import { KNOWLEDGE_BUTTON_ID } from './knowledge-launcher';
import './knowledge-panel.css';

interface KnowledgePanelProps {
  opened: boolean;
  onClose: () => void;
  /** Taxonomy codes chosen in the contact (suggestions follow them). */
  codes: readonly string[];
  /** The desk's country (suggestions prefer its articles). */
  countryCode: string | null;
  /** The language of the contact being logged: searched by default, with the interface language and English. */
  contactLang: string | null;
}

const DIRECTORY_HITS = 3;

function isKbLanguage(lang: string | null): lang is KbLanguage {
  return lang !== null && (KB_LANGUAGES as readonly string[]).includes(lang);
}

function suggestionsPath(codes: string, lang: KbLanguage, country: string | null): string {
  return `/api/knowledge/suggestions${queryString({ codes, lang, country, limit: 5 })}`;
}

/**
 * The console's knowledge panel: a quick search (typo-tolerant, every script; the interface language, the
 * contact's language and English unless "all languages"), articles suggested for the contact's categories, and the article read
 * in place, so the contact being logged is never left.
 */
export default function KnowledgePanel({ opened, onClose, codes, countryCode, contactLang }: KnowledgePanelProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const uiLang: KbLanguage = isKbLanguage(locale) ? locale : 'en';
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [allLangs, setAllLangs] = useState(false);
  const [reading, setReading] = useState<{ slug: string; lang: KbLanguage } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const langs: KbLanguage[] = [...new Set<KbLanguage>([uiLang, ...(isKbLanguage(contactLang) ? [contactLang] : []), 'en'])];
  const search = useApiQuery<SearchResult>(debounced ? kbPaths.search({ q: debounced, lang: uiLang, langs: allLangs ? undefined : langs, limit: 10 }) : null);
  const codesKey = [...codes].sort().join(',');
  const suggestions = useApiQuery<{ items: ArticleHit[] }>(codesKey ? suggestionsPath(codesKey, uiLang, countryCode) : null);

  useEffect(() => {
    if (opened && !reading) input.current?.focus();
    // Closed while the focus was inside (now hidden): give it back to the button that opens the panel.
    else if (!opened && (panel.current?.contains(document.activeElement) || document.activeElement === document.body)) document.getElementById(KNOWLEDGE_BUTTON_ID)?.focus();
  }, [opened]);

  const backToResults = () => {
    setReading(null);
    requestAnimationFrame(() => input.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (reading) backToResults();
    else onClose();
  };
  const open = (hit: ArticleHit) => setReading({ slug: hit.slug, lang: hit.lang });
  const result = debounced && search.data?.query === debounced ? search.data : undefined;
  const corrections = result?.corrections.filter((c) => c.replacements.length > 0) ?? [];
  // A few directory entries, the desk's country first: articles are what the panel is for.
  const directory = [...(result?.directory ?? [])].sort((a, b) => Number(b.countryCode === countryCode) - Number(a.countryCode === countryCode)).slice(0, DIRECTORY_HITS);

  return (
    <Paper ref={panel} component="aside" id="knowledge-panel" className="victor-kb-panel" aria-labelledby="knowledge-panel-title" hidden={!opened} shadow="xl" withBorder p="md" onKeyDown={onKeyDown} data-testid="knowledge-panel">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id="knowledge-panel-title">
          {t('kbPanel.title')}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('kbPanel.close')} />
      </Group>
      {reading && (
        <KnowledgeArticleView
          slug={reading.slug}
          lang={reading.lang}
          uiLang={uiLang}
          onBack={backToResults}
          onLang={(lang) => setReading({ slug: reading.slug, lang })}
        />
      )}
      <Box hidden={reading !== null}>
        <Stack gap="md">
          <Stack gap={6}>
            <TextInput
              ref={input}
              type="search"
              label={t('kbPanel.searchLabel')}
              placeholder={t('kbPanel.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              rightSection={search.loading ? <Loader size="xs" aria-hidden="true" /> : null}
              maxLength={200}
              autoComplete="off"
              data-testid="kb-panel-search"
            />
            <Switch
              checked={allLangs}
              onChange={(event) => setAllLangs(event.currentTarget.checked)}
              label={t('kbPanel.allLanguages')}
              description={allLangs ? undefined : t('kbPanel.searchingIn', { langs: langs.map((l) => LANGUAGE_NAMES[l]).join(', ') })}
              data-testid="kb-panel-all-languages"
            />
          </Stack>
          {debounced && (
            <section aria-labelledby="kb-panel-results" aria-busy={search.loading}>
              <Title order={3} size="h6" id="kb-panel-results" mb={6}>
                {t('kbPanel.results')}
              </Title>
              <QueryState loading={search.loading} error={search.error} hasData={result !== undefined} onRetry={() => void search.reload()}>
                {result && (
                  <Stack gap="sm">
                    {corrections.length > 0 && (
                      <Text size="xs" c="dimmed" data-testid="kb-panel-corrections">
                        {t('kbPanel.alsoSearchedAs')} {corrections.map((c) => `${c.word} → ${c.replacements.join(', ')}`).join('; ')}
                      </Text>
                    )}
                    {result.articles.length === 0 && result.directory.length === 0 && <Text size="sm">{t('kbPanel.noResults')}</Text>}
                    <ArticleHitList hits={result.articles} onOpen={open} testId="kb-panel-results" />
                    {directory.length > 0 && (
                      <>
                        <Title order={4} size="h6">
                          {t('kbPanel.directory')}
                        </Title>
                        <DirectoryHitList hits={directory} />
                      </>
                    )}
                  </Stack>
                )}
              </QueryState>
            </section>
          )}
          <section aria-labelledby="kb-panel-suggested">
            <Title order={3} size="h6" id="kb-panel-suggested" mb={6}>
              {t('kbPanel.suggested')}
            </Title>
            {!codesKey && <Text size="sm" c="dimmed">{t('kbPanel.suggestedHint')}</Text>}
            {codesKey && (
              <QueryState loading={suggestions.loading} error={suggestions.error} hasData={suggestions.data !== undefined} onRetry={() => void suggestions.reload()}>
                {suggestions.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('kbPanel.suggestedNone')}</Text>}
                <ArticleHitList hits={suggestions.data?.items ?? []} onOpen={open} testId="kb-panel-suggestions" markFallback />
              </QueryState>
            )}
          </section>
        </Stack>
      </Box>
    </Paper>
  );
}
