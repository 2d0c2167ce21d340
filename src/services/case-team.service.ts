/**
 * The case team of an organisation: who a case (case manager) or a task (assignee) may be assigned to.
 * Mirrors the checks of case.service.ts and case-task.service.ts: an active member whose role grants
 * cases.write in the case's organisation.
 */
import type { AssignableUsers, AssignableUsersQuery } from '../api/cases.schemas';
import { listActiveMembersWithRoles } from '../db/repos/case-team.repo';
import { findOrganisation } from '../db/repos/organisation.repo';
import { ROLES, ROLE_PERMISSIONS } from '../domain/access/roles';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { inTransaction, requirePermission, type Actor, type ServiceContext } from './context';

/** Roles that work cases (grant cases.write). */
const CASE_WORKER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('cases.write'));

/**
 * The users a case of the organisation can be assigned to, sorted by display name. The actor must hold
 * cases.write over the organisation (403 FORBIDDEN); an unknown or archived organisation is 404
 * ORGANISATION_NOT_FOUND.
 */
export async function listAssignableUsers(ctx: ServiceContext, actor: Actor, query: AssignableUsersQuery): Promise<AssignableUsers> {
  requirePermission(actor, 'cases.write');
  return inTransaction(ctx, async (tx) => {
    const org = await findOrganisation(tx, query.organisationId);
    if (!org || org.archivedAt) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation does not exist.');
    const p = actor.principal;
    if (p && !canAccessRecord(p, 'cases.write', { organisationId: org.id, countryCode: org.countryCode })) {
      throw new AppError('FORBIDDEN', 'You may not assign cases of this team.');
    }
    const rows = await listActiveMembersWithRoles(tx, org.id, CASE_WORKER_ROLES);
    return { items: rows.map((r) => ({ id: r.id, displayName: r.displayName })) };
  });
}
