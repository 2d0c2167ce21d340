import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import './types';
import type { Config } from '../config/config';
import { hasPermission } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { authenticateApiToken, authenticateSession } from '../services/authenticate.service';
import type { Actor, ServiceContext } from '../services/context';
import { generateSecret, safeEqual } from '../lib/crypto/tokens';

export const SESSION_COOKIE = 'victor_session';
export const CSRF_COOKIE = 'victor_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Route prefixes registered by plugins we do not write (API docs UI): public by declaration. */
export const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie options: httpOnly session, SameSite=Strict, Secure behind TLS. */
export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.tls, maxAge: config.SESSION_TTL_HOURS * 3600 };
}

/** The actor a handler passes to services. */
export function actorOf(request: FastifyRequest): Actor {
  return { principal: request.auth?.principal ?? null, requestId: request.id };
}

/** The session of the request, or 401. */
export function requireSession(request: FastifyRequest) {
  const session = request.auth?.session;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return session;
}

function ensureCsrfCookie(request: FastifyRequest, reply: FastifyReply, config: Config): string | undefined {
  const current = request.cookies[CSRF_COOKIE];
  if (!current) {
    void reply.setCookie(CSRF_COOKIE, generateSecret(24), { path: '/', httpOnly: false, sameSite: 'strict', secure: config.tls });
  }
  return current;
}

/**
 * Deny by default. Every route must declare `config.access`; registration fails without it, and a
 * request to such a route is refused. Then: authenticate (bearer token or session cookie), enforce
 * two-factor completion, the route's permission, and CSRF (double-submit) on state changes.
 */
export function installAccessControl(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { access?: string };
    // Whole path segments only: `/api/docs` and `/api/docs/…`, never `/api/documents`.
    if (!config.access && PLUGIN_PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      route.config = { ...(route.config ?? {}), access: 'public' } as typeof route.config;
      return;
    }
    if (!config.access && route.method !== 'HEAD') {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access permission (config.access)`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    const csrfCookie = ensureCsrfCookie(request, reply, ctx.config);
    if (request.is404) return; // the not-found handler answers ROUTE_NOT_FOUND and touches nothing
    if (!access) throw new AppError('FORBIDDEN', 'This route declares no permission and is refused.');
    const authz = request.headers.authorization;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      if (!m) throw new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer <token>".');
      request.auth = await authenticateApiToken(ctx, m[1]!);
    } else if (request.routeOptions.config.signedWebhook) {
      if (access !== 'public') throw new AppError('FORBIDDEN', 'A signed webhook route must be public.');
      return;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      request.auth = token ? await authenticateSession(ctx, token) : null;
      if (token && !request.auth) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (!SAFE_METHODS.has(request.method)) {
        const header = request.headers[CSRF_HEADER];
        if (!csrfCookie || typeof header !== 'string' || !safeEqual(header, csrfCookie)) {
          throw new AppError('CSRF_FAILED', 'The request is missing its CSRF token. Reload the page and try again.');
        }
      }
    }
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    const mfa = auth.session?.mfaState;
    if (!request.routeOptions.config.allowPendingMfa) {
      if (mfa === 'required') throw new AppError('MFA_REQUIRED', 'Enter your two-factor code first.');
      if (mfa === 'setup_required') throw new AppError('MFA_SETUP_REQUIRED', 'Set up two-factor authentication first.');
    }
    if (access === 'authenticated') return;
    if (!hasPermission(auth.principal, access)) throw new AppError('FORBIDDEN', `This needs the permission ${access}.`);
  });
}

/**
 * Check again that the credentials a request came with are still valid (for long-lived responses such
 * as event streams): the session or token still exists, the user is active, two-factor is complete.
 */
export async function revalidateRequest(ctx: ServiceContext, request: FastifyRequest): Promise<boolean> {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (m) return authenticateApiToken(ctx, m[1]!).then(() => true, () => false);
  const token = request.cookies[SESSION_COOKIE];
  const auth = token ? await authenticateSession(ctx, token) : null;
  return auth !== null && auth.session?.mfaState !== 'required' && auth.session?.mfaState !== 'setup_required';
}
