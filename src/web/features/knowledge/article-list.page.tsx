import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { FilterPanel } from '../../components/filter-panel';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { currentLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { usePaging } from '../../lib/use-paging';
import { ArticleCreateModal } from './article-create.modal';
import { ImportExport } from './import-export';
import { kbPaths, type ArticleListItem, type ArticleListQuery } from './knowledge-api';
import { STATUS_COLOURS, titleIn, useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';
import { useCountryOptions } from './use-country-options';

const PAGE_SIZE = 50;

/** One chip per translation: language code coloured by status, the status spelled out for screen readers and on hover. */
function TranslationChips({ item }: { item: ArticleListItem }) {
  const kb = useKnowledgeLabels();
  return (
    <Group gap={4}>
      {item.translations.map((tr) => {
        const label = `${kb.language(tr.lang)}: ${kb.label('status', tr.status)}`;
        return (
          <Tooltip key={tr.lang} label={label} withinPortal>
            <Badge size="sm" variant="light" color={STATUS_COLOURS[tr.status]} c="dark.9" tt="uppercase" data-testid={`chip-${tr.lang}-${tr.status}`}>
              <span aria-hidden="true">{`${tr.lang}${tr.status === 'published' ? ' ✓' : tr.status === 'in_review' ? ' …' : ''}`}</span>
              <span className="victor-visually-hidden">{label}</span>
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** The editors' list of articles with the status of every translation, filters, creation and import/export. */
export default function ArticleListPage() {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const labels = useLabels();
  const countries = useCountryOptions();
  const paging = usePaging(PAGE_SIZE);
  const [status, setStatus] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [lang, setLang] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [creating, setCreating] = useState(false);
  const query = useMemo(
    (): ArticleListQuery => ({ status, type, country, lang, q: debounced || undefined, limit: PAGE_SIZE, offset: paging.offset }),
    [status, type, country, lang, debounced, paging.offset],
  );
  const list = useApiQuery<{ items: ArticleListItem[]; total: number }>(kbPaths.articles(query));
  const uiLang = currentLocale();
  const common = { clearable: true, placeholder: t('common.all'), comboboxProps: { withinPortal: true } };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('knowledge.manage.title')}
        description={t('knowledge.manage.description')}
        actions={
          <>
            <ImportExport onImported={() => void list.reload()} />
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)} data-testid="new-article">
              {t('knowledge.manage.newArticle')}
            </Button>
          </>
        }
      />
      <KnowledgeNav />
      <FilterPanel columns={5}>
        <TextInput label={t('common.search')} type="search" leftSection={<IconSearch size={16} aria-hidden="true" />} value={q} maxLength={200} onChange={(e) => paging.resetting(setQ)(e.currentTarget.value)} />
        <Select label={t('knowledge.fields.status')} data={kb.options('status')} value={status} onChange={paging.resetting(setStatus)} {...common} />
        <Select label={t('knowledge.fields.type')} data={kb.options('type')} value={type} onChange={paging.resetting(setType)} {...common} />
        <Select label={t('knowledge.fields.country')} data={[{ value: 'regional', label: t('knowledge.regional') }, ...countries]} value={country} onChange={paging.resetting(setCountry)} searchable {...common} />
        <Select label={t('knowledge.fields.language')} data={kb.languageOptions} value={lang} onChange={paging.resetting(setLang)} {...common} />
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
        <DataTable
          columns={[t('knowledge.fields.title'), t('knowledge.fields.type'), t('knowledge.fields.country'), t('knowledge.fields.audience'), t('knowledge.manage.translations'), t('knowledge.fields.updated')]}
          minWidth={960}
          testId="articles-table"
          emptyText={t('knowledge.manage.none')}
          busy={list.loading}
          highlightOnHover
        >
          {(list.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/knowledge/manage/${a.id}`} fw={600} size="sm">
                  {titleIn(a, uiLang)}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">{a.slug}</Text>
                {a.needsReview && <Badge size="xs" color="orange" variant="light" c="dark.9">{t('knowledge.needsReview')}</Badge>}
              </Table.Td>
              <Table.Td><Text size="sm">{kb.label('type', a.type)}</Text></Table.Td>
              <Table.Td><Text size="sm">{a.countryCode ? labels.country(a.countryCode) : t('knowledge.regional')}</Text></Table.Td>
              <Table.Td><Text size="sm">{kb.label('audience', a.audience)}</Text></Table.Td>
              <Table.Td><TranslationChips item={a} /></Table.Td>
              <Table.Td><Text size="sm">{labels.date(a.updatedAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Pager total={list.data?.total ?? 0} pageSize={PAGE_SIZE} page={paging.page} onChange={paging.setPage} />
      </QueryState>
      <ArticleCreateModal opened={creating} onClose={() => setCreating(false)} countries={countries} />
    </Stack>
  );
}
