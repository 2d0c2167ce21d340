import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../api/client';

/** State of a GET request bound to a component. */
export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again with the same path. */
  reload: () => Promise<void>;
}

/**
 * GET `path` when the component mounts and whenever `path` changes; `null` fetches nothing.
 * Keeps the previous data while a new request runs, and ignores answers that arrive out of order.
 */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await apiGet<T>(path);
      if (ticket !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (caught) {
      if (ticket !== latest.current) return;
      setError(caught);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, loading, reload: load };
}
