import { z } from 'zod';
import { PERMISSIONS, ROLES, SCOPES } from '../domain/access/roles';
import { countryCodeSchema, localeSchema } from './common.schemas';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Password policy: 12 to 256 characters. */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const loginBodySchema = z.object({ email: emailSchema, password: z.string().min(1).max(256) }).strict();

/** What the client must do next after a login step. */
export const authStatusSchema = z.enum(['ok', 'mfa_required', 'mfa_setup_required']);

export const membershipViewSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  countryCode: countryCodeSchema,
  role: z.enum(ROLES),
  scope: z.enum(SCOPES),
});

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  isDemo: z.boolean(),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  memberships: z.array(membershipViewSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** GET /api/auth/session and the answer of every login step. */
export const sessionViewSchema = z.object({
  status: authStatusSchema.nullable(),
  user: currentUserSchema.nullable(),
  demoInstance: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const mfaVerifyBodySchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, 'six digits').optional(),
    recoveryCode: z.string().trim().min(8).max(32).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), { message: 'give either code or recoveryCode' });

export const mfaSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const mfaEnableBodySchema = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }).strict();
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const changePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema })
  .strict();

export const preferencesBodySchema = z.object({ locale: localeSchema }).strict();
