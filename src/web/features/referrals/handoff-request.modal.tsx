import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { useLabels } from '../../lib/labels';
import { useApiQuery } from '../../lib/use-api-query';
import { useSubmission } from '../../lib/use-submission';
import { HandoffDataset } from './handoff-dataset';
import { ConsentSummary, ReferralError } from './referral-bits';
import { useReferralLabels } from './referral-labels';
import { consentCoversTransfer, potentialVictims, referralApi, referralPaths, type CaseView, type HandoffDesk, type HandoffView } from './referrals-api';

/** Ask another country's desk to take the case over: only the minimum dataset and the consent snapshot travel. */
export function HandoffRequestModal({ opened, caseView, onClose, onCreated }: { opened: boolean; caseView: CaseView; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const format = useLabels();
  const submission = useSubmission();
  const desks = useApiQuery<{ items: HandoffDesk[] }>(opened ? referralPaths.desks(caseView.countryCode) : null);
  const persons = potentialVictims(caseView);
  const [deskId, setDeskId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<'normal' | 'urgent'>('normal');
  const [summary, setSummary] = useState('');
  const [tried, setTried] = useState(false);
  const covered = consentCoversTransfer(caseView.consent);
  useEffect(() => {
    if (!opened) return;
    setDeskId(null);
    setPersonId(persons[0]?.id ?? null);
    setUrgency(caseView.priority === 'urgent' ? 'urgent' : 'normal');
    setSummary('');
    setTried(false);
    submission.clearError();
  }, [opened]);

  const person = persons.find((p) => p.id === personId) ?? null;
  const preview: HandoffView['dataset'] = useMemo(
    () => ({
      ...(person ? { ageBand: person.ageBand, presumedMinor: person.presumedMinor, gender: person.gender, nationality: person.nationality, languages: person.languages } : {}),
      formsOfExploitation: caseView.forms,
      concernLevel: caseView.concernLevel,
      urgency,
      summary: summary.trim() || undefined,
    }),
    [person, caseView.forms, caseView.concernLevel, urgency, summary],
  );
  const deskOptions = (desks.data?.items ?? []).map((d) => ({ value: d.organisationId, label: `${d.name} — ${format.country(d.countryCode)}${d.city ? `, ${d.city}` : ''}` }));
  const deskError = tried && !deskId ? t('validation.required') : null;
  const summaryError = tried && !summary.trim() ? t('validation.required') : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!covered || !deskId || !summary.trim()) return;
    const ok = await submission.run(async () => {
      await referralApi.createHandoff(caseView.id, { toOrganisationId: deskId, urgency, summary: summary.trim(), personId });
    });
    if (ok) {
      notifySuccess(t('referrals.handoff.requested'));
      onCreated();
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('referrals.handoff.requestTitle')} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="handoff-form">
        <Stack gap="sm">
          <Text size="sm">{t('referrals.handoff.intro')}</Text>
          <Select
            label={t('referrals.handoff.desk')}
            data={deskOptions}
            value={deskId}
            onChange={setDeskId}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            error={deskError ?? (desks.error ? t('referrals.handoff.desksFailed') : null)}
            comboboxProps={{ withinPortal: true }}
            data-testid="handoff-desk"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('referrals.fields.person')}
              description={t('referrals.handoff.personHint')}
              data={persons.map((p) => ({ value: p.id, label: labels.person(p) }))}
              value={personId}
              onChange={setPersonId}
              clearable
              placeholder={t('referrals.create.noPerson')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select label={t('referrals.fields.urgency')} data={labels.options('urgency')} value={urgency} onChange={(v) => setUrgency((v ?? 'normal') as 'normal' | 'urgent')} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <Textarea
            label={t('referrals.handoff.summary')}
            description={t('referrals.handoff.summaryHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={summaryError}
            data-testid="handoff-summary"
          />
          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="handoff-travels">
            <Title order={3} size="h6" id="handoff-travels" mb={4}>
              {t('referrals.handoff.whatTravels')}
            </Title>
            <HandoffDataset dataset={preview} />
            <Group gap={6} mt={6}>
              <IconEyeOff size={14} aria-hidden="true" />
              <Text size="xs">{t('referrals.handoff.neverNames')}</Text>
            </Group>
          </Paper>
          <ConsentSummary consent={caseView.consent} need="transfer" />
          {!covered && (
            <Alert color="orange" variant="light" title={t('referrals.handoff.blockedTitle')} data-testid="handoff-blocked">
              {t('referrals.handoff.blockedText')}
            </Alert>
          )}
          <ReferralError error={submission.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submission.busy} disabled={!covered} data-testid="handoff-submit">
              {t('referrals.handoff.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
