import { useCallback, useEffect, useRef } from 'react';

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
 * The browser reconnects on its own after a dropped connection; `onReconnect` is then called, as
 * events may have been missed meanwhile.
 */
export function useLiveEvents(topics: readonly string[], onEvent: (event: LiveEventData) => void, onReconnect?: () => void): void {
  const handlers = useRef({ onEvent, onReconnect });
  useEffect(() => {
    handlers.current = { onEvent, onReconnect };
  }, [onEvent, onReconnect]);
  const key = topics.join(',');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const listener = (message: MessageEvent<string>) => {
      try {
        handlers.current.onEvent({ ...(JSON.parse(message.data) as LiveEventData), topic: message.type });
      } catch {
        // A malformed event is ignored.
      }
    };
    let opened = false;
    const open = () => {
      if (opened) handlers.current.onReconnect?.();
      opened = true;
    };
    const names = key.split(',');
    for (const name of names) source.addEventListener(name, listener);
    source.addEventListener('open', open);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.removeEventListener('open', open);
      source.close();
    };
  }, [key]);
}

/**
 * A stable function that calls `fn` at most once per `ms`: a burst of calls runs it at the start and
 * once more at the end, so the last change is never missed.
 */
export function useThrottled(fn: () => void, ms: number): () => void {
  const callback = useRef(fn);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    callback.current = fn;
  }, [fn]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        last.current = Date.now();
        callback.current();
      },
      Math.max(0, last.current + ms - Date.now()),
    );
  }, [ms]);
}
