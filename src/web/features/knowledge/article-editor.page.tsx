import { useState } from 'react';
import { Accordion, Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { KB_LANGUAGES, type KbLanguage } from '../../../domain/knowledge/knowledge-fields';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { currentLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { AddTranslation } from './add-translation';
import { ArticleMetaForm } from './article-meta-form';
import { HistoryDrawer } from './history-drawer';
import { kbApi, kbPaths, type ArticleView } from './knowledge-api';
import { STATUS_COLOURS, useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';
import { TranslationEditor } from './translation-editor';
import { useCountryOptions } from './use-country-options';

function isKbLanguage(value: string | null): value is KbLanguage {
  return value !== null && (KB_LANGUAGES as readonly string[]).includes(value);
}

/** An article: its metadata, one tab per language (editor with preview and workflow), history and diffs. */
export default function ArticleEditorPage() {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  const countries = useCountryOptions();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const article = useApiQuery<ArticleView>(kbPaths.article(id));
  const [historyOpen, setHistoryOpen] = useState(false);
  const data = article.data;
  const requested = params.get('lang');
  const firstLang = data?.translations.find((tr) => tr.lang === currentLocale())?.lang ?? data?.translations[0]?.lang ?? 'en';
  const lang: KbLanguage = isKbLanguage(requested) ? requested : firstLang;
  const translation = data?.translations.find((tr) => tr.lang === lang);
  const english = data?.translations.find((tr) => tr.lang === 'en');
  const reload = () => article.reload();
  const title = translation?.title ?? english?.title ?? data?.translations[0]?.title ?? data?.slug ?? t('knowledge.editor.title');

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={data ? t('knowledge.editor.description', { slug: data.slug, date: labels.dateTime(data.updatedAt) }) : undefined}
        actions={
          data?.translations.some((tr) => tr.publishedRevision !== null) && (
            <Anchor component={Link} to={`/knowledge/a/${data.slug}?lang=${lang}`} size="sm">
              <Group gap={4} component="span">
                <IconExternalLink size={16} aria-hidden="true" />
                {t('knowledge.editor.openReader')}
              </Group>
            </Anchor>
          )
        }
      />
      <KnowledgeNav />
      <QueryState loading={article.loading} error={article.error} hasData={Boolean(data)} onRetry={() => void reload()}>
        {data && (
          <>
            <Accordion variant="contained" radius="md" chevronPosition="left" defaultValue={data.translations.length === 0 ? 'meta' : null}>
              <Accordion.Item value="meta">
                <Accordion.Control data-testid="meta-toggle">
                  <Group gap="xs">
                    <Text fw={600}>{t('knowledge.editor.metadata')}</Text>
                    <Text size="sm" c="dimmed">
                      {[kb.label('type', data.type), kb.label('audience', data.audience), data.countryCode ? labels.country(data.countryCode) : t('knowledge.regional'), data.tags.join(', ')].filter(Boolean).join(' · ')}
                    </Text>
                    {data.needsReview && <Badge color="orange" variant="light" c="dark.9">{t('knowledge.needsReview')}</Badge>}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {data.canEdit ? (
                    <ArticleMetaForm article={data} countries={countries} onSave={async (body) => { await kbApi.updateArticle(data.id, body); await reload(); }} />
                  ) : (
                    <Text size="sm">{t('knowledge.editor.readOnly')}</Text>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
            <Tabs value={lang} onChange={(value) => value && setParams({ lang: value }, { replace: true })} keepMounted={false}>
              <Tabs.List aria-label={t('knowledge.editor.languages')}>
                {KB_LANGUAGES.map((l) => {
                  const tr = data.translations.find((x) => x.lang === l);
                  return (
                    <Tabs.Tab key={l} value={l} data-testid={`tab-${l}`} rightSection={tr ? <Badge size="xs" variant="light" color={STATUS_COLOURS[tr.status]} c="dark.9">{kb.label('status', tr.status)}</Badge> : <Text size="xs" c="dimmed">{t('knowledge.editor.missing')}</Text>}>
                      {kb.language(l)}
                    </Tabs.Tab>
                  );
                })}
              </Tabs.List>
              {KB_LANGUAGES.map((l) => {
                const tr = data.translations.find((x) => x.lang === l);
                return (
                  <Tabs.Panel key={l} value={l} pt="md">
                    {tr ? (
                      <TranslationEditor
                        key={`${data.id}-${l}`}
                        articleId={data.id}
                        translation={tr}
                        onSave={async (body) => { await kbApi.saveTranslation(data.id, l, body); await reload(); }}
                        onAction={async (action, comment) => { await kbApi.act(data.id, l, action, tr.version, comment); await reload(); }}
                        onHistory={() => setHistoryOpen(true)}
                        canReview={data.canReview}
                      />
                    ) : (
                      <AddTranslation lang={l} english={english} onCreate={async (body) => { await kbApi.saveTranslation(data.id, l, body); await reload(); }} />
                    )}
                  </Tabs.Panel>
                );
              })}
            </Tabs>
            {translation && <HistoryDrawer opened={historyOpen} onClose={() => setHistoryOpen(false)} articleId={data.id} lang={lang} revision={translation.revision} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
