import { and, asc, eq, inArray, isNull, or, sql, lt } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { channelIntegrations, organisations } from '../schema';

export type IntegrationRow = typeof channelIntegrations.$inferSelect;

/** Create an integration. */
export async function insertIntegration(db: Db, row: typeof channelIntegrations.$inferInsert): Promise<IntegrationRow> {
  const [created] = await db.insert(channelIntegrations).values(row).returning();
  return created!;
}

/** One integration. */
export async function findIntegration(db: Db, id: string): Promise<IntegrationRow | undefined> {
  const [row] = await db.select().from(channelIntegrations).where(eq(channelIntegrations.id, id));
  return row;
}

/** Integrations of desks within the scope, oldest first, with the desk's country. */
export async function listIntegrations(db: Db, scope: ScopeFilter): Promise<(IntegrationRow & { countryCode: string })[]> {
  const conds = scope.all
    ? undefined
    : or(sql`false`, scope.organisationIds.length ? inArray(channelIntegrations.organisationId, scope.organisationIds) : undefined, scope.countryCodes.length ? inArray(organisations.countryCode, scope.countryCodes) : undefined);
  const rows = await db
    .select({ i: channelIntegrations, countryCode: organisations.countryCode })
    .from(channelIntegrations)
    .innerJoin(organisations, eq(organisations.id, channelIntegrations.organisationId))
    .where(conds)
    .orderBy(asc(channelIntegrations.createdAt));
  return rows.map((r) => ({ ...r.i, countryCode: r.countryCode }));
}

/** Revoke (kept for the record). */
export async function revokeIntegration(db: Db, id: string): Promise<IntegrationRow | undefined> {
  const [row] = await db.update(channelIntegrations).set({ revokedAt: new Date() }).where(and(eq(channelIntegrations.id, id), isNull(channelIntegrations.revokedAt))).returning();
  return row;
}

/** Note a use, at most once a minute. */
export async function touchIntegration(db: Db, id: string, now = new Date()): Promise<void> {
  await db
    .update(channelIntegrations)
    .set({ lastUsedAt: now })
    .where(and(eq(channelIntegrations.id, id), or(isNull(channelIntegrations.lastUsedAt), lt(channelIntegrations.lastUsedAt, new Date(now.getTime() - 60_000)))));
}
