import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconExternalLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENT_KINDS } from '../../../domain/knowledge/knowledge-fields';
import { FilterPanel } from '../../components/filter-panel';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { currentLocale } from '../../i18n';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { hasPermission, useSession } from '../../session/session-context';
import { InstrumentEditModal } from './instrument-edit.modal';
import { InstrumentStatusModal, type StatusTarget } from './instrument-status.modal';
import { kbApi, kbPaths, type InstrumentView } from './knowledge-api';
import { useKnowledgeLabels } from './knowledge-labels';
import { KnowledgeNav } from './knowledge-nav';
import { StatusMatrix } from './status-matrix';
import { useCountryOptions } from './use-country-options';

interface CardProps {
  instrument: InstrumentView;
  canReview: boolean;
  onEdit: () => void;
  onConfirm: () => void;
}

/** One instrument: its facts, the official link, the summary in the interface language (or English, marked). */
function InstrumentCard({ instrument: i, canReview, onEdit, onConfirm }: CardProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = currentLocale();
  const summary = i.summaries[lang] ?? i.summaries.en ?? null;
  const summaryFallback = !i.summaries[lang] && Boolean(i.summaries.en) && lang !== 'en';
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid={`instrument-${i.slug}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} fz="md">{i.title}</Title>
            <Text size="sm" c="dimmed">
              {[i.shortTitle, i.reference, i.year ? String(i.year) : null, i.countryCode ? labels.country(i.countryCode) : null].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {i.canEdit && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={onEdit} aria-label={t('knowledge.legal.editNamed', { name: i.shortTitle ?? i.title })}>
                {t('common.edit')}
              </Button>
            )}
            {canReview && i.needsReview && (
              <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden="true" />} onClick={onConfirm} aria-label={t('knowledge.legal.confirmNamed', { name: i.shortTitle ?? i.title })}>
                {t('knowledge.legal.confirm')}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap={6}>
          {i.needsReview ? (
            <Badge color="orange" variant="light" c="dark.9">{t('knowledge.needsReview')}</Badge>
          ) : (
            i.reviewedAt && <Badge color="teal" variant="light" c="dark.9">{t('knowledge.legal.reviewed', { date: labels.date(i.reviewedAt) })}</Badge>
          )}
          {i.inForceOn && <Badge variant="outline" color="gray" c="dark.9">{t('knowledge.legal.inForceSince', { date: labels.date(i.inForceOn) })}</Badge>}
          {i.topics.map((topic) => (
            <Badge key={topic} variant="dot" color="gray" c="dark.9" tt="none">{topic}</Badge>
          ))}
        </Group>
        {summary && (
          <Text size="sm" lang={summaryFallback ? 'en' : lang}>
            {summary}
            {summaryFallback && <Text span size="xs" c="dimmed">{` (${t('knowledge.legal.summaryInEnglish')})`}</Text>}
          </Text>
        )}
        {i.reviewNote && <Text size="xs" c="dimmed">{t('knowledge.legal.reviewNote', { note: i.reviewNote })}</Text>}
        {i.officialUrl && (
          <Anchor href={i.officialUrl} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4} component="span">
              {t('knowledge.legal.officialText')}
              <IconExternalLink size={14} aria-label={t('common.opensInNewTab')} />
            </Group>
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** The legal instruments register: instruments by kind, and where each country stands with them. */
export default function LegalRegisterPage() {
  const { t } = useTranslation();
  const kb = useKnowledgeLabels();
  const { view } = useSession();
  const countries = useCountryOptions();
  const [kind, setKind] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const list = useApiQuery<{ items: InstrumentView[] }>(kbPaths.legal({ kind, country }));
  const [editing, setEditing] = useState<InstrumentView | 'new' | null>(null);
  const [status, setStatus] = useState<StatusTarget | null>(null);
  const canWrite = hasPermission(view, 'knowledge.write');
  const canReview = hasPermission(view, 'knowledge.review');
  const items = list.data?.items ?? [];
  const byKind = useMemo(() => INSTRUMENT_KINDS.map((k) => ({ kind: k, items: items.filter((i) => i.kind === k) })).filter((g) => g.items.length > 0), [items]);
  const matrixCountries = country ? countries.filter((c) => c.value === country) : countries;
  const international = items.filter((i) => i.kind !== 'national');

  const confirm = async (i: InstrumentView) => {
    try {
      await kbApi.confirmInstrument(i.id);
      notifySuccess(t('knowledge.legal.confirmed'));
      await list.reload();
    } catch (caught) {
      notifyError(caught);
    }
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('knowledge.legal.title')}
        description={t('knowledge.legal.description')}
        actions={canWrite && <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>{t('knowledge.legal.newInstrument')}</Button>}
      />
      <KnowledgeNav />
      <FilterPanel columns={3}>
        <Select label={t('knowledge.legal.kind')} data={kb.options('instrumentKind')} value={kind} onChange={setKind} clearable placeholder={t('common.all')} />
        <Select label={t('knowledge.fields.country')} data={countries} value={country} onChange={setCountry} clearable searchable placeholder={t('common.all')} />
      </FilterPanel>
      <QueryState loading={list.loading} error={list.error} hasData={Boolean(list.data)} onRetry={() => void list.reload()}>
        {international.length > 0 && (
          <Stack gap="xs" component="section" aria-labelledby="kb-matrix">
            <Title order={2} fz="lg" id="kb-matrix">{t('knowledge.legal.matrix')}</Title>
            <Text size="sm">{t('knowledge.legal.matrixHint')}</Text>
            <StatusMatrix instruments={international} countries={matrixCountries} onEdit={canWrite ? (instrument, c) => setStatus({ instrument, country: c }) : undefined} />
          </Stack>
        )}
        {items.length === 0 && <Text size="sm">{t('knowledge.legal.none')}</Text>}
        {byKind.map((g) => (
          <Stack key={g.kind} gap="sm" component="section" aria-labelledby={`kb-kind-${g.kind}`}>
            <Title order={2} fz="lg" id={`kb-kind-${g.kind}`}>{kb.label('instrumentKind', g.kind)}</Title>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {g.items.map((i) => (
                <InstrumentCard key={i.id} instrument={i} canReview={canReview} onEdit={() => setEditing(i)} onConfirm={() => void confirm(i)} />
              ))}
            </Stack>
          </Stack>
        ))}
      </QueryState>
      <InstrumentEditModal target={editing} onClose={() => setEditing(null)} onSaved={() => void list.reload()} countries={countries} />
      <InstrumentStatusModal target={status} onClose={() => setStatus(null)} onSaved={() => void list.reload()} />
    </Stack>
  );
}
