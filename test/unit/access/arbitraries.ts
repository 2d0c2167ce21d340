import fc from 'fast-check';
import { PERMISSIONS, ROLES, SCOPES, type Permission, type Role, type Scope } from '../../../src/domain/access/roles';
import type { MembershipGrant, Principal, RecordLocation } from '../../../src/domain/access/scope';

/** A small fixed network so that generated principals and records collide often. */
export const WORLD = {
  organisations: [
    { id: 'org-gr-1', countryCode: 'GR' },
    { id: 'org-gr-2', countryCode: 'GR' },
    { id: 'org-bg-1', countryCode: 'BG' },
    { id: 'org-ro-1', countryCode: 'RO' },
  ],
  countries: ['GR', 'BG', 'RO', 'AL'],
  users: ['user-1', 'user-2', 'user-3'],
} as const;

/** Any role. */
export const roleArb: fc.Arbitrary<Role> = fc.constantFrom(...ROLES);
/** Any scope. */
export const scopeArb: fc.Arbitrary<Scope> = fc.constantFrom(...SCOPES);
/** Any grantable permission. */
export const permissionArb: fc.Arbitrary<Permission> = fc.constantFrom(...PERMISSIONS);

/** A membership in one of the WORLD organisations, with any role and scope. */
export const grantArb: fc.Arbitrary<MembershipGrant> = fc
  .record({ org: fc.constantFrom(...WORLD.organisations), role: roleArb, scope: scopeArb })
  .map(({ org, role, scope }) => ({ organisationId: org.id, countryCode: org.countryCode, role, scope }));

/** A signed-in principal (no token) with 0 to 4 memberships. */
export const principalArb: fc.Arbitrary<Principal> = fc.record({
  userId: fc.constantFrom(...WORLD.users),
  memberships: fc.array(grantArb, { maxLength: 4 }),
});

/** A record located consistently: its country is its organisation's country (or it has no organisation). */
export const consistentRecordArb: fc.Arbitrary<RecordLocation> = fc
  .record({
    org: fc.option(fc.constantFrom(...WORLD.organisations), { nil: undefined }),
    country: fc.option(fc.constantFrom(...WORLD.countries), { nil: null }),
    owners: fc.subarray([...WORLD.users]),
  })
  .map(({ org, country, owners }) => ({
    organisationId: org?.id ?? null,
    countryCode: org ? org.countryCode : country,
    ownerUserIds: owners,
  }));

/** Any record location, including inconsistent ones (country not the organisation's) and missing fields. */
export const anyRecordArb: fc.Arbitrary<RecordLocation> = fc.record(
  {
    organisationId: fc.option(fc.constantFrom(...WORLD.organisations.map((o) => o.id), 'org-elsewhere'), { nil: null }),
    countryCode: fc.option(fc.constantFrom(...WORLD.countries), { nil: null }),
    ownerUserIds: fc.subarray([...WORLD.users, 'user-elsewhere']),
  },
  { requiredKeys: [] },
);
