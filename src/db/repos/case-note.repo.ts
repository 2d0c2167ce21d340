/**
 * Notes of a case (case_notes); the body is ciphertext sealed by the service.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { caseNotes } from '../schema';

export type CaseNoteRow = typeof caseNotes.$inferSelect;

/** Insert a note. */
export async function insertNote(db: Db, row: typeof caseNotes.$inferInsert): Promise<CaseNoteRow> {
  const [created] = await db.insert(caseNotes).values(row).returning();
  if (!created) throw new Error('note insert returned nothing');
  return created;
}

/** The notes of a case, newest first. */
export async function listNotes(db: Db, caseId: string): Promise<CaseNoteRow[]> {
  return db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
}
