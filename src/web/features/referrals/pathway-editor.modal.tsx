import { useEffect, useState, type FormEvent } from 'react';
import { ActionIcon, Button, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { ReferralError } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { referralApi, referralPaths, type DirectoryEntryView, type PathwayInput, type PathwayView } from './referrals-api';

type Stage = PathwayInput['steps'][number]['stage'];
/** `titles` / `descriptions` keep the other languages of the step being edited (only English is edited here). */
interface StepValues { key: string; stage: Stage; title: string; description: string; slaHours: number | string; actorIds: string[]; titles: Record<string, string>; descriptions: Record<string, string> }

let stepKeys = 0;

/** The other languages kept, English replaced (or dropped when emptied). */
function withEnglish(texts: Record<string, string>, en: string): Record<string, string> {
  const rest = Object.fromEntries(Object.entries(texts).filter(([lang]) => lang !== 'en'));
  return en ? { ...rest, en } : rest;
}
const newStep = (s?: Partial<Omit<StepValues, 'key'>>): StepValues => ({ key: `s${++stepKeys}`, stage: s?.stage ?? 'identification', title: s?.title ?? '', description: s?.description ?? '', slaHours: s?.slaHours ?? '', actorIds: s?.actorIds ?? [], titles: s?.titles ?? {}, descriptions: s?.descriptions ?? {} });

/**
 * Write a new draft of a country's pathway (replacing an existing draft), starting from `base`. Texts are
 * entered in English (the fallback every reader gets when their language is missing).
 */
export function PathwayEditorModal({ country, base, opened, onClose, onSaved }: { country: string; base: PathwayView | null; opened: boolean; onClose: () => void; onSaved: (draft: PathwayView) => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const submission = useSubmission();
  const directory = useApiQuery<{ items: DirectoryEntryView[] }>(opened ? referralPaths.directory(country) : null);
  const [title, setTitle] = useState('');
  const [otherTitles, setOtherTitles] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [steps, setSteps] = useState<StepValues[]>([]);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setTitle(base?.titles.en ?? base?.title ?? '');
    setOtherTitles(base?.titles ?? {});
    setNotes(base?.notes ?? '');
    setSteps(
      base
        ? [...base.steps].sort((a, b) => a.position - b.position).map((s) => newStep({ stage: s.stage, title: s.titles.en ?? s.title, description: s.descriptions.en ?? '', slaHours: s.slaHours ?? '', actorIds: s.actors.map((a) => a.id), titles: s.titles, descriptions: s.descriptions }))
        : [newStep()],
    );
    setTried(false);
    submission.clearError();
  }, [opened]);

  const actorOptions = (directory.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${labels.kind(e.kind)}${e.organisationId ? ` · ${t('referrals.inApp')}` : ''}` }));
  // Actors of the base version stay choosable even when the directory list does not hold them.
  for (const s of base?.steps ?? []) for (const a of s.actors) if (!actorOptions.some((o) => o.value === a.id)) actorOptions.push({ value: a.id, label: a.name });
  const update = (index: number, patch: Partial<StepValues>) => setSteps((current) => current.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) =>
    setSteps((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const invalid = !title.trim() || steps.length === 0 || steps.some((s) => !s.title.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    const body: PathwayInput = {
      countryCode: country,
      titles: { ...otherTitles, en: title.trim() },
      notes: notes.trim() || null,
      steps: steps.map((s) => ({
        stage: s.stage,
        titles: { ...s.titles, en: s.title.trim() },
        descriptions: withEnglish(s.descriptions, s.description.trim()),
        slaHours: typeof s.slaHours === 'number' ? s.slaHours : null,
        actorIds: s.actorIds,
      })),
    };
    let saved: PathwayView | null = null;
    const ok = await submission.run(async () => {
      saved = await referralApi.saveDraftPathway(body);
    });
    if (ok && saved) {
      notifySuccess(t('referrals.pathway.draftSaved'));
      onSaved(saved);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('referrals.pathway.editTitle', { country })} size="80rem">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="pathway-editor">
        <Stack gap="sm">
          <TextInput label={t('referrals.pathway.titleEn')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={tried && !title.trim() ? t('validation.required') : null} data-autofocus />
          <Textarea label={t('referrals.pathway.notes')} autosize minRows={2} maxLength={5000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {steps.map((s, index) => (
            <Fieldset key={s.key} legend={t('referrals.pathway.stepN', { n: index + 1 })} radius="md" data-testid="pathway-step-editor">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <Select label={t('referrals.fields.stage')} data={labels.stageOptions} value={s.stage} onChange={(v) => update(index, { stage: (v ?? s.stage) as Stage })} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
                  <TextInput label={t('referrals.pathway.stepTitleEn')} required maxLength={300} value={s.title} onChange={(e) => update(index, { title: e.currentTarget.value })} error={tried && !s.title.trim() ? t('validation.required') : null} />
                  <NumberInput label={t('referrals.pathway.slaHours')} description={t('referrals.pathway.slaHint')} min={1} max={24 * 365} allowDecimal={false} value={s.slaHours} onChange={(v) => update(index, { slaHours: v })} />
                </SimpleGrid>
                <Textarea label={t('referrals.pathway.descriptionEn')} autosize minRows={1} maxLength={5000} value={s.description} onChange={(e) => update(index, { description: e.currentTarget.value })} />
                <MultiSelect
                  label={t('referrals.pathway.actors')}
                  description={t('referrals.pathway.actorsHint')}
                  data={actorOptions}
                  value={s.actorIds}
                  onChange={(v) => update(index, { actorIds: v })}
                  searchable
                  maxValues={50}
                  nothingFoundMessage={t('common.nothingFound')}
                  comboboxProps={{ withinPortal: true }}
                />
                <Group gap={4} justify="flex-end">
                  <ActionIcon variant="subtle" size="lg" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('referrals.pathway.moveUp', { n: index + 1 })}>
                    <IconArrowUp size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon variant="subtle" size="lg" disabled={index === steps.length - 1} onClick={() => move(index, 1)} aria-label={t('referrals.pathway.moveDown', { n: index + 1 })}>
                    <IconArrowDown size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" size="lg" disabled={steps.length === 1} onClick={() => setSteps((c) => c.filter((_, i) => i !== index))} aria-label={t('referrals.pathway.removeStep', { n: index + 1 })}>
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden="true" />} disabled={steps.length >= 30} onClick={() => setSteps((c) => [...c, newStep()])} style={{ alignSelf: 'flex-start' }}>
            {t('referrals.pathway.addStep')}
          </Button>
          <ReferralError error={submission.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy} data-testid="pathway-save">
              {t('referrals.pathway.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
