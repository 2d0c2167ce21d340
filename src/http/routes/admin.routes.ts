import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditVerifySchema,
  countrySchema,
  membershipCreateSchema,
  organisationCreateSchema,
  organisationSchema,
  organisationUpdateSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '../../api/admin.schemas';
import { errorSchema, idParamsSchema, okSchema } from '../../api/common.schemas';
import { DEFAULT_SCOPE, PERMISSIONS, ROLES, ROLE_PERMISSIONS, ROLES_REQUIRING_MFA, SCOPES } from '../../domain/access/roles';
import * as auditService from '../../services/audit.service';
import type { ServiceContext } from '../../services/context';
import * as orgService from '../../services/organisation.service';
import * as tokenService from '../../services/token.service';
import * as userService from '../../services/user.service';
import { actorOf } from '../access';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Organisations, users, memberships, API tokens, audit log; countries and roles. */
export async function registerAdminRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/countries', {
    config: { access: 'authenticated' },
    schema: { tags: ['reference'], summary: 'Countries of the network', response: { 200: z.array(countrySchema) } },
  }, async () => orgService.listCountries(ctx));

  r.get('/api/roles', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['reference'],
      summary: 'Roles with their permissions and default scope',
      response: { 200: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(PERMISSIONS)), defaultScope: z.enum(SCOPES), requiresMfa: z.boolean() })) },
    },
  }, async () => ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]], defaultScope: DEFAULT_SCOPE[role], requiresMfa: ROLES_REQUIRING_MFA.includes(role) })));

  const orgTags = ['organisations'];
  r.get('/api/admin/organisations', {
    config: { access: 'organisations.read' },
    schema: { tags: orgTags, summary: 'List organisations', response: { 200: z.array(organisationSchema), ...errors } },
  }, async (request) => orgService.listOrganisations(ctx, actorOf(request)));

  r.post('/api/admin/organisations', {
    config: { access: 'organisations.manage' },
    schema: { tags: orgTags, summary: 'Create an organisation', body: organisationCreateSchema, response: { 200: organisationSchema, ...errors } },
  }, async (request) => orgService.createOrganisation(ctx, actorOf(request), request.body));

  r.patch('/api/admin/organisations/:id', {
    config: { access: 'organisations.manage' },
    schema: { tags: orgTags, summary: 'Edit or archive an organisation', params: idParamsSchema, body: organisationUpdateSchema, response: { 200: organisationSchema, ...errors } },
  }, async (request) => orgService.updateOrganisation(ctx, actorOf(request), request.params.id, request.body));

  const userTags = ['users'];
  r.get('/api/admin/users', {
    config: { access: 'users.read' },
    schema: { tags: userTags, summary: 'List users', querystring: userListQuerySchema, response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }), ...errors } },
  }, async (request) => userService.listUsers(ctx, actorOf(request), request.query));

  r.get('/api/admin/users/:id', {
    config: { access: 'users.read' },
    schema: { tags: userTags, summary: 'One user (the view is audited)', params: idParamsSchema, response: { 200: userSchema, ...errors } },
  }, async (request) => userService.getUser(ctx, actorOf(request), request.params.id));

  r.post('/api/admin/users', {
    config: { access: 'users.manage' },
    schema: { tags: userTags, summary: 'Create a user with memberships', body: userCreateSchema, response: { 200: userSchema, ...errors } },
  }, async (request) => userService.createUser(ctx, actorOf(request), request.body));

  r.patch('/api/admin/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags: userTags, summary: 'Edit, disable, unlock or set a password', params: idParamsSchema, body: userUpdateSchema, response: { 200: userSchema, ...errors } },
  }, async (request) => userService.updateUser(ctx, actorOf(request), request.params.id, request.body));

  r.post('/api/admin/users/:id/reset-2fa', {
    config: { access: 'users.manage' },
    schema: { tags: userTags, summary: 'Reset two-factor authentication', params: idParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await userService.resetUserMfa(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });

  r.post('/api/admin/users/:id/memberships', {
    config: { access: 'users.manage' },
    schema: { tags: userTags, summary: 'Give a role in an organisation', params: idParamsSchema, body: membershipCreateSchema, response: { 200: userSchema, ...errors } },
  }, async (request) => userService.addMembership(ctx, actorOf(request), request.params.id, request.body));

  r.delete('/api/admin/users/:id/memberships/:membershipId', {
    config: { access: 'users.manage' },
    schema: { tags: userTags, summary: 'Remove a role', params: z.object({ id: z.uuid(), membershipId: z.uuid() }).strict(), response: { 200: userSchema, ...errors } },
  }, async (request) => userService.removeMembership(ctx, actorOf(request), request.params.id, request.params.membershipId));

  const tokenTags = ['api tokens'];
  r.get('/api/admin/tokens', {
    config: { access: 'tokens.manage' },
    schema: { tags: tokenTags, summary: 'List API tokens', response: { 200: z.array(apiTokenSchema), ...errors } },
  }, async (request) => tokenService.listTokens(ctx, actorOf(request)));

  r.post('/api/admin/tokens', {
    config: { access: 'tokens.manage' },
    schema: { tags: tokenTags, summary: 'Create an API token (the secret is shown once)', body: apiTokenCreateSchema, response: { 200: apiTokenCreatedSchema, ...errors } },
  }, async (request) => tokenService.createToken(ctx, actorOf(request), request.body));

  r.post('/api/admin/tokens/:id/revoke', {
    config: { access: 'tokens.manage' },
    schema: { tags: tokenTags, summary: 'Revoke an API token', params: idParamsSchema, response: { 200: okSchema, ...errors } },
  }, async (request) => {
    await tokenService.revokeToken(ctx, actorOf(request), request.params.id);
    return { ok: true as const };
  });

  const auditTags = ['audit'];
  r.get('/api/admin/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: auditTags,
      summary: 'Audit log, newest first',
      querystring: z.object({
        entityType: z.string().max(60).optional(),
        entityId: z.string().max(100).optional(),
        action: z.string().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }), ...errors },
    },
  }, async (request) => auditService.listAudit(ctx, actorOf(request), request.query));

  r.get('/api/admin/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags: auditTags, summary: 'Verify the audit hash chain', response: { 200: auditVerifySchema, ...errors } },
  }, async (request) => auditService.verifyAudit(ctx, actorOf(request)));
}
