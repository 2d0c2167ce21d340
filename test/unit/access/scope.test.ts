import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, SCOPES, compareScopes, type Permission, type Scope } from '../../../src/domain/access/roles';
import {
  buildScopeFilter,
  canAccessRecord,
  hasPermission,
  isEmptyScope,
  scopeCovers,
  type MembershipGrant,
  type Principal,
  type RecordLocation,
  type ScopeFilter,
} from '../../../src/domain/access/scope';
import { WORLD, anyRecordArb, consistentRecordArb, grantArb, permissionArb, principalArb } from './arbitraries';

/** The rules written out again, independently of scope.ts: which grants reach which records. */
function oracle(p: Principal, permission: Permission, r: RecordLocation): boolean {
  if (p.tokenPermissions !== undefined && !p.tokenPermissions.includes(permission)) return false;
  return p.memberships.some((m) => {
    if (!ROLE_PERMISSIONS[m.role].includes(permission)) return false;
    if (m.scope === 'region') return true;
    if (m.scope === 'country') return typeof r.countryCode === 'string' && r.countryCode === m.countryCode;
    if (m.scope === 'organisation') return typeof r.organisationId === 'string' && r.organisationId === m.organisationId;
    return (r.ownerUserIds ?? []).includes(p.userId);
  });
}

/** What a repo's SQL does with a ScopeFilter: `all`, or any listed owner / organisation / country. */
function admits(f: ScopeFilter, r: RecordLocation): boolean {
  return (
    f.all ||
    (r.ownerUserIds ?? []).some((u) => f.ownerUserIds.includes(u)) ||
    (r.organisationId != null && f.organisationIds.includes(r.organisationId)) ||
    (r.countryCode != null && f.countryCodes.includes(r.countryCode))
  );
}

const tokenPrincipalArb = fc
  .record({ user: principalArb, tokenPermissions: fc.subarray([...PERMISSIONS]) })
  .map(({ user, tokenPermissions }) => ({ user, token: { ...user, tokenId: 'tok-1', tokenPermissions } as Principal }));

const GR1 = WORLD.organisations[0];
const GR2 = WORLD.organisations[1];
const BG1 = WORLD.organisations[2];
const grant = (role: MembershipGrant['role'], scope: Scope, org: { id: string; countryCode: string } = GR1): MembershipGrant => ({ organisationId: org.id, countryCode: org.countryCode, role, scope });
const me = (...memberships: MembershipGrant[]): Principal => ({ userId: 'user-1', memberships });

