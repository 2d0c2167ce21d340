import { useEffect, useRef } from 'react';

/** Topic the server emits on /api/events when a contact in the reader's scope changes. */
const TOPIC = 'contacts.changed';

/**
 * Call `onChange` when a contact in the reader's scope changes (Server-Sent Events from
 * /api/events), at most once per `throttleMs`: a burst of changes causes one call at its start and
 * one at its end. Also calls it once when the stream reconnects, as changes may have been missed.
 */
export function useLiveContacts(onChange: () => void, throttleMs = 1000): void {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const fire = () => {
      timer = null;
      last = Date.now();
      callback.current();
    };
    const schedule = () => {
      if (timer) return;
      const wait = Math.max(0, last + throttleMs - Date.now());
      timer = setTimeout(fire, wait);
    };
    const source = new EventSource('/api/events', { withCredentials: true });
    source.addEventListener(TOPIC, schedule);
    source.addEventListener('open', () => {
      if (opened) schedule();
      opened = true;
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [throttleMs]);
}
