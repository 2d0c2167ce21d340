import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconPencil, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { DataTable } from '../../components/data-table';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { hasPermission, useSession } from '../../session/session-context';
import { useCountryOptions } from '../knowledge/use-country-options';
import { PathwayEditorModal } from './pathway-editor.modal';
import { PathwaySteps } from './pathway-steps';
import { referralApi, referralPaths, type PathwayListItem, type PathwayView } from './referrals-api';

/** Status of a version in words, with a colour as a second cue. */
function VersionStatus({ status }: { status: PathwayListItem['status'] }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'teal' : status === 'draft' ? 'yellow' : 'gray';
  return (
    <Badge size="sm" variant="light" color={color} c="dark.9" tt="none" style={{ minWidth: 'max-content' }}>
      {t(`referrals.pathway.status.${status}`)}
    </Badge>
  );
}

/** The National Referral Mechanism of a country as data: the published pathway, its versions, and (network.manage) drafting and publishing. */
export default function PathwaysPage() {
  const { t } = useTranslation();
  const format = useLabels();
  const { view } = useSession();
  const countries = useCountryOptions();
  const home = view.user?.memberships[0]?.countryCode ?? 'GR';
  const [country, setCountry] = useState<string>(home);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const canManage = hasPermission(view, 'network.manage');
  const versions = useApiQuery<{ items: PathwayListItem[] }>(referralPaths.pathways(country));
  const shown = useApiQuery<PathwayView>(selectedId ? referralPaths.pathway(selectedId) : referralPaths.currentPathway(country));
  const draft = versions.data?.items.find((v) => v.status === 'draft') ?? null;
  const draftView = useApiQuery<PathwayView>(canManage && draft ? referralPaths.pathway(draft.id) : null);
  const noPathway = !selectedId && shown.error instanceof ApiError && shown.error.status === 404;
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);

  const chooseCountry = (value: string | null) => {
    if (!value) return;
    setCountry(value);
    setSelectedId(null);
  };
  const reloadAll = async () => {
    await Promise.all([versions.reload(), shown.reload(), draftView.reload()]);
  };
  const publish = async () => {
    if (!draft) return;
    try {
      await referralApi.publishPathway(draft.id);
      notifySuccess(t('referrals.pathway.published'));
      setSelectedId(null);
      await reloadAll();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('referrals.pathway.pageTitle')}
        description={t('referrals.pathway.pageDescription')}
        actions={
          canManage && (
            <>
              <Button variant="light" leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setEditing(true)} data-testid="pathway-edit">
                {draft ? t('referrals.pathway.editDraft') : t('referrals.pathway.newDraft')}
              </Button>
              {draft && (
                <ConfirmButton color="teal.9" question={t('referrals.pathway.publishQuestion', { version: draft.version })} confirmLabel={t('referrals.pathway.publish')} onConfirm={publish} leftSection={<IconRocket size={16} aria-hidden="true" />} data-testid="pathway-publish">
                  {t('referrals.pathway.publishDraft', { version: draft.version })}
                </ConfirmButton>
              )}
            </>
          )
        }
      />
      <Select label={t('referrals.pathway.country')} data={countries} value={country} onChange={chooseCountry} searchable allowDeselect={false} w={300} comboboxProps={{ withinPortal: true }} data-testid="pathway-country" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {noPathway ? (
            <Alert color="yellow" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-testid="pathway-none">
              {t('referrals.pathway.none', { country: format.country(country) })}
            </Alert>
          ) : (
            <QueryState loading={shown.loading} error={shown.error} hasData={Boolean(shown.data)} onRetry={() => void shown.reload()}>
              {shown.data && <PathwaySteps pathway={shown.data} />}
            </QueryState>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="versions-title">
            <Title order={2} size="h4" id="versions-title" mb="sm">
              {t('referrals.pathway.history')}
            </Title>
            <QueryState loading={versions.loading} error={versions.error} hasData={Boolean(versions.data)} onRetry={() => void versions.reload()}>
              <DataTable columns={[t('referrals.pathway.version'), t('referrals.fields.status')]} actions minWidth={0} compact testId="pathway-versions" emptyText={t('referrals.pathway.noVersions')}>
                {items.map((v) => {
                  const isShown = selectedId ? selectedId === v.id : v.status === 'published';
                  return (
                    <Table.Tr key={v.id} aria-current={isShown || undefined}>
                      <Table.Td>
                        <Text size="sm" fw={isShown ? 700 : 400}>
                          v{v.version}
                        </Text>
                        <Text size="xs">{t('referrals.pathway.stepsCount', { steps: v.steps })}</Text>
                        {v.publishedAt && <Text size="xs">{t('referrals.pathway.publishedOnDate', { date: format.date(v.publishedAt) })}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <VersionStatus status={v.status} />
                          {v.needsReview && (
                            <Badge size="xs" color="orange" variant="light" c="dark.9" tt="none" style={{ minWidth: 'max-content' }} leftSection={<IconAlertTriangle size={10} aria-hidden="true" />}>
                              {t('referrals.pathway.needsReviewShort')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" leftSection={<IconEye size={14} aria-hidden="true" />} disabled={isShown} onClick={() => setSelectedId(v.id)} aria-label={t('referrals.pathway.showVersion', { version: v.version })}>
                          {t('referrals.pathway.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
            </QueryState>
          </Paper>
        </Grid.Col>
      </Grid>
      {canManage && (
        <PathwayEditorModal
          country={country}
          base={draftView.data ?? (selectedId ? null : (shown.data ?? null))}
          opened={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setSelectedId(saved.id);
            void versions.reload();
          }}
        />
      )}
    </Stack>
  );
}
