import { useCallback, useEffect, useRef, useState } from 'react';
import { searchContacts, type ContactSearchFilters, type ContactSummaryView } from '../helpline-api';

/** Search results gathered page by page ("Load more" follows the server's cursor). */
export interface ContactSearch {
  items: ContactSummaryView[];
  total: number;
  totalCapped: boolean;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** Run the search whenever the filters change; keep answers of an older search from landing. */
export function useContactSearch(filters: ContactSearchFilters): ContactSearch {
  const key = JSON.stringify(filters);
  const [items, setItems] = useState<ContactSummaryView[]>([]);
  const [total, setTotal] = useState(0);
  const [totalCapped, setTotalCapped] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const ticket = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = ++ticket.current;
      setLoading(true);
      try {
        const page = await searchContacts(JSON.parse(key) as ContactSearchFilters, after);
        if (mine !== ticket.current) return;
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setTotal(page.total);
        setTotalCapped(page.totalCapped);
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
    void fetchPage(null);
  }, [fetchPage, attempt]);

  return {
    items,
    total,
    totalCapped,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => void fetchPage(cursor),
    reload: () => setAttempt((n) => n + 1),
  };
}
