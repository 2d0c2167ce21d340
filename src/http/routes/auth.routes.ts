import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBodySchema,
  loginBodySchema,
  mfaEnableBodySchema,
  mfaSetupSchema,
  mfaVerifyBodySchema,
  preferencesBodySchema,
  recoveryCodesSchema,
  sessionViewSchema,
} from '../../api/auth.schemas';
import { errorSchema, okSchema } from '../../api/common.schemas';
import * as auth from '../../services/auth.service';
import type { ServiceContext } from '../../services/context';
import { SESSION_COOKIE, actorOf, requireSession, sessionCookieOptions } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema, 423: errorSchema, 429: errorSchema };

/** Sign-in, two-factor, sign-out, password and preferences. */
export async function registerAuthRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags, summary: 'The current session (or none) and whether this is a demo instance', response: { 200: sessionViewSchema } },
  }, async (request) => auth.describeSession(ctx, request.auth?.session ?? null, request.auth ?? undefined));

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in with e-mail and password', body: loginBodySchema, response: { 200: sessionViewSchema, ...errors } },
  }, async (request, reply) => {
    const result = await auth.login(ctx, {
      email: request.body.email,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      requestId: request.id,
    });
    void reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx.config));
    return result.view;
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated', allowPendingMfa: true },
    schema: { tags, summary: 'Sign out', response: { 200: okSchema } },
  }, async (request, reply) => {
    await auth.logout(ctx, requireSession(request), actorOf(request));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post('/api/auth/mfa/verify', {
    config: { access: 'authenticated', allowPendingMfa: true },
    schema: { tags, summary: 'Second sign-in step: TOTP code or recovery code', body: mfaVerifyBodySchema, response: { 200: sessionViewSchema, ...errors } },
  }, async (request) => auth.verifyMfa(ctx, requireSession(request), request.body, actorOf(request)));

  r.post('/api/auth/mfa/setup', {
    config: { access: 'authenticated', allowPendingMfa: true },
    schema: { tags, summary: 'Start two-factor set-up: secret, otpauth URL and QR code', response: { 200: mfaSetupSchema, ...errors } },
  }, async (request) => auth.beginMfaSetup(ctx, requireSession(request)));

  r.post('/api/auth/mfa/enable', {
    config: { access: 'authenticated', allowPendingMfa: true },
    schema: { tags, summary: 'Finish two-factor set-up; returns recovery codes once', body: mfaEnableBodySchema, response: { 200: recoveryCodesSchema, ...errors } },
  }, async (request) => auth.enableMfa(ctx, requireSession(request), request.body.code, actorOf(request)));

  r.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change your password (other sessions end)', body: changePasswordBodySchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await auth.changePassword(ctx, requireSession(request), request.body, actorOf(request));
    return { ok: true as const };
  });

  r.patch('/api/me/preferences', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Set your interface language', body: preferencesBodySchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await auth.updatePreferences(ctx, requireSession(request), request.body);
    return { ok: true as const };
  });
}
