import type { z } from 'zod';
import { apiDelete, apiGet, apiPatch, apiPost, queryString } from '../../api/client';
import type {
  CallerProfileView,
  ContactSearchQuery,
  ContactSummaryView,
  ContactUpdateInput,
  ContactView,
  contactCreateSchema,
  contactPageSchema,
  contactReviewSchema,
  nonDataContactSchema,
} from '../../../api/contacts.schemas';
import type { DeskView } from '../../../api/helpline.schemas';
import type { TaxonomyCodeView, TaxonomyView } from '../../../api/taxonomy.schemas';
import type { CallerFlag } from '../../../domain/helpline/contact-fields';

export type { CallerProfileView, ContactSummaryView, ContactUpdateInput, ContactView, DeskView, TaxonomyCodeView, TaxonomyView };

/** GET /api/helpline/reference: the reader's desks and the current published taxonomy. */
export interface HelplineReference {
  desks: DeskView[];
  taxonomy: TaxonomyView;
}

/** Body of POST /api/contacts (`complete` may be left out). */
export type ContactCreateInput = z.input<typeof contactCreateSchema>;
/** A page of contact search results (cursor paging). */
export type ContactPage = z.infer<typeof contactPageSchema>;
/** Body of POST /api/contacts/non-data. */
export type NonDataContactInput = z.input<typeof nonDataContactSchema>;
/** Body of POST /api/contacts/:id/review. */
export type ContactReviewInput = z.input<typeof contactReviewSchema>;

/** Search filters as the web sends them (lists as single values; the server also accepts repeats). */
export type ContactSearchFilters = Partial<{
  [K in keyof Omit<ContactSearchQuery, 'isThb' | 'channel' | 'status' | 'outcome' | 'limit'>]: string;
}> & { channel?: string; status?: string; outcome?: string; isThb?: 'true'; limit?: number };

/** The reader's desks and the published taxonomy with every label. */
export function fetchHelplineReference(): Promise<HelplineReference> {
  return apiGet<HelplineReference>('/api/helpline/reference');
}

/** Start a draft (or log a whole contact with `complete: true`); safe to retry with the same idempotencyKey. */
export function createContact(body: ContactCreateInput): Promise<ContactView> {
  return apiPost<ContactView>('/api/contacts', body);
}

/** Log a silent call, hang-up, prank, wrong number or abusive contact, completed at once. */
export function createNonDataContact(body: NonDataContactInput): Promise<ContactView> {
  return apiPost<ContactView>('/api/contacts/non-data', body);
}

/** Autosave: send the changed fields with the version read last (409 CONTACT_VERSION_CONFLICT when stale). */
export function updateContact(id: string, body: ContactUpdateInput): Promise<ContactView> {
  return apiPatch<ContactView>(`/api/contacts/${id}`, body);
}

/** Finish a draft; 400 VALIDATION_FAILED lists the missing fields as issues. */
export function completeContact(id: string, body: ContactUpdateInput): Promise<ContactView> {
  return apiPost<ContactView>(`/api/contacts/${id}/complete`, body);
}

/** Take a queued contact (public form, e-mail) into the operator's own draft. */
/** Discard a draft opened by mistake (kept for the record, left out of the figures). */
export function discardContact(id: string, body: { version: number; reason: 'opened_by_mistake' | 'duplicate' | 'spam' | 'test' }): Promise<ContactView> {
  return apiPost<ContactView>(`/api/contacts/${id}/discard`, body);
}

export function claimContact(id: string): Promise<ContactView> {
  return apiPost<ContactView>(`/api/contacts/${id}/claim`);
}

/** A supervisor's review: approved, or needs changes with a comment. */
export function reviewContact(id: string, body: ContactReviewInput): Promise<ContactView> {
  return apiPost<ContactView>(`/api/contacts/${id}/review`, body);
}

/** One contact in full, with notes and the caller's profile (reading it is audited). */
export function fetchContact(id: string): Promise<ContactView> {
  return apiGet<ContactView>(`/api/contacts/${id}`);
}

/** The path of a search (for useApiQuery). */
export function contactsPath(filters: ContactSearchFilters, cursor?: string | null): string {
  return `/api/contacts${queryString({ ...filters, cursor: cursor ?? undefined })}`;
}

/** Search contacts in the reader's scope, newest first. */
export function searchContacts(filters: ContactSearchFilters, cursor?: string | null): Promise<ContactPage> {
  return apiGet<ContactPage>(contactsPath(filters, cursor));
}

/** The address of the CSV export of a search (used as a download link). */
export function exportContactsUrl(filters: ContactSearchFilters): string {
  const { limit: _limit, ...rest } = filters;
  void _limit;
  return `/api/contacts/export.csv${queryString({ ...rest })}`;
}

/** The repeat-caller profile of a phone number or chat id, if the desk has seen it before. */
export function lookupCaller(callerId: string, organisationId?: string): Promise<{ profile: CallerProfileView | null }> {
  return apiGet<{ profile: CallerProfileView | null }>(`/api/callers/lookup${queryString({ callerId, organisationId })}`);
}

/** Flag a repeat caller for `days` days. */
export function addCallerFlag(profileId: string, body: { flag: CallerFlag; days: number; note?: string }): Promise<CallerProfileView> {
  return apiPost<CallerProfileView>(`/api/callers/${profileId}/flags`, body);
}

/** Clear a flag before it expires. */
export function clearCallerFlag(profileId: string, flagId: string): Promise<CallerProfileView> {
  return apiDelete<CallerProfileView>(`/api/callers/${profileId}/flags/${flagId}`);
}
