import type { RouteAccess } from '../domain/access/roles';
import type { Authentication } from '../services/authenticate.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every route: a route without it is refused. */
    access?: RouteAccess;
    /** Route serves a session that has not finished two-factor sign-in (MFA endpoints). */
    allowPendingMfa?: boolean;
    /**
     * A machine-to-machine webhook authenticated by an HMAC signature over the raw body (checked in
     * the handler). No cookies are read, so the browser CSRF check does not apply.
     */
    signedWebhook?: boolean;
  }
  interface FastifyRequest {
    auth: Authentication | null;
    /** The unparsed body, kept only on signed-webhook routes. */
    rawBody?: string;
  }
}

export {};
