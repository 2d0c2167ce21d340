import { apiDelete, apiGet, apiPatch, apiPost, queryString } from '../../api/client';
import type {
  ApiToken,
  ApiTokenCreated,
  AuditEntry,
  AuditVerifyResult,
  Country,
  Locale,
  Ok,
  OrganisationType,
  OrganisationView,
  Page,
  PartnershipLevel,
  Permission,
  Role,
  RoleInfo,
  Scope,
  UserView,
} from '../../api/types';

/** Body of POST /api/admin/organisations. */
export interface OrganisationInput {
  name: string;
  shortName: string | null;
  countryCode: string;
  type: OrganisationType;
  partnership: PartnershipLevel;
  city: string | null;
}

/** A membership to add to a user. */
export interface MembershipInput {
  organisationId: string;
  role: Role;
  scope?: Scope;
}

/** Body of POST /api/admin/users. */
export interface UserCreateInput {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  memberships: MembershipInput[];
}

/** Body of PATCH /api/admin/users/:id. */
export interface UserUpdateInput {
  displayName?: string;
  locale?: Locale;
  status?: 'active' | 'disabled';
  password?: string;
  unlock?: boolean;
}

/** Body of POST /api/admin/tokens. */
export interface TokenCreateInput {
  name: string;
  userId: string;
  permissions: Permission[];
  expiresInDays?: number;
}

/** Filters of the user list. */
export interface UserQuery {
  q?: string;
  organisationId?: string;
  role?: Role;
  limit: number;
  offset: number;
}

/** Typed calls of the administration API. */
export const adminApi = {
  countries: () => apiGet<Country[]>('/api/countries'),
  roles: () => apiGet<RoleInfo[]>('/api/roles'),
  organisations: () => apiGet<OrganisationView[]>('/api/admin/organisations'),
  createOrganisation: (body: OrganisationInput) => apiPost<OrganisationView>('/api/admin/organisations', body),
  updateOrganisation: (id: string, body: Partial<OrganisationInput> & { archived?: boolean }) =>
    apiPatch<OrganisationView>(`/api/admin/organisations/${id}`, body),
  usersPath: (query: UserQuery) => `/api/admin/users${queryString({ ...query })}`,
  user: (id: string) => apiGet<UserView>(`/api/admin/users/${id}`),
  users: (query: UserQuery) => apiGet<Page<UserView>>(`/api/admin/users${queryString({ ...query })}`),
  createUser: (body: UserCreateInput) => apiPost<UserView>('/api/admin/users', body),
  updateUser: (id: string, body: UserUpdateInput) => apiPatch<UserView>(`/api/admin/users/${id}`, body),
  resetTwoFactor: (id: string) => apiPost<Ok>(`/api/admin/users/${id}/reset-2fa`),
  addMembership: (id: string, body: MembershipInput) => apiPost<UserView>(`/api/admin/users/${id}/memberships`, body),
  removeMembership: (id: string, membershipId: string) => apiDelete<UserView>(`/api/admin/users/${id}/memberships/${membershipId}`),
  tokens: () => apiGet<ApiToken[]>('/api/admin/tokens'),
  createToken: (body: TokenCreateInput) => apiPost<ApiTokenCreated>('/api/admin/tokens', body),
  revokeToken: (id: string) => apiPost<Ok>(`/api/admin/tokens/${id}/revoke`),
  auditPath: (query: { limit: number; offset: number; entityType?: string; action?: string }) =>
    `/api/admin/audit${queryString(query)}`,
  auditPage: (path: string) => apiGet<Page<AuditEntry>>(path),
  verifyAudit: () => apiGet<AuditVerifyResult>('/api/admin/audit/verify'),
};
