/**
 * The parts of the case page owned by case work: persons, screenings, tasks, notes and documents, as the
 * reader may see them. All parts come from one statement (case-page.repo), plus one query for user
 * names and one for indicator labels of set versions not yet cached;
 * only what is shown is decrypted. Readers without sensitive access (e.g. helpline operators) see
 * potential victims without identifying data, no relatives or suspected perpetrators, no notes, no
 * documents, and screenings without evidence.
 */
import type { DocumentView, NoteView, PersonView, ScreeningView, TaskView } from '../api/cases.schemas';
import type { Db } from '../db/database';
import * as caseRepo from '../db/repos/case.repo';
import type * as documentRepo from '../db/repos/case-document.repo';
import type * as noteRepo from '../db/repos/case-note.repo';
import * as pageRepo from '../db/repos/case-page.repo';
import type { CasePageRows } from '../db/repos/case-page.repo';
import type * as screeningRepo from '../db/repos/case-screening.repo';
import type * as taskRepo from '../db/repos/case-task.repo';
import type { CaseAccess } from './case-access';
import { presentDocument } from './case-document.service';
import { presentNote } from './case-note.service';
import { presentPerson } from './case-person.service';
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

/** The rows of the case-work parts, read but not yet presented (user names are resolved by the caller). */
export interface CasePartRows {
  persons: PersonView[];
  screenings: screeningRepo.CaseScreeningRow[];
  labels: Map<string, Map<string, string>>;
  tasks: taskRepo.CaseTaskRow[];
  notes: noteRepo.CaseNoteRow[];
  documents: documentRepo.CaseDocumentMeta[];
  /** Every user the parts name (screened by, assignee, done by, author, uploaded by). */
  userIds: (string | null)[];
}

/**
 * The case-work parts of a case page read by readCasePage (notes and documents are only there with
 * sensitive access): persons presented, indicator labels of the screenings' set versions in `lang`
 * (cached versions need no query). Other names are left to presentCaseParts so the case page resolves
 * every user it shows in one query.
 */
export async function readCaseParts(tx: Db, ctx: ServiceContext, page: Pick<CasePageRows, 'persons' | 'screenings' | 'tasks' | 'notes' | 'documents'>, access: CaseAccess, lang = 'en'): Promise<CasePartRows> {
  const sensitive = access.sensitive;
  const persons = page.persons.map((p) => presentPerson(ctx, p, sensitive)).filter((p): p is PersonView => p !== null);
  const { screenings, tasks } = page;
  const notes = sensitive ? page.notes : [];
  const documents = sensitive ? page.documents : [];
  const labels = screenings.length > 0 ? await loadScreeningLabels(tx, screenings, lang, ctx.database) : new Map<string, Map<string, string>>();
  const userIds = [...screenings.map((s) => s.screenedBy), ...tasks.flatMap((t) => [t.assigneeUserId, t.doneBy]), ...notes.map((n) => n.authorId), ...documents.map((d) => d.uploadedBy)];
  return { persons, screenings, labels, tasks, notes, documents, userIds };
}

/** Present parts read by readCaseParts with the user names of the page (decrypts only what is shown). */
export function presentCaseParts(ctx: ServiceContext, row: caseRepo.CaseRow, access: CaseAccess, parts: CasePartRows, names: ReadonlyMap<string, string>): CaseParts {
  const now = new Date();
  return {
    persons: parts.persons,
    screenings: parts.screenings.map((s) => presentScreening(ctx, s, parts.labels.get(setVersionKey(s.setKey, s.setVersion)), names, access.sensitive)),
    tasks: parts.tasks.map((t) => presentTask(ctx, t, row.reference, names, now)),
    notes: parts.notes.map((n) => presentNote(ctx, n, names)),
    documents: parts.documents.map((d) => presentDocument(ctx, d, names)),
  };
}

/**
 * Load the persons, screenings, tasks, notes and documents of a case for the reader (`access` from
 * loadCaseWithAccess). Reason labels of screenings are in `lang`, falling back to English.
 */
export async function loadCaseParts(tx: Db, ctx: ServiceContext, row: caseRepo.CaseRow, access: CaseAccess, lang = 'en'): Promise<CaseParts> {
  const page = await pageRepo.readCasePage(tx, row.id, row.organisationId, { sensitive: access.sensitive, timelineLimit: 0 });
  const parts = await readCaseParts(tx, ctx, page, access, lang);
  return presentCaseParts(ctx, row, access, parts, await caseRepo.mapUserNames(tx, parts.userIds));
}
