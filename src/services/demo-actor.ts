/** The actor a demo seed acts as: a seeded demo user with their memberships. */
import * as usersRepo from '../db/repos/user.repo';
import type { Principal } from '../domain/access/scope';
import type { Actor, ServiceContext } from './context';

/** The demo user with this e-mail as an actor (request id "demo-seed"), or null when not seeded. */
export async function loadDemoActor(ctx: ServiceContext, userIds: Map<string, string>, email: string): Promise<Actor | null> {
  const userId = userIds.get(email);
  if (!userId) return null;
  const memberships = await usersRepo.listMembershipsOfUsers(ctx.database.db, [userId]);
  const principal: Principal = { userId, memberships };
  return { principal, requestId: 'demo-seed' };
}
