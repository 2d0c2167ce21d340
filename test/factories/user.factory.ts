import { randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE, type Role, type Scope } from '../../src/domain/access/roles';
import type { Principal } from '../../src/domain/access/scope';
import { insertMembership, insertUser, listMembershipsOfUsers, type UserRow } from '../../src/db/repos/user.repo';
import { hashPassword } from '../../src/lib/crypto/password';
import type { ServiceContext } from '../../src/services/context';
import { makeOrganisation } from './organisation.factory';

/** The password every factory user gets. */
export const FACTORY_PASSWORD = 'correct-horse-battery-staple';
let cachedHash: Promise<string> | undefined;

/** What a factory user is made with. */
export interface MakeUserOptions {
  role?: Role;
  scope?: Scope;
  organisationId?: string;
  isDemo?: boolean;
  email?: string;
  status?: 'active' | 'disabled';
  memberships?: { role: Role; organisationId: string; scope?: Scope }[];
}

/** Insert a user with one membership (a new organisation unless one is given). */
export async function makeUser(ctx: ServiceContext, opts: MakeUserOptions = {}): Promise<UserRow & { principal: Principal }> {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const id = randomUUID();
  const user = await insertUser(ctx.database.db, {
    id,
    email: opts.email ?? `user-${id.slice(0, 8)}@test.example`,
    displayName: `Test User ${id.slice(0, 4)}`,
    passwordHash: await cachedHash,
    isDemo: opts.isDemo ?? false,
    status: opts.status ?? 'active',
  });
  const memberships = opts.memberships ?? (opts.role ? [{ role: opts.role, organisationId: opts.organisationId ?? (await makeOrganisation(ctx)).id, scope: opts.scope }] : []);
  for (const m of memberships) {
    await insertMembership(ctx.database.db, { id: randomUUID(), userId: id, organisationId: m.organisationId, role: m.role, scope: m.scope ?? DEFAULT_SCOPE[m.role] });
  }
  const grants = await listMembershipsOfUsers(ctx.database.db, [id]);
  return { ...user, principal: { userId: id, memberships: grants } };
}
