import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { apiTokenCreateSchema } from '../api/admin.schemas';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../domain/access/roles';
import { buildScopeFilter } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import * as sessionsRepo from '../db/repos/session.repo';
import * as usersRepo from '../db/repos/user.repo';
import { generateApiToken, hashSecret } from '../lib/crypto/tokens';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { assertUserInScope } from './user.service';

function present(t: sessionsRepo.ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    userId: t.userId,
    prefix: t.prefix,
    permissions: t.permissions as Permission[],
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
export type ApiTokenView = ReturnType<typeof present>;

/** All API tokens (never their secrets). */
export async function listTokens(ctx: ServiceContext, actor: Actor): Promise<ApiTokenView[]> {
  requirePermission(actor, 'tokens.manage');
  const rows = await sessionsRepo.listApiTokens(ctx.database.db);
  if (!actor.principal || buildScopeFilter(actor.principal, 'tokens.manage').all) return rows.map(present);
  const visible: sessionsRepo.ApiTokenRow[] = [];
  for (const row of rows) {
    if (await assertUserInScope(ctx.database.db, actor, row.userId, 'tokens.manage').then(() => true, () => false)) visible.push(row);
  }
  return visible.map(present);
}

/**
 * Create a token acting as a user, limited to permissions that user holds. The secret is returned
 * once and stored only as a hash.
 */
export async function createToken(ctx: ServiceContext, actor: Actor, input: z.infer<typeof apiTokenCreateSchema>): Promise<ApiTokenView & { token: string }> {
  requirePermission(actor, 'tokens.manage');
  return inTransaction(ctx, async (tx) => {
    const user = await usersRepo.findUserById(tx, input.userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'The user does not exist.');
    await assertUserInScope(tx, actor, user.id, 'tokens.manage');
    const held = new Set((await usersRepo.listMembershipsOfUsers(tx, [user.id])).flatMap((m) => ROLE_PERMISSIONS[m.role as Role]));
    const missing = input.permissions.filter((p) => !held.has(p));
    if (missing.length) {
      throw new AppError('VALIDATION_FAILED', `The user does not hold: ${missing.join(', ')}.`, {
        issues: [{ path: 'permissions', message: `not held by the user: ${missing.join(', ')}` }],
      });
    }
    const { token, prefix } = generateApiToken();
    const row = await sessionsRepo.insertApiToken(tx, {
      id: randomUUID(),
      name: input.name,
      userId: user.id,
      prefix,
      tokenHash: hashSecret(token),
      permissions: [...new Set(input.permissions)],
      createdBy: actor.principal?.userId ?? null,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await recordAudit(tx, actor, { action: 'token.created', entityType: 'api_token', entityId: row.id, details: { userId: user.id, permissions: row.permissions } });
    return { ...present(row), token };
  });
}

/** Revoke a token at once. */
export async function revokeToken(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'tokens.manage');
  await inTransaction(ctx, async (tx) => {
    const row = await sessionsRepo.findApiToken(tx, id);
    if (!row) throw new AppError('TOKEN_NOT_FOUND', 'The token does not exist.');
    await assertUserInScope(tx, actor, row.userId, 'tokens.manage');
    if (!row.revokedAt) await sessionsRepo.revokeApiToken(tx, id);
    await recordAudit(tx, actor, { action: 'token.revoked', entityType: 'api_token', entityId: id });
  });
}
