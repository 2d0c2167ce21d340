import type { DeskView, KpiView, WallboardView } from '../../../../api/helpline.schemas';
import type { TaxonomyView } from '../../../../api/taxonomy.schemas';
import { apiGet, queryString } from '../../../api/client';

export type { DeskView, KpiView, WallboardView };

/** GET /api/helpline/reference: the desks the reader works for, and the current taxonomy. */
export interface HelplineReference {
  desks: DeskView[];
  taxonomy: TaxonomyView;
}

/** Path of the wallboard of one desk (or of every desk in the reader's scope). */
export function wallboardPath(organisationId: string | null): string {
  return `/api/helpline/wallboard${queryString({ organisationId })}`;
}

/** Typed calls of the supervisor's helpline endpoints. */
export const wallboardApi = {
  reference: () => apiGet<HelplineReference>('/api/helpline/reference'),
  wallboard: (organisationId: string | null) => apiGet<WallboardView>(wallboardPath(organisationId)),
};
