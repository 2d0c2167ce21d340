/**
 * Indicator screenings of a case (case_screenings). Evidence is sealed JSON written by the service.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { caseScreenings } from '../schema';

export type CaseScreeningRow = typeof caseScreenings.$inferSelect;
export type CaseScreeningInsert = typeof caseScreenings.$inferInsert;

/** Insert a screening. */
export async function insertScreening(db: Db, row: CaseScreeningInsert): Promise<CaseScreeningRow> {
  const [created] = await db.insert(caseScreenings).values(row).returning();
  if (!created) throw new Error('screening insert returned nothing');
  return created;
}

/** The screenings of a case, newest first. */
export async function listScreenings(db: Db, caseId: string, withEvidence: boolean): Promise<CaseScreeningRow[]> {
  if (withEvidence) return db.select().from(caseScreenings).where(eq(caseScreenings.caseId, caseId)).orderBy(desc(caseScreenings.screenedAt), desc(caseScreenings.id));
  const rows = await db
    .select({
      id: caseScreenings.id,
      caseId: caseScreenings.caseId,
      personId: caseScreenings.personId,
      setKey: caseScreenings.setKey,
      setVersion: caseScreenings.setVersion,
      answers: caseScreenings.answers,
      treatedAsChild: caseScreenings.treatedAsChild,
      result: caseScreenings.result,
      concernLevel: caseScreenings.concernLevel,
      screenedBy: caseScreenings.screenedBy,
      screenedAt: caseScreenings.screenedAt,
    })
    .from(caseScreenings)
    .where(eq(caseScreenings.caseId, caseId))
    .orderBy(desc(caseScreenings.screenedAt), desc(caseScreenings.id));
  return rows.map((r) => ({ ...r, evidenceEnc: null }));
}
