import type { CurrentUser } from '../api/auth.schemas';
import type { UserView } from '../api/admin.schemas';
import type { Locale } from '../api/common.schemas';
import { listPermissionsForRoles, requiresMfa } from '../domain/access/roles';
import type { Db } from '../db/database';
import { listMembershipsOfUsers, type MembershipDetail, type UserRow } from '../db/repos/user.repo';

function presentMemberships(ms: MembershipDetail[]) {
  return ms.map((m) => ({
    id: m.id,
    organisationId: m.organisationId,
    organisationName: m.organisationName,
    countryCode: m.countryCode,
    role: m.role,
    scope: m.scope,
  }));
}

/** The signed-in user as the client sees them (whitelisted fields only). */
export async function presentCurrentUser(db: Db, user: UserRow, memberships?: MembershipDetail[]): Promise<CurrentUser> {
  const ms = memberships ?? (await listMembershipsOfUsers(db, [user.id]));
  const roles = ms.map((m) => m.role);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale as Locale,
    isDemo: user.isDemo,
    mfaEnabled: Boolean(user.totpEnabledAt),
    mfaRequired: requiresMfa(roles) && !user.isDemo,
    memberships: presentMemberships(ms),
    permissions: listPermissionsForRoles(roles),
  };
}

/** Users as administrators see them (whitelisted fields only), memberships loaded in one query. */
export async function presentUsers(db: Db, users: UserRow[]): Promise<UserView[]> {
  const ms = await listMembershipsOfUsers(db, users.map((u) => u.id));
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale as Locale,
    status: u.status as 'active' | 'disabled',
    isDemo: u.isDemo,
    mfaEnabled: Boolean(u.totpEnabledAt),
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    memberships: presentMemberships(ms.filter((m) => m.userId === u.id)),
  }));
}
