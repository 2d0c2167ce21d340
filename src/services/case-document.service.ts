/**
 * Case documents: type checked from the bytes (never the name), size limited, content and name sealed
 * with the document id, sha256 of the plaintext kept. Only readers with sensitive access list or
 * download them; downloads are audited on the case ("who viewed").
 */
import { createHash, randomUUID } from 'node:crypto';
import { DOCUMENT_MEDIA_TYPES, type DocumentView } from '../api/cases.schemas';
import { AppError } from '../domain/errors';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as repo from '../db/repos/case-document.repo';
import { guardCaseAccess, loadCaseWithAccess, openField, sealField } from './case-access';
import { userRef } from './case-screening.service';
import { recordAudit, type Actor, type ServiceContext } from './context';

export const FILE_NAME = 'case_documents.file_name';
export const CONTENT = 'case_documents.content';

/** Present a document's metadata (decrypts the file name only). */
export function presentDocument(ctx: ServiceContext, row: repo.CaseDocumentMeta, names: ReadonlyMap<string, string>): DocumentView {
  return {
    id: row.id,
    fileName: openField(ctx, FILE_NAME, row.id, row.fileNameEnc) ?? '',
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    kind: row.kind as DocumentView['kind'],
    uploadedBy: userRef(names, row.uploadedBy),
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/** An uploaded file as the route read it. */
export interface DocumentUpload {
  fileName: string;
  /** The media type the client declared (multipart part header). */
  declaredType: string | null;
  bytes: Buffer;
  kind: DocumentView['kind'];
}

/** A document's content for download. */
export interface DocumentDownload {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const EXTENSION_TYPES: Record<string, (typeof DOCUMENT_MEDIA_TYPES)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

function normaliseType(type: string | null): string {
  const t = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return t === 'image/jpg' || t === 'image/pjpeg' ? 'image/jpeg' : t;
}

function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function refuseType(message: string): AppError {
  return new AppError('DOCUMENT_TYPE_NOT_ALLOWED', message);
}

/**
 * The media type of an upload, from its bytes: must be one of DOCUMENT_MEDIA_TYPES, and agree with the
 * declared type and the file name's extension when those name a type. Plain text only when declared
 * as such and the bytes are UTF-8 without NULs.
 */
export async function detectDocumentType(bytes: Buffer, declaredType: string | null, fileName: string): Promise<(typeof DOCUMENT_MEDIA_TYPES)[number]> {
  const declared = normaliseType(declaredType);
  // Loaded on first upload (keeps start-up and every test file's import light).
  const { fileTypeFromBuffer } = await import('file-type');
  const detectedRaw = (await fileTypeFromBuffer(bytes))?.mime ?? null;
  let detected: string | null = detectedRaw;
  if (detected === null && declared === 'text/plain' && isPlainText(bytes)) detected = 'text/plain';
  const allowed = DOCUMENT_MEDIA_TYPES.find((t) => t === detected);
  if (!allowed) throw refuseType('This type of file is not accepted (PDF, JPEG, PNG, WebP, Word .docx or plain text).');
  if (!GENERIC_TYPES.has(declared) && declared !== allowed) throw refuseType('The file’s content does not match its declared type.');
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = ext ? EXTENSION_TYPES[ext] : undefined;
  if (byExtension && byExtension !== allowed) throw refuseType('The file’s content does not match its name.');
  return allowed;
}

/** Upload a document to a case (cases.write and sensitive access); size and type checked. */
export async function uploadDocument(ctx: ServiceContext, actor: Actor, caseId: string, upload: DocumentUpload): Promise<DocumentView> {
  if (upload.bytes.length > ctx.config.VICTOR_MAX_DOCUMENT_BYTES) throw new AppError('DOCUMENT_TOO_LARGE', 'The file is larger than allowed.');
  if (upload.bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty.', { issues: [{ path: 'file', message: 'empty' }] });
  const fileName = upload.fileName.trim().slice(0, 255) || 'document';
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c, access } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    if (!access.sensitive) throw new AppError('FORBIDDEN', 'You may not add documents to this case.');
    const mediaType = await detectDocumentType(upload.bytes, upload.declaredType, fileName);
    const id = randomUUID();
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertDocument(tx, {
      id,
      caseId: c.id,
      fileNameEnc: sealField(ctx, FILE_NAME, id, fileName) ?? '',
      mediaType,
      sizeBytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      contentEnc: sealField(ctx, CONTENT, id, upload.bytes.toString('base64')) ?? '',
      kind: upload.kind,
      uploadedBy: userId,
      uploadedAt: new Date(),
    });
    const data = { documentId: id, kind: upload.kind, mediaType, sizeBytes: row.sizeBytes };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'document_added', actorUserId: userId, data });
    await recordAudit(tx, actor, { action: 'case.document_added', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: data });
    return presentDocument(ctx, row, await caseRepo.mapUserNames(tx, [userId]));
  });
}

/** Download a document (cases.write with sensitive access); audited as a view of the case. */
export async function downloadDocument(ctx: ServiceContext, actor: Actor, caseId: string, docId: string): Promise<DocumentDownload> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c, access } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    if (!access.sensitive) throw new AppError('FORBIDDEN', 'You may not read documents of this case.');
    const doc = await repo.findDocumentWithContent(tx, c.id, docId);
    if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', 'No such document in this case.');
    const bytes = Buffer.from(openField(ctx, CONTENT, doc.id, doc.contentEnc) ?? '', 'base64');
    await recordAudit(tx, actor, { action: 'case.document_downloaded', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { documentId: doc.id, via: access.via } });
    return { fileName: openField(ctx, FILE_NAME, doc.id, doc.fileNameEnc) ?? 'document', mediaType: doc.mediaType, bytes };
  });
}

/** Remove a document (soft delete; cases.write with sensitive access). */
export async function removeDocument(ctx: ServiceContext, actor: Actor, caseId: string, docId: string): Promise<{ ok: true }> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c, access } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    if (!access.sensitive) throw new AppError('FORBIDDEN', 'You may not remove documents of this case.');
    const userId = actor.principal?.userId ?? null;
    const removed = await repo.markDocumentDeleted(tx, c.id, docId, userId);
    if (!removed) throw new AppError('DOCUMENT_NOT_FOUND', 'No such document in this case.');
    await appendCaseEvent(tx, { caseId: c.id, kind: 'document_removed', actorUserId: userId, data: { documentId: removed.id } });
    await recordAudit(tx, actor, { action: 'case.document_removed', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { documentId: removed.id } });
    return { ok: true as const };
  });
}
