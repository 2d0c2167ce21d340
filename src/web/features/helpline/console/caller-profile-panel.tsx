import { useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../components/notify';
import type { CallerFlag } from '../../../../domain/helpline/contact-fields';
import { useLabels } from '../../../lib/labels';
import { useContactFieldLabels } from '../contacts/contact-field-labels';
import { addCallerFlag, clearCallerFlag, lookupCaller, type CallerProfileView } from '../helpline-api';
import { CodeSelect } from './code-select';

/** The repeat-caller profile of a caller id, looked up 600 ms after typing stops. */
export function useCallerLookup(callerId: string | null, organisationId: string | null) {
  const [debounced] = useDebouncedValue((callerId ?? '').trim(), 600);
  const [profile, setProfile] = useState<CallerProfileView | null>(null);
  const [looked, setLooked] = useState<string | null>(null);
  useEffect(() => {
    if (debounced.length < 3) return;
    let live = true;
    lookupCaller(debounced, organisationId ?? undefined).then(
      (answer) => {
        if (!live) return;
        setProfile(answer.profile);
        setLooked(debounced);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [debounced, organisationId]);
  const current = debounced.length >= 3 && looked === debounced;
  return { profile: current ? profile : null, lookedUp: current, setProfile };
}

/** A repeat caller: how often and when they called, the last contacts, active flags (add and clear). */
export function CallerProfilePanel({ profile, lookedUp, onChange, readOnly = false }: { profile: CallerProfileView | null; lookedUp: boolean; onChange: (profile: CallerProfileView) => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fields = useContactFieldLabels();
  const [flag, setFlag] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(30);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  if (!lookedUp) return null;
  if (!profile) {
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('console.profile.title')}>
        <Text size="sm">{t('console.profile.firstContact')}</Text>
      </Paper>
    );
  }

  const run = async (action: () => Promise<CallerProfileView>) => {
    setBusy(true);
    try {
      onChange(await action());
      setFlag(null);
      setNote('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="caller-profile-title" data-testid="caller-profile">
      <Stack gap="sm">
        <Title order={2} size="h4" id="caller-profile-title">
          {t('console.profile.title')}
        </Title>
        <Text size="sm">{t('console.profile.summary', { contacts: profile.contactCount, first: labels.date(profile.firstContactAt), last: labels.dateTime(profile.lastContactAt) })}</Text>
        {profile.flags.length > 0 && (
          <Stack gap={6}>
            {profile.flags.map((f) => (
              <Group key={f.id} gap="xs" wrap="nowrap" justify="space-between">
                <div>
                  <Badge color="red.9" variant="outline" styles={{ label: { textTransform: 'none' } }}>
                    {fields.label('callerFlag', f.flag)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('console.profile.expires', { date: labels.date(f.expiresAt) })}
                    {f.note ? ` · ${f.note}` : ''}
                  </Text>
                </div>
                {!readOnly && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red.9"
                    disabled={busy}
                    onClick={() => void run(() => clearCallerFlag(profile.id, f.id))}
                    aria-label={t('console.profile.clearFlag', { flag: fields.label('callerFlag', f.flag) })}
                  >
                    {t('console.profile.clear')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {profile.recentContacts.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('console.profile.recent')}
            </Text>
            {profile.recentContacts.slice(0, 5).map((c) => (
              <Text key={c.id} size="xs">
                {`${c.reference} · ${labels.date(c.startedAt)} · ${fields.label('channel', c.channel)} · ${fields.label('outcome', c.outcome)}`}
              </Text>
            ))}
          </Stack>
        )}
        {!readOnly && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <CodeSelect label={t('console.profile.flag')} data={fields.options('callerFlag')} value={flag} onChange={setFlag} size="xs" w={170} />
            <NumberInput label={t('console.profile.days')} value={days} onChange={setDays} min={1} max={365} size="xs" w={80} />
            <TextInput label={t('console.profile.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} size="xs" w={160} />
            <Button
              size="xs"
              disabled={!flag || busy}
              onClick={() => void run(() => addCallerFlag(profile.id, { flag: flag as CallerFlag, days: Number(days) || 30, note: note.trim() || undefined }))}
            >
              {t('console.profile.addFlag')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
