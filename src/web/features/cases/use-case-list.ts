import { useCallback, useEffect, useRef, useState } from 'react';
import { casesApi, type CaseListFilters, type CaseSummary } from './cases-api';

/** Pages of the case list loaded so far, with "load more" through the opaque cursor. */
export interface CaseListState {
  items: CaseSummary[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** The case list for `filters` (a new filter starts again from the first page; late answers are ignored). */
export function useCaseList(filters: CaseListFilters): CaseListState {
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const ticket = useRef(0);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    async (after: string | null) => {
      const mine = ++ticket.current;
      setLoading(true);
      try {
        const page = await casesApi.list({ ...(JSON.parse(key) as CaseListFilters), cursor: after ?? undefined });
        if (mine !== ticket.current) return;
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
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
  }, [fetchPage]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => void (cursor && fetchPage(cursor)),
    reload: () => void fetchPage(null),
  };
}
