import type { IngestSourceInput, IngestSourcePatch, IngestSourceView, PollResult } from '../../../../api/alert-ingest.schemas';
import { apiDelete, apiPatch, apiPost } from '../../../api/client';

export type { IngestedAlertView, IngestedPage, IngestSourceView, PollResult, QuarantineEntry, QuarantinePage, RegionalAlert, RegionalAlerts } from '../../../../api/alert-ingest.schemas';
export { INGEST_SOURCE_KINDS } from '../../../../api/alert-ingest.schemas';

/** Calls of the ingest administration (alerts.configure). */
export const ingestApi = {
  createSource: (input: IngestSourceInput) => apiPost<IngestSourceView>('/api/alert-ingest/sources', input),
  updateSource: (id: string, patch: IngestSourcePatch) => apiPatch<IngestSourceView>(`/api/alert-ingest/sources/${id}`, patch),
  deleteSource: (id: string) => apiDelete<{ ok: true }>(`/api/alert-ingest/sources/${id}`),
  pollNow: (id: string) => apiPost<PollResult>(`/api/alert-ingest/sources/${id}/poll`),
  deleteQuarantine: (id: number) => apiDelete<{ ok: true }>(`/api/alert-ingest/quarantine/${id}`),
  clearQuarantine: () => apiDelete<{ deleted: number }>('/api/alert-ingest/quarantine'),
};
