import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, NavLink, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconGitCompare, IconListTree, IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../api/types';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable } from '../../../components/data-table';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import { useLabels } from '../../../lib/labels';
import { useApiQuery } from '../../../lib/use-api-query';
import { useSession } from '../../../session/session-context';
import { CodeEditModal, type CodeEditTarget } from './code-edit.modal';
import { taxonomyApi, taxonomyPath, type TaxonomyCodeView, type TaxonomyVersion, type TaxonomyView } from './taxonomy-api';
import { compareVersions } from './taxonomy-compare';
import { codeLabel, TaxonomyTree } from './taxonomy-tree';

const STATUS_COLOURS = { draft: 'yellow', published: 'green', retired: 'gray' } as const;
const CHANGE_COLOURS = { added: 'green', changed: 'blue', removed: 'red' } as const;

/** The version list: every version with its status; the chosen one is highlighted. */
function VersionList({ versions, selected, onSelect }: { versions: TaxonomyVersion[]; selected: number | null; onSelect: (v: number) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Card withBorder padding="xs" radius="md" component="nav" aria-label={t('taxonomy.versions')}>
      <Title order={2} fz="md" px="xs" pb="xs">
        {t('taxonomy.versions')}
      </Title>
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <NavLink
            key={v.version}
            component="button"
            active={v.version === selected}
            onClick={() => onSelect(v.version)}
            aria-current={v.version === selected ? 'true' : undefined}
            data-version={v.version}
            styles={{ description: { color: 'var(--mantine-color-dark-7)' }, label: { color: 'var(--mantine-color-dark-9)' } }}
            label={
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t('taxonomy.version', { n: v.version })}
                </Text>
                <Badge size="sm" color={STATUS_COLOURS[v.status]} variant="light" c="dark.9">
                  {t(`taxonomy.status.${v.status}`)}
                </Badge>
              </Group>
            }
            description={`${v.publishedAt ? labels.date(v.publishedAt) : labels.date(v.createdAt)} · ${t('taxonomy.codeCount', { n: v.codeCount })}${v.notes ? ` · ${v.notes}` : ''}`}
          />
        ))}
    </Card>
  );
}

