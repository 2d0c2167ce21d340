/**
 * Documents of a case (case_documents). Lists never read the (large) encrypted content.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { caseDocuments } from '../schema';

export type CaseDocumentRow = typeof caseDocuments.$inferSelect;
export type CaseDocumentMeta = Omit<CaseDocumentRow, 'contentEnc'>;

const metaColumns = {
  id: caseDocuments.id,
  caseId: caseDocuments.caseId,
  fileNameEnc: caseDocuments.fileNameEnc,
  mediaType: caseDocuments.mediaType,
  sizeBytes: caseDocuments.sizeBytes,
  sha256: caseDocuments.sha256,
  kind: caseDocuments.kind,
  uploadedBy: caseDocuments.uploadedBy,
  uploadedAt: caseDocuments.uploadedAt,
  deletedAt: caseDocuments.deletedAt,
  deletedBy: caseDocuments.deletedBy,
};

/** Insert a document; returns its metadata. */
export async function insertDocument(db: Db, row: typeof caseDocuments.$inferInsert): Promise<CaseDocumentMeta> {
  const [created] = await db.insert(caseDocuments).values(row).returning(metaColumns);
  if (!created) throw new Error('document insert returned nothing');
  return created;
}

/** The documents of a case not removed, newest first (without content). */
export async function listDocuments(db: Db, caseId: string): Promise<CaseDocumentMeta[]> {
  return db
    .select(metaColumns)
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), isNull(caseDocuments.deletedAt)))
    .orderBy(desc(caseDocuments.uploadedAt), desc(caseDocuments.id));
}

/** One document of a case not removed, with its content. */
export async function findDocumentWithContent(db: Db, caseId: string, docId: string): Promise<CaseDocumentRow | undefined> {
  const [row] = await db.select().from(caseDocuments).where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, docId), isNull(caseDocuments.deletedAt)));
  return row;
}

/** Mark a document removed; undefined when it was not there (or already removed). */
export async function markDocumentDeleted(db: Db, caseId: string, docId: string, userId: string | null): Promise<CaseDocumentMeta | undefined> {
  const [row] = await db
    .update(caseDocuments)
    .set({ deletedAt: new Date(), deletedBy: userId })
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, docId), isNull(caseDocuments.deletedAt)))
    .returning(metaColumns);
  return row;
}
