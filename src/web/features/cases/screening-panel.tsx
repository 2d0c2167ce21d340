import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Accordion, Button, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { notifySuccess } from '../../components/notify';
import { QueryState } from '../../components/query-state';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { ConcernBadge } from './case-badges';
import { groupIndicators } from './case-helpers';
import { useCaseLabels } from './case-labels';
import { indicatorSetItems, casesApi, type CaseView, type IndicatorSetView, type ScreeningView } from './cases-api';
import { ScreeningResultView } from './screening-result';

type Answer = 'yes' | 'no' | 'unknown';

/** The questionnaire of one indicator set, grouped by element: yes / no / unknown and the evidence for each. */
function ScreeningForm({ caseView, sets, onDone }: { caseView: CaseView; sets: IndicatorSetView[]; onDone: (s: ScreeningView) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useCaseLabels();
  const victims = caseView.persons.filter((p) => p.role === 'potential_victim');
  const [setKey, setSetKey] = useState<string | null>(() => (sets.find((s) => s.audience === (caseView.involvesChild ? 'child' : 'general')) ?? sets[0])?.key ?? null);
  const [personId, setPersonId] = useState<string | null>(victims[0]?.id ?? null);
  const [answers, setAnswers] = useState<Record<string, { answer: Answer; evidence: string }>>({});
  const submission = useSubmission();
  const set = sets.find((s) => s.key === setKey);
  const person = victims.find((p) => p.id === personId);
  const child = person ? person.treatedAsChild : caseView.involvesChild;
  const groups = useMemo(() => (set ? groupIndicators(set.indicators, child) : []), [set, child]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!set) return;
    let created: ScreeningView | null = null;
    const ok = await submission.run(async () => {
      created = await casesApi.screen(caseView.id, {
        setKey: set.key,
        setVersion: set.version,
        personId: personId ?? null,
        answers: Object.entries(answers).map(([code, a]) => ({ code, answer: a.answer, evidence: a.evidence.trim() || null })),
      }, i18n.resolvedLanguage ?? 'en');
    });
    if (ok && created) {
      notifySuccess(t('cases.screening.saved'));
      setAnswers({});
      onDone(created);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="screening-new-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="screening-new-title">
          {t('cases.screening.newTitle')}
        </Title>
        <Group grow align="flex-start">
          <Select label={t('cases.screening.set')} data={sets.map((s) => ({ value: s.key, label: `${s.title} (v${s.version})` }))} value={setKey} onChange={setSetKey} allowDeselect={false} />
          {victims.length > 0 && (
            <Select
              label={t('cases.screening.person')}
              data={victims.map((p, i) => ({ value: p.id, label: p.restricted ? t('cases.screening.personN', { n: i + 1 }) : [p.givenName, p.familyName].filter(Boolean).join(' ') || p.alias || t('cases.screening.personN', { n: i + 1 }) }))}
              value={personId}
              onChange={setPersonId}
              clearable
            />
          )}
        </Group>
        {set?.source && <Text size="xs" c="dimmed">{t('cases.screening.source', { source: set.source })}</Text>}
        <Text size="sm">{child ? t('cases.screening.childSet') : t('cases.screening.adultSet')}</Text>
        {groups.map((group) => (
          <Paper key={group.element} withBorder p="sm" radius="md" component="fieldset" style={{ border: undefined }}>
            <Text component="legend" fw={700} px={4}>
              {labels.label('element', group.element)}
            </Text>
            <Stack gap="md">
              {group.indicators.map((indicator) => {
                const current = answers[indicator.code];
                return (
                  <Stack key={indicator.code} gap={4} data-testid={`indicator-${indicator.code}`}>
                    <Radio.Group
                      label={indicator.label}
                      description={indicator.help ?? undefined}
                      value={current?.answer ?? null}
                      onChange={(value) => setAnswers((a) => ({ ...a, [indicator.code]: { answer: value as Answer, evidence: a[indicator.code]?.evidence ?? '' } }))}
                    >
                      <Group gap="lg" mt={4}>
                        {(['yes', 'no', 'unknown'] as const).map((value) => (
                          <Radio key={value} value={value} label={labels.label('answer', value)} />
                        ))}
                      </Group>
                    </Radio.Group>
                    {current?.answer === 'yes' && (
                      <Textarea
                        label={t('cases.screening.evidence')}
                        autosize
                        minRows={1}
                        maxLength={2000}
                        value={current.evidence}
                        onChange={(e) => {
                          const evidence = e.currentTarget.value;
                          setAnswers((a) => ({ ...a, [indicator.code]: { answer: 'yes', evidence } }));
                        }}
                      />
                    )}
                  </Stack>
                );
              })}
            </Stack>
          </Paper>
        ))}
        <FormError error={submission.error} />
        <Group justify="flex-end">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('cases.screening.answered', { count: Object.keys(answers).length, total: groups.reduce((n, g) => n + g.indicators.length, 0) })}
          </Text>
          <Button type="submit" loading={submission.busy} disabled={!set} data-testid="screening-submit">
            {t('cases.screening.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Indicator screening: the latest result first, the questionnaire (for those who work the case), and the history. */
export function ScreeningPanel({ caseView, onChanged }: { caseView: CaseView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const sets = useApiQuery<{ items: IndicatorSetView[] } | IndicatorSetView[]>(caseView.permissions.write ? `/api/indicator-sets?lang=${i18n.resolvedLanguage ?? 'en'}` : null);
  const [latest, setLatest] = useState<ScreeningView | null>(null);
  const history = [...caseView.screenings].sort((a, b) => b.screenedAt.localeCompare(a.screenedAt));
  const shown = latest ?? history[0] ?? null;
  const earlier = history.filter((s) => s.id !== shown?.id);
  const latestHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="screening-latest">
        <Title order={2} size="h4" id="screening-latest" mb="sm" ref={latestHeading} tabIndex={-1}>
          {t('cases.screening.latest')}
        </Title>
        {shown ? (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('cases.screening.by', { at: labels.dateTime(shown.screenedAt), by: shown.screenedBy?.displayName ?? '—', set: `${shown.setKey} v${shown.setVersion}` })}
            </Text>
            <ScreeningResultView result={shown.result} headingId="screening-latest-why" />
          </Stack>
        ) : (
          <Text size="sm">{t('cases.screening.none')}</Text>
        )}
      </Paper>
      {caseView.permissions.write && (
        <Paper withBorder p="md" radius="md" component="section">
          <QueryState loading={sets.loading} error={sets.error} hasData={Boolean(sets.data)} onRetry={() => void sets.reload()}>
            {indicatorSetItems(sets.data).length === 0 ? (
              <Text size="sm">{t('cases.screening.noSets')}</Text>
            ) : (
              <ScreeningForm
                caseView={caseView}
                sets={indicatorSetItems(sets.data).filter((s) => s.status === 'published')}
                onDone={(s) => {
                  setLatest(s);
                  onChanged();
                  latestHeading.current?.focus();
                  latestHeading.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              />
            )}
          </QueryState>
        </Paper>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="screening-history">
          <Title order={2} size="h4" id="screening-history" mb="sm">
            {t('cases.screening.history')}
          </Title>
          <Accordion variant="separated">
            {earlier.map((s) => (
              <Accordion.Item key={s.id} value={s.id}>
                <Accordion.Control>
                  <Group gap="sm">
                    <ConcernBadge concern={s.result.concern} />
                    <Text size="sm">{t('cases.screening.by', { at: labels.dateTime(s.screenedAt), by: s.screenedBy?.displayName ?? '—', set: `${s.setKey} v${s.setVersion}` })}</Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ScreeningResultView result={s.result} headingId={`why-${s.id}`} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </section>
      )}
    </Stack>
  );
}
