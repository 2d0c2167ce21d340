import type { Database, Db } from '../db/database';
import { notify } from '../db/database';

/** The NOTIFY channel of live-update events. */
export const EVENTS_CHANNEL = 'victor_events';

/** A live-update event: a topic (e.g. "contacts.changed"), where it happened, and ids only. */
export interface LiveEvent {
  topic: string;
  organisationId?: string | null;
  countryCode?: string | null;
  ids?: string[];
  /** The one user an event is for (e.g. a telephony screen-pop); others in scope may still see it. */
  userId?: string | null;
  at?: string;
}

/**
 * Publish an event inside the caller's transaction: PostgreSQL delivers NOTIFY only on commit, so
 * listeners on every app node hear of committed changes only. Payloads carry ids, never personal data.
 */
export async function publishEvent(tx: Db, event: LiveEvent): Promise<void> {
  await notify(tx, EVENTS_CHANNEL, JSON.stringify({ ...event, at: event.at ?? new Date().toISOString() }));
}

/** Fan-out of events received on this node to in-process subscribers (e.g. SSE streams). */
export class EventHub {
  private readonly subscribers = new Set<(e: LiveEvent) => void>();
  private unlisten: (() => Promise<void>) | null = null;

  /** Start listening on the database channel. */
  async start(database: Database): Promise<void> {
    this.unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(payload) as LiveEvent;
      } catch {
        return;
      }
      for (const s of this.subscribers) s(event);
    });
  }

  /** Subscribe; returns the unsubscribe function. */
  subscribe(fn: (e: LiveEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** How many in-process subscribers there are. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Stop listening. */
  async stop(): Promise<void> {
    this.subscribers.clear();
    await this.unlisten?.();
  }
}

/** How long events wait to be coalesced before they are sent. */
const COALESCE_MS = 100;
const MAX_IDS_PER_EVENT = 50;

interface PendingEvents {
  events: Map<string, LiveEvent>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}

const pendingByDatabase = new WeakMap<Database, PendingEvents>();

function pendingOf(database: Database): PendingEvents {
  let p = pendingByDatabase.get(database);
  if (!p) {
    p = { events: new Map(), timer: null, flushing: Promise.resolve() };
    pendingByDatabase.set(database, p);
  }
  return p;
}

/**
 * Publish an event for a change that has ALREADY COMMITTED, coalesced for up to 100 ms with others
 * of the same topic and place (ids merged). For hot paths: a NOTIFY inside a transaction makes
 * PostgreSQL serialise the commits of every notifying transaction. Call only after the transaction
 * returned; an event lost in a crash is harmless (listeners re-read on reconnect).
 */
export function publishEventAfterCommit(database: Database, event: LiveEvent, onError?: (err: unknown) => void): void {
  const p = pendingOf(database);
  const key = `${event.topic}|${event.organisationId ?? ''}|${event.countryCode ?? ''}|${event.userId ?? ''}`;
  const existing = p.events.get(key);
  if (existing) {
    const ids = [...new Set([...(existing.ids ?? []), ...(event.ids ?? [])])];
    existing.ids = ids.slice(-MAX_IDS_PER_EVENT);
  } else {
    p.events.set(key, { ...event, ids: [...(event.ids ?? [])] });
  }
  if (!p.timer) {
    p.timer = setTimeout(() => {
      p.timer = null;
      p.flushing = p.flushing.then(() => flushEvents(database).catch((err: unknown) => onError?.(err)));
    }, COALESCE_MS);
    p.timer.unref();
  }
}

/** Send every coalesced event now (also called before the database closes). */
export async function flushEvents(database: Database): Promise<void> {
  const p = pendingOf(database);
  if (p.timer) {
    clearTimeout(p.timer);
    p.timer = null;
  }
  const events = [...p.events.values()];
  p.events.clear();
  const at = new Date().toISOString();
  for (const e of events) await notify(database.db, EVENTS_CHANNEL, JSON.stringify({ ...e, at }));
}
