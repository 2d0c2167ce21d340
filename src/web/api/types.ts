import type { z } from 'zod';
import type {
  apiTokenCreatedSchema,
  apiTokenSchema,
  auditEntrySchema,
  auditVerifySchema,
  countrySchema,
  OrganisationView,
  UserView,
} from '../../api/admin.schemas';
import type { CurrentUser, SessionView, mfaSetupSchema, recoveryCodesSchema } from '../../api/auth.schemas';
import type { Locale } from '../../api/common.schemas';
import type { Permission, Role, Scope } from '../../domain/access/roles';

export type { CurrentUser, Locale, OrganisationView, Permission, Role, Scope, SessionView, UserView };
export type Membership = CurrentUser['memberships'][number];
export type Country = z.infer<typeof countrySchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;
export type MfaSetup = z.infer<typeof mfaSetupSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type OrganisationType = OrganisationView['type'];
export type PartnershipLevel = OrganisationView['partnership'];

/** GET /api/roles */
export interface RoleInfo {
  role: Role;
  permissions: Permission[];
  defaultScope: Scope;
  requiresMfa: boolean;
}

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The answer of endpoints that only confirm. */
export interface Ok {
  ok: true;
}
