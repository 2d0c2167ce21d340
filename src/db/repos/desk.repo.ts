import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../database';
import { helplineDesks } from '../schema';

export type DeskRow = typeof helplineDesks.$inferSelect;

/** Every desk, by country then name. */
export async function listDesks(db: Db): Promise<DeskRow[]> {
  return db.select().from(helplineDesks).orderBy(asc(helplineDesks.countryCode), asc(helplineDesks.name));
}

/** Desks of these organisations. */
export async function listDesksOf(db: Db, organisationIds: readonly string[]): Promise<DeskRow[]> {
  if (organisationIds.length === 0) return [];
  return db.select().from(helplineDesks).where(inArray(helplineDesks.organisationId, [...organisationIds]));
}

/** The desk of an organisation. */
export async function findDesk(db: Db, organisationId: string): Promise<DeskRow | undefined> {
  const [row] = await db.select().from(helplineDesks).where(eq(helplineDesks.organisationId, organisationId));
  return row;
}

/** Insert or update a desk (seeding, administration). */
export async function upsertDesk(db: Db, row: typeof helplineDesks.$inferInsert): Promise<void> {
  const { organisationId: _id, ...rest } = row;
  await db.insert(helplineDesks).values(row).onConflictDoUpdate({ target: helplineDesks.organisationId, set: { ...rest, updatedAt: new Date() } });
}

/** Switch off public intake at a country's desks other than `except`. */
export async function clearPublicIntake(db: Db, countryCode: string, except: string): Promise<void> {
  await db.update(helplineDesks).set({ publicIntake: false, updatedAt: new Date() }).where(and(eq(helplineDesks.countryCode, countryCode), ne(helplineDesks.organisationId, except)));
}
