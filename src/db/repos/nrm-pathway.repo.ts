/**
 * NRM pathways per country (versioned: at most one draft and one published version a country) and their
 * steps, plus the directory entries named as actors of the steps.
 */
import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { directoryEntries, nrmPathways, nrmPathwaySteps } from '../schema';

export type PathwayRow = typeof nrmPathways.$inferSelect;
export type PathwayInsert = typeof nrmPathways.$inferInsert;
export type PathwayStepRow = typeof nrmPathwaySteps.$inferSelect;
export type PathwayStepInsert = typeof nrmPathwaySteps.$inferInsert;

/** The directory fields a pathway or a referral shows of an actor. */
export interface ActorEntryRow {
  id: string;
  name: string;
  kind: string;
  city: string | null;
  countryCode: string;
  organisationId: string | null;
  languages: string[];
  nrmStages: string[];
  phones: { number: string; label?: string; free?: boolean }[];
  email: string | null;
  archivedAt: Date | null;
}

const actorColumns = {
  id: directoryEntries.id,
  name: directoryEntries.name,
  kind: directoryEntries.kind,
  city: directoryEntries.city,
  countryCode: directoryEntries.countryCode,
  organisationId: directoryEntries.organisationId,
  languages: directoryEntries.languages,
  nrmStages: directoryEntries.nrmStages,
  phones: directoryEntries.phones,
  email: directoryEntries.email,
  archivedAt: directoryEntries.archivedAt,
};

/** Pathways, newest version first per country (optionally of one country). */
export async function listPathways(db: Db, countryCode?: string): Promise<PathwayRow[]> {
  return db
    .select()
    .from(nrmPathways)
    .where(countryCode ? eq(nrmPathways.countryCode, countryCode) : undefined)
    .orderBy(asc(nrmPathways.countryCode), desc(nrmPathways.version));
}

/** One pathway by id. */
export async function findPathway(db: Db, id: string): Promise<PathwayRow | undefined> {
  const [row] = await db.select().from(nrmPathways).where(eq(nrmPathways.id, id));
  return row;
}

/** The published pathway of a country. */
export async function findPublishedPathway(db: Db, countryCode: string): Promise<PathwayRow | undefined> {
  const [row] = await db.select().from(nrmPathways).where(and(eq(nrmPathways.countryCode, countryCode), eq(nrmPathways.status, 'published')));
  return row;
}

/** The draft of a country, if any. */
export async function findDraftPathway(db: Db, countryCode: string): Promise<PathwayRow | undefined> {
  const [row] = await db.select().from(nrmPathways).where(and(eq(nrmPathways.countryCode, countryCode), eq(nrmPathways.status, 'draft')));
  return row;
}

/** The highest version of a country that is not a draft (0 when none). */
export async function findLastReleasedVersion(db: Db, countryCode: string): Promise<number> {
  const [row] = await db
    .select({ v: max(nrmPathways.version) })
    .from(nrmPathways)
    .where(and(eq(nrmPathways.countryCode, countryCode), sql`${nrmPathways.status} <> 'draft'`));
  return Number(row?.v ?? 0);
}

/** Remove a draft (its steps go with it). */
export async function deleteDraftPathway(db: Db, id: string): Promise<void> {
  await db.delete(nrmPathways).where(and(eq(nrmPathways.id, id), eq(nrmPathways.status, 'draft')));
}

/** Insert a pathway and its steps. */
export async function insertPathway(db: Db, row: PathwayInsert, steps: readonly PathwayStepInsert[]): Promise<PathwayRow> {
  const [created] = await db.insert(nrmPathways).values(row).returning();
  if (!created) throw new Error('pathway insert returned nothing');
  if (steps.length > 0) await db.insert(nrmPathwaySteps).values([...steps]);
  return created;
}

/** Retire the published version of a country (before publishing another). */
export async function retirePublishedPathway(db: Db, countryCode: string): Promise<PathwayRow | undefined> {
  const [row] = await db
    .update(nrmPathways)
    .set({ status: 'retired' })
    .where(and(eq(nrmPathways.countryCode, countryCode), eq(nrmPathways.status, 'published')))
    .returning();
  return row;
}

/** Publish a draft; undefined when it is no longer a draft. */
export async function markPathwayPublished(db: Db, id: string, by: string | null, at: Date): Promise<PathwayRow | undefined> {
  const [row] = await db
    .update(nrmPathways)
    .set({ status: 'published', publishedBy: by, publishedAt: at })
    .where(and(eq(nrmPathways.id, id), eq(nrmPathways.status, 'draft')))
    .returning();
  return row;
}

/** The steps of pathways, in order. */
export async function listSteps(db: Db, pathwayIds: readonly string[]): Promise<PathwayStepRow[]> {
  if (pathwayIds.length === 0) return [];
  return db
    .select()
    .from(nrmPathwaySteps)
    .where(inArray(nrmPathwaySteps.pathwayId, [...pathwayIds]))
    .orderBy(asc(nrmPathwaySteps.pathwayId), asc(nrmPathwaySteps.position));
}

/** How many steps each pathway has. */
export async function countSteps(db: Db, pathwayIds: readonly string[]): Promise<Map<string, number>> {
  if (pathwayIds.length === 0) return new Map();
  const rows = await db
    .select({ pathwayId: nrmPathwaySteps.pathwayId, n: sql<number>`count(*)::int` })
    .from(nrmPathwaySteps)
    .where(inArray(nrmPathwaySteps.pathwayId, [...pathwayIds]))
    .groupBy(nrmPathwaySteps.pathwayId);
  return new Map(rows.map((r) => [r.pathwayId, Number(r.n)]));
}

/** One step with its pathway. */
export async function findStepWithPathway(db: Db, stepId: string): Promise<{ step: PathwayStepRow; pathway: PathwayRow } | undefined> {
  const [row] = await db.select({ step: nrmPathwaySteps, pathway: nrmPathways }).from(nrmPathwaySteps).innerJoin(nrmPathways, eq(nrmPathways.id, nrmPathwaySteps.pathwayId)).where(eq(nrmPathwaySteps.id, stepId));
  return row;
}

/** Steps by id with their pathway's version (for referral views). */
export async function mapStepsWithVersion(db: Db, stepIds: readonly (string | null)[]): Promise<Map<string, { step: PathwayStepRow; version: number }>> {
  const wanted = [...new Set(stepIds.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ step: nrmPathwaySteps, version: nrmPathways.version })
    .from(nrmPathwaySteps)
    .innerJoin(nrmPathways, eq(nrmPathways.id, nrmPathwaySteps.pathwayId))
    .where(inArray(nrmPathwaySteps.id, wanted));
  return new Map(rows.map((r) => [r.step.id, r]));
}

/** Directory entries by id (archived ones too), for actors of steps and referrals. */
export async function mapActorEntries(db: Db, ids: readonly (string | null)[]): Promise<Map<string, ActorEntryRow>> {
  const wanted = [...new Set(ids.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select(actorColumns).from(directoryEntries).where(inArray(directoryEntries.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The non-archived directory entries of a country (seeding pathways). */
export async function listCountryActorEntries(db: Db, countryCode: string): Promise<ActorEntryRow[]> {
  return db
    .select(actorColumns)
    .from(directoryEntries)
    .where(and(eq(directoryEntries.countryCode, countryCode), isNull(directoryEntries.archivedAt)))
    .orderBy(asc(directoryEntries.kind), asc(directoryEntries.name), asc(directoryEntries.id));
}
