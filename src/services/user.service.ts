import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { membershipCreateSchema, userCreateSchema, userListQuerySchema, userUpdateSchema, UserView } from '../api/admin.schemas';
import { DEFAULT_SCOPE, compareScopes, type Permission } from '../domain/access/roles';
import { buildScopeFilter, canAccessRecord, widestCoveringScope } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { findOrganisation } from '../db/repos/organisation.repo';
import * as sessionsRepo from '../db/repos/session.repo';
import * as usersRepo from '../db/repos/user.repo';
import { hashPassword } from '../lib/crypto/password';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { presentUsers } from './user-view';

type MembershipInput = z.infer<typeof membershipCreateSchema>;

/**
 * Throw OUT_OF_SCOPE unless the actor's scope for the permission covers the target user. Reading needs
 * one of the user's memberships in scope; managing (users.manage, tokens.manage) needs ALL of them, so a
 * local administrator cannot take over a wider-reaching account that merely also works in their organisation.
 */
export async function assertUserInScope(db: Db, actor: Actor, userId: string, permission: Permission = 'users.manage'): Promise<void> {
  if (!actor.principal) return;
  if (buildScopeFilter(actor.principal, permission).all) return;
  const ms = await usersRepo.listMembershipsOfUsers(db, [userId]);
  const covered = (m: (typeof ms)[number]) => canAccessRecord(actor.principal!, permission, { organisationId: m.organisationId, countryCode: m.countryCode });
  const ok = permission === 'users.read' ? ms.some(covered) : ms.length > 0 && ms.every(covered);
  if (!ok) throw new AppError('OUT_OF_SCOPE', 'This user is outside the organisations you manage.');
}

async function assertOrganisationInScope(db: Db, actor: Actor, organisationId: string) {
  const org = await findOrganisation(db, organisationId);
  if (!org || org.archivedAt) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation does not exist or is archived.');
  if (actor.principal && !canAccessRecord(actor.principal, 'users.manage', { organisationId: org.id, countryCode: org.countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'You cannot give roles in this organisation.');
  }
  return org;
}

async function loadView(db: Db, userId: string): Promise<UserView> {
  const user = await usersRepo.findUserById(db, userId);
  if (!user) throw new AppError('USER_NOT_FOUND', 'The user does not exist.');
  return (await presentUsers(db, [user]))[0]!;
}

/** List users the actor may see. */
export async function listUsers(ctx: ServiceContext, actor: Actor, query: z.infer<typeof userListQuerySchema>) {
  requirePermission(actor, 'users.read');
  const db = ctx.database.db;
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'users.read') : undefined;
  const page = await usersRepo.listUsers(db, { ...query, scope });
  return { items: await presentUsers(db, page.items), total: page.total };
}

/** One user; the view is audited. */
export async function getUser(ctx: ServiceContext, actor: Actor, userId: string): Promise<UserView> {
  requirePermission(actor, 'users.read');
  return inTransaction(ctx, async (tx) => {
    const view = await loadView(tx, userId);
    await assertUserInScope(tx, actor, userId, 'users.read');
    await recordAudit(tx, actor, { action: 'user.viewed', entityType: 'user', entityId: userId });
    return view;
  });
}

async function addMembershipInTx(tx: Db, actor: Actor, userId: string, m: MembershipInput): Promise<void> {
  const org = await assertOrganisationInScope(tx, actor, m.organisationId);
  const existing = await usersRepo.listMembershipsOfUsers(tx, [userId]);
  if (existing.some((e) => e.organisationId === m.organisationId && e.role === m.role)) {
    throw new AppError('MEMBERSHIP_EXISTS', 'The user already has this role in this organisation.');
  }
  const scope = m.scope ?? DEFAULT_SCOPE[m.role];
  if (actor.principal) {
    const own = widestCoveringScope(actor.principal, 'users.manage', { organisationId: org.id, countryCode: org.countryCode });
    if (!own || compareScopes(scope, own) > 0) throw new AppError('OUT_OF_SCOPE', `You cannot give a wider scope than your own (${own ?? 'none'}).`);
  }
  const row = await usersRepo.insertMembership(tx, { id: randomUUID(), userId, organisationId: m.organisationId, role: m.role, scope });
  await recordAudit(tx, actor, {
    action: 'membership.added',
    entityType: 'user',
    entityId: userId,
    organisationId: org.id,
    countryCode: org.countryCode,
    details: { membershipId: row.id, role: m.role, scope },
  });
}

