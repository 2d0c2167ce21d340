import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Kbd, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../../components/confirm-button';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/query-state';
import type { Channel, NonDataType } from '../../../../domain/helpline/contact-fields';
import { useSession } from '../../../session/session-context';
import { claimContact, createNonDataContact, fetchContact, type ContactView } from '../helpline-api';
import { useHelplineReference } from '../use-helpline-reference';
import { CallerProfilePanel, useCallerLookup } from './caller-profile-panel';
import { ContactForm, TABS, tabOfField, type TabKey } from './contact-form';
import { newIdempotencyKey, type DraftFields } from './draft-storage';
import { ElapsedTime } from './elapsed-time';
import { KnowledgeButton, KnowledgeDock, useKnowledgePanel } from './knowledge-launcher';
import { NonDataButtons } from './non-data-buttons';
import { ContactListPanel } from './queue-panel';
import { SaveStatus } from './save-status';
import { FINISH_SHORTCUT, StartPanel } from './start-panel';
import { useContactDraft } from './use-contact-draft';
import { useLiveEvents, useThrottled, type LiveEventData } from '../../../lib/use-live-events';
import { useServerIssues } from './use-server-issues';

/** The usual language of a desk's callers, by country: the default language of a new contact. */
const DESK_LANGUAGE: Record<string, string> = { GR: 'el', CY: 'el', BG: 'bg', RO: 'ro', MD: 'ro', SI: 'sl', RS: 'sr', ME: 'sr', BA: 'bs', HR: 'hr', MK: 'mk', AL: 'sq', XK: 'sq', UA: 'uk', HU: 'hu' };

