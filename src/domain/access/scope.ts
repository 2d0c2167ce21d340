import { ROLE_PERMISSIONS, compareScopes, type Permission, type Role, type Scope } from './roles';

/** One role a user holds in one organisation, with how far it reaches. */
export interface MembershipGrant {
  organisationId: string;
  countryCode: string;
  role: Role;
  scope: Scope;
}

/** Who is acting: a signed-in user or an API token acting for one. */
export interface Principal {
  userId: string;
  memberships: readonly MembershipGrant[];
  /** For API tokens: the permissions the token was limited to. Undefined for sessions. */
  tokenPermissions?: readonly Permission[];
  tokenId?: string;
}

/** Where a record sits, for scope checks. */
export interface RecordLocation {
  ownerUserIds?: readonly string[];
  organisationId?: string | null;
  countryCode?: string | null;
}

/** A filter a repo turns into SQL: `all`, or the union of the listed owners / organisations / countries. */
export interface ScopeFilter {
  all: boolean;
  ownerUserIds: string[];
  organisationIds: string[];
  countryCodes: string[];
}

function grantsFor(principal: Principal, permission: Permission): MembershipGrant[] {
  if (principal.tokenPermissions && !principal.tokenPermissions.includes(permission)) return [];
  return principal.memberships.filter((m) => ROLE_PERMISSIONS[m.role].includes(permission));
}

/** True when the principal holds the permission through any membership, whatever the scope. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return grantsFor(principal, permission).length > 0;
}

/** True when a membership's scope covers the record. */
export function scopeCovers(principalUserId: string, grant: MembershipGrant, record: RecordLocation): boolean {
  switch (grant.scope) {
    case 'region':
      return true;
    case 'country':
      return record.countryCode != null && record.countryCode === grant.countryCode;
    case 'organisation':
      return record.organisationId != null && record.organisationId === grant.organisationId;
    case 'own':
      return (record.ownerUserIds ?? []).includes(principalUserId);
  }
}

/** True when the principal may use the permission on this record (permission and record scope). */
export function canAccessRecord(principal: Principal, permission: Permission, record: RecordLocation): boolean {
  return grantsFor(principal, permission).some((g) => scopeCovers(principal.userId, g, record));
}

/**
 * The widest scope among the principal's grants of the permission that cover the record, or null.
 * Bounds what an administrator may hand out: nobody grants a scope wider than their own.
 */
export function widestCoveringScope(principal: Principal, permission: Permission, record: RecordLocation): Scope | null {
  let widest: Scope | null = null;
  for (const g of grantsFor(principal, permission)) {
    if (scopeCovers(principal.userId, g, record) && (widest === null || compareScopes(g.scope, widest) > 0)) widest = g.scope;
  }
  return widest;
}

/** The SQL-ready scope of what the principal may see with a permission. */
export function buildScopeFilter(principal: Principal, permission: Permission): ScopeFilter {
  const filter: ScopeFilter = { all: false, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  for (const g of grantsFor(principal, permission)) {
    if (g.scope === 'region') filter.all = true;
    else if (g.scope === 'country') filter.countryCodes.push(g.countryCode);
    else if (g.scope === 'organisation') filter.organisationIds.push(g.organisationId);
    else filter.ownerUserIds.push(principal.userId);
  }
  filter.ownerUserIds = [...new Set(filter.ownerUserIds)];
  filter.organisationIds = [...new Set(filter.organisationIds)];
  filter.countryCodes = [...new Set(filter.countryCodes)];
  return filter;
}

/** True when the filter admits nothing at all. */
export function isEmptyScope(filter: ScopeFilter): boolean {
  return !filter.all && filter.ownerUserIds.length + filter.organisationIds.length + filter.countryCodes.length === 0;
}
