import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src/domain/access/roles';
import { findOrganisationByName, type OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { findApiToken } from '../../../src/db/repos/session.repo';
import { findUserByEmail, findUserById, insertMembership, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';
import type { TestClient } from '../../helpers/http-client';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { issueToken, outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

/** The targets one row of the matrix acts on, fresh per role so that allowed actions can succeed. */
interface Fixture {
  tag: string;
  home: OrganisationRow;
  org: OrganisationRow;
  targetId: string;
  extraMembershipId: string;
  tokenId: string;
}

interface Action {
  route: string;
  run: (c: TestClient, f: Fixture) => Promise<LightMyRequestResponse>;
}

/** Every action of the matrix, in the order one signed-in user performs them (sign-out last). */
const ACTIONS: Record<string, Action> = {
  'list organisations': { route: 'GET /api/admin/organisations', run: (c) => c.get('/api/admin/organisations') },
  'create organisation': { route: 'POST /api/admin/organisations', run: (c, f) => c.post('/api/admin/organisations', { name: `Matrix Org ${f.tag}`, countryCode: 'GR', type: 'national_ngo' }) },
  'update organisation': { route: 'PATCH /api/admin/organisations/:id', run: (c, f) => c.patch(`/api/admin/organisations/${f.org.id}`, { city: 'Thessaloniki' }) },
  'list users': { route: 'GET /api/admin/users', run: (c) => c.get('/api/admin/users') },
  'get user': { route: 'GET /api/admin/users/:id', run: (c, f) => c.get(`/api/admin/users/${f.targetId}`) },
  'create user': {
    route: 'POST /api/admin/users',
    run: (c, f) => c.post('/api/admin/users', { email: `matrix-${f.tag}@test.example`, displayName: 'Matrix User', password: 'a-long-enough-password', memberships: [{ organisationId: f.home.id, role: 'helpline_operator' }] }),
  },
  'update user': { route: 'PATCH /api/admin/users/:id', run: (c, f) => c.patch(`/api/admin/users/${f.targetId}`, { displayName: 'Renamed By Matrix' }) },
  'add membership': { route: 'POST /api/admin/users/:id/memberships', run: (c, f) => c.post(`/api/admin/users/${f.targetId}/memberships`, { organisationId: f.home.id, role: 'supervisor' }) },
  'remove membership': { route: 'DELETE /api/admin/users/:id/memberships/:membershipId', run: (c, f) => c.delete(`/api/admin/users/${f.targetId}/memberships/${f.extraMembershipId}`) },
  'reset 2FA': { route: 'POST /api/admin/users/:id/reset-2fa', run: (c, f) => c.post(`/api/admin/users/${f.targetId}/reset-2fa`) },
  'list tokens': { route: 'GET /api/admin/tokens', run: (c) => c.get('/api/admin/tokens') },
  'create token': { route: 'POST /api/admin/tokens', run: (c, f) => c.post('/api/admin/tokens', { name: 'matrix token', userId: f.targetId, permissions: ['organisations.read'] }) },
  'revoke token': { route: 'POST /api/admin/tokens/:id/revoke', run: (c, f) => c.post(`/api/admin/tokens/${f.tokenId}/revoke`) },
  'list audit': { route: 'GET /api/admin/audit', run: (c) => c.get('/api/admin/audit') },
  'verify audit': { route: 'GET /api/admin/audit/verify', run: (c) => c.get('/api/admin/audit/verify') },
  countries: { route: 'GET /api/countries', run: (c) => c.get('/api/countries') },
  roles: { route: 'GET /api/roles', run: (c) => c.get('/api/roles') },
  'own session': { route: 'GET /api/auth/session', run: (c) => c.get('/api/auth/session') },
  'start 2FA set-up': { route: 'POST /api/auth/mfa/setup', run: (c) => c.post('/api/auth/mfa/setup') },
  preferences: { route: 'PATCH /api/me/preferences', run: (c) => c.patch('/api/me/preferences', { locale: 'el' }) },
  'change password': { route: 'POST /api/auth/password', run: (c) => c.post('/api/auth/password', { currentPassword: FACTORY_PASSWORD, newPassword: 'a-brand-new-password-42' }) },
  'sign out': { route: 'POST /api/auth/logout', run: (c) => c.post('/api/auth/logout') },
};

/** Non-public routes deliberately left out of the matrix, with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/auth/mfa/verify': 'needs a pending second step and a TOTP code (test/integration/auth/mfa.test.ts)',
  'POST /api/auth/mfa/enable': 'needs a TOTP code from a started set-up (test/integration/auth/mfa.test.ts)',
  'GET /api/events': 'a never-ending SSE stream; per-event filtering is in test/integration/platform/jobs-events.test.ts',
};

const Y = '200';
const N = '403 FORBIDDEN';
const COLUMNS: Role[] = ['helpline_operator', 'case_manager', 'supervisor', 'country_coordinator', 'regional_coordinator', 'trainer', 'liaison_officer', 'evaluator', 'administrator'];

/** The policy as the product states it, written by hand (not computed from ROLE_PERMISSIONS). */
const MATRIX: Record<keyof typeof ACTIONS, string[]> = {
  //                      operator case_mgr superv. country  region   trainer  liaison  evaluat. admin
  'list organisations':  [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'create organisation': [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'update organisation': [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list users':          [N,       N,       Y,       Y,       Y,       N,       N,       N,       Y],
  'get user':            [N,       N,       Y,       Y,       Y,       N,       N,       N,       Y],
  'create user':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'update user':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'add membership':      [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'remove membership':   [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'reset 2FA':           [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list tokens':         [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'create token':        [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'revoke token':        [N,       N,       N,       N,       N,       N,       N,       N,       Y],
  'list audit':          [N,       N,       N,       N,       Y,       N,       N,       N,       Y],
  'verify audit':        [N,       N,       N,       N,       Y,       N,       N,       N,       Y],
  countries:             [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  roles:                 [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'own session':         [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'start 2FA set-up':    [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  preferences:           [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'change password':     [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
  'sign out':            [Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y,       Y],
};

let app: FastifyInstance;
let routes: CatalogueRoute[];
let home: OrganisationRow;
beforeAll(async () => {
  ({ app, routes } = await buildCataloguedApp(t.ctx));
  home = await makeOrganisation(t.ctx, { countryCode: 'GR' });
});
afterAll(async () => {
  await app?.close();
});

async function fixtureFor(): Promise<Fixture> {
  const target = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: home.id });
  const extra = await insertMembership(t.ctx.database.db, { id: randomUUID(), userId: target.id, organisationId: home.id, role: 'case_manager', scope: 'organisation' });
  const token = await issueToken(t.ctx, target.id, ['organisations.read']);
  const org = await makeOrganisation(t.ctx, { countryCode: 'GR', city: 'Athens' });
  return { tag: randomUUID().slice(0, 8), home, org, targetId: target.id, extraMembershipId: extra.id, tokenId: token.id };
}

describe('authorization matrix: role × action', () => {
  it('states every role, every action and every non-public route', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const row of Object.values(MATRIX)) expect(row).toHaveLength(COLUMNS.length);
    const covered = new Set([...Object.values(ACTIONS).map((a) => a.route), ...Object.keys(NOT_IN_MATRIX)]);
    const missing = routes.filter((r) => r.access !== 'public' && !covered.has(routeKey(r))).map(routeKey);
    expect(missing, 'add new routes to the matrix').toEqual([]);
    for (const a of Object.values(ACTIONS)) expect(routes.map(routeKey), a.route).toContain(a.route);
  });

  it.each(COLUMNS.map((role, column) => [role, column] as const))('%s gets exactly the stated answers', async (role, column) => {
    const { client } = await signedIn(app, t.ctx, { role, organisationId: home.id });
    const f = await fixtureFor();
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of Object.entries(ACTIONS)) {
      actual[name] = outcome(await action.run(client, f));
      expected[name] = MATRIX[name]![column]!;
    }
    expect(actual).toEqual(expected);

    // A refused action left no trace; an allowed one took effect.
    const db = t.ctx.database.db;
    const admin = role === 'administrator';
    expect(Boolean(await findOrganisationByName(db, `Matrix Org ${f.tag}`, 'GR'))).toBe(admin);
    expect(Boolean(await findUserByEmail(db, `matrix-${f.tag}@test.example`))).toBe(admin);
    expect((await findUserById(db, f.targetId))!.displayName === 'Renamed By Matrix').toBe(admin);
    expect((await listMembershipsOfUsers(db, [f.targetId])).map((m) => m.role).sort()).toEqual(admin ? ['helpline_operator', 'supervisor'] : ['case_manager', 'helpline_operator']);
    expect(Boolean((await findApiToken(db, f.tokenId))!.revokedAt)).toBe(admin);
  });
});
