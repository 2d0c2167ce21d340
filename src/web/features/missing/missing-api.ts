/**
 * The missing-child API as the web uses it: types from the contract (types only, so zod stays out of
 * the bundle) and one function per endpoint. Every URL of the missing-child UI is here.
 */
import type { z } from 'zod';
import type {
  MissingActionInput,
  MissingPage,
  MissingReportCreateInput,
  MissingReportUpdateInput,
  MissingReportView,
  MissingSummary,
  missingReferralResultSchema,
} from '../../../api/missing-children.schemas';
import { apiGet, apiPatch, apiPost, queryString } from '../../api/client';

export type { MissingActionInput, MissingPage, MissingReportCreateInput, MissingReportView, MissingSummary };
export type MissingReferralResult = z.infer<typeof missingReferralResultSchema>;

/** Filters of GET /api/missing-children. */
export interface MissingListFilters {
  status?: string | null;
  type?: string | null;
  countryCode?: string | null;
  q?: string | null;
  limit?: number;
  cursor?: string | null;
}

const report = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/missing-report`;

export const missingPaths = {
  list: (f: MissingListFilters) => `/api/missing-children${queryString({ status: f.status, type: f.type, countryCode: f.countryCode, q: f.q, limit: f.limit, cursor: f.cursor })}`,
  report,
  photo: (caseId: string, documentId: string) => `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/content`,
};

export const missingApi = {
  list: (f: MissingListFilters) => apiGet<MissingPage>(missingPaths.list(f)),
  open: (body: MissingReportCreateInput) => apiPost<MissingReportView>('/api/missing-children', body),
  get: (caseId: string) => apiGet<MissingReportView>(report(caseId)),
  update: (caseId: string, body: MissingReportUpdateInput) => apiPatch<MissingReportView>(report(caseId), body),
  act: (caseId: string, body: MissingActionInput) => apiPost<MissingReportView>(`${report(caseId)}/actions`, body),
  setPhoto: (caseId: string, documentId: string | null, version: number) => apiPost<MissingReportView>(`${report(caseId)}/photo`, { documentId, version }),
  refer: (caseId: string, toOrganisationId: string, note: string | null) => apiPost<MissingReferralResult>(`${report(caseId)}/referrals`, { toOrganisationId, note }),
};
