import { useRef, useState, type ComponentProps } from 'react';
import { Badge, Button, FileButton, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { notifyError } from '../../components/notify';
import { downloadText, kbApi, type ImportInput, type ImportResult } from './knowledge-api';

const OUTCOME_COLOURS = { created: 'green', updated: 'blue', unchanged: 'gray', failed: 'red' } as const;

/** Read an uploaded file as an import request: a JSON bundle, or one Markdown translation with front matter. */
async function toImportInput(file: File): Promise<ImportInput> {
  const text = await file.text();
  if (/\.json$/i.test(file.name) || text.trimStart().startsWith('{')) {
    return { format: 'json', bundle: JSON.parse(text) as Extract<ImportInput, { format: 'json' }>['bundle'] };
  }
  return { format: 'markdown', text };
}

/** Import articles (JSON bundle or Markdown) and export a JSON bundle for translators. */
export function ImportExport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** Clears the file input, so that the same file can be chosen again after fixing it. */
  const resetFile = useRef<() => void>(null);

  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const input = await toImportInput(file);
      setResult(await kbApi.importArticles(input));
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      resetFile.current?.();
    }
  };

  const exportBundle = async (source: 'published' | 'working') => {
    try {
      const bundle = await kbApi.exportBundle(source);
      downloadText(`victor-kb-${source}-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(bundle, null, 2)}\n`);
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <>
      <FileButton onChange={(file) => void upload(file)} accept=".json,.md,.markdown,application/json,text/markdown,text/plain" resetRef={resetFile} inputProps={{ 'data-testid': 'knowledge-import-input' } as ComponentProps<'input'>}>
        {(props) => (
          <Button {...props} variant="default" loading={busy} leftSection={<IconUpload size={16} aria-hidden="true" />} data-testid="kb-import">
            {t('knowledge.manage.import')}
          </Button>
        )}
      </FileButton>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('knowledge.manage.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportBundle('published')}>{t('knowledge.manage.exportPublished')}</Menu.Item>
          <Menu.Item onClick={() => void exportBundle('working')}>{t('knowledge.manage.exportWorking')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={result !== null || error !== null} onClose={() => { setResult(null); setError(null); }} title={t('knowledge.manage.importResult')} size="lg">
        <Stack gap="sm">
          <FormError error={error} />
          {error instanceof SyntaxError && <Text size="sm">{t('knowledge.manage.importNotJson')}</Text>}
          {result && (
            <DataTable columns={[t('knowledge.fields.slug'), t('knowledge.fields.language'), t('knowledge.manage.outcome'), t('knowledge.manage.message')]} minWidth={520} compact testId="import-results">
              {result.results.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td ff="monospace">{r.slug}</Table.Td>
                  <Table.Td>{r.lang ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOURS[r.outcome]} variant="light" c="dark.9">{t(`knowledge.manage.outcomes.${r.outcome}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{r.message ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setResult(null); setError(null); }}>{t('common.close')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
