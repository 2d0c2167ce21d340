import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../src/domain/access/roles';
import { buildApp } from '../../../src/http/app';
import { buildCataloguedApp, fillPath, routeKey, type CatalogueRoute } from '../../helpers/route-catalogue';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

/**
 * Every route anyone may call without signing in. Reviewed by hand: a route that becomes public
 * fails this test until it is added here on purpose.
 */
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/auth/session',
  'POST /api/auth/login',
  'GET /*', // the web UI shell and its static files; refuses /api/* with ROUTE_NOT_FOUND
  // Swagger UI (a plugin; public by PLUGIN_PUBLIC_PREFIXES): documentation only, no data.
  'GET /api/docs',
  'GET /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'GET /api/docs/json',
  'GET /api/docs/yaml',
  'GET /api/docs/static/*',
  // Helpline public form: the desks that take reports, and the anonymous report (rate-limited, honeypot).
  'GET /api/public/desks',
  'POST /api/public/reports',
  // Signed webhooks of phone systems and mail gateways: no session, an HMAC signature per integration.
  'POST /api/integrations/telephony/events',
  'POST /api/integrations/email/messages',
  // Public knowledge pages (server-rendered): published articles of audience 'public' only, public
  // helpline numbers, public search, the sitemap and the stylesheet. /kb/* is the 404 page.
  'GET /kb',
  'GET /kb/assets/kb.css',
  'GET /kb/sitemap.xml',
  'GET /kb/:lang',
  'GET /kb/:lang/helplines',
  'GET /kb/:lang/search',
  'GET /kb/:lang/a/:slug',
  'GET /kb/*',
  // Public child-alert surfaces: only messages that are Actual + Public of issued/ended actual alerts;
  // personal data and photo only while issued (see docs/alert-distribution.md, "Public surfaces").
  'GET /cap/:file',
  'GET /feeds/child-alerts.atom',
  'GET /feeds/child-alerts/:file',
  'GET /feeds/child-alerts/lang/:file',
  'GET /child-alerts',
  'GET /child-alerts/assets/alerts.css',
  'GET /child-alerts/photos/:resourceId',
  'GET /child-alerts/widget.js',
  'GET /child-alerts/widget',
  'GET /child-alerts/:segment',
  'GET /child-alerts/:lang/:reference',
  'GET /api/public/child-alerts',
  // Public e-mail subscriptions to child alerts (double opt-in; always 202; GET pages change nothing).
  'GET /child-alerts/subscribe',
  'GET /child-alerts/assets/subscribe.js',
  'GET /child-alerts/subscriptions/confirm',
  'GET /child-alerts/subscriptions/unsubscribe',
  'POST /api/public/alert-subscriptions',
  'POST /api/public/alert-subscriptions/confirm',
  'POST /api/public/alert-subscriptions/unsubscribe',
].sort();

/** Routes open to any signed-in user regardless of role. Reviewed by hand as well. */
const AUTHENTICATED_ROUTES = [
  'POST /api/auth/logout',
  'POST /api/auth/mfa/verify',
  'POST /api/auth/mfa/setup',
  'POST /api/auth/mfa/enable',
  'POST /api/auth/password',
  'PATCH /api/me/preferences',
  'GET /api/countries',
  'GET /api/roles',
  'GET /api/events', // live updates; each event is filtered by the listener's permission and scope
  'GET /api/taxonomy', // the contact categories are reference data, not personal data
  'GET /api/taxonomy/versions',
  // Referrals have two sides: the referring desk (case scope) and the receiving liaison officer
  // (referrals.receive in the receiving organisation). The service decides per record and audits refusals.
  'GET /api/referrals',
  'GET /api/referrals/:id',
  'POST /api/referrals/:id/actions',
  'POST /api/referrals/:id/messages',
  'GET /api/referrals/:id/packet.pdf',
  // Child-alert country settings are read by alert readers (alerts.read) and by configurers
  // (alerts.configure, e.g. administrators without alerts.read): the service checks either.
  'GET /api/alert-settings',
  'GET /api/alert-settings/:country',
].sort();

let app: FastifyInstance;
let routes: CatalogueRoute[];
beforeAll(async () => {
  ({ app, routes } = await buildCataloguedApp(t.ctx));
});
afterAll(async () => {
  await app?.close();
});

