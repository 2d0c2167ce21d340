import { useKeysetList, type KeysetList } from '../../lib/use-keyset-list';
import { casesApi, type CaseListFilters, type CaseSummary } from './cases-api';

/** The case list for `filters` (a new filter starts again from the first page; late answers are ignored). */
export function useCaseList(filters: CaseListFilters): KeysetList<CaseSummary> {
  const key = JSON.stringify(filters);
  return useKeysetList(key, (after) => casesApi.list({ ...filters, cursor: after ?? undefined }));
}