/** What changed in the draft compared with the published version. */
function Comparison({ published, draft }: { published: TaxonomyView; draft: TaxonomyView }) {
  const { t, i18n } = useTranslation();
  const differences = useMemo(() => compareVersions(published.codes, draft.codes), [published, draft]);
  const byCode = useMemo(() => new Map([...published.codes, ...draft.codes].map((c) => [c.code, c])), [published, draft]);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('taxonomy.compareIntro', { draft: draft.version, published: published.version })}</Text>
      <DataTable columns={[t('taxonomy.code'), t('taxonomy.label'), t('taxonomy.change'), t('taxonomy.fieldsChanged')]} minWidth={640} compact testId="taxonomy-compare" emptyText={t('taxonomy.noChanges')}>
        {differences.map((d) => {
          const code = byCode.get(d.code);
          return (
            <Table.Tr key={d.code}>
              <Table.Td ff="monospace">{d.code}</Table.Td>
              <Table.Td>{code ? codeLabel(code, i18n.language) : ''}</Table.Td>
              <Table.Td>
                <Badge color={CHANGE_COLOURS[d.change]} variant="light" c="dark.9">
                  {t(`taxonomy.changes.${d.change}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{d.fields.map((f) => t(`taxonomy.fields.${f}`)).join(', ')}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Stack>
  );
}

/** The taxonomy editor: versions, the tree of codes in every language, the draft, compare and publish. */
export default function TaxonomyPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const user = useSession().view.user;
  const versions = useApiQuery<TaxonomyVersion[]>('/api/taxonomy/versions');
  const countries = useApiQuery<Country[]>('/api/countries');
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState<CodeEditTarget | null>(null);
  const [tab, setTab] = useState<string | null>('codes');

  const draftVersion = versions.data?.find((v) => v.status === 'draft') ?? null;
  const publishedVersion = versions.data?.find((v) => v.status === 'published') ?? null;
  const selected = chosen ?? draftVersion?.version ?? publishedVersion?.version ?? null;
  const view = useApiQuery<TaxonomyView>(versions.data ? taxonomyPath(selected) : null);
  const isDraft = view.data?.status === 'draft';
  const published = useApiQuery<TaxonomyView>(isDraft ? taxonomyPath(publishedVersion?.version ?? null) : null);

  const regional = user?.memberships.some((m) => m.role === 'regional_coordinator') ?? false;
  const myCountries = useMemo(() => [...new Set((user?.memberships ?? []).filter((m) => m.role === 'country_coordinator').map((m) => m.countryCode))], [user]);
  const countryOptions = useMemo(() => {
    const codes = regional ? (countries.data ?? []).map((c) => c.code) : myCountries;
    return codes.map((code) => ({ value: code, label: `${labels.country(code)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label));
  }, [regional, countries.data, myCountries, labels]);
  const canEdit = (code: TaxonomyCodeView) => regional || (code.countryCode !== null && myCountries.includes(code.countryCode));

  const reloadAll = async () => {
    await versions.reload();
    await view.reload();
  };

  const startDraft = async () => {
    try {
      const draft = await taxonomyApi.openDraft();
      setChosen(draft.version);
      setTab('codes');
      await versions.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };
  const publish = async () => {
    try {
      const done = await taxonomyApi.publish();
      notifySuccess(t('taxonomy.published', { n: done.version }));
      setChosen(done.version);
      setTab('codes');
      // The published version keeps the draft's number: the path stays the same, so fetch it again.
      await versions.reload();
      await view.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };
  const discard = async () => {
    try {
      await taxonomyApi.discard();
      notifySuccess(t('taxonomy.discarded'));
      setChosen(null);
      await versions.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  const actions = draftVersion ? (
    <>
      {selected !== draftVersion.version && (
        <Button variant="default" onClick={() => setChosen(draftVersion.version)}>
          {t('taxonomy.openDraft')}
        </Button>
      )}
      {regional && (
        <ConfirmButton color="red" question={t('taxonomy.discardQuestion', { n: draftVersion.version })} confirmLabel={t('taxonomy.discard')} onConfirm={discard}>
          {t('taxonomy.discard')}
        </ConfirmButton>
      )}
      {regional && (
        <ConfirmButton color="blue" variant="filled" question={t('taxonomy.publishQuestion', { n: draftVersion.version })} confirmLabel={t('taxonomy.publish')} onConfirm={publish} data-testid="publish-draft">
          {t('taxonomy.publish')}
        </ConfirmButton>
      )}
    </>
  ) : (
    <Button leftSection={<IconPencilPlus size={16} aria-hidden="true" />} onClick={() => void startDraft()}>
      {t('taxonomy.startDraft')}
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('taxonomy.title')} description={t('taxonomy.description')} actions={actions} />
      <QueryState loading={versions.loading} error={versions.error} hasData={Boolean(versions.data)} onRetry={() => void versions.reload()}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <VersionList versions={versions.data ?? []} selected={selected} onSelect={setChosen} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <QueryState loading={view.loading} error={view.error} hasData={Boolean(view.data)} onRetry={() => void view.reload()}>
              {view.data && (
                <Stack gap="md">
                  <Group gap="sm" data-testid="taxonomy-heading">
                    <Title order={2} fz="xl">
                      {t('taxonomy.version', { n: view.data.version })}
                    </Title>
                    <Badge color={STATUS_COLOURS[view.data.status]} variant="light" c="dark.9" size="lg">
                      {t(`taxonomy.status.${view.data.status}`)}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('taxonomy.codeCount', { n: view.data.codes.length })}
                    </Text>
                  </Group>
                  {isDraft ? (
                    <Alert color="yellow" variant="light">
                      {regional ? t('taxonomy.draftHintRegional') : t('taxonomy.draftHintCountry', { countries: myCountries.join(', ') })}
                    </Alert>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('taxonomy.readOnlyHint')}
                    </Text>
                  )}
                  <Tabs value={isDraft ? tab : 'codes'} onChange={setTab} keepMounted={false}>
                    <Tabs.List>
                      <Tabs.Tab value="codes" leftSection={<IconListTree size={16} aria-hidden="true" />}>
                        {t('taxonomy.codes')}
                      </Tabs.Tab>
                      {isDraft && (
                        <Tabs.Tab value="compare" leftSection={<IconGitCompare size={16} aria-hidden="true" />}>
                          {t('taxonomy.compare')}
                        </Tabs.Tab>
                      )}
                    </Tabs.List>
                    <Tabs.Panel value="codes" pt="md">
                      <TaxonomyTree
                        key={`${view.data.version}-${view.data.status}`}
                        codes={view.data.codes}
                        editable={isDraft}
                        canEdit={canEdit}
                        canAddLocal={regional || myCountries.length > 0}
                        onEdit={(code) => setEditing({ mode: 'edit', code })}
                        onAddLocal={(mapsTo) => setEditing({ mode: 'add-local', mapsTo })}
                      />
                    </Tabs.Panel>
                    {isDraft && (
                      <Tabs.Panel value="compare" pt="md">
                        <QueryState loading={published.loading} error={published.error} hasData={Boolean(published.data)} onRetry={() => void published.reload()}>
                          {published.data && <Comparison published={published.data} draft={view.data} />}
                        </QueryState>
                      </Tabs.Panel>
                    )}
                  </Tabs>
                </Stack>
              )}
            </QueryState>
          </Grid.Col>
        </Grid>
      </QueryState>
      <CodeEditModal target={editing} countries={countryOptions} onClose={() => setEditing(null)} onSaved={() => void reloadAll()} />
    </Stack>
  );
}
