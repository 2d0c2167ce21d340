import { useLiveEvents, useThrottled } from '../../../lib/use-live-events';

/** Topic the server emits on /api/events when a contact in the reader's scope changes. */
const TOPICS = ['contacts.changed'] as const;

/**
 * Call `onChange` when a contact in the reader's scope changes, at most once per `throttleMs` (the
 * last change of a burst included), and when the stream reconnects, as changes may have been missed.
 */
export function useLiveContacts(onChange: () => void, throttleMs = 1000): void {
  const refresh = useThrottled(onChange, throttleMs);
  useLiveEvents(TOPICS, refresh, refresh);
}
