import type { z } from 'zod';
import type {
  alertDraftCreateSchema,
  alertEditSchema,
  alertPageSchema,
  alertSettingsUpdateSchema,
  AlertSettings,
  AlertView,
  PreAlertView,
} from '../../../../api/alerts.schemas';
import { apiGet, apiPatch, apiPost, apiPostForm, apiRequest, queryString } from '../../../api/client';

export type { AlertSettings, AlertView, PreAlertView };
export type AlertDraftBody = z.input<typeof alertDraftCreateSchema>;
export type AlertEditBody = z.input<typeof alertEditSchema>;
export type AlertSettingsBody = z.input<typeof alertSettingsUpdateSchema>;
export type AlertPage = z.infer<typeof alertPageSchema>;
export type AlertSummary = AlertPage['items'][number];
export type AlertListState = 'active' | 'awaiting' | 'drafts' | 'closed' | 'all';
export type PreAlertBox = 'inbox' | 'sent';
export type AlertTier = AlertView['tier'];
export type AlertMode = AlertView['mode'];
export type AlertStatus = AlertView['status'];
export type AlertCriterion = AlertSettings['criteria']['child_abduction'][number];
export type AlertAuthority = NonNullable<AlertView['authority']>;

const base = (id: string) => `/api/alerts/${encodeURIComponent(id)}`;

/** The list query for a tab; "awaiting approval" asks for the drafts (the page keeps those awaiting the caller's approval). */
export function alertListQuery(tab: AlertListState, countryCode: string | null, cursor: string | null, limit: number): string {
  const state = tab === 'awaiting' ? 'drafts' : tab;
  return `/api/alerts${queryString({ state, countryCode, cursor, limit })}`;
}

/** Paths of the child-alert console API (also used with useApiQuery). */
export const alertPaths = {
  alert: base,
  photo: (id: string) => `${base(id)}/photo`,
  settings: '/api/alert-settings',
  preAlerts: (box: PreAlertBox) => `/api/pre-alerts${queryString({ box })}`,
  prefill: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/missing-report/alert-prefill`,
};

/** Typed calls of the child-alert console. */
export const alertsApi = {
  list: (tab: AlertListState, countryCode: string | null, cursor: string | null, limit: number) => apiGet<AlertPage>(alertListQuery(tab, countryCode, cursor, limit)),
  get: (id: string) => apiGet<AlertView>(base(id)),
  create: (body: AlertDraftBody) => apiPost<AlertView>('/api/alerts', body),
  update: (id: string, body: AlertEditBody) => apiPatch<AlertView>(base(id), body),
  uploadPhoto: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiPostForm<AlertView>(alertPaths.photo(id), form);
  },
  usePhotoFromCase: (id: string) => apiPostForm<AlertView>(`${alertPaths.photo(id)}${queryString({ fromCase: 'true' })}`, new FormData()),
  approve: (id: string, body: { version: number; issueNow: boolean; authority?: AlertAuthority; criteria?: Partial<Record<AlertCriterion, boolean>> }) => apiPost<AlertView>(`${base(id)}/approve`, body),
  issue: (id: string, version: number) => apiPost<AlertView>(`${base(id)}/issue`, { version }),
  extend: (id: string, body: { version: number; hours?: number; note?: string }) => apiPost<AlertView>(`${base(id)}/extend`, body),
  resolve: (id: string, body: { version: number; note?: string }) => apiPost<AlertView>(`${base(id)}/resolve`, body),
  cancel: (id: string, body: { version: number; reason: string }) => apiPost<AlertView>(`${base(id)}/cancel`, body),
  preAlert: (id: string, body: { countries: string[]; note?: string }) => apiPost<unknown>(`${base(id)}/pre-alerts`, body),
  preAlerts: (box: PreAlertBox) => apiGet<{ items: PreAlertView[] }>(alertPaths.preAlerts(box)),
  actOnPreAlert: (id: string, body: { action: 'acknowledge'; note?: string } | { action: 'decline'; note: string } | { action: 'draft_alert' }) =>
    apiPost<unknown>(`/api/pre-alerts/${encodeURIComponent(id)}/actions`, body),
  settings: () => apiGet<{ items: AlertSettings[] }>(alertPaths.settings),
  saveSettings: (countryCode: string, body: AlertSettingsBody) => apiRequest<AlertSettings>('PUT', `${alertPaths.settings}/${encodeURIComponent(countryCode)}`, body),
  prefill: (caseId: string) => apiGet<AlertDraftBody>(alertPaths.prefill(caseId)),
};

/** A file or blob as a data: URL (the content security policy allows data: images, not blob: ones). */
export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(blob);
  });
}

/** Fetch the alert's photo (session cookie) as a data: URL; null when there is none. */
export async function fetchPhotoUrl(id: string): Promise<string | null> {
  const response = await fetch(alertPaths.photo(id), { credentials: 'same-origin' });
  if (!response.ok) return null;
  return readAsDataUrl(await response.blob());
}

/**
 * The alert a pre-alert action answered with: the new draft's id after "draft our own alert". The answer
 * may be the alert itself or the updated pre-alert (with neighbourAlertId); anything else gives null.
 */
export function draftedAlertId(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const record = answer as Record<string, unknown>;
  if (typeof record.neighbourAlertId === 'string') return record.neighbourAlertId;
  if (typeof record.reference === 'string' && typeof record.tier === 'string' && typeof record.id === 'string') return record.id;
  const nested = record.alert;
  if (typeof nested === 'object' && nested !== null && typeof (nested as { id?: unknown }).id === 'string') return (nested as { id: string }).id;
  return null;
}
