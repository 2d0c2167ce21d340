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
