/**
 * The case team of an organisation: its active members whose role works cases. Only ids and display
 * names leave this file (never e-mail addresses).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database';
import { memberships, users } from '../schema';

/** A member of a team who may be assigned cases and tasks. */
export interface TeamMemberRow {
  id: string;
  displayName: string;
}

/**
 * Active users holding one of the given roles in the organisation, one row each, sorted by display name
 * (then id, for a stable order between equal names).
 */
export async function listActiveMembersWithRoles(db: Db, organisationId: string, roles: readonly string[]): Promise<TeamMemberRow[]> {
  if (roles.length === 0) return [];
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, [...roles]), eq(users.status, 'active')))
    .orderBy(asc(users.displayName), asc(users.id));
}
