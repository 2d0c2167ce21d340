import { useEffect, useRef } from 'react';

/** The data of a live event (ids only, never personal data). */
export interface LiveEventData {
  topic: string;
  organisationId?: string | null;
  countryCode?: string | null;
  ids?: string[];
  /** The operator a screen-pop is meant for. */
  userId?: string | null;
}

/**
 * Listen to GET /api/events (Server-Sent Events) for the named topics while the component is mounted.
 * The browser reconnects on its own after a dropped connection.
 */
export function useLiveEvents(topics: readonly string[], onEvent: (event: LiveEventData) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const key = topics.join(',');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      try {
        handler.current({ ...(JSON.parse(message.data) as LiveEventData), topic: message.type });
      } catch {
        // A malformed event is ignored.
      }
    };
    const names = key.split(',');
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
    };
  }, [key]);
}
