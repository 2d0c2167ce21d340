import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context';
import type { EventHub } from '../services/events.service';
import { installAccessControl, revalidateRequest } from './access';
import { frameworkErrorHandler, installErrorHandler } from './error-handler';
import { registerAdminRoutes } from './routes/admin.routes';
import { registerCaseRoutes } from './routes/cases.routes';
import { registerCaseWorkRoutes } from './routes/case-work.routes';
import { registerCaseExportRoutes } from './routes/case-export.routes';
import { registerReferralRoutes } from './routes/referral.routes';
import { registerHandoffRoutes } from './routes/handoff.routes';
import { registerAlertRoutes } from './routes/alerts.routes';
import { registerMissingChildRoutes } from './routes/missing-child.routes';
import { registerAlertPublicRoutes } from './routes/alert-public.routes';
import { registerAlertDistributionRoutes } from './routes/alert-distribution.routes';
import { registerAlertIngestRoutes } from './routes/alert-ingest.routes';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerContactRoutes } from './routes/contact.routes';
import { registerHelplineRoutes } from './routes/helpline.routes';
import { registerIntegrationRoutes } from './routes/integration.routes';
import { registerKnowledgeArticleRoutes } from './routes/knowledge-article.routes';
import { registerKnowledgeReferenceRoutes } from './routes/knowledge-reference.routes';
import { registerKnowledgeSearchRoutes } from './routes/knowledge-search.routes';
import { registerPublicKnowledgeRoutes } from './routes/public-knowledge.routes';
import { registerEventRoutes } from './routes/events.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerWebRoutes } from './routes/web.routes';

/** Options for building the HTTP app. */
export interface AppOptions {
  /** Directory of the built web UI; omitted or missing → API only. */
  webDist?: string;
  /** Is the app shutting down (readyz answers 503)? */
  isDraining?: () => boolean;
  /** Live-update hub; without it /api/events is not served. */
  events?: EventHub;
  /** How often an event stream re-checks its session and sends a keep-alive (default 25 s). */
  eventKeepAliveMs?: number;
  /** Extra route registrations (later features add theirs here). */
  extraRoutes?: ((app: FastifyInstance, ctx: ServiceContext) => Promise<void>)[];
}

/** Maximum JSON body: 1 MiB (uploads get their own routes and limits). */
export const BODY_LIMIT = 1024 * 1024;

/** Build the Fastify app: security headers, access control, coded errors, OpenAPI, routes, web UI. */
export async function buildApp(ctx: ServiceContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: ctx.config.TRUST_PROXY as FastifyServerOptions['trustProxy'],
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.tls ? [] : null,
      },
    },
    hsts: ctx.config.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  installAccessControl(app, ctx);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Victor API', version: '0.1.0', description: 'Info-desks, helplines, cases and child alerts for Southeastern Europe.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'victor_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `victor token create` or the admin UI' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerHealthRoutes(app, ctx, opts.isDraining ?? (() => false));
  await registerAuthRoutes(app, ctx);
  await registerAdminRoutes(app, ctx);
  await registerContactRoutes(app, ctx);
  await registerHelplineRoutes(app, ctx);
  await registerIntegrationRoutes(app, ctx);
  await registerKnowledgeArticleRoutes(app, ctx);
  await registerKnowledgeReferenceRoutes(app, ctx);
  await registerKnowledgeSearchRoutes(app, ctx);
  await registerPublicKnowledgeRoutes(app, ctx);
  await registerCaseRoutes(app, ctx);
  await registerCaseWorkRoutes(app, ctx);
  await registerCaseExportRoutes(app, ctx);
  await registerReferralRoutes(app, ctx);
  await registerHandoffRoutes(app, ctx);
  await registerAlertRoutes(app, ctx);
  await registerMissingChildRoutes(app, ctx);
  await registerAlertPublicRoutes(app, ctx);
  await registerAlertDistributionRoutes(app, ctx);
  await registerAlertIngestRoutes(app, ctx);
  if (opts.events) await registerEventRoutes(app, opts.events, (request) => revalidateRequest(ctx, request), opts.eventKeepAliveMs);
  for (const register of opts.extraRoutes ?? []) await register(app, ctx);

  await registerWebRoutes(app, opts.webDist);
  return app;
}
