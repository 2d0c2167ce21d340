/**
 * The parts of the case page owned by case work: persons, screenings, tasks, notes and documents, as the
 * reader may see them. One query per part (plus one for user names and one for indicator labels);
 * only what is shown is decrypted. Readers without sensitive access (e.g. helpline operators) see
 * potential victims without identifying data, no relatives or suspected perpetrators, no notes, no
 * documents, and screenings without evidence.
 */
import type { DocumentView, NoteView, PersonView, ScreeningView, TaskView } from '../api/cases.schemas';
import type { Db } from '../db/database';
import * as caseRepo from '../db/repos/case.repo';
import * as documentRepo from '../db/repos/case-document.repo';
import * as noteRepo from '../db/repos/case-note.repo';
import * as screeningRepo from '../db/repos/case-screening.repo';
import * as taskRepo from '../db/repos/case-task.repo';
import type { CaseAccess } from './case-access';
import { presentDocument } from './case-document.service';
import { presentNote } from './case-note.service';
import { listPersonViews } from './case-person.service';
import { loadScreeningLabels, presentScreening, setVersionKey } from './case-screening.service';
import { presentTask } from './case-task.service';
import type { ServiceContext } from './context';

/** The case-work parts of a case page. */
export interface CaseParts {
  persons: PersonView[];
  screenings: ScreeningView[];
  tasks: TaskView[];
  notes: NoteView[];
  documents: DocumentView[];
}

/**
 * Load the persons, screenings, tasks, notes and documents of a case for the reader (`access` from
 * loadCaseWithAccess). Reason labels of screenings are in `lang`, falling back to English.
 */
export async function loadCaseParts(tx: Db, ctx: ServiceContext, row: caseRepo.CaseRow, access: CaseAccess, lang = 'en'): Promise<CaseParts> {
  const sensitive = access.sensitive;
  const persons = await listPersonViews(tx, ctx, row.id, sensitive);
  const screeningRows = await screeningRepo.listScreenings(tx, row.id, sensitive);
  const taskRows = await taskRepo.listCaseTasks(tx, row.id);
  const noteRows = sensitive ? await noteRepo.listNotes(tx, row.id) : [];
  const documentRows = sensitive ? await documentRepo.listDocuments(tx, row.id) : [];
  const names = await caseRepo.mapUserNames(tx, [
    ...screeningRows.map((s) => s.screenedBy),
    ...taskRows.flatMap((t) => [t.assigneeUserId, t.doneBy]),
    ...noteRows.map((n) => n.authorId),
    ...documentRows.map((d) => d.uploadedBy),
  ]);
  const labels = screeningRows.length > 0 ? await loadScreeningLabels(tx, screeningRows, lang) : new Map<string, Map<string, string>>();
  const now = new Date();
  return {
    persons,
    screenings: screeningRows.map((s) => presentScreening(ctx, s, labels.get(setVersionKey(s.setKey, s.setVersion)), names, sensitive)),
    tasks: taskRows.map((t) => presentTask(ctx, t, row.reference, names, now)),
    notes: noteRows.map((n) => presentNote(ctx, n, names)),
    documents: documentRows.map((d) => presentDocument(ctx, d, names)),
  };
}