/** The operator console: log a contact while on the phone, keyboard first, saved as you type. */
export default function ConsolePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useSession().view.user!;
  const reference = useHelplineReference();
  const { draft, saveState, saveError, update, start, open, finish, save, discard } = useContactDraft(user.id);
  const [tab, setTab] = useState<TabKey>('caller');
  const { issues, setIssues, errors, clearFor } = useServerIssues();
  const [finished, setFinished] = useState<ContactView | null>(null);
  const [channel, setChannel] = useState<Channel>('phone');
  const [deskId, setDeskId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [listKey, setListKey] = useState(0);
  const [popped, setPopped] = useState<string | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [focusTick, setFocusTick] = useState(0);
  const focusTab = useCallback(() => setFocusTick((n) => n + 1), []);
  const knowledge = useKnowledgePanel();
  const lookup = useCallerLookup(draft?.fields.callerId ?? null, draft?.organisationId ?? deskId);

  const desk = reference.desks.find((d) => d.organisationId === (draft?.organisationId ?? deskId)) ?? reference.desks[0] ?? null;
  const groups = reference.categoryGroups(desk?.countryCode ?? null);

  useEffect(() => {
    if (!deskId && reference.desks[0]) setDeskId(reference.desks[0].organisationId);
  }, [deskId, reference.desks]);

  const openContact = useCallback(
    (contact: ContactView) => {
      open(contact);
      setFinished(null);
      setIssues([]);
      setTab('caller');
      focusTab();
    },
    [open, setIssues, focusTab],
  );

  // /helpline/console/:id opens that contact, unless it is the draft kept on this device.
  useEffect(() => {
    if (!id || draft?.contactId === id) return;
    let live = true;
    void (async () => {
      await save();
      try {
        const contact = await fetchContact(id);
        if (live) openContact(contact);
      } catch (error) {
        if (live) setOpenError(error);
      }
    })();
    return () => {
      live = false;
    };
    // Only a change of the address opens another contact.
  }, [id]);

  // The address follows the draft once the server has it, so a reload comes back to it.
  const syncedId = useRef<string | null>(null);
  const contactId = draft?.contactId ?? null;
  useEffect(() => {
    if (!contactId || contactId === syncedId.current) return;
    syncedId.current = contactId;
    if (contactId !== id) void navigate(`/helpline/console/${contactId}`, { replace: true });
    // Only a new contact id moves the address; a changed address is handled above.
  }, [contactId]);

  const change = useCallback(
    (patch: Partial<DraftFields>) => {
      update(patch);
      clearFor(Object.keys(patch));
    },
    [update, clearFor],
  );

  const startNew = useCallback(() => {
    if (draft) {
      focusTab();
      return;
    }
    setFinished(null);
    setIssues([]);
    setTab('caller');
    start(channel, DESK_LANGUAGE[desk?.countryCode ?? ''] ?? user.locale, deskId);
    focusTab();
  }, [draft, channel, desk, user.locale, deskId, start, setIssues, focusTab]);

  const discardDraft = useCallback(async () => {
    try {
      await discard();
      setIssues([]);
      setListKey((k) => k + 1);
      notifySuccess(t('console.discarded'));
      void navigate('/helpline/console');
    } catch (error) {
      notifyError(error);
    }
  }, [discard, setIssues, navigate, t]);

  const showTab = useCallback(
    (next: TabKey) => {
      setTab(next);
      focusTab();
    },
    [focusTab],
  );

  const complete = useCallback(
    async (extra: { nonDataType?: NonDataType; outcome?: 'non_data' } = {}) => {
      if (!draft || busy) return;
      setBusy(true);
      const result = await finish(extra);
      setBusy(false);
      if (result.ok) {
        setFinished(result.contact);
        setIssues([]);
        setTab('caller');
        setListKey((n) => n + 1);
        void navigate('/helpline/console', { replace: true });
      } else if (result.issues.length > 0) {
        setIssues(result.issues);
        showTab(tabOfField(result.issues[0]?.path ?? '') ?? tab);
      } else {
        notifyError(result.error);
      }
    },
    [draft, busy, finish, setIssues, navigate, showTab, tab],
  );

  const logNonData = async (nonDataType: NonDataType) => {
    if (draft) return complete({ nonDataType, outcome: 'non_data' });
    setBusy(true);
    try {
      setFinished(await createNonDataContact({ idempotencyKey: newIdempotencyKey(), channel, nonDataType, organisationId: deskId ?? undefined }));
      setListKey((n) => n + 1);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  useHotkeys(
    [
      ['alt+n', startNew, { usePhysicalKeys: true }],
      ['alt+enter', () => void complete(), { usePhysicalKeys: true }],
      ['alt+k', knowledge.toggle, { usePhysicalKeys: true }],
      ...TABS.map((key, index) => [`alt+digit${index + 1}`, () => draft && showTab(key), { usePhysicalKeys: true }] as [string, () => void, { usePhysicalKeys: boolean }]),
    ],
    [],
    true,
  );

  const reloadLists = useThrottled(() => setListKey((n) => n + 1), 3000);
  useLiveEvents(
    ['contacts.changed', 'contacts.screen_pop'],
    (event: LiveEventData) => {
      if (event.topic === 'contacts.screen_pop' && event.userId === user.id && event.ids?.[0]) {
        const contactId = event.ids[0];
        if (!draft) void navigate(`/helpline/console/${contactId}`);
        else if (draft.contactId !== contactId) setPopped(contactId);
      }
      reloadLists();
    },
    reloadLists,
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('console.title')}
        description={t('console.description')}
        actions={
          <Group gap="md">
            {draft && (
              <>
                <Badge variant="outline" size="lg" styles={{ label: { textTransform: 'none' } }}>
                  {draft.reference ?? t('console.newReference')}
                </Badge>
                <ElapsedTime startedAt={draft.fields.startedAt} />
                <SaveStatus state={saveState} error={saveError} />
              </>
            )}
            <KnowledgeButton state={knowledge} />
          </Group>
        }
      />
      {popped && (
        <Alert color="blue" variant="light" title={t('console.screenPop.title')} withCloseButton onClose={() => setPopped(null)} closeButtonLabel={t('common.close')}>
          <Group gap="sm">
            <Text size="sm">{t('console.screenPop.body')}</Text>
            <Button size="xs" onClick={() => { setPopped(null); void navigate(`/helpline/console/${popped}`); }}>
              {t('console.screenPop.open')}
            </Button>
          </Group>
        </Alert>
      )}
      {openError !== null && !draft && (
        <QueryState loading={false} error={openError} hasData={false} onRetry={() => { setOpenError(null); void navigate('/helpline/console'); }}>
          {null}
        </QueryState>
      )}
      <QueryState loading={reference.loading} error={reference.error} hasData={Boolean(reference.data)} onRetry={reference.reload}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            {draft ? (
              <Stack gap="md">
                {issues.length > 0 && (
                  <Alert color="red" variant="light" role="alert" title={t('console.issuesTitle')} data-testid="finish-issues">
                    <Text size="sm">{t('console.issuesBody')}</Text>
                  </Alert>
                )}
                <ContactForm fields={draft.fields} update={change} errors={errors} tab={tab} onTabChange={setTab} categoryGroups={groups} focusTick={focusTick} />
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {t('console.finishHint')} <Kbd>{FINISH_SHORTCUT}</Kbd>
                  </Text>
                  <Group gap="sm">
                    <ConfirmButton variant="subtle" question={t('console.discardQuestion')} confirmLabel={t('console.discard')} onConfirm={discardDraft}>
                      {t('console.discard')}
                    </ConfirmButton>
                    <Button onClick={() => void complete()} loading={busy} aria-keyshortcuts={FINISH_SHORTCUT}>
                      {t('console.finish')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            ) : (
              <StartPanel channel={channel} onChannel={setChannel} deskId={deskId} deskOptions={reference.deskOptions} onDesk={setDeskId} onStart={startNew} finished={finished} busy={busy} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <NonDataButtons busy={busy} hasDraft={Boolean(draft)} onLog={(type) => void logNonData(type)} />
              {draft && <CallerProfilePanel profile={lookup.profile} lookedUp={lookup.lookedUp} onChange={lookup.setProfile} />}
              <ContactListPanel
                title={t('console.queue.title')}
                emptyText={t('console.queue.empty')}
                filters={{ status: 'queued', limit: 10 }}
                reloadKey={listKey}
                actionText={t('console.queue.take')}
                actionLabel={(ref) => t('console.queue.takeLabel', { reference: ref })}
                disabled={Boolean(draft)}
                onAction={claimContact}
                onOpened={(contact) => void navigate(`/helpline/console/${contact.id}`)}
                testId="queue-panel"
              />
              <ContactListPanel
                title={t('console.drafts.title')}
                emptyText={t('console.drafts.empty')}
                filters={{ status: 'draft', operator: 'me', limit: 5 }}
                reloadKey={listKey}
                actionText={t('console.drafts.resume')}
                actionLabel={(ref) => t('console.drafts.resumeLabel', { reference: ref })}
                disabled={Boolean(draft)}
                onAction={fetchContact}
                onOpened={(contact) => void navigate(`/helpline/console/${contact.id}`)}
                testId="drafts-panel"
                exclude={draft?.contactId}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </QueryState>
      <KnowledgeDock state={knowledge} codes={draft?.fields.categories ?? []} countryCode={desk?.countryCode ?? null} contactLang={draft?.fields.language ?? null} />
    </Stack>
  );
}
