import { PERMISSIONS, type Permission } from '../domain/access/roles';
import type { Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import * as sessionsRepo from '../db/repos/session.repo';
import * as usersRepo from '../db/repos/user.repo';
import { hashSecret } from '../lib/crypto/tokens';
import type { SessionHandle } from './auth.service';
import type { ServiceContext } from './context';

/** Who a request is, once its cookie or bearer token was checked. */
export interface Authentication {
  principal: Principal;
  session: SessionHandle | null;
  /** The user row and memberships, loaded once per request and reused by presenters. */
  user: usersRepo.UserRow;
  memberships: usersRepo.MembershipDetail[];
}

async function loadPrincipal(ctx: ServiceContext, userId: string, loaded?: usersRepo.UserRow) {
  const user = loaded ?? (await usersRepo.findUserById(ctx.database.db, userId));
  if (!user || user.status !== 'active') return null;
  const memberships = await usersRepo.listMembershipsOfUsers(ctx.database.db, [userId]);
  return { principal: { userId, memberships } satisfies Principal, user, memberships };
}

/**
 * Resolve a session cookie token. Returns null when missing, expired, idle too long, or the user is
 * disabled. Refreshes last-seen at most once a minute (a write shared by every app node).
 */
export async function authenticateSession(ctx: ServiceContext, token: string, now = new Date()): Promise<Authentication | null> {
  const idHash = hashSecret(token);
  // One query: the session, its user and the user's memberships.
  const found = await sessionsRepo.findLiveSessionWithPrincipal(ctx.database.db, idHash, now);
  if (!found) return null;
  const { session: row, user, memberships } = found;
  if (now.getTime() - row.lastSeenAt.getTime() > ctx.config.SESSION_IDLE_MINUTES * 60_000) {
    await sessionsRepo.deleteSession(ctx.database.db, idHash);
    return null;
  }
  if (user.status !== 'active') return null;
  const loaded = { principal: { userId: row.userId, memberships } satisfies Principal, user, memberships };
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await sessionsRepo.updateSession(ctx.database.db, idHash, { lastSeenAt: now });
  return { ...loaded, session: { idHash, userId: row.userId, mfaState: row.mfaState as sessionsRepo.MfaState } };
}

/** Resolve an API token ("Authorization: Bearer vic_…"). Throws UNAUTHENTICATED when invalid. */
export async function authenticateApiToken(ctx: ServiceContext, token: string, now = new Date()): Promise<Authentication> {
  const row = token.startsWith('vic_') ? await sessionsRepo.findApiTokenByHash(ctx.database.db, hashSecret(token)) : undefined;
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    throw new AppError('UNAUTHENTICATED', 'The API token is not valid, expired or revoked.');
  }
  const loaded = await loadPrincipal(ctx, row.userId);
  if (!loaded) throw new AppError('UNAUTHENTICATED', 'The API token belongs to a disabled account.');
  await sessionsRepo.touchApiToken(ctx.database.db, row.id, now);
  const tokenPermissions = row.permissions.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));
  return { ...loaded, principal: { ...loaded.principal, tokenId: row.id, tokenPermissions }, session: null };
}
