import type { DeskView, KpiView, WallboardView } from '../../../../api/helpline.schemas';
import { queryString } from '../../../api/client';

export type { HelplineReference } from '../helpline-api';
export type { DeskView, KpiView, WallboardView };

/** Path of the wallboard of one desk (or of every desk in the reader's scope). */
export function wallboardPath(organisationId: string | null): string {
  return `/api/helpline/wallboard${queryString({ organisationId })}`;
}
