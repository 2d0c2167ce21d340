import type { z } from 'zod';
import type { CaseView, ConsentView, PersonView } from '../../../api/cases.schemas';
import type { DirectoryEntryView } from '../../../api/knowledge.schemas';
import type {
  caseReferralsSchema,
  handoffDeskListSchema,
  HandoffCreateInput,
  HandoffView,
  pathwayListSchema,
  PathwayActor,
  PathwayInput,
  PathwayStepView,
  PathwayView,
  referralPageSchema,
  ReferralView,
  REFERRAL_ACTION_NAMES,
} from '../../../api/referrals.schemas';
import { apiGet, apiPost, queryString } from '../../api/client';

export type { CaseView, ConsentView, DirectoryEntryView, HandoffView, PathwayActor, PathwayInput, PathwayStepView, PathwayView, PersonView, ReferralView };
export type CaseReferrals = z.infer<typeof caseReferralsSchema>;
export type ReferralPage = z.infer<typeof referralPageSchema>;
export type ReferralSummary = ReferralPage['items'][number];
export type ReferralActionName = (typeof REFERRAL_ACTION_NAMES)[number];
export type HandoffActionName = HandoffView['actions'][number];
export type HandoffDesk = z.infer<typeof handoffDeskListSchema>['items'][number];
export type PathwayListItem = z.infer<typeof pathwayListSchema>['items'][number];
export type ReferralBox = 'inbox' | 'sent';

/** The body of POST /api/cases/:id/referrals (as sent: defaults filled in by the form). */
export interface ReferralCreateBody {
  directoryEntryId: string;
  stepId?: string | null;
  stage?: PathwayStepView['stage'];
  personId?: string | null;
  urgency: 'normal' | 'urgent';
  message?: string | null;
  receiverLanguage?: ReferralView['receiverLanguage'];
  send: boolean;
  consentOverrideReason?: string | null;
}

/** Paths of the referral, hand-off and NRM pathway API (also used with useApiQuery). */
export const referralPaths = {
  caseReferrals: (caseId: string) => `/api/cases/${caseId}/referrals`,
  referrals: (q: { box: ReferralBox; status?: string | null; overdue?: boolean; cursor?: string | null; limit?: number }) =>
    `/api/referrals${queryString({ box: q.box, status: q.status, overdue: q.overdue ? 'true' : undefined, cursor: q.cursor, limit: q.limit })}`,
  referral: (id: string) => `/api/referrals/${id}`,
  packet: (id: string, lang?: string | null) => `/api/referrals/${id}/packet.pdf${queryString({ lang })}`,
  pathways: (country: string) => `/api/nrm-pathways${queryString({ country })}`,
  currentPathway: (country: string) => `/api/nrm-pathways/current/${encodeURIComponent(country)}`,
  pathway: (id: string) => `/api/nrm-pathways/${id}`,
  desks: (exceptCountry: string) => `/api/handoff-desks${queryString({ exceptCountry })}`,
  handoffs: (q: { box: ReferralBox; status?: string | null; cursor?: string | null; limit?: number }) =>
    `/api/handoffs${queryString({ box: q.box, status: q.status, cursor: q.cursor, limit: q.limit })}`,
  handoff: (id: string) => `/api/handoffs/${id}`,
  directory: (country: string) => `/api/knowledge/directory${queryString({ country, limit: 500 })}`,
};

/** Typed calls of the referral, hand-off and pathway screens. */
export const referralApi = {
  createReferral: (caseId: string, body: ReferralCreateBody) => apiPost<ReferralView>(referralPaths.caseReferrals(caseId), body),
  listReferrals: (q: Parameters<typeof referralPaths.referrals>[0]) => apiGet<ReferralPage>(referralPaths.referrals(q)),
  act: (id: string, body: { action: ReferralActionName; comment?: string | null; consentOverrideReason?: string | null; version: number }) =>
    apiPost<ReferralView>(`${referralPaths.referral(id)}/actions`, body),
  message: (id: string, body: string) => apiPost<ReferralView>(`${referralPaths.referral(id)}/messages`, { body }),
  createHandoff: (caseId: string, body: HandoffCreateInput) => apiPost<HandoffView>(`/api/cases/${caseId}/handoffs`, body),
  listHandoffs: (q: Parameters<typeof referralPaths.handoffs>[0]) => apiGet<{ items: HandoffView[]; nextCursor: string | null }>(referralPaths.handoffs(q)),
  actOnHandoff: (id: string, body: { action: HandoffActionName; note?: string | null; version: number }) => apiPost<HandoffView>(`${referralPaths.handoff(id)}/actions`, body),
  saveDraftPathway: (body: PathwayInput) => apiPost<PathwayView>('/api/nrm-pathways', body),
  publishPathway: (id: string) => apiPost<PathwayView>(`${referralPaths.pathway(id)}/publish`),
};

/** True when the consent on record lets the case be referred. */
export function consentCoversReferral(consent: ConsentView | null | undefined): boolean {
  return Boolean(consent?.given && consent.coversReferral);
}

/** True when the consent on record lets the minimum dataset go to a desk in another country. */
export function consentCoversTransfer(consent: ConsentView | null | undefined): boolean {
  return Boolean(consent?.given && consent.coversTransfer);
}

/** The potential victims of a case (children first), as the referral and hand-off forms offer them. */
export function potentialVictims(caseView: CaseView): PersonView[] {
  return caseView.persons.filter((p) => p.role === 'potential_victim').sort((a, b) => Number(b.treatedAsChild) - Number(a.treatedAsChild));
}
