import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { MembershipGrant, ScopeFilter } from '../../domain/access/scope';
import type { Role, Scope } from '../../domain/access/roles';
import type { Db } from '../database';
import { memberships, organisations, recoveryCodes, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/** A membership joined with its organisation, as shown and as used for access checks. */
export interface MembershipDetail extends MembershipGrant {
  id: string;
  userId: string;
  organisationName: string;
}

/** One user by id. */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** One user by e-mail, case-insensitive. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

/** Insert a user. */
export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

/** Update a user's fields. */
export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  return row;
}

/** Memberships of the given users, with organisation name and country. */
export async function listMembershipsOfUsers(db: Db, userIds: readonly string[]): Promise<MembershipDetail[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      role: memberships.role,
      scope: memberships.scope,
      organisationName: organisations.name,
      countryCode: organisations.countryCode,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.userId, [...userIds]))
    .orderBy(asc(organisations.name), asc(memberships.role));
  return rows.map((r) => ({ ...r, role: r.role as Role, scope: r.scope as Scope }));
}

/** Insert a membership. */
export async function insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<MembershipRow> {
  const [created] = await db.insert(memberships).values(row).returning();
  return created!;
}

/** Delete a membership of a user; returns it when it existed. */
export async function deleteMembership(db: Db, userId: string, membershipId: string): Promise<MembershipRow | undefined> {
  const [row] = await db.delete(memberships).where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId))).returning();
  return row;
}

/** Count active users holding a role (to keep at least one administrator). */
export async function countActiveUsersWithRole(db: Db, role: Role): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${users.id})::int` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.role, role), eq(users.status, 'active')));
  return Number(row?.n ?? 0);
}

/** Filters for the user list. */
export interface UserListFilter {
  q?: string;
  organisationId?: string;
  role?: Role;
  limit: number;
  offset: number;
  /** Record scope of the reader: a user is visible through any membership in these organisations / countries. */
  scope?: ScopeFilter;
}

/** SQL condition: the user has a membership inside the scope (own scope means the reader's own account). */
function userInScope(scope: ScopeFilter): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.organisationIds.length) parts.push(inArray(memberships.organisationId, scope.organisationIds));
  if (scope.countryCodes.length) parts.push(inArray(organisations.countryCode, scope.countryCodes));
  const own = scope.ownerUserIds.length ? inArray(users.id, scope.ownerUserIds) : sql`false`;
  if (!parts.length) return own;
  return or(
    own,
    sql`EXISTS (SELECT 1 FROM ${memberships} JOIN ${organisations} ON ${organisations.id} = ${memberships.organisationId}
                WHERE ${memberships.userId} = ${users.id} AND (${or(...parts)}))`,
  )!;
}

/** Users matching the filter, by display name. */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ items: UserRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.displayName, like), ilike(users.email, like))!);
  }
  if (f.organisationId || f.role) {
    const mConds: SQL[] = [sql`${memberships.userId} = ${users.id}`];
    if (f.organisationId) mConds.push(eq(memberships.organisationId, f.organisationId));
    if (f.role) mConds.push(eq(memberships.role, f.role));
    conds.push(sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${and(...mConds)})`);
  }
  if (f.scope) conds.push(userInScope(f.scope));
  const where = conds.length ? and(...conds) : undefined;
  const items = await db.select().from(users).where(where).orderBy(asc(users.displayName)).limit(f.limit).offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  return { items, total: Number(count?.n ?? 0) };
}

/** Replace a user's recovery codes with new hashes. */
export async function replaceRecoveryCodes(db: Db, userId: string, rows: { id: string; codeHash: string }[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (rows.length) await db.insert(recoveryCodes).values(rows.map((r) => ({ ...r, userId })));
}

/** Unused recovery codes of a user. */
export async function listUnusedRecoveryCodes(db: Db, userId: string): Promise<{ id: string; codeHash: string }[]> {
  return db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), sql`${recoveryCodes.usedAt} IS NULL`));
}

/** Mark a recovery code used; false when it was already used (a concurrent use). */
export async function markRecoveryCodeUsed(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.id, id), sql`${recoveryCodes.usedAt} IS NULL`))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}
