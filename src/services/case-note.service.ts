/**
 * Notes of a case: free text sealed with the note id, shown only to readers with sensitive access.
 */
import { randomUUID } from 'node:crypto';
import type { NoteView } from '../api/cases.schemas';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as repo from '../db/repos/case-note.repo';
import { guardCaseAccess, loadCaseWithAccess, openField, sealField } from './case-access';
import { userRef } from './case-screening.service';
import { recordAudit, type Actor, type ServiceContext } from './context';

const BODY = 'case_notes.body';

/** Present a note (decrypts the body). */
export function presentNote(ctx: ServiceContext, row: repo.CaseNoteRow, names: ReadonlyMap<string, string>): NoteView {
  return { id: row.id, body: openField(ctx, BODY, row.id, row.bodyEnc) ?? '', author: userRef(names, row.authorId), createdAt: row.createdAt.toISOString() };
}

/** Add a note to a case (cases.write). */
export async function addNote(ctx: ServiceContext, actor: Actor, caseId: string, input: { body: string }): Promise<NoteView> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const id = randomUUID();
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertNote(tx, { id, caseId: c.id, bodyEnc: sealField(ctx, BODY, id, input.body) ?? '', authorId: userId, createdAt: new Date() });
    await appendCaseEvent(tx, { caseId: c.id, kind: 'note_added', actorUserId: userId, data: { noteId: id } });
    await recordAudit(tx, actor, { action: 'case.note_added', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { noteId: id } });
    return presentNote(ctx, row, await caseRepo.mapUserNames(tx, [userId]));
  });
}
