import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../../src/db/schema';
import { findOrganisation } from '../../../src/db/repos/organisation.repo';
import { findUserById, listMembershipsOfUsers } from '../../../src/db/repos/user.repo';
import type { TestClient } from '../../helpers/http-client';
import { createTestApp } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

let app: FastifyInstance;
let admin: TestClient;
let orgId: string;
let userId: string;
let saved: unknown;

/** Everything a bad request must leave exactly as it was. */
async function snapshot() {
  const db = t.ctx.database.db;
  const u = (await findUserById(db, userId))!;
  return {
    org: await findOrganisation(db, orgId),
    user: { ...u, lastLoginAt: null, updatedAt: null },
    memberships: await listMembershipsOfUsers(db, [userId]),
    countries: (await admin.get('/api/countries')).json().length,
  };
}

beforeAll(async () => {
  app = await createTestApp(t.ctx);
  ({ client: admin } = await signedIn(app, t.ctx, { role: 'administrator' }));
  const org = await admin.post('/api/admin/organisations', { name: 'Saved Helpline', countryCode: 'GR', type: 'national_ngo', city: 'Athens' });
  orgId = org.json().id;
  const user = await admin.post('/api/admin/users', { email: 'saved@test.example', displayName: 'Saved User', password: 'a-long-enough-password', memberships: [{ organisationId: orgId, role: 'case_manager' }] });
  userId = user.json().id;
  saved = await snapshot();
});
afterEach(async () => {
  expect(await snapshot()).toEqual(saved);
});
afterAll(async () => {
  await app?.close();
});

/** Send as the signed-in administrator (session cookie + CSRF), with a raw payload and headers. */
function send(method: InjectOptions['method'], url: string, payload?: string | object, headers: Record<string, string> = {}) {
  const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const base = { cookie, 'x-csrf-token': admin.cookies.get('victor_csrf')! };
  return app.inject({ method, url, headers: { ...base, ...headers }, ...(payload === undefined ? {} : { payload }) });
}
const json = { 'content-type': 'application/json' };
const orgBody = { name: 'Another Helpline', countryCode: 'GR', type: 'national_ngo' };

