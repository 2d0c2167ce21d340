import { z } from 'zod';
import { PERMISSIONS, ROLES, SCOPES } from '../domain/access/roles';
import { countryCodeSchema, localeSchema } from './common.schemas';
import { emailSchema, membershipViewSchema, passwordSchema } from './auth.schemas';

export const ORGANISATION_TYPES = [
  'national_ngo',
  'international_ngo',
  'public_authority',
  'international_organisation',
  'law_enforcement',
  'social_services',
] as const;
export const PARTNERSHIP_LEVELS = ['coordinator', 'full', 'associate', 'none'] as const;

export const countrySchema = z.object({
  code: countryCodeSchema,
  name: z.string(),
  seecFocus: z.boolean(),
  victorPartner: z.boolean(),
});

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  countryCode: countryCodeSchema,
  type: z.enum(ORGANISATION_TYPES),
  partnership: z.enum(PARTNERSHIP_LEVELS),
  city: z.string().nullable(),
  archived: z.boolean(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type OrganisationView = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    shortName: z.string().trim().min(1).max(40).nullable().optional(),
    countryCode: countryCodeSchema,
    type: z.enum(ORGANISATION_TYPES),
    partnership: z.enum(PARTNERSHIP_LEVELS).default('none'),
    city: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict();
export const organisationUpdateSchema = organisationCreateSchema
  .partial()
  .extend({ archived: z.boolean().optional() })
  .strict();

/** A membership as administrators see it: the same shape the signed-in user sees of their own. */
export const membershipSchema = membershipViewSchema;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  status: z.enum(['active', 'disabled']),
  isDemo: z.boolean(),
  mfaEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  memberships: z.array(membershipSchema),
});
export type UserView = z.infer<typeof userSchema>;

export const membershipCreateSchema = z
  .object({ organisationId: z.uuid(), role: z.enum(ROLES), scope: z.enum(SCOPES).optional() })
  .strict();

export const userCreateSchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(2).max(120),
    password: passwordSchema,
    locale: localeSchema.default('en'),
    memberships: z.array(membershipCreateSchema).max(20).default([]),
  })
  .strict();
export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(2).max(120).optional(),
    locale: localeSchema.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    password: passwordSchema.optional(),
    unlock: z.boolean().optional(),
  })
  .strict();

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  prefix: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    userId: z.uuid(),
    permissions: z.array(z.enum(PERMISSIONS)).min(1),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  })
  .strict();
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorTokenId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  problem: z.string().nullable(),
});
