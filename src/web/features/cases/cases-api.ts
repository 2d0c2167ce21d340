/**
 * The cases API as the web uses it: types from the contract (src/api/cases.schemas.ts, types only, so
 * zod stays out of the bundle) and one function per endpoint. Every URL of the cases UI is here.
 */
import type { z } from 'zod';
import type {
  AssignableUsers,
  CaseCreateInput,
  CasePage,
  CaseStatusInput,
  CaseSummary,
  CaseUpdateInput,
  CaseView,
  ConsentInput,
  ConsentView,
  DocumentView,
  IdentificationInput,
  IndicatorSetView,
  NoteView,
  PersonInput,
  PersonUpdateInput,
  PersonView,
  ScreeningInput,
  ScreeningView,
  TaskInput,
  TaskUpdateInput,
  TaskView,
  TimelineEntry,
  breakGlassViewSchema,
  caseViewersSchema,
  taskListSchema,
  timelinePageSchema,
} from '../../../api/cases.schemas';
import { apiGet, apiPatch, apiPost, apiPostForm, apiRequest, queryString } from '../../api/client';

export type {
  AssignableUsers,
  CaseCreateInput,
  CasePage,
  CaseSummary,
  CaseView,
  ConsentView,
  DocumentView,
  IndicatorSetView,
  NoteView,
  PersonInput,
  PersonView,
  ScreeningView,
  TaskView,
  TimelineEntry,
};
export type TaskList = z.infer<typeof taskListSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type CaseViewers = z.infer<typeof caseViewersSchema>;
export type CaseViewer = CaseViewers['items'][number];
export type BreakGlassView = z.infer<typeof breakGlassViewSchema>;
export type CaseStatusBody = Omit<CaseStatusInput, 'version'> & { version: number };
export type ScreeningResult = ScreeningView['result'];

/** Filters of GET /api/cases (lists are sent as repeated parameters). */
export interface CaseListFilters {
  status?: string[];
  priority?: string[];
  concern?: string[];
  organisationId?: string;
  countryCode?: string;
  assigned?: 'me' | 'none';
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The query string of the case list: repeated keys for the multi-value filters. */
export function caseListPath(filters: CaseListFilters): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return `/api/cases${text ? `?${text}` : ''}`;
}

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** The endpoints of cases, persons, screening, tasks, notes, documents, timeline, viewers and break-glass. */
export const casesApi = {
  list: (filters: CaseListFilters) => apiGet<CasePage>(caseListPath(filters)),
  assignableUsersPath: (organisationId: string) => `/api/cases/assignable-users${queryString({ organisationId })}`,
  create: (input: Partial<CaseCreateInput> & { title: string }) => apiPost<CaseView>('/api/cases', input),
  get: (caseId: string) => apiGet<CaseView>(base(caseId)),
  update: (caseId: string, input: CaseUpdateInput) => apiPatch<CaseView>(base(caseId), input),
  setStatus: (caseId: string, input: CaseStatusBody) => apiPost<CaseView>(`${base(caseId)}/status`, input),
  recordConsent: (caseId: string, input: Partial<ConsentInput> & { given: boolean; version: number }) => apiRequest<CaseView>('PUT', `${base(caseId)}/consent`, input),
  addPerson: (caseId: string, input: Partial<PersonInput>) => apiPost<PersonView>(`${base(caseId)}/persons`, input),
  updatePerson: (caseId: string, personId: string, input: PersonUpdateInput) => apiPatch<PersonView>(`${base(caseId)}/persons/${personId}`, input),
  recordIdentification: (caseId: string, personId: string, input: IdentificationInput) => apiRequest<PersonView>('PUT', `${base(caseId)}/persons/${personId}/identification`, input),
  indicatorSets: (lang: string) => apiGet<{ items: IndicatorSetView[] } | IndicatorSetView[]>(`/api/indicator-sets${queryString({ lang })}`),
  screen: (caseId: string, input: ScreeningInput, lang: string) => apiPost<ScreeningView>(`${base(caseId)}/screenings${queryString({ lang })}`, input),
  addNote: (caseId: string, body: string) => apiPost<NoteView>(`${base(caseId)}/notes`, { body }),
  addTask: (caseId: string, input: TaskInput) => apiPost<TaskView>(`${base(caseId)}/tasks`, input),
  updateTask: (caseId: string, taskId: string, input: TaskUpdateInput) => apiPatch<TaskView>(`${base(caseId)}/tasks/${taskId}`, input),
  tasks: (scope: 'mine' | 'team') => apiGet<TaskList>(`/api/tasks${queryString({ scope, limit: 200 })}`),
  uploadDocument: (caseId: string, file: File, kind: string) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return apiPostForm<DocumentView>(`${base(caseId)}/documents`, form);
  },
  documentUrl: (caseId: string, documentId: string) => `${base(caseId)}/documents/${documentId}/content`,
  timelinePath: (caseId: string, before?: string) => `${base(caseId)}/timeline${queryString({ before, limit: 100 })}`,
  timeline: (caseId: string, before?: string) => apiGet<TimelinePage>(casesApi.timelinePath(caseId, before)),
  viewers: (caseId: string, cursor?: string) => apiGet<CaseViewers>(`${base(caseId)}/viewers${queryString({ cursor, limit: 50 })}`),
  breakGlass: (caseId: string, reason: string) => apiPost<BreakGlassView>(`${base(caseId)}/break-glass`, { reason }),
  exportUrl: (caseId: string, format: 'json' | 'csv') => `${base(caseId)}/export/htcds${queryString({ format })}`,
};

/** The published indicator sets, whichever shape the list endpoint answers with. */
export function indicatorSetItems(answer: { items: IndicatorSetView[] } | IndicatorSetView[] | undefined): IndicatorSetView[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}