describe('malformed bodies', () => {
  it.each([
    ['truncated', '{"name": "x"'],
    ['trailing comma', '{"name": "Some Org",}'],
    ['single quotes', "{'name': 'Some Org'}"],
    ['empty', ''],
    ['bare word', 'undefined'],
    ['prototype poisoning', '{"__proto__": {"isAdmin": true}, "name": "Some Org", "countryCode": "GR", "type": "national_ngo"}'],
    ['constructor poisoning', '{"constructor": {"prototype": {"isAdmin": true}}, "name": "Some Org"}'],
  ])('refuses %s JSON with 400 VALIDATION_FAILED', async (_name, body) => {
    expect(outcome(await send('POST', '/api/admin/organisations', body, json))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await send('PATCH', `/api/admin/users/${userId}`, body, json))).toBe('400 VALIDATION_FAILED');
  });

  it.each([
    ['application/x-www-form-urlencoded', 'name=Some+Org&countryCode=GR', '415 UNSUPPORTED_MEDIA_TYPE'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nOrg\r\n--x--', '415 UNSUPPORTED_MEDIA_TYPE'],
    ['application/xml', '<org><name>Some Org</name></org>', '415 UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', JSON.stringify(orgBody), '400 VALIDATION_FAILED'],
  ])('refuses a %s body', async (type, body, expected) => {
    expect(outcome(await send('POST', '/api/admin/organisations', body, { 'content-type': type }))).toBe(expected);
  });

  it('refuses JSON that is not an object, or nests absurdly deep', async () => {
    for (const body of ['null', '[]', '42', '"Some Org"', 'true', `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
      expect(outcome(await send('POST', '/api/admin/organisations', body, json)), body.slice(0, 20)).toBe('400 VALIDATION_FAILED');
    }
  });

  it('refuses a body over 1 MiB with 413, and a long field under it with 400', async () => {
    const huge = JSON.stringify({ ...orgBody, name: 'x'.repeat(1024 * 1024) });
    expect(outcome(await send('POST', '/api/admin/organisations', huge, json))).toBe('413 PAYLOAD_TOO_LARGE');
    expect(outcome(await send('PATCH', `/api/admin/users/${userId}`, huge, json))).toBe('413 PAYLOAD_TOO_LARGE');
    expect(outcome(await send('POST', '/api/admin/organisations', { ...orgBody, name: 'x'.repeat(900_000) }))).toBe('400 VALIDATION_FAILED');
  });
});

describe('schema violations', () => {
  it.each([
    ['a number for a name', { ...orgBody, name: 12345 }, 'body.name'],
    ['an array for a country', { ...orgBody, countryCode: ['GR'] }, 'body.countryCode'],
    ['a lower-case country', { ...orgBody, countryCode: 'gr' }, 'body.countryCode'],
    ['null for a required enum', { ...orgBody, type: null }, 'body.type'],
    ['a boolean for an enum', { ...orgBody, partnership: true }, 'body.partnership'],
    ['an unknown field', { ...orgBody, id: '00000000-0000-4000-8000-000000000000' }, 'body'],
    ['an unknown nested-looking field', { ...orgBody, 'archived.at': 'now' }, 'body'],
  ])('refuses %s with the field named in issues', async (_name, body, path) => {
    const res = await send('POST', '/api/admin/organisations', body);
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  // Built lazily: the ids exist only once beforeAll ran.
  const cases: [string, 'POST' | 'PATCH', () => [string, object]][] = [
    ['an unknown user field', 'PATCH', () => [`/api/admin/users/${userId}`, { displayName: 'Ok Name', isAdmin: true }]],
    ['an unknown status', 'PATCH', () => [`/api/admin/users/${userId}`, { status: 'superuser' }]],
    ['a short password', 'PATCH', () => [`/api/admin/users/${userId}`, { password: 'short' }]],
    ['a boolean as text', 'PATCH', () => [`/api/admin/users/${userId}`, { unlock: 'true' }]],
    ['an unknown scope', 'POST', () => [`/api/admin/users/${userId}/memberships`, { organisationId: orgId, role: 'administrator', scope: 'galaxy' }]],
    ['an unknown role', 'POST', () => [`/api/admin/users/${userId}/memberships`, { organisationId: orgId, role: 'god' }]],
    ['a user id that is not a uuid', 'POST', () => ['/api/admin/tokens', { name: 'tok', userId: 'me', permissions: ['users.read'] }]],
    ['a number as text', 'POST', () => ['/api/admin/tokens', { name: 'tok', userId, permissions: ['users.read'], expiresInDays: '30' }]],
    ['a wildcard permission', 'POST', () => ['/api/admin/tokens', { name: 'tok', userId, permissions: ['*'] }]],
    ['no permissions', 'POST', () => ['/api/admin/tokens', { name: 'tok', userId, permissions: [] }]],
    ['an unknown locale', 'PATCH', () => ['/api/me/preferences', { locale: 'xx' }]],
    ['an unknown preference', 'PATCH', () => ['/api/me/preferences', { locale: 'en', theme: 'dark' }]],
    ['an extra password field', 'POST', () => ['/api/auth/password', { currentPassword: 'x', newPassword: 'a-long-enough-password', extra: 1 }]],
  ];
  it.each(cases)('refuses %s (%s)', async (_label, method, build) => {
    const [url, body] = build();
    const res = await send(method, url, body);
    expect(outcome(res)).toBe('400 VALIDATION_FAILED');
    expect(res.json().error.issues.length).toBeGreaterThan(0);
  });

  it('refuses bad identifiers and query values in the URL', async () => {
    const bad = ['not-a-uuid', '123', `${'0'.repeat(8)}-0000-4000-8000-00000000000`, "' OR '1'='1", '00000000-0000-4000-8000-000000000000;DROP', '%00'];
    for (const id of bad) {
      expect(outcome(await send('GET', `/api/admin/users/${encodeURIComponent(id)}`)), id).toBe('400 VALIDATION_FAILED');
      expect(outcome(await send('PATCH', `/api/admin/organisations/${encodeURIComponent(id)}`, { city: 'X' })), id).toBe('400 VALIDATION_FAILED');
      expect(outcome(await send('DELETE', `/api/admin/users/${userId}/memberships/${encodeURIComponent(id)}`)), id).toBe('400 VALIDATION_FAILED');
    }
    for (const q of ['limit=abc', 'limit=0', 'limit=100000', 'offset=-1', 'offset=1e400', 'organisationId=yesterday', 'role=god', 'limit=1&limit=2']) {
      expect(outcome(await send('GET', `/api/admin/users?${q}`)), q).toBe('400 VALIDATION_FAILED');
    }
    expect(outcome(await send('GET', '/api/admin/audit?limit=2026-13-45'))).toBe('400 VALIDATION_FAILED');
  });

  it('answers a broken URL encoding or an over-long parameter with a coded 4xx', async () => {
    for (const url of ['/api/admin/users/%E0%A4%A', `/api/admin/users/${'a'.repeat(300)}`, '/api/admin/users/%']) {
      const res = await send('GET', url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.json().error.code, url).toMatch(/^(VALIDATION_FAILED|ROUTE_NOT_FOUND)$/);
    }
  });

  it('refuses a NUL byte in text as bad input, not a server error', async () => {
    expect(outcome(await send('POST', '/api/admin/organisations', { ...orgBody, name: 'Nul\u0000Org' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await send('PATCH', `/api/admin/users/${userId}`, { displayName: 'Nul\u0000Name' }))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await send('GET', '/api/admin/users?q=%00'))).toBe('400 VALIDATION_FAILED');
    expect(outcome(await send('POST', '/api/auth/login', { email: 'saved\u0000@test.example', password: 'whatever-it-is' }))).toMatch(/^40[01] /);
  });
});

describe('hostile strings in text fields', () => {
  const hostile = [
    "Robert'); DROP TABLE organisations;--",
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)> & "quotes" \\ backslash',
    "' OR '1'='1' --",
    '%_\\% like wildcards',
    'Ελληνικά · Български · 👧🏽 · \u202Eevil',
  ];

  it.each(hostile.map((s) => [s]))('stores %j verbatim and returns it as JSON', async (text) => {
    const created = await send('POST', '/api/admin/organisations', { name: `Org ${text}`, countryCode: 'RO', type: 'national_ngo', city: text, shortName: text.slice(0, 40) });
    expect(outcome(created)).toBe('200');
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    const listed = (await admin.get('/api/admin/organisations')).json().find((o: { id: string }) => o.id === created.json().id);
    expect(listed).toMatchObject({ name: `Org ${text}`, city: text, shortName: text.slice(0, 40).trim() }); // schemas trim
    const renamed = await send('PATCH', `/api/admin/organisations/${created.json().id}`, { city: `${text}!` });
    expect(renamed.json().city).toBe(`${text}!`);
  });

  it('treats search text as text, not as SQL or LIKE patterns', async () => {
    for (const q of ["' OR '1'='1", '%', '_', '\\', "saved@test.example' --"]) {
      const res = await send('GET', `/api/admin/users?q=${encodeURIComponent(q)}`);
      expect(outcome(res), q).toBe('200');
      expect(res.json().items.map((u: { id: string }) => u.id), q).not.toContain(userId);
    }
    expect((await send('GET', '/api/admin/users?q=Saved%20User')).json().items.map((u: { id: string }) => u.id)).toEqual([userId]);
  });
});

describe('CSRF and sessions', () => {
  it('refuses state changes without a matching CSRF token, whatever the route', async () => {
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const session = `victor_session=${admin.cookies.get('victor_session')}`;
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-csrf-token': 'guessed' },
      { cookie, 'x-csrf-token': '' },
      { cookie: session, 'x-csrf-token': admin.cookies.get('victor_csrf')! },
      { cookie: `${session}; victor_csrf=mine`, 'x-csrf-token': 'MINE' },
    ];
    for (const headers of attempts) {
      expect(outcome(await app.inject({ method: 'PATCH', url: `/api/admin/users/${userId}`, headers, payload: { displayName: 'Csrf Victim' } }))).toBe('403 CSRF_FAILED');
      expect(outcome(await app.inject({ method: 'POST', url: '/api/admin/organisations', headers, payload: orgBody }))).toBe('403 CSRF_FAILED');
      expect(outcome(await app.inject({ method: 'DELETE', url: `/api/admin/users/${userId}/memberships/${orgId}`, headers }))).toBe('403 CSRF_FAILED');
    }
  });

  it('refuses an expired session with 401 and clears its cookie', async () => {
    const { user, client } = await signedIn(app, t.ctx, { role: 'supervisor' });
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    await t.ctx.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    const res = await client.get('/api/admin/users');
    expect(outcome(res)).toBe('401 UNAUTHENTICATED');
    expect(String(res.headers['set-cookie'])).toMatch(/victor_session=;/);
    expect(outcome(await client.patch('/api/me/preferences', { locale: 'el' }))).toBe('401 UNAUTHENTICATED');
  });
});
