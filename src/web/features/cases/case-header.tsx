import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconEdit, IconMoodKid, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../domain/cases/case-workflow';
import { useLabels } from '../../lib/labels';
import { ConcernBadge, FULL_BADGE, PriorityBadge, StatusBadge } from './case-badges';
import { CaseEditModal } from './case-edit-modal';
import { useCaseLabels } from './case-labels';
import { casesApi, type CaseView } from './cases-api';
import { ConsentModal } from './consent-modal';
import { StatusModal } from './status-modal';

/** A fact of the header: a label and its value. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** Status, priority, concern, forms, team, manager and the case's actions (status moves, edit, consent, HTCDS export). */
export function CaseHeader({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caseLabels = useCaseLabels();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [consent, setConsent] = useState(false);
  const c = caseView;
  const canWrite = c.permissions.write;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('cases.detail.summaryRegion')}>
      <Stack gap="sm">
        <Group gap="xs">
          <StatusBadge status={c.status} />
          <PriorityBadge priority={c.priority} />
          <ConcernBadge concern={c.concernLevel} />
          {c.forms.map((form) => (
            <Badge key={form} color="dark" variant="outline" styles={FULL_BADGE}>
              {caseLabels.label('form', form)}
            </Badge>
          ))}
          {c.involvesChild && (
            <Badge color="grape" variant="light" styles={FULL_BADGE} leftSection={<IconMoodKid size={12} aria-hidden="true" />}>
              {t('cases.involvesChild')}
            </Badge>
          )}
        </Group>
        <Group gap="xl" component="dl" m={0} align="flex-start">
          <Fact label={t('cases.fields.team')}>{`${c.organisation.name} (${labels.country(c.countryCode)})`}</Fact>
          <Fact label={t('cases.fields.manager')}>{c.assignedTo?.displayName ?? t('cases.unassigned')}</Fact>
          <Fact label={t('cases.fields.origin')}>{caseLabels.label('origin', c.origin)}</Fact>
          <Fact label={t('cases.fields.openedAt')}>{labels.dateTime(c.timings.openedAt)}</Fact>
          {c.closureReason && <Fact label={t('cases.fields.closureReason')}>{caseLabels.label('closureReason', c.closureReason)}</Fact>}
          <Fact label={t('cases.consent.title')}>
            {c.consent?.given ? t('cases.consent.onRecordShort') : t('cases.consent.noneShort')}
          </Fact>
        </Group>
        {(canWrite || c.permissions.export) && (
          <Group gap="xs" role="group" aria-label={t('cases.detail.actions')}>
            {canWrite &&
              c.nextStatuses.map((status) => (
                <Button key={status} size="xs" variant={status === 'closed' ? 'light' : 'filled'} color={status === 'closed' ? 'gray' : undefined} onClick={() => setTarget(status)} data-testid={`status-${status}`}>
                  {c.status === 'closed' ? t('cases.status.reopen') : t('cases.status.moveTo', { status: caseLabels.label('status', status) })}
                </Button>
              ))}
            {canWrite && (
              <Button size="xs" variant="default" leftSection={<IconEdit size={14} aria-hidden="true" />} onClick={() => setEditing(true)}>
                {t('cases.edit.open')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" leftSection={<IconShieldCheck size={14} aria-hidden="true" />} onClick={() => setConsent(true)} data-testid="consent-open">
                {t('cases.consent.open')}
              </Button>
            )}
            {c.permissions.export && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden="true" />} rightSection={<IconChevronDown size={14} aria-hidden="true" />}>
                    {t('cases.export.button')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component="a" href={casesApi.exportUrl(c.id, 'json')} download>
                    {t('cases.export.json')}
                  </Menu.Item>
                  <Menu.Item component="a" href={casesApi.exportUrl(c.id, 'csv')} download>
                    {t('cases.export.csv')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Stack>
      <StatusModal caseView={c} target={target} onClose={() => setTarget(null)} onSaved={onChanged} />
      <CaseEditModal caseView={c} opened={editing} onClose={() => setEditing(false)} onSaved={onChanged} />
      <ConsentModal caseView={c} opened={consent} onClose={() => setConsent(false)} onSaved={onChanged} />
    </Paper>
  );
}
