/**
 * Persons of a case (case_persons). Identifying columns hold ciphertext sealed by the service.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { casePersons } from '../schema';

export type CasePersonRow = typeof casePersons.$inferSelect;
export type CasePersonInsert = typeof casePersons.$inferInsert;

/** Insert a person. */
export async function insertPerson(db: Db, row: CasePersonInsert): Promise<CasePersonRow> {
  const [created] = await db.insert(casePersons).values(row).returning();
  if (!created) throw new Error('person insert returned nothing');
  return created;
}

/** One person of one case. */
export async function findPerson(db: Db, caseId: string, personId: string): Promise<CasePersonRow | undefined> {
  const [row] = await db.select().from(casePersons).where(and(eq(casePersons.caseId, caseId), eq(casePersons.id, personId)));
  return row;
}

/** Change a person when the version still matches; undefined when it moved on. */
export async function updatePerson(db: Db, caseId: string, personId: string, version: number, patch: Partial<CasePersonInsert>): Promise<CasePersonRow | undefined> {
  const [row] = await db
    .update(casePersons)
    .set({ ...patch, version: sql`${casePersons.version} + 1`, updatedAt: new Date() })
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.id, personId), eq(casePersons.version, version)))
    .returning();
  return row;
}

/** The persons of a case in the order they were added, optionally only some roles. */
export async function listPersons(db: Db, caseId: string, roles?: readonly string[]): Promise<CasePersonRow[]> {
  const where = roles ? and(eq(casePersons.caseId, caseId), inArray(casePersons.role, [...roles])) : eq(casePersons.caseId, caseId);
  return db.select().from(casePersons).where(where).orderBy(asc(casePersons.createdAt), asc(casePersons.id));
}

/** The age fields of a case's potential victims (for cases.involves_child). */
export async function listVictimAges(db: Db, caseId: string) {
  return db
    .select({ ageYears: casePersons.ageYears, ageBand: casePersons.ageBand, ageUncertain: casePersons.ageUncertain, mayBeChild: casePersons.mayBeChild })
    .from(casePersons)
    .where(and(eq(casePersons.caseId, caseId), eq(casePersons.role, 'potential_victim')));
}
