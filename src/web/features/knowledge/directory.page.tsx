import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCircleCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmButton } from '../../components/confirm-button';
import { DataTable } from '../../components/data-table';
import { FilterPanel } from '../../components/filter-panel';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { usePaging } from '../../lib/use-paging';
import { hasPermission, useSession } from '../../session/session-context';
import { DirectoryEntryModal } from './directory-entry.modal';
import { kbApi, kbPaths, type DirectoryEntryView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';
import { PhoneLink } from './phone-link';
import { useCountryOptions } from './use-country-options';

const PAGE_SIZE = 50;

/** Verified, or to be confirmed by the country desk: said in words, not only by colour. */
function TrustMark({ entry }: { entry: DirectoryEntryView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (entry.needsReview) {
    return <Badge size="sm" color="orange" variant="light" c="dark.9" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>{t('knowledge.needsReview')}</Badge>;
  }
  return entry.verifiedAt ? (
    <Badge size="sm" color="teal" variant="light" c="dark.9" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden="true" />}>{t('knowledge.directory.verifiedOn', { date: labels.date(entry.verifiedAt) })}</Badge>
  ) : null;
}

/** The directory of helplines and NRM actors per country, with phone numbers to call straight away. */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  const { view } = useSession();
  const countries = useCountryOptions();
  const [params] = useSearchParams();
  const paging = usePaging(PAGE_SIZE);
  const [country, setCountry] = useState<string | null>(params.get('country'));
  const [kind, setKind] = useState<string | null>(params.get('kind'));
  const [stage, setStage] = useState<string | null>(null);
  const [helplinesOnly, setHelplinesOnly] = useState(false);
  const [needsReview, setNeedsReview] = useState(false);
  const [editing, setEditing] = useState<DirectoryEntryView | 'new' | null>(null);
  const list = useApiQuery<{ items: DirectoryEntryView[]; total: number }>(
    kbPaths.directory({ country, kind, stage, helplinesOnly: helplinesOnly ? 'true' : null, needsReview: needsReview ? 'true' : null, limit: PAGE_SIZE, offset: paging.offset }),
  );
  const canWrite = hasPermission(view, 'knowledge.write');
  const canReview = hasPermission(view, 'knowledge.review');
  const common = { clearable: true, placeholder: t('common.all'), comboboxProps: { withinPortal: true } };

  const act = async (action: 'verify' | 'archive', entry: DirectoryEntryView) => {
    try {
      if (action === 'verify') await kbApi.verifyDirectoryEntry(entry.id);
      else await kbApi.archiveDirectoryEntry(entry.id);
      notifySuccess(t(`knowledge.directory.${action === 'verify' ? 'verified' : 'archived'}`));
      await list.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('knowledge.directory.title')}
        description={t('knowledge.directory.description')}
        actions={canWrite && <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>{t('knowledge.directory.newEntry')}</Button>}
      />
      <KnowledgeNav />
      <FilterPanel columns={4}>
        <Select label={t('knowledge.fields.country')} data={countries} value={country} onChange={paging.resetting(setCountry)} searchable {...common} />
        <Select label={t('knowledge.directory.kind')} data={kb.options('directoryKind')} value={kind} onChange={paging.resetting(setKind)} searchable {...common} />
        <Select label={t('knowledge.directory.stage')} data={kb.options('stage')} value={stage} onChange={paging.resetting(setStage)} {...common} />
        <Stack gap={6} justify="flex-end" pb={4}>
          <Checkbox label={t('knowledge.directory.helplinesOnly')} checked={helplinesOnly} onChange={(e) => paging.resetting(setHelplinesOnly)(e.currentTarget.checked)} />
          <Checkbox label={t('knowledge.directory.needsReviewOnly')} checked={needsReview} onChange={(e) => paging.resetting(setNeedsReview)(e.currentTarget.checked)} />
        </Stack>
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
        <DataTable
          columns={[t('knowledge.directory.name'), t('knowledge.directory.phones'), t('knowledge.directory.hours'), t('knowledge.directory.languages'), t('knowledge.directory.stages')]}
          actions={canWrite}
          minWidth={1040}
          testId="directory-table"
          emptyText={t('knowledge.directory.none')}
          busy={list.loading}
        >
          {(list.data?.items ?? []).map((e) => (
            <Table.Tr key={e.id} data-testid="directory-row">
              <Table.Td style={{ minWidth: 240 }}>
                <Text size="sm" fw={700}>{e.name}</Text>
                {e.localName && <Text size="xs" c="dimmed">{e.localName}</Text>}
                <Text size="xs">{[kb.label('directoryKind', e.kind), labels.country(e.countryCode), e.city].filter(Boolean).join(' · ')}</Text>
                {e.operator && <Text size="xs">{t('knowledge.directory.operatedBy', { operator: e.operator })}</Text>}
                {e.website && <Anchor href={e.website} target="_blank" rel="noopener noreferrer" size="xs">{e.website.replace(/^https?:\/\//, '')}</Anchor>}
                <TrustMark entry={e} />
              </Table.Td>
              <Table.Td style={{ minWidth: 200 }}>
                <Stack gap={2}>
                  {e.phones.map((p) => (
                    <Group key={p.number} gap={4} wrap="nowrap">
                      <PhoneLink number={p.number} label={p.label} />
                      {p.free && <Badge size="xs" variant="outline" color="gray" c="dark.9">{t('knowledge.directory.free')}</Badge>}
                    </Group>
                  ))}
                  {e.email && <Anchor href={`mailto:${e.email}`} size="xs">{e.email}</Anchor>}
                </Stack>
              </Table.Td>
              <Table.Td><Text size="sm">{e.aroundTheClock ? t('knowledge.directory.aroundTheClock') : (e.hours ?? '—')}</Text></Table.Td>
              <Table.Td><Text size="sm">{e.languages.map((l) => l.toUpperCase()).join(', ') || '—'}</Text></Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {e.nrmStages.map((s) => (
                    <Badge key={s} size="sm" variant="light" color="teal" c="dark.9" tt="none">{kb.label('stage', s)}</Badge>
                  ))}
                </Group>
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  {e.canEdit && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(e)} aria-label={t('knowledge.directory.editNamed', { name: e.name })}>{t('common.edit')}</Button>
                      {e.needsReview && canReview && <Button size="xs" variant="light" color="teal" onClick={() => void act('verify', e)} aria-label={t('knowledge.directory.verifyNamed', { name: e.name })}>{t('knowledge.directory.verify')}</Button>}
                      <ConfirmButton size="xs" question={t('knowledge.directory.archiveQuestion', { name: e.name })} confirmLabel={t('knowledge.directory.archive')} onConfirm={() => act('archive', e)} aria-label={t('knowledge.directory.archiveNamed', { name: e.name })} leftSection={<IconArchive size={14} aria-hidden="true" />}>
                        {t('knowledge.directory.archive')}
                      </ConfirmButton>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
        <Pager total={list.data?.total ?? 0} pageSize={PAGE_SIZE} page={paging.page} onChange={paging.setPage} />
      </QueryState>
      <DirectoryEntryModal target={editing} onClose={() => setEditing(null)} onSaved={() => void list.reload()} countries={countries} />
    </Stack>
  );
}
