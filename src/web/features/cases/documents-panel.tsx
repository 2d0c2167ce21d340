import { useState, type FormEvent } from 'react';
import { Anchor, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { formatLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useSubmission } from '../../lib/use-submission';
import { formatBytes } from './case-helpers';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseView } from './cases-api';

/** Types and size the server accepts (it checks again, against the file's own bytes). */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.txt,.docx,application/pdf,image/jpeg,image/png,image/webp,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The case's documents (encrypted at rest): upload with a kind, list with size and type, download. */
export function DocumentsPanel({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const submission = useSubmission();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string | null>('other');
  const locale = formatLocale(i18n.language);
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !kind) return;
    const ok = await submission.run(async () => {
      await casesApi.uploadDocument(caseView.id, file, kind);
    });
    if (ok) {
      notifySuccess(t('cases.documents.uploaded'));
      setFile(null);
      onChanged();
    }
  };
  return (
    <Stack gap="md">
      {caseView.permissions.write && (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={(e) => void upload(e)} noValidate aria-labelledby="doc-upload-title">
            <Stack gap="sm">
              <Title order={2} size="h5" id="doc-upload-title">
                {t('cases.documents.upload')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <FileInput
                  label={t('cases.documents.file')}
                  description={t('cases.documents.fileHint')}
                  accept={ACCEPT}
                  value={file}
                  onChange={setFile}
                  clearable
                  leftSection={<IconPaperclip size={16} aria-hidden="true" />}
                  data-testid="document-file"
                />
                <Select label={t('cases.documents.kind')} data={caseLabels.options('documentKind')} value={kind} onChange={setKind} allowDeselect={false} />
              </SimpleGrid>
              <FormError error={submission.error} />
              <Group justify="flex-end">
                <Button type="submit" loading={submission.busy} disabled={!file} leftSection={<IconFileUpload size={16} aria-hidden="true" />}>
                  {t('cases.documents.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <section aria-labelledby="documents-title">
        <Title order={2} size="h4" id="documents-title" mb="sm">
          {t('cases.documents.title')}
        </Title>
        <DataTable
          columns={[t('cases.documents.name'), t('cases.documents.kind'), t('cases.documents.type'), t('cases.documents.size'), t('cases.documents.uploadedBy')]}
          minWidth={700}
          compact
          emptyText={t('cases.documents.none')}
          testId="documents-table"
        >
          {caseView.documents.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor href={casesApi.documentUrl(caseView.id, d.id)} download={d.fileName} size="sm">
                  {d.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{caseLabels.label('documentKind', d.kind)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.mediaType}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(d.sizeBytes, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{`${d.uploadedBy?.displayName ?? '—'} · ${labels.dateTime(d.uploadedAt)}`}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </section>
    </Stack>
  );
}