describe('the record-scope ladder', () => {
  const ownRecord = { ownerUserIds: ['user-1'], organisationId: BG1.id, countryCode: 'BG' };
  const sameOrg = { ownerUserIds: ['user-2'], organisationId: GR1.id, countryCode: 'GR' };
  const sameCountry = { ownerUserIds: ['user-2'], organisationId: GR2.id, countryCode: 'GR' };
  const elsewhere = { ownerUserIds: ['user-2'], organisationId: BG1.id, countryCode: 'BG' };
  const cases = [
    ['own', [true, false, false, false]],
    ['organisation', [false, true, false, false]],
    ['country', [false, true, true, false]],
    ['region', [true, true, true, true]],
  ] as const;

  it.each(cases)('a case_manager with %s scope reaches exactly [own, same org, same country, elsewhere] = %j', (scope, expected) => {
    const p = me(grant('case_manager', scope));
    expect([ownRecord, sameOrg, sameCountry, elsewhere].map((r) => canAccessRecord(p, 'cases.read', r))).toEqual(expected);
  });

  it('reaches nothing with a permission no membership grants, whatever the scope', () => {
    const p = me(grant('evaluator', 'region'), grant('trainer', 'region'));
    for (const r of [ownRecord, sameOrg, elsewhere]) expect(canAccessRecord(p, 'cases.read', r)).toBe(false);
    expect(hasPermission(p, 'cases.read')).toBe(false);
    expect(isEmptyScope(buildScopeFilter(p, 'cases.read'))).toBe(true);
  });

  it('applies each membership’s scope only to that membership’s permissions', () => {
    // Region-wide evaluator (stats only) + organisation-scoped supervisor: users.read stays organisation-wide.
    const p = me(grant('evaluator', 'region', BG1), grant('supervisor', 'organisation', GR1));
    expect(canAccessRecord(p, 'users.read', sameOrg)).toBe(true);
    expect(canAccessRecord(p, 'users.read', elsewhere)).toBe(false);
    expect(canAccessRecord(p, 'stats.read', elsewhere)).toBe(true);
    expect(buildScopeFilter(p, 'users.read')).toEqual({ all: false, ownerUserIds: [], organisationIds: [GR1.id], countryCodes: [] });
  });

  it('never matches a missing location (null organisation or country, no owners) below region scope', () => {
    const nowhere: RecordLocation = { organisationId: null, countryCode: null };
    for (const scope of SCOPES) {
      expect(scopeCovers('user-1', grant('case_manager', scope), nowhere), scope).toBe(scope === 'region');
    }
  });

  it('builds deduplicated SQL filters, `all` only for a region grant', () => {
    const p = me(grant('case_manager', 'organisation'), grant('supervisor', 'organisation'), grant('case_manager', 'country', GR2), grant('liaison_officer', 'own', BG1));
    expect(buildScopeFilter(p, 'cases.read')).toEqual({ all: false, ownerUserIds: ['user-1'], organisationIds: [GR1.id], countryCodes: ['GR'] });
    expect(buildScopeFilter(me(grant('administrator', 'region')), 'users.read').all).toBe(true);
  });

  it('agrees with the independent statement of the rules', () => {
    fc.assert(
      fc.property(tokenPrincipalArb, fc.boolean(), permissionArb, anyRecordArb, ({ user, token }, useToken, perm, r) => {
        const p = useToken ? token : user;
        expect(canAccessRecord(p, perm, r)).toBe(oracle(p, perm, r));
        if (canAccessRecord(p, perm, r)) expect(hasPermission(p, perm)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('builds a SQL filter that admits exactly the records canAccessRecord allows', () => {
    fc.assert(
      fc.property(tokenPrincipalArb, fc.boolean(), permissionArb, anyRecordArb, ({ user, token }, useToken, perm, r) => {
        const p = useToken ? token : user;
        const f = buildScopeFilter(p, perm);
        expect(admits(f, r)).toBe(canAccessRecord(p, perm, r));
        expect(isEmptyScope(f)).toBe(!hasPermission(p, perm));
        for (const list of [f.ownerUserIds, f.organisationIds, f.countryCodes]) expect(new Set(list).size).toBe(list.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('wider never sees less', () => {
  const widen = (m: MembershipGrant, to: Scope): MembershipGrant => ({ ...m, scope: to });

  it('organisation → country → region only adds records (consistently located records)', () => {
    fc.assert(
      fc.property(grantArb, fc.constantFrom<Scope>('organisation', 'country', 'region'), fc.constantFrom<Scope>('organisation', 'country', 'region'), permissionArb, consistentRecordArb, (g, a, b, perm, r) => {
        fc.pre(compareScopes(b, a) > 0);
        if (canAccessRecord(me(widen(g, a)), perm, r)) expect(canAccessRecord(me(widen(g, b)), perm, r)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('own → any wider scope keeps the user’s own records of the membership’s organisation', () => {
    // Note: an `own` grant also reaches the user's records in OTHER organisations, which an organisation or
    // country grant does not (reported: the ladder is not cumulative across organisations).
    fc.assert(
      fc.property(grantArb, fc.constantFrom<Scope>('organisation', 'country', 'region'), permissionArb, consistentRecordArb, (g, wider, perm, r) => {
        fc.pre(r.organisationId === g.organisationId);
        if (canAccessRecord(me(widen(g, 'own')), perm, r)) expect(canAccessRecord(me(widen(g, wider)), perm, r)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('an extra membership never takes access away, and access is the union over memberships', () => {
    fc.assert(
      fc.property(principalArb, grantArb, permissionArb, anyRecordArb, (p, extra, perm, r) => {
        const more = { ...p, memberships: [...p.memberships, extra] };
        expect(canAccessRecord(more, perm, r)).toBe(canAccessRecord(p, perm, r) || canAccessRecord({ ...p, memberships: [extra] }, perm, r));
      }),
      { numRuns: 300 },
    );
  });
});

describe('API token narrowing', () => {
  it('limits a token to the listed permissions the user still holds', () => {
    const user = me(grant('administrator', 'region'));
    const token: Principal = { ...user, tokenId: 't', tokenPermissions: ['users.read', 'cases.read'] };
    expect(hasPermission(token, 'users.read')).toBe(true);
    expect(hasPermission(token, 'users.manage')).toBe(false);
    expect(hasPermission(token, 'cases.read')).toBe(false); // listed, but the administrator does not hold it
    expect(hasPermission({ ...user, tokenPermissions: [] }, 'users.read')).toBe(false);
  });

  it('never exceeds its user: permissions, records and SQL filter are all subsets', () => {
    fc.assert(
      fc.property(tokenPrincipalArb, permissionArb, anyRecordArb, ({ user, token }, perm, r) => {
        const listed = token.tokenPermissions!.includes(perm);
        expect(hasPermission(token, perm)).toBe(listed && hasPermission(user, perm));
        expect(canAccessRecord(token, perm, r)).toBe(listed && canAccessRecord(user, perm, r));
        const ft = buildScopeFilter(token, perm);
        const fu = buildScopeFilter(user, perm);
        if (ft.all) expect(fu.all).toBe(true);
        for (const k of ['ownerUserIds', 'organisationIds', 'countryCodes'] as const) for (const v of ft[k]) expect(fu[k]).toContain(v);
      }),
      { numRuns: 500 },
    );
  });
});
