import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions, users } from '../../../src/db/schema';
import { deleteMembership, insertMembership, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { FACTORY_PASSWORD, makeUser } from '../../factories/user.factory';
import { TestClient } from '../../helpers/http-client';
import { buildCataloguedApp, fillPath, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { CSRF_PAIR, issueToken, outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

let app: FastifyInstance;
let routes: CatalogueRoute[];
beforeAll(async () => {
  ({ app, routes } = await buildCataloguedApp(t.ctx));
});
afterAll(async () => {
  await app?.close();
});

const nonPublic = () => routes.filter((r) => r.access !== 'public');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('without a valid session', () => {
  it('answers 401 UNAUTHENTICATED on every non-public route (and its HEAD twin)', async () => {
    expect(nonPublic().length).toBeGreaterThan(20);
    const got: Record<string, string> = {};
    for (const r of nonPublic()) {
      const url = fillPath(r.url, () => randomUUID());
      got[routeKey(r)] = outcome(await app.inject({ method: r.method as 'GET', url, headers: CSRF_PAIR, payload: r.method === 'GET' ? undefined : {} }));
      if (r.method === 'GET') expect((await app.inject({ method: 'HEAD', url })).statusCode, `HEAD ${r.url}`).toBe(401);
    }
    expect(got).toEqual(Object.fromEntries(nonPublic().map((r) => [routeKey(r), '401 UNAUTHENTICATED'])));
  });

  it('treats a forged session cookie or API token like none at all', async () => {
    for (const r of nonPublic()) {
      const url = fillPath(r.url);
      const payload = r.method === 'GET' ? undefined : {};
      const forgedCookie = await app.inject({ method: r.method as 'GET', url, payload, headers: { ...CSRF_PAIR, cookie: `${CSRF_PAIR.cookie}; victor_session=${'A'.repeat(43)}` } });
      expect(outcome(forgedCookie), routeKey(r)).toBe('401 UNAUTHENTICATED');
      for (const auth of [`Bearer vic_abcdefgh_${'x'.repeat(43)}`, 'Bearer not-a-victor-token', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
        const res = await app.inject({ method: r.method as 'GET', url, payload, headers: { authorization: auth } });
        expect(outcome(res), `${routeKey(r)} with ${auth}`).toBe('401 UNAUTHENTICATED');
      }
    }
  });

  it('lets a session whose 2FA set-up is pending reach only the 2FA and sign-out routes', async () => {
    const admin = await makeUser(t.ctx, { role: 'administrator' });
    const c = new TestClient(app);
    expect((await c.login(admin.email, FACTORY_PASSWORD)).status).toBe('mfa_setup_required');
    for (const r of nonPublic().filter((x) => !x.allowPendingMfa)) {
      const res = await c.request(r.method as 'GET', fillPath(r.url, () => admin.id), r.method === 'GET' ? undefined : {});
      expect(outcome(res), routeKey(r)).toBe('403 MFA_SETUP_REQUIRED');
    }
    expect((await c.post('/api/auth/mfa/setup')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('limits a token to its permissions, and needs no CSRF token', async () => {
    const admin = await makeUser(t.ctx, { role: 'administrator' });
    const { token } = await issueToken(t.ctx, admin.id, ['organisations.read', 'users.read']);
    const org = await makeOrganisation(t.ctx);
    const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => outcome(await app.inject({ method, url, payload, headers: bearer(token) }));
    expect({
      listOrganisations: await call('GET', '/api/admin/organisations'),
      listUsers: await call('GET', '/api/admin/users'),
      getUser: await call('GET', `/api/admin/users/${admin.id}`),
      countries: await call('GET', '/api/countries'),
      createOrganisation: await call('POST', '/api/admin/organisations', { name: 'Token Made Org', countryCode: 'GR', type: 'national_ngo' }),
      updateOrganisation: await call('PATCH', `/api/admin/organisations/${org.id}`, { city: 'Patras' }),
      createUser: await call('POST', '/api/admin/users', { email: 'token-made@test.example', displayName: 'Token Made', password: 'a-long-enough-password' }),
      listTokens: await call('GET', '/api/admin/tokens'),
      createToken: await call('POST', '/api/admin/tokens', { name: 'escalate', userId: admin.id, permissions: ['users.manage'] }),
      audit: await call('GET', '/api/admin/audit'),
      // Session-only routes refuse a token: it has no session to act on.
      password: await call('POST', '/api/auth/password', { currentPassword: FACTORY_PASSWORD, newPassword: 'token-set-password-1' }),
    }).toEqual({
      listOrganisations: '200',
      listUsers: '200',
      getUser: '200',
      countries: '200',
      createOrganisation: '403 FORBIDDEN',
      updateOrganisation: '403 FORBIDDEN',
      createUser: '403 FORBIDDEN',
      listTokens: '403 FORBIDDEN',
      createToken: '403 FORBIDDEN',
      audit: '403 FORBIDDEN',
      password: '401 UNAUTHENTICATED',
    });
  });

  it('cannot be issued with permissions its user does not hold', async () => {
    const { client } = await signedIn(app, t.ctx, { role: 'administrator' });
    const evaluator = await makeUser(t.ctx, { role: 'evaluator' });
    const res = await client.post('/api/admin/tokens', { name: 'too much', userId: evaluator.id, permissions: ['stats.read', 'users.manage'] });
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
  });

  it('loses a permission as soon as its user loses the role that granted it', async () => {
    const org = await makeOrganisation(t.ctx);
    const supervisor = await makeUser(t.ctx, { role: 'supervisor', organisationId: org.id });
    await insertMembership(t.ctx.database.db, { id: randomUUID(), userId: supervisor.id, organisationId: org.id, role: 'evaluator', scope: 'region' });
    const { token } = await issueToken(t.ctx, supervisor.id, ['users.read', 'stats.read']);
    expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(token) })).statusCode).toBe(200);
    const sup = (await listMembershipsOfUsers(t.ctx.database.db, [supervisor.id])).find((m) => m.role === 'supervisor')!;
    await deleteMembership(t.ctx.database.db, supervisor.id, sup.id);
    expect(outcome(await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(token) }))).toBe('403 FORBIDDEN');
  });

  it('stops working when revoked, expired, or its user is disabled', async () => {
    const { client } = await signedIn(app, t.ctx, { role: 'administrator' });
    const user = await makeUser(t.ctx, { role: 'evaluator' });
    const get = async (token: string) => outcome(await app.inject({ method: 'GET', url: '/api/admin/organisations', headers: bearer(token) }));

    const revoked = await issueToken(t.ctx, user.id, ['organisations.read']);
    expect(await get(revoked.token)).toBe('200');
    expect((await client.post(`/api/admin/tokens/${revoked.id}/revoke`)).statusCode).toBe(200);
    expect(await get(revoked.token)).toBe('401 UNAUTHENTICATED');

    const expiring = await issueToken(t.ctx, user.id, ['organisations.read'], 30);
    expect(await get(expiring.token)).toBe('200');
    await t.ctx.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expiring.id));
    expect(await get(expiring.token)).toBe('401 UNAUTHENTICATED');

    const live = await issueToken(t.ctx, user.id, ['organisations.read']);
    expect(await get(live.token)).toBe('200');
    expect((await client.patch(`/api/admin/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect(await get(live.token)).toBe('401 UNAUTHENTICATED');
    // A token that is one character off is just as dead.
    expect(await get(`${live.token.slice(0, -1)}${live.token.endsWith('A') ? 'B' : 'A'}`)).toBe('401 UNAUTHENTICATED');
  });
});

describe('sessions end at once', () => {
  it('when an administrator disables the user', async () => {
    const { client: admin } = await signedIn(app, t.ctx, { role: 'administrator' });
    const { user, client } = await signedIn(app, t.ctx, { role: 'supervisor' });
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    expect((await admin.patch(`/api/admin/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect(outcome(await client.get('/api/admin/users'))).toBe('401 UNAUTHENTICATED');
    expect(outcome(await client.post('/api/auth/login', { email: user.email, password: FACTORY_PASSWORD }))).toBe('403 ACCOUNT_DISABLED');
  });

  it('when the account is disabled behind the API’s back (status checked on every request)', async () => {
    const { user, client } = await signedIn(app, t.ctx, { role: 'evaluator' });
    expect((await client.get('/api/countries')).statusCode).toBe(200);
    await t.ctx.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    expect(outcome(await client.get('/api/countries'))).toBe('401 UNAUTHENTICATED');
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
  });

  it('when the session was idle too long', async () => {
    const { user, client } = await signedIn(app, t.ctx, { role: 'evaluator' });
    const idle = new Date(Date.now() - (t.ctx.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    await t.ctx.database.db.update(sessions).set({ lastSeenAt: idle }).where(eq(sessions.userId, user.id));
    expect(outcome(await client.get('/api/countries'))).toBe('401 UNAUTHENTICATED');
    expect(await t.ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });
});
