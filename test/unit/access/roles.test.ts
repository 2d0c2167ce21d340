import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCOPE,
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  ROLES_REQUIRING_MFA,
  SCOPES,
  compareScopes,
  listPermissionsForRoles,
  requiresMfa,
  type Permission,
  type Role,
} from '../../../src/domain/access/roles';
import { roleArb, scopeArb } from './arbitraries';

/**
 * The policy, stated a second time by hand: who holds each permission. Not derived from
 * ROLE_PERMISSIONS, so a change there fails here until someone reviews it.
 */
const HOLDERS: Record<Permission, Role[]> = {
  'organisations.read': [...ROLES],
  'organisations.manage': ['administrator'],
  'users.read': ['supervisor', 'country_coordinator', 'regional_coordinator', 'administrator'],
  'users.manage': ['administrator'],
  'tokens.manage': ['administrator'],
  'audit.read': ['regional_coordinator', 'administrator'],
  'cases.read': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'liaison_officer'],
  'cases.write': ['case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator'],
  'cases.export': ['supervisor', 'country_coordinator', 'regional_coordinator'],
  'cases.break_glass': ['case_manager', 'supervisor', 'country_coordinator'],
  'referrals.consent_override': ['supervisor', 'country_coordinator', 'regional_coordinator'],
  'contacts.read': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator'],
  'contacts.write': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator'],
  'contacts.review': ['supervisor', 'country_coordinator', 'regional_coordinator'],
  'contacts.export': ['supervisor', 'country_coordinator', 'regional_coordinator'],
  'taxonomy.manage': ['country_coordinator', 'regional_coordinator'],
  'integrations.manage': ['administrator'],
  'referrals.receive': ['liaison_officer'],
  'alerts.read': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'liaison_officer'],
  'alerts.draft': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator'],
  'alerts.publish': ['supervisor', 'country_coordinator', 'regional_coordinator'],
  'alerts.configure': ['country_coordinator', 'regional_coordinator', 'administrator'],
  'knowledge.read': ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'administrator'],
  'knowledge.write': ['supervisor', 'country_coordinator', 'regional_coordinator', 'trainer'],
  'knowledge.review': ['country_coordinator', 'regional_coordinator'],
  'trainings.manage': ['regional_coordinator', 'trainer'],
  'network.manage': ['country_coordinator', 'regional_coordinator'],
  'stats.read': ['supervisor', 'country_coordinator', 'regional_coordinator', 'evaluator', 'administrator'],
  'stats.export': ['country_coordinator', 'regional_coordinator'],
};

/** Permissions that reach personal data of children, callers or staff. */
const PERSONAL_DATA: Permission[] = ['cases.read', 'cases.write', 'cases.export', 'cases.break_glass', 'referrals.consent_override', 'contacts.read', 'contacts.write', 'contacts.review', 'contacts.export', 'integrations.manage', 'referrals.receive', 'users.read', 'users.manage', 'tokens.manage', 'audit.read'];

describe('roles and permissions', () => {
  it('has exactly the nine roles and the four-rung scope ladder, narrowest first', () => {
    expect([...ROLES].sort()).toEqual(
      ['administrator', 'case_manager', 'country_coordinator', 'evaluator', 'helpline_operator', 'liaison_officer', 'regional_coordinator', 'supervisor', 'trainer'],
    );
    expect(SCOPES).toEqual(['own', 'organisation', 'country', 'region']);
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
  });

  it('never makes the route markers grantable', () => {
    expect(PERMISSIONS as readonly string[]).not.toContain('public');
    expect(PERMISSIONS as readonly string[]).not.toContain('authenticated');
  });

  it.each(PERMISSIONS.map((p) => [p]))('grants %s to exactly the reviewed roles', (permission) => {
    const holders = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
    expect(holders.sort()).toEqual([...HOLDERS[permission]].sort());
  });

  it('grants only known permissions, each once per role', () => {
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      expect(new Set(granted).size, role).toBe(granted.length);
      for (const p of granted) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });

  it('gives each role its reviewed default scope', () => {
    expect(DEFAULT_SCOPE).toEqual({
      helpline_operator: 'organisation',
      case_manager: 'organisation',
      supervisor: 'organisation',
      country_coordinator: 'country',
      regional_coordinator: 'region',
      trainer: 'organisation',
      liaison_officer: 'own',
      evaluator: 'region',
      administrator: 'region',
    });
  });
});

describe('requiresMfa', () => {
  it('exempts exactly the trainer and the evaluator', () => {
    expect(ROLES.filter((r) => !requiresMfa([r])).sort()).toEqual(['evaluator', 'trainer']);
    expect(requiresMfa([])).toBe(false);
  });

  it('requires 2FA of every role that reaches personal data', () => {
    for (const role of ROLES) {
      if (ROLE_PERMISSIONS[role].some((p) => PERSONAL_DATA.includes(p))) expect(requiresMfa([role]), role).toBe(true);
    }
  });

  it('is true as soon as any held role needs it, whatever else or in which order', () => {
    fc.assert(
      fc.property(fc.array(roleArb, { maxLength: 6 }), fc.array(roleArb, { maxLength: 3 }), (roles, extra) => {
        expect(requiresMfa(roles)).toBe(roles.some((r) => ROLES_REQUIRING_MFA.includes(r)));
        if (requiresMfa(roles)) expect(requiresMfa([...extra, ...roles].reverse())).toBe(true);
      }),
    );
  });
});

describe('listPermissionsForRoles', () => {
  it('is the sorted, deduplicated union of the roles’ grants', () => {
    fc.assert(
      fc.property(fc.array(roleArb, { maxLength: 6 }), (roles) => {
        const listed = listPermissionsForRoles(roles);
        expect(listed).toEqual([...listed].sort());
        expect(new Set(listed).size).toBe(listed.length);
        expect(new Set(listed)).toEqual(new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r])));
      }),
    );
  });

  it('never loses a permission when a role is added', () => {
    fc.assert(
      fc.property(fc.array(roleArb, { maxLength: 5 }), roleArb, (roles, extra) => {
        const more = listPermissionsForRoles([...roles, extra]);
        for (const p of listPermissionsForRoles(roles)) expect(more).toContain(p);
      }),
    );
  });

  it('grants nothing to nobody', () => {
    expect(listPermissionsForRoles([])).toEqual([]);
  });
});

describe('compareScopes', () => {
  it('orders the ladder own < organisation < country < region', () => {
    expect(compareScopes('organisation', 'own')).toBeGreaterThan(0);
    expect(compareScopes('country', 'organisation')).toBeGreaterThan(0);
    expect(compareScopes('region', 'country')).toBeGreaterThan(0);
    expect(compareScopes('own', 'region')).toBeLessThan(0);
  });

  it('is a total order: reflexive zero, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(scopeArb, scopeArb, scopeArb, (a, b, c) => {
        expect(compareScopes(a, a)).toBe(0);
        expect(Math.sign(compareScopes(a, b)) + Math.sign(compareScopes(b, a))).toBe(0);
        if (compareScopes(a, b) === 0) expect(a).toBe(b);
        if (compareScopes(a, b) > 0 && compareScopes(b, c) > 0) expect(compareScopes(a, c)).toBeGreaterThan(0);
      }),
    );
  });
});
