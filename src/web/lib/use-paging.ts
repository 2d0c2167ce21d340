import { useCallback, useState } from 'react';

/** Which page of a long list is shown, and the offset of its first item for the API. */
export interface Paging {
  page: number;
  setPage: (page: number) => void;
  pageSize: number;
  offset: number;
  /** Wraps a filter's setter so that every change of the filter also goes back to page one. */
  resetting: <T>(setter: (value: T) => void) => (value: T) => void;
}

/** Paging of a server-side list of `pageSize` items a page, starting on page one. */
export function usePaging(pageSize: number): Paging {
  const [page, setPage] = useState(1);
  const resetting = useCallback(
    <T,>(setter: (value: T) => void) =>
      (value: T) => {
        setter(value);
        setPage(1);
      },
    [],
  );
  return { page, setPage, pageSize, offset: (page - 1) * pageSize, resetting };
}
