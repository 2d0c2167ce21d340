import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiIssue } from '../../../api/client';
import type { Channel } from '../../../../domain/helpline/contact-fields';
import { completeContact, createContact, discardContact, fetchContact, updateContact, type ContactUpdateInput, type ContactView } from '../helpline-api';
import { draftFromContact, emptyFields, fieldsForServer, newIdempotencyKey, readLocalDraft, writeLocalDraft, type DraftFields, type LocalDraft } from './draft-storage';

/** Where the draft stands: kept on the server, being sent, or only on this device. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

/** The answer of finishing: the completed contact, or the fields the server says are missing. */
export type FinishResult = { ok: true; contact: ContactView } | { ok: false; issues: ApiIssue[]; error: unknown };

const SAVE_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5000;

function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 500 || error.status === 0);
}

/**
 * The contact an operator is logging. Every change is written to this device at once (a reload or a
 * lost connection loses nothing) and sent to the server a second later: first a POST with the draft's
 * idempotency key, then PATCHes with the version read last.
 */
export function useContactDraft(userId: string) {
  const [draft, setDraft] = useState<LocalDraft | null>(() => readLocalDraft(userId));
  const [saveState, setSaveState] = useState<SaveState>(() => (readLocalDraft(userId)?.dirty ? 'offline' : 'idle'));
  const [saveError, setSaveError] = useState<unknown>(null);
  const current = useRef(draft);
  const revision = useRef(0);
  const running = useRef<Promise<void> | null>(null);
  const [retryTick, setRetryTick] = useState(0);

  const commit = useCallback(
    (next: LocalDraft | null) => {
      current.current = next;
      writeLocalDraft(userId, next);
      setDraft(next);
    },
    [userId],
  );

  /** Send the draft if it has unsent changes; one request at a time. */
  const save = useCallback(async (): Promise<void> => {
    while (running.current) await running.current;
    const snapshot = current.current;
    if (!snapshot || !snapshot.dirty) return;
    const rev = revision.current;
    const run = (async () => {
      setSaveState('saving');
      try {
        const body = fieldsForServer(snapshot.fields, false);
        const saved =
          snapshot.contactId && snapshot.version !== null
            ? await updateContact(snapshot.contactId, { ...body, version: snapshot.version })
            : await createContact({ ...body, idempotencyKey: snapshot.idempotencyKey, organisationId: snapshot.organisationId ?? undefined, channel: snapshot.fields.channel });
        const latest = current.current;
        if (latest && latest.idempotencyKey === snapshot.idempotencyKey) {
          commit({ ...latest, contactId: saved.id, reference: saved.reference, version: saved.version, organisationId: saved.organisationId, dirty: revision.current !== rev });
        }
        setSaveState('saved');
        setSaveError(null);
      } catch (caught) {
        let error = caught;
        if (error instanceof ApiError && error.code === 'CONTACT_VERSION_CONFLICT' && snapshot.contactId) {
          // Saved meanwhile from another tab or device: the operator's screen is what counts, so take the
          // server's version and send this draft again.
          try {
            const fresh = await fetchContact(snapshot.contactId);
            const latest = current.current;
            if (latest && latest.idempotencyKey === snapshot.idempotencyKey) commit({ ...latest, version: fresh.version, dirty: true });
            setRetryTick((n) => n + 1);
            return;
          } catch (inner) {
            error = inner;
          }
        }
        setSaveError(error);
        setSaveState(isUnreachable(error) ? 'offline' : 'error');
      }
    })();
    running.current = run;
    try {
      await run;
    } finally {
      running.current = null;
    }
  }, [commit]);

  // Debounced save after each change; after a failure, try again every few seconds and when back online.
  useEffect(() => {
    if (!draft?.dirty) return;
    const delay = saveState === 'offline' || saveState === 'error' ? RETRY_DELAY_MS : SAVE_DELAY_MS;
    const timer = window.setTimeout(() => void save(), delay);
    return () => window.clearTimeout(timer);
  }, [draft, save, saveState, retryTick]);

  useEffect(() => {
    const online = () => void save();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [save]);

  /** Change fields of the draft (kept on this device at once). */
  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      const latest = current.current;
      if (!latest) return;
      revision.current += 1;
      commit({ ...latest, fields: { ...latest.fields, ...patch }, dirty: true });
    },
    [commit],
  );

  /** Start a new contact now; the server gets it straight away. */
  const start = useCallback(
    (channel: Channel, language: string, organisationId: string | null) => {
      revision.current += 1;
      commit({ idempotencyKey: newIdempotencyKey(), contactId: null, reference: null, version: null, organisationId, fields: emptyFields(channel, language), dirty: true });
      void save();
    },
    [commit, save],
  );

  /** Open a contact the server has (by id, claimed from the queue, or a screen-pop). */
  const open = useCallback(
    (contact: ContactView) => {
      revision.current += 1;
      commit(draftFromContact(contact));
      setSaveState('saved');
    },
    [commit],
  );

  /** Finish: save what is pending, then complete; `extra` fields are sent with the completion only. */
  const finish = useCallback(
    async (extra: Partial<Omit<ContactUpdateInput, 'version'>> = {}): Promise<FinishResult> => {
      await save();
      const snapshot = current.current;
      if (!snapshot?.contactId || snapshot.version === null) {
        return { ok: false, issues: [], error: saveError ?? new ApiError(0, 'NETWORK', 'not saved yet') };
      }
      const body = { ...fieldsForServer(snapshot.fields, true), ...extra };
      const attempt = (version: number) => completeContact(snapshot.contactId!, { ...body, version });
      try {
        let done: ContactView;
        try {
          done = await attempt(snapshot.version);
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'CONTACT_VERSION_CONFLICT')) throw error;
          done = await attempt((await fetchContact(snapshot.contactId)).version);
        }
        commit(null);
        setSaveState('idle');
        return { ok: true, contact: done };
      } catch (error) {
        return { ok: false, issues: error instanceof ApiError ? error.issues : [], error };
      }
    },
    [commit, save, saveError],
  );

  /** Drop the draft: discarded on the server when it was saved there, forgotten on this device. */
  const discard = useCallback(async (): Promise<void> => {
    await save();
    const snapshot = current.current;
    if (snapshot?.contactId && snapshot.version !== null) {
      const id = snapshot.contactId;
      try {
        await discardContact(id, { version: snapshot.version, reason: 'opened_by_mistake' });
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONTACT_VERSION_CONFLICT')) throw error;
        await discardContact(id, { version: (await fetchContact(id)).version, reason: 'opened_by_mistake' });
      }
    }
    commit(null);
    setSaveState('idle');
  }, [commit, save]);

  return { draft, saveState, saveError, update, start, open, finish, save, discard, close: () => commit(null) };
}

export type ContactDraftController = ReturnType<typeof useContactDraft>;
