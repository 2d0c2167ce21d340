import type { z } from 'zod';
import type { phoneNumberSchema, publicDeskSchema, publicReportReceiptSchema, publicReportSchema } from '../../../api/helpline.schemas';
import { apiGet, apiPost } from '../../api/client';

export type PublicDesk = z.infer<typeof publicDeskSchema>;
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;
export type PublicReportInput = z.input<typeof publicReportSchema>;
export type PublicReportReceipt = z.infer<typeof publicReportReceiptSchema>;
export type ReporterType = NonNullable<PublicReportInput['reporterType']>;

export const REPORTER_TYPES = ['child', 'parent_relative', 'professional', 'member_of_public'] as const satisfies readonly ReporterType[];

/**
 * The public form's calls. GET /api/public/desks also sets the CSRF cookie that the POST must echo;
 * apiPost reads it (and fetches it first if it is missing).
 */
export const publicReportApi = {
  desks: () => apiGet<PublicDesk[]>('/api/public/desks'),
  send: (body: PublicReportInput) => apiPost<PublicReportReceipt>('/api/public/reports', body),
};
