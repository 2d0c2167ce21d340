/**
 * Versioned indicator sets (indicator_sets). Published versions never change; a new version retires
 * the previous published one.
 */
import { and, desc, eq, inArray, max, or } from 'drizzle-orm';
import type { Db } from '../database';
import { indicatorSets } from '../schema';

export type IndicatorSetRow = typeof indicatorSets.$inferSelect;
export type IndicatorSetInsert = typeof indicatorSets.$inferInsert;

/** A set version, or the published version when none is given. */
export async function findIndicatorSet(db: Db, key: string, version?: number): Promise<IndicatorSetRow | undefined> {
  const where = version === undefined ? and(eq(indicatorSets.key, key), eq(indicatorSets.status, 'published')) : and(eq(indicatorSets.key, key), eq(indicatorSets.version, version));
  const [row] = await db.select().from(indicatorSets).where(where);
  return row;
}

/** Several set versions at once (for the labels of screenings). */
export async function findIndicatorSetVersions(db: Db, refs: readonly { key: string; version: number }[]): Promise<IndicatorSetRow[]> {
  if (refs.length === 0) return [];
  return db
    .select()
    .from(indicatorSets)
    .where(or(...refs.map((r) => and(eq(indicatorSets.key, r.key), eq(indicatorSets.version, r.version)))));
}

/** Every published set, by key. */
export async function listPublishedIndicatorSets(db: Db): Promise<IndicatorSetRow[]> {
  return db.select().from(indicatorSets).where(eq(indicatorSets.status, 'published')).orderBy(indicatorSets.key);
}

/** The highest version of a key (0 when none), locking nothing: the primary key refuses a duplicate. */
export async function findLatestVersion(db: Db, key: string): Promise<number> {
  const [row] = await db.select({ v: max(indicatorSets.version) }).from(indicatorSets).where(eq(indicatorSets.key, key));
  return row?.v ?? 0;
}

/** Keys that already exist among the given ones (any version or status). */
export async function listExistingKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectDistinct({ key: indicatorSets.key }).from(indicatorSets).where(inArray(indicatorSets.key, [...keys]));
  return new Set(rows.map((r) => r.key));
}

/** Retire the published version of a key. */
export async function retirePublished(db: Db, key: string): Promise<void> {
  await db.update(indicatorSets).set({ status: 'retired' }).where(and(eq(indicatorSets.key, key), eq(indicatorSets.status, 'published')));
}

/** Insert a set version. */
export async function insertIndicatorSet(db: Db, row: IndicatorSetInsert): Promise<IndicatorSetRow> {
  const [created] = await db.insert(indicatorSets).values(row).returning();
  if (!created) throw new Error('indicator set insert returned nothing');
  return created;
}

/** Versions of a key, newest first. */
export async function listVersions(db: Db, key: string): Promise<IndicatorSetRow[]> {
  return db.select().from(indicatorSets).where(eq(indicatorSets.key, key)).orderBy(desc(indicatorSets.version));
}
