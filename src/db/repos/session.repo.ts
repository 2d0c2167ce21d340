import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { MembershipDetail } from './user.repo';
import { apiTokens, sessions, users } from '../schema';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type MfaState = 'verified' | 'required' | 'setup_required' | 'not_needed';

/** Store a new session (id = hash of the cookie token). */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A live session by id hash, or undefined when missing or expired. */
export async function findLiveSession(db: Db, idHash: string, now = new Date()): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(and(eq(sessions.id, idHash), gt(sessions.expiresAt, now)));
  return row;
}

/** The JSON of a user's memberships (organisation name and country included), for one-query loads. */
export const membershipsJsonOf = (userId: typeof users.id | typeof sessions.userId) => sql<MembershipDetail[]>`(
  SELECT coalesce(json_agg(json_build_object('id', m.id, 'userId', m.user_id, 'organisationId', m.organisation_id, 'role', m.role, 'scope', m.scope,
    'organisationName', o.name, 'countryCode', o.country_code) ORDER BY o.name, m.role), '[]'::json)
  FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ${userId})`;

/**
 * A live session with its user and the user's memberships, in one query (the hot path of every
 * authenticated request).
 */
export async function findLiveSessionWithPrincipal(db: Db, idHash: string, now = new Date()): Promise<{ session: SessionRow; user: typeof users.$inferSelect; memberships: MembershipDetail[] } | undefined> {
  const [row] = await sessionQueryOf(db).execute({ id: idHash, now });
  if (!row) return undefined;
  const raw = typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as MembershipDetail[]) : row.memberships;
  return { session: row.session, user: row.user, memberships: raw };
}

/** Build the session query as a prepared statement (named on PostgreSQL: parsed and planned once). */
function prepareSessionQuery(db: Db) {
  return db
    .select({ session: sessions, user: users, memberships: membershipsJsonOf(sessions.userId) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('victor_session_principal');
}

const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

/** The session query of a database handle, prepared on first use. */
function sessionQueryOf(db: Db) {
  let q = preparedSessionQueries.get(db);
  if (!q) {
    q = prepareSessionQuery(db);
    preparedSessionQueries.set(db, q);
  }
  return q;
}

/** Update a session's MFA state or last-seen time. */
export async function updateSession(db: Db, idHash: string, patch: Partial<Pick<SessionRow, 'mfaState' | 'lastSeenAt' | 'expiresAt'>>): Promise<void> {
  await db.update(sessions).set(patch).where(eq(sessions.id, idHash));
}

/** Remove one session. */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, idHash));
}

/** Remove every session of a user, optionally keeping one. Returns how many. */
export async function deleteSessionsOfUser(db: Db, userId: string, keepIdHash?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(keepIdHash ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepIdHash}`) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Delete expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}

/** Store an API token (hash only). */
export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created!;
}

/** A token by its hash. */
export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

/** All tokens, newest first. */
export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).orderBy(sql`${apiTokens.createdAt} DESC`);
}

/** One token by id. */
export async function findApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

/** Mark a token revoked. */
export async function revokeApiToken(db: Db, id: string, at = new Date()): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
}

/** Record a token's use (at most once a minute, to spare writes). */
export async function touchApiToken(db: Db, id: string, now = new Date()): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000)})`));
}
