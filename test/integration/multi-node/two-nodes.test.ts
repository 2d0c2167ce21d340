/**
 * Two Victor processes on one PostgreSQL database, talked to over real HTTP: the app nodes are
 * stateless, so sessions, CSRF cookies and the sign-in rate limit work across them, and starting
 * both at once on an empty database migrates and seeds it exactly once.
 *
 * PostgreSQL only: an embedded DATA_DIR admits exactly one process by design (its lock file).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../../../src/db/database';
import { listMigrations } from '../../../src/db/migrate';
import { verifyAuditLog } from '../../../src/db/repos/audit.repo';
import { DEMO_PASSWORD, DEMO_USERS, ORGANISATIONS } from '../../../src/db/seed/network.data';
import { spawnServer, stopAllServers, type SpawnedServer } from '../../helpers/spawn-server';
import { isPostgresRun } from '../../helpers/test-db';
import { CookieJar } from '../../helpers/cookie-jar';

const onPostgres = isPostgresRun();
const ADMIN = 'admin@victor.example';
const LOGIN_LIMIT = 6;

/** Run SQL on the server's maintenance database (CREATE/DROP DATABASE). */
async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Wait until at least `seconds` remain in the current fixed one-minute rate-limit window. */
async function awayFromWindowEdge(seconds: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((r) => setTimeout(r, left + 50));
}

describe.skipIf(!onPostgres)('two app nodes on one PostgreSQL (postgres project only: an embedded DATA_DIR admits one process by design)', () => {
  const dbName = `victor_mn_${randomBytes(5).toString('hex')}`;
  let dbUrl = '';
  let a: SpawnedServer;
  let b: SpawnedServer;

  beforeAll(async () => {
    // An EMPTY database (not the migrated template): both nodes must migrate and seed it at once.
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const u = new URL(inject('postgresUrl'));
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    const env = {
      DATABASE_URL: dbUrl,
      VICTOR_ENCRYPTION_KEYS: `mn1:${randomBytes(32).toString('base64')}`,
      VICTOR_DEMO_SEED: 'true',
      RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGIN_LIMIT),
      // Behind a proxy, as in production: lets each test sign in from its own client address.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
      WEB_DIST: '.tmp/no-web-build',
      DATA_DIR: `.tmp/${dbName}-unused`,
    };
    [a, b] = await Promise.all([spawnServer({ env, name: 'node A' }), spawnServer({ env, name: 'node B' })]);
  }, 120_000);

  afterAll(async () => {
    await stopAllServers();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  }, 60_000);

  it('starting both at once on an empty database migrates and seeds it exactly once', async () => {
    expect(a.pid).not.toBe(b.pid);
    const migrated = [a, b].filter((n) => n.stdout().includes('"msg":"applied migrations"'));
    expect(migrated).toHaveLength(1);
    const database = createPostgresDatabase({ url: dbUrl, max: 1 });
    try {
      const [rows] = await database.withSession((run) =>
        run(`SELECT (SELECT count(*)::int FROM schema_migrations) AS migrations,
                    (SELECT count(*)::int FROM users) AS users,
                    (SELECT count(*)::int FROM organisations) AS organisations,
                    (SELECT count(*)::int FROM audit_log WHERE action = 'user.created') AS created,
                    (SELECT count(*)::int FROM jobs WHERE kind = 'maintenance.run' AND done_at IS NULL) AS maintenance`),
      );
      expect(rows![0]).toEqual({
        migrations: listMigrations().length,
        users: DEMO_USERS.length,
        organisations: ORGANISATIONS.length,
        created: DEMO_USERS.length,
        maintenance: 1,
      });
      expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }
  });

  it('a session signed in on A works on B, and signing out on B ends it on A', async () => {
    const jar = new CookieJar();
    const login = await jar.post(a.url, '/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(jar.cookies.has('victor_session')).toBe(true);

    const onB = await jar.get(b.url, '/api/auth/session');
    expect(onB.body).toMatchObject({ status: 'ok', user: { email: ADMIN } });
    const users = await jar.get(b.url, '/api/admin/users?limit=50');
    expect(users.status).toBe(200);
    expect((users.body as { items: unknown[] }).items).toHaveLength(DEMO_USERS.length);

    const stolen = jar.header();
    const logout = await jar.post(b.url, '/api/auth/logout');
    expect(logout.status).toBe(200);
    expect(jar.cookies.has('victor_session')).toBe(false);

    // Replay the old cookie on A: the session row is gone for every node.
    const replay = await fetch(`${a.url}/api/admin/users`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const sessionOnA = await fetch(`${a.url}/api/auth/session`, { headers: { cookie: stolen } });
    expect(await sessionOnA.json()).toMatchObject({ status: null, user: null });
  });

  it('counts the sign-in rate limit across both nodes', async () => {
    await awayFromWindowEdge(15);
    const client = `198.51.100.${1 + (Date.now() % 250)}`;
    const jar = new CookieJar();
    await jar.get(a.url, '/api/auth/session');
    const attempt = async (node: SpawnedServer, i: number, from = client) => {
      const res = await fetch(`${node.url}/api/auth/login`, {
        method: 'POST',
        headers: { cookie: jar.header(), 'x-csrf-token': jar.cookies.get('victor_csrf')!, 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ email: `nobody-${i}-${Date.now()}@victor.example`, password: 'not-the-password' }),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: { code: string } } };
    };
    for (let i = 0; i < LOGIN_LIMIT; i += 1) {
      const res = await attempt(i % 2 === 0 ? a : b, i);
      expect(res.status, `attempt ${i + 1} on node ${i % 2 === 0 ? 'A' : 'B'}`).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const seventh = await attempt(a, LOGIN_LIMIT);
    expect(seventh.status).toBe(429);
    expect(seventh.body.error.code).toBe('RATE_LIMITED');
    expect(Number(seventh.retryAfter)).toBeGreaterThan(0);
    expect((await attempt(b, LOGIN_LIMIT + 1)).status).toBe(429);
    // Another client address is not affected.
    expect((await attempt(b, LOGIN_LIMIT + 2, '203.0.113.9')).status).toBe(401);
  });

  it('accepts on B the CSRF cookie that A issued', async () => {
    const jar = new CookieJar();
    await jar.get(a.url, '/api/auth/session');
    const csrf = jar.cookies.get('victor_csrf');
    expect(csrf).toBeTruthy();

    const forged = await fetch(`${b.url}/api/auth/login`, {
      method: 'POST',
      headers: { cookie: jar.header(), 'x-csrf-token': 'wrong', 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD }),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');

    const login = await jar.post(b.url, '/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(jar.cookies.get('victor_csrf')).toBe(csrf);
    const prefs = await jar.request(b.url, 'PATCH', '/api/me/preferences', { locale: 'el' });
    expect(prefs.status).toBe(200);
    expect((await jar.get(a.url, '/api/auth/session')).body).toMatchObject({ user: { email: ADMIN, locale: 'el' } });
  });

  it('stops A cleanly on SIGTERM while B keeps serving', async () => {
    expect(await a.stop('SIGTERM')).toBe(0);
    const res = await fetch(`${b.url}/readyz`);
    expect(res.status).toBe(200);
  });
});
