import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMembership } from '../../../src/db/repos/user.repo';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { buildCataloguedApp, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';
import { bodyArbitrary, paramArbitrary, type FuzzBody, type FuzzPool } from './fuzz-arbitraries';
import { insertRawSession, issueToken, outcome } from './support';

/** Runs per route; raise locally with FUZZ_RUNS=500 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });

let app: FastifyInstance;
let writeRoutes: CatalogueRoute[] = [];
let adminId: string;
const pool: FuzzPool = { uuids: [], countries: ['GR', 'BG', 'RO', 'HR', 'AL'] };

beforeAll(async () => {
  let routes: CatalogueRoute[];
  ({ app, routes } = await buildCataloguedApp(t.ctx));
  writeRoutes = routes.filter((r) => r.method !== 'GET');
  // A region-wide administrator acts; victims give the fuzzer real ids to aim at (never the admin's own).
  adminId = (await makeUser(t.ctx, { role: 'administrator', isDemo: true })).id;
  const orgs = [await makeOrganisation(t.ctx, { countryCode: 'GR' }), await makeOrganisation(t.ctx, { countryCode: 'BG' })];
  for (const [i, role] of (['case_manager', 'supervisor', 'administrator'] as const).entries()) {
    const victim = await makeUser(t.ctx, { role, organisationId: orgs[i % 2]!.id });
    const extra = await insertMembership(t.ctx.database.db, { id: randomUUID(), userId: victim.id, organisationId: orgs[(i + 1) % 2]!.id, role: 'trainer', scope: 'organisation' });
    const token = await issueToken(t.ctx, victim.id, ['organisations.read']);
    pool.uuids.push(victim.id, extra.id, token.id);
  }
  pool.uuids.push(...orgs.map((o) => o.id));
});
afterAll(async () => {
  await app?.close();
});

async function fire(route: CatalogueRoute, params: Record<string, string>, body: FuzzBody) {
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const cookie = await insertRawSession(t.ctx, adminId); // a fresh session per run: logout and 2FA resets end sessions
  const headers: Record<string, string> = { cookie, 'x-csrf-token': 'csrf-test-value' };
  if ('raw' in body) headers['content-type'] = 'application/json';
  const payload = 'raw' in body ? body.raw : body.json === undefined ? undefined : JSON.stringify(body.json);
  if (payload !== undefined && !('raw' in body)) headers['content-type'] = 'application/json';
  const res = await app.inject({ method: route.method as 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
  return { url, res };
}

describe('fuzzing every write route as a signed-in administrator', () => {
  it('finds the write routes to fuzz', () => {
    expect(writeRoutes.map(routeKey)).toEqual(expect.arrayContaining(['POST /api/admin/users', 'PATCH /api/admin/organisations/:id', 'DELETE /api/admin/users/:id/memberships/:membershipId', 'POST /api/auth/login']));
    expect(writeRoutes.length).toBeGreaterThanOrEqual(16);
  });

  it('never answers 5xx, and every refusal is a coded error', async () => {
    const reached = new Map<string, Set<string>>();
    for (const route of writeRoutes) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      // Parameters that are not ids (a country code, a numeric id) get known-good values too, so the fuzzer reaches the service.
      const accepts = (value: string) => route.params?.safeParse(Object.fromEntries(names.map((n) => [n, value]))).success === true;
      const paramArb = accepts('1')
        ? fc.oneof(fc.nat({ max: 50 }).map(String), paramArbitrary(pool))
        : accepts(pool.countries[0]!)
          ? fc.oneof(fc.constantFrom(...pool.countries), paramArbitrary(pool))
          : paramArbitrary(pool);
      const paramsArb = fc.record(Object.fromEntries(names.map((n) => [n, paramArb])) as Record<string, fc.Arbitrary<string>>);
      const statuses = new Set<string>();
      reached.set(routeKey(route), statuses);
      await fc.assert(
        fc.asyncProperty(paramsArb, bodyArbitrary(route.body, pool), async (params, body) => {
          const { url, res } = await fire(route, params, body);
          const where = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) expect(typeof res.json().error?.code, where).toBe('string');
          statuses.add(outcome(res));
        }),
        { numRuns: RUNS },
      );
    }
    if (process.env.FUZZ_DEBUG) console.log(Object.fromEntries([...reached].map(([k, s]) => [k, [...s].sort()])));
    // The fuzzer must get past validation into the services (a service error or success) on nearly every
    // route, or it only tested the schemas. A little slack: a rare route may stay shallow in 40 runs.
    const shallow = ['400 VALIDATION_FAILED', '413 PAYLOAD_TOO_LARGE', '415 UNSUPPORTED_MEDIA_TYPE'];
    const deep = [...reached].filter(([, s]) => [...s].some((o) => !shallow.includes(o)));
    expect(deep.length, JSON.stringify(Object.fromEntries([...reached].map(([k, s]) => [k, [...s]])))).toBeGreaterThanOrEqual(writeRoutes.length - 3);
  }, 120_000);
});
