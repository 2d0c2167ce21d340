import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ZodType } from 'zod';
import { buildApp, type AppOptions } from '../../src/http/app';
import type { ServiceContext } from '../../src/services/context';
import { EventHub } from '../../src/services/events.service';

/** One registered route as the access layer sees it once the app is ready. */
export interface CatalogueRoute {
  method: string;
  url: string;
  /** `config.access` after every onRoute hook ran (undefined = undeclared). */
  access: string | undefined;
  allowPendingMfa: boolean;
  body?: ZodType;
  params?: ZodType;
}

/** `METHOD url`, the key the catalogue tests use. */
export function routeKey(r: { method: string; url: string }): string {
  return `${r.method} ${r.url}`;
}

/**
 * Build the real app (buildApp) while recording every route it registers. An onRoute hook is added
 * through Fastify's `fastify.initialization` diagnostics channel, i.e. before buildApp registers
 * anything, so routes of plugins (API docs) are seen too. Automatic HEAD routes are left out.
 * Like production (src/server.ts) it passes an EventHub, so GET /api/events is registered; the hub
 * is not started, as no test here reads the stream.
 */
export async function buildCataloguedApp(ctx: ServiceContext, opts: AppOptions = {}): Promise<{ app: FastifyInstance; routes: CatalogueRoute[] }> {
  const seen: RouteOptions[] = [];
  let hooked = false;
  const onInit = (message: unknown) => {
    if (hooked) return;
    hooked = true;
    (message as { fastify: FastifyInstance }).fastify.addHook('onRoute', (route) => {
      seen.push(route);
    });
  };
  subscribe('fastify.initialization', onInit);
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx, { events: new EventHub(), ...opts });
  } finally {
    unsubscribe('fastify.initialization', onInit);
  }
  await app.ready();
  const routes: CatalogueRoute[] = [];
  for (const route of seen) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as { access?: string; allowPendingMfa?: boolean };
    const schema = (route.schema ?? {}) as { body?: ZodType; params?: ZodType };
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: config.access, allowPendingMfa: config.allowPendingMfa === true, body: schema.body, params: schema.params });
    }
  }
  return { app, routes };
}

/** Fill `:param` and `*` segments of a route URL (by default with fresh-looking fixed UUIDs). */
export function fillPath(url: string, value: (name: string) => string = () => '00000000-0000-4000-8000-000000000000'): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(value(name))).replace(/\*$/, 'x');
}
