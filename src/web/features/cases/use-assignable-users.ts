/**
 * Who a case or task of a team can be assigned to (GET /api/cases/assignable-users): the team's active
 * case workers, by name. The pickers keep their fixed choices (me, the current manager, nobody) and add
 * these; when the list cannot be read (no cases.write over the team) they simply offer the fixed ones.
 */
import type { Membership } from '../../api/types';
import { ROLE_PERMISSIONS } from '../../../domain/access/roles';
import { useApiQuery } from '../../lib/use-api-query';
import { casesApi, type AssignableUsers } from './cases-api';

export type AssignableUser = AssignableUsers['items'][number];

/** The team's case workers; `null` fetches nothing (e.g. while a modal is closed). `loaded` is false until an answer arrived. */
export function useAssignableUsers(organisationId: string | null | undefined): { users: AssignableUser[]; loaded: boolean } {
  const query = useApiQuery<AssignableUsers>(organisationId ? casesApi.assignableUsersPath(organisationId) : null);
  return { users: query.error ? [] : (query.data?.items ?? []), loaded: !query.error && query.data !== undefined };
}

/** Select options for the team's case workers, leaving out the ids the picker already offers. */
export function assignableOptions(users: readonly AssignableUser[], exclude: readonly (string | null | undefined)[]): { value: string; label: string }[] {
  const skip = new Set(exclude.filter((id): id is string => !!id));
  return users.filter((u) => !skip.has(u.id)).map((u) => ({ value: u.id, label: u.displayName }));
}

/** The organisation where the user works cases (cases.write): the team a new case of theirs belongs to. */
export function caseTeamOf(memberships: readonly Membership[] | undefined): string | null {
  return memberships?.find((m) => ROLE_PERMISSIONS[m.role].includes('cases.write'))?.organisationId ?? null;
}