/** Create a user with memberships. */
export async function createUser(
  ctx: ServiceContext,
  actor: Actor,
  input: z.infer<typeof userCreateSchema> & { isDemo?: boolean },
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (await usersRepo.findUserByEmail(tx, input.email)) throw new AppError('EMAIL_TAKEN', 'A user with this e-mail already exists.');
    const id = randomUUID();
    await usersRepo.insertUser(tx, { id, email: input.email, displayName: input.displayName, passwordHash, locale: input.locale, isDemo: input.isDemo ?? false });
    await recordAudit(tx, actor, { action: 'user.created', entityType: 'user', entityId: id, details: { demo: input.isDemo ?? false } });
    for (const m of input.memberships) await addMembershipInTx(tx, actor, id, m);
    return loadView(tx, id);
  });
}

/** Edit a user: name, language, status, password, unlock. */
export async function updateUser(ctx: ServiceContext, actor: Actor, userId: string, patch: z.infer<typeof userUpdateSchema>): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    await loadView(tx, userId);
    await assertUserInScope(tx, actor, userId);
    if (patch.status === 'disabled') {
      if (actor.principal?.userId === userId) throw new AppError('CONFLICT', 'You cannot disable your own account.');
      await assertNotLastAdministrator(tx, userId);
    }
    await usersRepo.updateUser(tx, userId, {
      ...(patch.displayName ? { displayName: patch.displayName } : {}),
      ...(patch.locale ? { locale: patch.locale } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
      ...(patch.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
    });
    if (patch.status === 'disabled' || passwordHash) await sessionsRepo.deleteSessionsOfUser(tx, userId);
    const changed = Object.keys(patch).filter((k) => k !== 'password');
    if (passwordHash) changed.push('password');
    await recordAudit(tx, actor, { action: 'user.updated', entityType: 'user', entityId: userId, details: { fields: changed } });
    return loadView(tx, userId);
  });
}

async function assertNotLastAdministrator(tx: Db, userId: string): Promise<void> {
  const ms = await usersRepo.listMembershipsOfUsers(tx, [userId]);
  if (ms.some((m) => m.role === 'administrator') && (await usersRepo.countActiveUsersWithRole(tx, 'administrator')) <= 1) {
    throw new AppError('LAST_ADMINISTRATOR', 'This is the last active administrator.');
  }
}

/** Clear a user's two-factor set-up and recovery codes; they set it up again at next sign-in. */
export async function resetUserMfa(ctx: ServiceContext, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'users.manage');
  await inTransaction(ctx, async (tx) => {
    await loadView(tx, userId);
    await assertUserInScope(tx, actor, userId);
    await usersRepo.updateUser(tx, userId, { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    await usersRepo.replaceRecoveryCodes(tx, userId, []);
    await sessionsRepo.deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, actor, { action: 'user.mfa_reset', entityType: 'user', entityId: userId });
  });
}

/** Give a user a role in an organisation. */
export async function addMembership(ctx: ServiceContext, actor: Actor, userId: string, m: MembershipInput): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return inTransaction(ctx, async (tx) => {
    await loadView(tx, userId);
    await assertUserInScope(tx, actor, userId);
    await addMembershipInTx(tx, actor, userId, m);
    return loadView(tx, userId);
  });
}

/** Take a role away. */
export async function removeMembership(ctx: ServiceContext, actor: Actor, userId: string, membershipId: string): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return inTransaction(ctx, async (tx) => {
    const ms = await usersRepo.listMembershipsOfUsers(tx, [userId]);
    const target = ms.find((m) => m.id === membershipId);
    if (!target) throw new AppError('MEMBERSHIP_NOT_FOUND', 'The membership does not exist.');
    await assertOrganisationInScope(tx, actor, target.organisationId);
    if (target.role === 'administrator') await assertNotLastAdministrator(tx, userId);
    await usersRepo.deleteMembership(tx, userId, membershipId);
    await recordAudit(tx, actor, {
      action: 'membership.removed',
      entityType: 'user',
      entityId: userId,
      organisationId: target.organisationId,
      countryCode: target.countryCode,
      details: { membershipId, role: target.role },
    });
    return loadView(tx, userId);
  });
}
