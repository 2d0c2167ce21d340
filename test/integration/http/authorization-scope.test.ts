import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { findUserByEmail, findUserById, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import { listApiTokens } from '../../../src/db/repos/session.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp, type TestClient } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

let app: FastifyInstance;
let orgA: OrganisationRow; // GR, the organisation-scoped administrator's
let orgA2: OrganisationRow; // GR, same country, other organisation
let orgB: OrganisationRow; // BG
let admin: TestClient; // administrator with `organisation` scope in orgA
beforeAll(async () => {
  app = await createTestApp(t.ctx);
  orgA = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  orgA2 = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  orgB = await makeOrganisation(t.ctx, { countryCode: 'BG' });
  ({ client: admin } = await signedIn(app, t.ctx, { role: 'administrator', scope: 'organisation', organisationId: orgA.id }));
});
afterAll(async () => {
  await app?.close();
});

/** A snapshot of what a refused request must not have changed. */
async function snapshot(userId: string) {
  const u = (await findUserById(t.ctx.database.db, userId))!;
  const ms = await listMembershipsOfUsers(t.ctx.database.db, [userId]);
  return { displayName: u.displayName, status: u.status, passwordHash: u.passwordHash, memberships: ms.map((m) => `${m.organisationId}:${m.role}:${m.scope}`).sort() };
}

describe('an administrator with organisation scope', () => {
  it('manages users of their organisation', async () => {
    const inside = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: orgA.id });
    expect(outcome(await admin.get(`/api/admin/users/${inside.id}`))).toBe('200');
    expect(outcome(await admin.patch(`/api/admin/users/${inside.id}`, { displayName: 'Renamed Inside' }))).toBe('200');
    expect(outcome(await admin.post(`/api/admin/users/${inside.id}/memberships`, { organisationId: orgA.id, role: 'case_manager' }))).toBe('200');
  });

  it('cannot read or manage a user of another organisation, and changes nothing trying', async () => {
    const outside = await makeUser(t.ctx, { role: 'case_manager', organisationId: orgB.id });
    const membershipId = (await listMembershipsOfUsers(t.ctx.database.db, [outside.id]))[0]!.id;
    const before = await snapshot(outside.id);
    expect({
      get: outcome(await admin.get(`/api/admin/users/${outside.id}`)),
      rename: outcome(await admin.patch(`/api/admin/users/${outside.id}`, { displayName: 'Hijacked' })),
      setPassword: outcome(await admin.patch(`/api/admin/users/${outside.id}`, { password: 'attacker-chosen-password' })),
      disable: outcome(await admin.patch(`/api/admin/users/${outside.id}`, { status: 'disabled' })),
      reset2fa: outcome(await admin.post(`/api/admin/users/${outside.id}/reset-2fa`)),
      addRoleThere: outcome(await admin.post(`/api/admin/users/${outside.id}/memberships`, { organisationId: orgB.id, role: 'supervisor' })),
      pullIntoOwnOrg: outcome(await admin.post(`/api/admin/users/${outside.id}/memberships`, { organisationId: orgA.id, role: 'helpline_operator' })),
      removeRole: outcome(await admin.delete(`/api/admin/users/${outside.id}/memberships/${membershipId}`)),
      issueToken: outcome(await admin.post('/api/admin/tokens', { name: 'act as them', userId: outside.id, permissions: ['cases.read'] })),
    }).toEqual({
      get: '403 OUT_OF_SCOPE',
      rename: '403 OUT_OF_SCOPE',
      setPassword: '403 OUT_OF_SCOPE',
      disable: '403 OUT_OF_SCOPE',
      reset2fa: '403 OUT_OF_SCOPE',
      addRoleThere: '403 OUT_OF_SCOPE',
      pullIntoOwnOrg: '403 OUT_OF_SCOPE',
      removeRole: '403 OUT_OF_SCOPE',
      issueToken: '403 OUT_OF_SCOPE',
    });
    expect(await snapshot(outside.id)).toEqual(before);
    expect((await listApiTokens(t.ctx.database.db)).filter((x) => x.userId === outside.id)).toEqual([]);
  });

  it('does not list users of other organisations', async () => {
    const inside = await makeUser(t.ctx, { role: 'trainer', organisationId: orgA.id });
    const outside = await makeUser(t.ctx, { role: 'trainer', organisationId: orgA2.id });
    const ids = (await admin.get('/api/admin/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it('cannot create users in, or organisations outside, its scope', async () => {
    const res = await admin.post('/api/admin/users', { email: 'elsewhere@test.example', displayName: 'Elsewhere', password: 'a-long-enough-password', memberships: [{ organisationId: orgB.id, role: 'case_manager' }] });
    expect(outcome(res)).toBe('403 OUT_OF_SCOPE');
    expect(await findUserByEmail(t.ctx.database.db, 'elsewhere@test.example')).toBeUndefined();
    expect(outcome(await admin.post('/api/admin/organisations', { name: 'Not Mine To Make', countryCode: 'GR', type: 'national_ngo' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await admin.patch(`/api/admin/organisations/${orgB.id}`, { city: 'Sofia' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await admin.patch(`/api/admin/organisations/${orgA.id}`, { city: 'Larissa' }))).toBe('200');
  });

  it('cannot hand out a scope wider than its own (no escalation to region)', async () => {
    const wide = (scope: string, email: string) =>
      admin.post('/api/admin/users', { email, displayName: 'Wide Scope', password: 'a-long-enough-password', memberships: [{ organisationId: orgA.id, role: 'administrator', scope }] });
    expect(outcome(await wide('region', 'wide-region@test.example'))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await wide('country', 'wide-country@test.example'))).toBe('403 OUT_OF_SCOPE');
    expect(await findUserByEmail(t.ctx.database.db, 'wide-region@test.example')).toBeUndefined();
    // The default scope of a country coordinator is `country`: also too wide for this administrator.
    const inside = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: orgA.id });
    expect(outcome(await admin.post(`/api/admin/users/${inside.id}/memberships`, { organisationId: orgA.id, role: 'country_coordinator' }))).toBe('403 OUT_OF_SCOPE');
    expect(outcome(await admin.post(`/api/admin/users/${inside.id}/memberships`, { organisationId: orgA.id, role: 'country_coordinator', scope: 'organisation' }))).toBe('200');
    expect(outcome(await wide('organisation', 'narrow-enough@test.example'))).toBe('200');
  });
});

describe('read scopes', () => {
  it('a supervisor reads users of their organisation only', async () => {
    const { client } = await signedIn(app, t.ctx, { role: 'supervisor', organisationId: orgA2.id });
    const colleague = await makeUser(t.ctx, { role: 'case_manager', organisationId: orgA2.id });
    const stranger = await makeUser(t.ctx, { role: 'case_manager', organisationId: orgA.id });
    expect(outcome(await client.get(`/api/admin/users/${colleague.id}`))).toBe('200');
    expect(outcome(await client.get(`/api/admin/users/${stranger.id}`))).toBe('403 OUT_OF_SCOPE');
    const ids = (await client.get('/api/admin/users?limit=200')).json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(colleague.id);
    expect(ids).not.toContain(stranger.id);
  });

  it('a country coordinator reads users across their country, not beyond', async () => {
    const { client } = await signedIn(app, t.ctx, { role: 'country_coordinator', organisationId: orgA.id });
    const sameCountry = await makeUser(t.ctx, { role: 'case_manager', organisationId: orgA2.id });
    const abroad = await makeUser(t.ctx, { role: 'case_manager', organisationId: orgB.id });
    expect(outcome(await client.get(`/api/admin/users/${sameCountry.id}`))).toBe('200');
    expect(outcome(await client.get(`/api/admin/users/${abroad.id}`))).toBe('403 OUT_OF_SCOPE');
  });

  it('a country-scoped administrator manages users across the country, not abroad', async () => {
    const { client } = await signedIn(app, t.ctx, { role: 'administrator', scope: 'country', organisationId: orgA.id });
    const sameCountry = await makeUser(t.ctx, { role: 'trainer', organisationId: orgA2.id });
    const abroad = await makeUser(t.ctx, { role: 'trainer', organisationId: orgB.id });
    expect(outcome(await client.patch(`/api/admin/users/${sameCountry.id}`, { displayName: 'Same Country' }))).toBe('200');
    expect(outcome(await client.patch(`/api/admin/users/${abroad.id}`, { displayName: 'Abroad' }))).toBe('403 OUT_OF_SCOPE');
  });
});

describe('lists are scoped in SQL, so paging and totals reveal nothing outside the scope', () => {
  it('pages the user list of an organisation-scoped administrator within their organisation only', async () => {
    for (let i = 0; i < 3; i++) await makeUser(t.ctx, { role: 'trainer', organisationId: orgA2.id });
    for (let i = 0; i < 3; i++) await makeUser(t.ctx, { role: 'trainer', organisationId: orgA.id });
    const all = (await admin.get('/api/admin/users?limit=200')).json() as { items: { memberships: { organisationId: string }[] }[]; total: number };
    expect(all.items.length).toBe(all.total);
    expect(all.items.every((u) => u.memberships.some((m) => m.organisationId === orgA.id))).toBe(true);
    const first = (await admin.get('/api/admin/users?limit=1')).json() as { items: unknown[]; total: number };
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);
  });

  it('shows such an administrator only the audit entries and API tokens of their scope', async () => {
    const outsider = await makeUser(t.ctx, { role: 'administrator', organisationId: orgB.id, isDemo: true });
    const regional = await signedIn(app, t.ctx, { role: 'administrator', scope: 'region', organisationId: orgB.id });
    expect(outcome(await regional.client.post('/api/admin/tokens', { name: 'outside token', userId: outsider.id, permissions: ['users.read'] }))).toBe('200');
    expect(outcome(await regional.client.post('/api/admin/organisations', { name: `Outside NGO ${orgB.id.slice(0, 6)}`, countryCode: 'BG', type: 'national_ngo' }))).toBe('200');
    const localAudit = await admin.get('/api/admin/audit?limit=200');
    const entries = (localAudit.json() as { items: { details: Record<string, unknown>; entityType: string; entityId: string | null }[] }).items;
    expect(entries.some((e) => e.entityType === 'organisation' && e.entityId !== orgA.id && e.entityId !== orgA2.id)).toBe(false);
    expect(outcome(await admin.get('/api/admin/audit/verify'))).toBe('403 OUT_OF_SCOPE');
    const tokens = (await admin.get('/api/admin/tokens')).json() as { userId: string }[];
    expect(tokens.some((tk) => tk.userId === outsider.id)).toBe(false);
    const outsideToken = (await listApiTokens(t.ctx.database.db)).find((tk) => tk.userId === outsider.id)!;
    expect(outcome(await admin.post(`/api/admin/tokens/${outsideToken.id}/revoke`))).toBe('403 OUT_OF_SCOPE');
  });
});
