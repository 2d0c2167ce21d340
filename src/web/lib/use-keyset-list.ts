import { useCallback, useEffect, useRef, useState } from 'react';

/** A list gathered page by page: "Load more" follows the server's cursor; a new key starts over. */
export interface KeysetList<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Put an updated item in place (after an action) without fetching again. */
  replace: (match: (item: T) => boolean, item: T) => void;
}

/**
 * Fetch the first page whenever `key` changes (the filters, as a string) and further pages on demand;
 * answers of an older key never land.
 */
export function useKeysetList<T>(key: string, fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const ticket = useRef(0);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;

  const load = useCallback(
    async (after: string | null) => {
      const mine = ++ticket.current;
      setLoading(true);
      try {
        const page = await fetcher.current(after);
        if (mine !== ticket.current) return;
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (caught) {
        if (mine === ticket.current) setError(caught);
      } finally {
        if (mine === ticket.current) setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    void load(null);
  }, [load, attempt]);

  return {
    items,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => void load(cursor),
    reload: () => setAttempt((n) => n + 1),
    replace: (match, item) => setItems((current) => current.map((i) => (match(i) ? item : i))),
  };
}
