import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconBellRinging, IconCheck, IconPencil, IconPhoto, IconRotateClockwise, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { FULL_BADGE } from '../cases/case-badges';
import { useCaseLabels } from '../cases/case-labels';
import { CloseReopenModal, FoundModal, PhotoModal, ReferModal, type MissingModal } from './missing-action-modals';
import { missingPaths, type MissingReportView } from './missing-api';
import { MissingEditModal } from './missing-edit-modal';
import { MissingStatusBadge, ReportedBadges } from './missing-badges';
import { formatTimeMissing } from './missing-helpers';
import { useMissingLabels } from './missing-labels';
import { MissingPhoto } from './missing-photo';

const RUNNING = new Set(['draft', 'approved', 'issued']);

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** The missing-child report on the case page: the child, last seen, description, photo, who was told, status and actions. */
export function MissingChildPanel({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const missingLabels = useMissingLabels();
  const query = useApiQuery<MissingReportView>(missingPaths.report(caseId));
  const [modal, setModal] = useState<MissingModal>(null);
  const [fresh, setFresh] = useState<MissingReportView | null>(null);
  const r = fresh && fresh.caseId === caseId && (!query.data || fresh.version >= query.data.version) ? fresh : query.data;
  const saved = (updated: MissingReportView) => {
    setFresh(updated);
    onChanged?.();
  };
  const restricted = t('missing.restricted');
  const running = r?.alerts.filter((a) => RUNNING.has(a.status)) ?? [];
  const name = r ? [r.child.givenName, r.child.familyName].filter(Boolean).join(' ') : '';
  const writable = (r?.nextActions.length ?? 0) > 0;
  const flagTime = (at: string | null) => (at ? ` · ${labels.dateTime(at)}` : '');

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="missing-panel-title" data-testid="missing-child-panel">
      <QueryState loading={query.loading && !r} error={query.error} hasData={Boolean(r)} onRetry={() => void query.reload()}>
        {r && (
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Group gap="sm">
                <Title order={2} size="h4" id="missing-panel-title">
                  {t('missing.panel.title')}
                </Title>
                <MissingStatusBadge status={r.status} />
                <Badge variant="outline" color="dark" c="dark.9" styles={FULL_BADGE}>
                  {missingLabels.label('type', r.missingType)}
                </Badge>
                {r.status === 'missing' && (
                  <Text size="sm" fw={600}>
                    {t('missing.panel.missingFor', { time: formatTimeMissing(r.lastSeen.at, new Date(), missingLabels.unit) })}
                  </Text>
                )}
              </Group>
              {writable && (
                <Group gap="xs">
                  {r.nextActions.includes('found') && (
                    <Button size="xs" color="#1f6f30" leftSection={<IconCheck size={14} aria-hidden="true" />} onClick={() => setModal('found')}>
                      {t('missing.panel.found')}
                    </Button>
                  )}
                  {r.nextActions.includes('close') && (
                    <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden="true" />} onClick={() => setModal('close')}>
                      {t('missing.panel.close')}
                    </Button>
                  )}
                  {r.nextActions.includes('reopen') && (
                    <Button size="xs" variant="default" leftSection={<IconRotateClockwise size={14} aria-hidden="true" />} onClick={() => setModal('reopen')}>
                      {t('missing.panel.reopen')}
                    </Button>
                  )}
                  {!r.restricted && (
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setModal('edit')}>
                      {t('missing.panel.edit')}
                    </Button>
                  )}
                  <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} aria-hidden="true" />} onClick={() => setModal('refer')}>
                    {t('missing.panel.refer')}
                  </Button>
                  {r.status === 'missing' && !r.restricted && (
                    <Button size="xs" color="red.9" component={Link} to={`/alerts/new?caseId=${encodeURIComponent(r.caseId)}`} leftSection={<IconBellRinging size={14} aria-hidden="true" />}>
                      {t('missing.panel.draftAlert')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>

            {running.length > 0 && (
              <Alert color="yellow" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} role={r.status === 'missing' ? undefined : 'status'} title={r.status === 'missing' ? t('missing.panel.alertsTitle') : t('missing.panel.alertsStillRunning')}>
                <Group gap="xs">
                  {running.map((a) => (
                    <Anchor key={a.id} component={Link} to={`/alerts/${a.id}`} size="sm" fw={600}>
                      {`${a.reference} (${t(`missing.alertStatus.${a.status}`)})`}
                    </Anchor>
                  ))}
                </Group>
              </Alert>
            )}

            {r.found && (
              <Alert color="green" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t('missing.panel.foundTitle', { date: labels.dateTime(r.found.at) })}>
                <Text size="sm">{`${missingLabels.label('outcome', r.found.outcome)} · ${missingLabels.label('condition', r.found.condition)}`}</Text>
                {r.found.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.found.note}
                  </Text>
                )}
              </Alert>
            )}
            {r.closeReason && (
              <Alert color="gray" variant="light">
                {t('missing.panel.closedBecause', { reason: missingLabels.label('closeReason', r.closeReason) })}
              </Alert>
            )}

            <Group align="flex-start" gap="lg" wrap="nowrap">
              {!r.restricted && (
                <Stack gap={4} align="center" style={{ flex: '0 0 auto' }}>
                  {r.photoDocumentId ? (
                    <MissingPhoto caseId={r.caseId} documentId={r.photoDocumentId} />
                  ) : (
                    <Paper withBorder w={160} h={200} radius="md" style={{ display: 'grid', placeItems: 'center' }}>
                      <Text size="xs" c="dimmed" ta="center" px="xs">
                        {t('missing.photo.none')}
                      </Text>
                    </Paper>
                  )}
                  {writable && (
                    <Button size="compact-xs" variant="subtle" leftSection={<IconPhoto size={12} aria-hidden="true" />} onClick={() => setModal('photo')}>
                      {r.photoDocumentId ? t('missing.photo.replace') : t('missing.photo.add')}
                    </Button>
                  )}
                </Stack>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" style={{ flex: 1 }}>
                <Field label={t('missing.fields.child')}>{r.restricted ? restricted : name || t('missing.panel.nameUnknown')}</Field>
                <Field label={t('missing.fields.age')}>{r.child.ageYears !== null ? String(r.child.ageYears) : r.child.ageBand === 'unknown' ? '—' : r.child.ageBand}</Field>
                <Field label={t('missing.fields.gender')}>{r.child.gender ? caseLabels.label('gender', r.child.gender) : '—'}</Field>
                <Field label={t('missing.fields.nationality')}>{r.child.nationality ? labels.country(r.child.nationality) : '—'}</Field>
                <Field label={t('missing.fields.lastSeenAt')}>{labels.dateTime(r.lastSeen.at)}</Field>
                <Field label={t('missing.fields.lastSeenPlace')}>
                  {r.restricted ? restricted : [r.lastSeen.place, r.lastSeen.country ? labels.country(r.lastSeen.country) : null].filter(Boolean).join(', ') || '—'}
                  {r.lastSeen.lat !== null && r.lastSeen.lon !== null && <Text size="xs" c="dimmed">{`${r.lastSeen.lat}, ${r.lastSeen.lon}`}</Text>}
                </Field>
                <Field label={t('missing.fields.circumstances')}>{r.restricted ? restricted : (r.lastSeen.circumstances ?? '—')}</Field>
                <Field label={t('missing.fields.description')}>{r.restricted ? restricted : (r.description ?? '—')}</Field>
                <Field label={t('missing.fields.suspectedCountries')}>{r.suspectedCountries.length ? r.suspectedCountries.map((c) => labels.country(c)).join(', ') : '—'}</Field>
                <Field label={t('missing.fields.reportedTo')}>
                  <ReportedBadges police={r.police.reported} interpol={r.interpol.reported} sis={r.sis.reported} />
                  {r.police.reported && <Text size="xs">{`${t('missing.flags.police')}${flagTime(r.police.at)}${r.police.reference ? ` · ${r.police.reference}` : ''}`}</Text>}
                  {r.interpol.reported && <Text size="xs">{`${t('missing.flags.interpol')}${flagTime(r.interpol.at)}`}</Text>}
                  {r.sis.reported && <Text size="xs">{`${t('missing.flags.sis')}${flagTime(r.sis.at)}`}</Text>}
                </Field>
              </SimpleGrid>
            </Group>

            <FoundModal report={r} opened={modal === 'found'} onClose={() => setModal(null)} onSaved={saved} />
            <CloseReopenModal report={r} mode={modal === 'close' || modal === 'reopen' ? modal : null} onClose={() => setModal(null)} onSaved={saved} />
            <ReferModal report={r} opened={modal === 'refer'} onClose={() => setModal(null)} onSaved={saved} />
            <PhotoModal report={r} opened={modal === 'photo'} onClose={() => setModal(null)} onSaved={saved} />
            <MissingEditModal report={r} opened={modal === 'edit'} onClose={() => setModal(null)} onSaved={saved} />
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
