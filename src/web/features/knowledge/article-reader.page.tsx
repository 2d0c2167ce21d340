import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text, Typography } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconLanguage, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { KB_LANGUAGES, type KbLanguage } from '../../../domain/knowledge/knowledge-fields';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { currentLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { hasPermission, useSession } from '../../session/session-context';
import { kbPaths, type ArticleRead } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';

function isKbLanguage(value: string | null): value is KbLanguage {
  return value !== null && (KB_LANGUAGES as readonly string[]).includes(value);
}

/** Copy the article's text (canned answers are pasted into chats and e-mails). */
function CopyTextButton({ source }: { source: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(source.current?.innerText.trim() ?? '');
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch (caught) {
      notifyError(caught);
    }
  };
  return (
    <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />} onClick={() => void copy()} data-testid="copy-text">
      {copied ? t('common.copied') : t('knowledge.reader.copyText')}
    </Button>
  );
}

/** Banners, language switcher and badges above an article's text. */
function ReaderHeader({ article, onLanguage }: { article: ArticleRead; onLanguage: (lang: KbLanguage) => void }) {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  return (
    <Stack gap="sm">
      {article.fallback && (
        <Alert color="orange" variant="light" icon={<IconLanguage size={18} aria-hidden="true" />} data-testid="fallback-banner">
          {t('knowledge.reader.fallback', { requested: kb.language(article.requestedLang), shown: kb.language(article.lang) })}
        </Alert>
      )}
      {article.needsReview && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-testid="needs-review-banner">
          {t('knowledge.reader.needsReview')}
        </Alert>
      )}
      <Group gap={6}>
        <Badge variant="light" c="dark.9">{kb.label('type', article.type)}</Badge>
        <Badge variant="outline" color="gray" c="dark.9">{kb.label('audience', article.audience)}</Badge>
        <Badge variant="outline" color="gray" c="dark.9">{article.countryCode ? labels.country(article.countryCode) : t('knowledge.regional')}</Badge>
        {article.tags.map((tag) => (
          <Badge key={tag} variant="dot" color="gray" c="dark.9" tt="none">{tag}</Badge>
        ))}
      </Group>
      {article.availableLangs.length > 1 && (
        <Group gap="xs">
          <Text size="sm" id="kb-reader-langs">{t('knowledge.reader.otherLanguages')}</Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="kb-reader-langs"
            value={article.lang}
            onChange={(value) => onLanguage(value as KbLanguage)}
            data={article.availableLangs.map((l) => ({ value: l, label: kb.language(l) }))}
          />
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('knowledge.reader.revision', { n: article.revision, date: labels.date(article.publishedAt) })}
      </Text>
    </Stack>
  );
}

/** A published article in the interface language, or visibly in English when it has no translation yet. */
export default function ArticleReaderPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { view } = useSession();
  const requested = params.get('lang');
  const lang = isKbLanguage(requested) ? requested : currentLocale();
  const article = useApiQuery<ArticleRead>(kbPaths.read(slug, lang));
  const body = useRef<HTMLDivElement>(null);
  const data = article.data;
  const canEdit = hasPermission(view, 'knowledge.write');

  return (
    <Stack gap="lg">
      <KnowledgeNav />
      <QueryState loading={article.loading} error={article.error} hasData={Boolean(data)} onRetry={() => void article.reload()}>
        {data && (
          <Stack gap="md" component="article" lang={data.lang}>
            <PageHeader
              title={data.title}
              description={data.summary || undefined}
              actions={
                <>
                  {data.type === 'canned_answer' && <CopyTextButton source={body} />}
                  {canEdit && (
                    <Button component={Link} to={`/knowledge/manage/${data.articleId}`} variant="default" leftSection={<IconPencil size={16} aria-hidden="true" />}>
                      {t('common.edit')}
                    </Button>
                  )}
                </>
              }
            />
            <ReaderHeader article={data} onLanguage={(l) => setParams({ lang: l })} />
            {/* bodyHtml is Markdown rendered and sanitised by the server (no scripts, no handlers, checked link schemes). */}
            <Typography ref={body} className="victor-kb-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
