import { useRef, type MouseEvent } from 'react';
import { Alert, Badge, Button, Group, Stack, Text, Title, Typography } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KbLanguage } from '../../../../domain/knowledge/knowledge-fields';
import { QueryState } from '../../../components/query-state';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { kbPaths, type ArticleRead } from '../../knowledge/knowledge-api';
import { useKnowledgeLabels } from '../../knowledge/knowledge-labels';
import '../../knowledge/knowledge.css';

interface ArticleViewProps {
  slug: string;
  lang: KbLanguage;
  /** The interface language: a banner says when the article is not available in it. */
  uiLang: KbLanguage;
  onBack: () => void;
  onLang: (lang: KbLanguage) => void;
}

/** Links inside an article open in a new tab: the console (and the contact being logged) stays where it is. */
function openLinksElsewhere(event: MouseEvent<HTMLDivElement>) {
  const link = (event.target as HTMLElement).closest('a');
  if (!link || link.target === '_blank' || link.getAttribute('href')?.startsWith('#')) return;
  event.preventDefault();
  window.open(link.href, '_blank', 'noopener,noreferrer');
}

/** A published article read inside the knowledge panel; canned answers can be copied. */
export function KnowledgeArticleView({ slug, lang, uiLang, onBack, onLang }: ArticleViewProps) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  const read = useApiQuery<ArticleRead>(kbPaths.read(slug, lang));
  const body = useRef<HTMLDivElement>(null);
  const clipboard = useClipboard({ timeout: 2000 });
  const data = read.data?.slug === slug ? read.data : undefined;
  const notInUiLang = data !== undefined && data.lang !== uiLang && !data.availableLangs.includes(uiLang);
  return (
    <Stack gap="sm" data-testid="kb-panel-article">
      <Group justify="space-between">
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} aria-hidden="true" />} onClick={onBack} data-testid="kb-panel-back">
          {t('kbPanel.back')}
        </Button>
        {data?.type === 'canned_answer' && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={clipboard.copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}
            onClick={() => clipboard.copy(body.current?.innerText ?? '')}
            data-testid="kb-panel-copy"
          >
            {clipboard.copied ? t('kbPanel.copied') : t('kbPanel.copy')}
          </Button>
        )}
      </Group>
      <QueryState loading={read.loading} error={read.error} hasData={data !== undefined} onRetry={() => void read.reload()}>
        {data && (
          <Stack gap="sm">
            {(data.fallback || notInUiLang) && (
              <Alert color="orange" variant="light" data-testid="kb-panel-fallback">
                {t('kbPanel.fallback', { shown: LANGUAGE_NAMES[data.lang] })}
              </Alert>
            )}
            <Title order={3} size="h4" lang={data.lang} data-testid="kb-panel-article-title">
              {data.title}
            </Title>
            <Group gap={4}>
              <Badge size="sm" variant="light" c="dark.9">{kb.label('type', data.type)}</Badge>
              <Badge size="sm" variant="outline" color="gray" c="dark.9">{data.countryCode ? labels.country(data.countryCode) : t('kbPanel.regional')}</Badge>
              {data.needsReview && <Badge size="sm" color="orange" variant="light" c="dark.9">{t('kbPanel.needsReview')}</Badge>}
            </Group>
            {data.availableLangs.length > 1 && (
              <Group gap={4} role="group" aria-label={t('kbPanel.readIn')}>
                {data.availableLangs.map((l) => (
                  <Button key={l} size="compact-xs" variant={l === data.lang ? 'filled' : 'default'} lang={l} aria-pressed={l === data.lang} onClick={() => onLang(l)}>
                    {LANGUAGE_NAMES[l]}
                  </Button>
                ))}
              </Group>
            )}
            {data.summary && (
              <Text fw={500} size="sm" lang={data.lang}>
                {data.summary}
              </Text>
            )}
            {/* Server-sanitised HTML (allow-listed tags, attributes and link schemes). */}
            <Typography ref={body} className="victor-kb-body" lang={data.lang} onClick={openLinksElsewhere} data-testid="kb-panel-article-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
