import { useEffect, useState } from 'react';
import { Loader, Stack, Text, Typography } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/notify';
import { kbApi } from './knowledge-api';

/** The Markdown body as the reader will see it, rendered and sanitised by the server (debounced while typing). */
export function MarkdownPreview({ bodyMd, lang }: { bodyMd: string; lang: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(bodyMd, 400);
  const [html, setHtml] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setBusy(true);
    kbApi.preview(debounced).then(
      (answer) => {
        if (!live) return;
        setHtml(answer.bodyHtml);
        setError(null);
        setBusy(false);
      },
      (caught: unknown) => {
        if (!live) return;
        setError(caught);
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [debounced]);

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="kb-preview-label" component="h3" m={0}>
        {t('knowledge.editor.preview')} {busy && <Loader size={12} aria-hidden="true" />}
      </Text>
      {error ? <Text size="sm" c="red.8" role="alert">{errorMessage(error)}</Text> : null}
      {/* The server renders and sanitises the Markdown; nothing typed here reaches the page unsanitised. */}
      <Typography className="victor-kb-preview victor-kb-body" lang={lang} aria-labelledby="kb-preview-label" role="region" data-testid="kb-preview" dangerouslySetInnerHTML={{ __html: html }} />
    </Stack>
  );
}
