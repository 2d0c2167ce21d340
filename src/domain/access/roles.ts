/**
 * Roles, permissions and record scopes: the access model of Victor.
 * Pure data and functions; imports nothing from db/http/web.
 */

/** Every role a membership can carry. */
export const ROLES = [
  'helpline_operator',
  'case_manager',
  'supervisor',
  'country_coordinator',
  'regional_coordinator',
  'trainer',
  'liaison_officer',
  'evaluator',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Record scope ladder, narrowest first. */
export const SCOPES = ['own', 'organisation', 'country', 'region'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Permissions are verbs on areas. Later features add theirs here and grant them in ROLE_PERMISSIONS.
 * `public` and `authenticated` are not grantable: they mark routes open to everyone / to any signed-in user.
 */
export const PERMISSIONS = [
  'organisations.read',
  'organisations.manage',
  'users.read',
  'users.manage',
  'tokens.manage',
  'audit.read',
  'cases.read',
  'cases.write',
  'cases.export',
  'cases.break_glass',
  'referrals.consent_override',
  'contacts.read',
  'contacts.write',
  'contacts.review',
  'contacts.export',
  'taxonomy.manage',
  'integrations.manage',
  'referrals.receive',
  'alerts.read',
  'alerts.draft',
  'alerts.publish',
  'alerts.configure',
  'knowledge.read',
  'knowledge.write',
  'knowledge.review',
  'trainings.manage',
  'network.manage',
  'stats.read',
  'stats.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Route access markers that are not role permissions. */
export type RouteAccess = Permission | 'public' | 'authenticated';

const CASE_WORK: Permission[] = ['cases.read', 'cases.write', 'contacts.read', 'contacts.write', 'knowledge.read', 'alerts.read'];

/** What each role may do. Deny by default: anything not listed is refused. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  helpline_operator: ['contacts.read', 'contacts.write', 'cases.read', 'knowledge.read', 'alerts.read', 'alerts.draft', 'organisations.read'],
  case_manager: [...CASE_WORK, 'alerts.draft', 'cases.break_glass', 'organisations.read'],
  supervisor: [...CASE_WORK, 'alerts.draft', 'alerts.publish', 'cases.export', 'cases.break_glass', 'referrals.consent_override', 'contacts.review', 'contacts.export', 'users.read', 'organisations.read', 'knowledge.write', 'stats.read'],
  country_coordinator: [...CASE_WORK, 'cases.export', 'cases.break_glass', 'referrals.consent_override', 'contacts.review', 'contacts.export', 'taxonomy.manage', 'users.read', 'organisations.read', 'alerts.draft', 'alerts.publish', 'alerts.configure', 'knowledge.write', 'knowledge.review', 'network.manage', 'stats.read', 'stats.export'],
  regional_coordinator: [...CASE_WORK, 'cases.export', 'referrals.consent_override', 'contacts.review', 'contacts.export', 'taxonomy.manage', 'users.read', 'organisations.read', 'alerts.draft', 'alerts.publish', 'alerts.configure', 'knowledge.write', 'knowledge.review', 'network.manage', 'trainings.manage', 'stats.read', 'stats.export', 'audit.read'],
  trainer: ['trainings.manage', 'knowledge.read', 'knowledge.write', 'organisations.read'],
  liaison_officer: ['referrals.receive', 'cases.read', 'alerts.read', 'knowledge.read', 'organisations.read'],
  evaluator: ['stats.read', 'organisations.read'],
  administrator: ['organisations.read', 'organisations.manage', 'users.read', 'users.manage', 'tokens.manage', 'integrations.manage', 'alerts.configure', 'audit.read', 'knowledge.read', 'stats.read'],
};

/** The scope a new membership gets when none is given. */
export const DEFAULT_SCOPE: Record<Role, Scope> = {
  helpline_operator: 'organisation',
  case_manager: 'organisation',
  supervisor: 'organisation',
  country_coordinator: 'country',
  regional_coordinator: 'region',
  trainer: 'organisation',
  liaison_officer: 'own',
  evaluator: 'region',
  administrator: 'region',
};

/** Roles that can see personal case data and so must use two-factor authentication. */
export const ROLES_REQUIRING_MFA: readonly Role[] = [
  'helpline_operator',
  'case_manager',
  'supervisor',
  'country_coordinator',
  'regional_coordinator',
  'liaison_officer',
  'administrator',
];

/** The permissions a set of roles grants, deduplicated and sorted. */
export function listPermissionsForRoles(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return [...set].sort();
}

/** True when any of the roles requires two-factor authentication. */
export function requiresMfa(roles: readonly Role[]): boolean {
  return roles.some((r) => ROLES_REQUIRING_MFA.includes(r));
}

/** Compare scopes on the ladder: positive when a is wider than b. */
export function compareScopes(a: Scope, b: Scope): number {
  return SCOPES.indexOf(a) - SCOPES.indexOf(b);
}