describe('route catalogue', () => {
  it('finds every route of the app (cross-checked with the router and the OpenAPI document)', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) expect(app.hasRoute({ method: r.method as 'GET', url: r.url }), routeKey(r)).toBe(true);
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const known = new Set(routes.map(routeKey));
    expect(documented.filter((k) => !known.has(k))).toEqual([]);
  });

  it('gives every route a declared access marker that is a real permission, public or authenticated', () => {
    const allowed = new Set<string>([...PERMISSIONS, 'public', 'authenticated']);
    const bad = routes.filter((r) => !r.access || !allowed.has(r.access)).map((r) => `${routeKey(r)} → ${String(r.access)}`);
    expect(bad).toEqual([]);
  });

  it('lists public routes exactly as reviewed (a new public route fails until added to PUBLIC_ROUTES)', () => {
    expect(routes.filter((r) => r.access === 'public').map(routeKey).sort()).toEqual(PUBLIC_ROUTES);
  });

  it('lists routes open to any signed-in user exactly as reviewed', () => {
    expect(routes.filter((r) => r.access === 'authenticated').map(routeKey).sort()).toEqual(AUTHENTICATED_ROUTES);
  });

  it('lets only the two-factor and sign-out routes serve a session whose 2FA is pending', () => {
    expect(routes.filter((r) => r.allowPendingMfa).map(routeKey).sort()).toEqual(
      ['POST /api/auth/logout', 'POST /api/auth/mfa/enable', 'POST /api/auth/mfa/setup', 'POST /api/auth/mfa/verify'],
    );
  });

  it('serves every public GET route without a session (no hidden auth requirement, no 5xx)', async () => {
    for (const r of routes.filter((x) => x.access === 'public' && x.method === 'GET')) {
      const res = await app.inject({ method: 'GET', url: fillPath(r.url) });
      expect(res.statusCode, routeKey(r)).toBeLessThan(500);
      expect([401, 403], routeKey(r)).not.toContain(res.statusCode);
    }
  });
});

describe('deny by default', () => {
  const extra = (register: (a: FastifyInstance) => void) => ({ extraRoutes: [async (a: FastifyInstance) => register(a)] });
  /** Build (and ready) an app with extra routes: 'built', or the error message. */
  const outcome = async (register: (a: FastifyInstance) => void): Promise<string> => {
    try {
      const a = await buildApp(t.ctx, extra(register));
      await a.ready();
      await a.close();
      return 'built';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('refuses to build an app with a route that declares no access', async () => {
    expect(await outcome((a) => a.get('/api/forgotten', async () => ({ leaked: true })))).toMatch(/GET \/api\/forgotten declares no access permission/);
    expect(await outcome((a) => a.post('/api/forgotten', { config: {} }, async () => ({})))).toMatch(/declares no access permission/);
    expect(await outcome((a) => a.route({ method: ['GET', 'POST'], url: '/api/forgotten', handler: async () => ({}) }))).toMatch(/declares no access permission/);
    // The same route with a declaration builds: the refusal is about the missing access, nothing else.
    expect(await outcome((a) => a.get('/api/forgotten', { config: { access: 'users.read' } }, async () => ({})))).toBe('built');
  });

  it('refuses routes in nested plugins too', async () => {
    const nested = (a: FastifyInstance) => {
      void a.register(async (child) => {
        child.delete('/api/nested/:id', async () => ({}));
      }, { prefix: '/v2' });
    };
    expect(await outcome(nested)).toMatch(/DELETE \/v2\/api\/nested\/:id declares no access permission/);
  });

  it('does not treat routes that merely start like /api/docs as the public API docs', async () => {
    for (const url of ['/api/documents', '/api/docs-internal/export', '/api/docsearch']) {
      expect(await outcome((a) => a.get(url, async () => ({}))), url).toMatch(/declares no access permission/);
    }
  });

  it('refuses at request time a HEAD-only route registered without access', async () => {
    const a = await buildApp(t.ctx, extra((x) => x.head('/api/head-only', async () => undefined)));
    await a.ready();
    const res = await a.inject({ method: 'HEAD', url: '/api/head-only' });
    expect(res.statusCode).toBe(403);
    await a.close();
  });

  it('answers an unknown /api route with a coded 404, not the web UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    const post = await app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} });
    expect(post.statusCode).toBe(404);
  });
});
