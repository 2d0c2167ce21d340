import type { z } from 'zod';
import type { TaxonomyCodeView, TaxonomyView, taxonomyCodeUpsertSchema, taxonomyVersionSchema } from '../../../../api/taxonomy.schemas';
import { ApiError, apiDelete, apiGet, apiPost, apiRequest, queryString } from '../../../api/client';
import type { Ok } from '../../../api/types';

export type { TaxonomyCodeView, TaxonomyView };
export type TaxonomyVersion = z.infer<typeof taxonomyVersionSchema>;
/** Body of PUT /api/taxonomy/draft/codes/:code. */
export type TaxonomyCodeInput = z.input<typeof taxonomyCodeUpsertSchema>;

/** Path of a taxonomy version (the current published one without a number). */
export function taxonomyPath(version: number | null): string {
  return `/api/taxonomy${queryString({ version })}`;
}

/** Typed calls of the taxonomy editor. */
export const taxonomyApi = {
  versions: () => apiGet<TaxonomyVersion[]>('/api/taxonomy/versions'),
  version: (version: number | null) => apiGet<TaxonomyView>(taxonomyPath(version)),
  /**
   * Open the draft: create it from the current published version, or, when one exists already
   * (409), load that one.
   */
  openDraft: async (notes?: string): Promise<TaxonomyView> => {
    try {
      return await apiPost<TaxonomyView>('/api/taxonomy/draft', notes ? { notes } : {});
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      const versions = await apiGet<TaxonomyVersion[]>('/api/taxonomy/versions');
      const draft = versions.find((v) => v.status === 'draft');
      if (!draft) throw error;
      return apiGet<TaxonomyView>(taxonomyPath(draft.version));
    }
  },
  saveCode: (code: string, body: TaxonomyCodeInput) => apiRequest<TaxonomyCodeView>('PUT', `/api/taxonomy/draft/codes/${encodeURIComponent(code)}`, body),
  publish: () => apiPost<TaxonomyView>('/api/taxonomy/draft/publish'),
  discard: () => apiDelete<Ok>('/api/taxonomy/draft'),
};
