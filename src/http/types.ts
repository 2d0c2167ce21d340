import type { RouteAccess } from '../domain/access/roles';
import type { Authentication } from '../services/authenticate.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every route: a route without it is refused. */
    access?: RouteAccess;
    /** Route serves a session that has not finished two-factor sign-in (MFA endpoints). */
    allowPendingMfa?: boolean;
  }
  interface FastifyRequest {
    auth: Authentication | null;
  }
}

export {};
