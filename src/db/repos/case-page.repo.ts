/**
 * The case page in one round trip: the team's name, contacts, referral ids, hand-off links, persons,
 * screenings, tasks, notes, documents and the timeline's first page, each a json_agg subquery on its
 * case index, turned back into the same row shapes the per-table repos return (drizzle's own column
 * mappers). On a page of a dozen small lists this saves a round trip and a query build per list.
 */
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { caseDocuments, caseEvents, casePersons, caseScreenings, caseTasks, caseNotes } from '../schema';
import type { CaseDocumentMeta } from './case-document.repo';
import type { CaseEventRow } from './case-event.repo';
import type { CaseNoteRow } from './case-note.repo';
import type { CasePersonRow } from './case-person.repo';
import type { CaseScreeningRow } from './case-screening.repo';
import type { CaseTaskRow } from './case-task.repo';

/** Everything the case page reads about a case besides the case row and user names. */
export interface CasePageRows {
  organisationName: string | null;
  contacts: { id: string; reference: string; channel: string; startedAt: Date; isThb: boolean }[];
  referralIds: string[];
  handoffLinks: { id: string; fromCaseId: string; toCaseId: string | null }[];
  persons: CasePersonRow[];
  screenings: CaseScreeningRow[];
  tasks: CaseTaskRow[];
  notes: CaseNoteRow[];
  documents: CaseDocumentMeta[];
  /** Newest first, at most `timelineLimit + 1` (the extra one tells that older entries exist). */
  events: CaseEventRow[];
}

type Json = Record<string, unknown>;
type PageRow = Record<'organisation_name' | 'contacts' | 'referral_ids' | 'handoff_links' | 'persons' | 'screenings' | 'tasks' | 'notes' | 'documents' | 'events', unknown>;

/** A json value as parsed by the driver (PostgreSQL and PGlite parse json; text is parsed here). */
function fromJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** Rows of `table` from to_jsonb objects (snake_case keys), mapped by drizzle's column mappers. */
function rowsOf<T extends Table>(table: T, items: unknown): T['$inferSelect'][] {
  const columns = Object.entries(getTableColumns(table));
  return fromJson<Json[]>(items).map((item) => {
    const row: Json = {};
    for (const [key, column] of columns) {
      const value = item[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}

const EMPTY = sql`'[]'::json`;
const agg = (select: SQL, order: SQL) => sql`coalesce(json_agg(${select} ORDER BY ${order}), '[]'::json)`;

/**
 * Read the case page's lists for a reader. Without `sensitive` access: persons are only potential
 * victims, screenings come without their evidence, and notes and documents are not read.
 */
export async function readCasePage(db: Db, caseId: string, organisationId: string, opts: { sensitive: boolean; timelineLimit: number }): Promise<CasePageRows> {
  const { sensitive } = opts;
  const personRoles = sensitive ? sql`` : sql` AND p.role = 'potential_victim'`;
  const screening = sensitive ? sql`to_jsonb(s)` : sql`to_jsonb(s) - 'evidence_enc'`;
  const [row] = await queryRows<PageRow>(
    db,
    sql`SELECT
      (SELECT o.name FROM organisations o WHERE o.id = ${organisationId}) AS organisation_name,
      (SELECT ${agg(sql`json_build_object('id', c.id, 'reference', c.reference, 'channel', c.channel, 'startedAt', c.started_at, 'isThb', c.is_thb)`, sql`c.started_at`)}
         FROM contacts c WHERE c.case_id = ${caseId}) AS contacts,
      (SELECT ${agg(sql`r.id`, sql`r.created_at, r.id`)} FROM referrals r WHERE r.case_id = ${caseId}) AS referral_ids,
      (SELECT ${agg(sql`json_build_object('id', h.id, 'fromCaseId', h.from_case_id, 'toCaseId', h.to_case_id)`, sql`h.requested_at`)}
         FROM handoffs h WHERE h.from_case_id = ${caseId} OR h.to_case_id = ${caseId}) AS handoff_links,
      (SELECT ${agg(sql`to_jsonb(p)`, sql`p.created_at, p.id`)} FROM case_persons p WHERE p.case_id = ${caseId}${personRoles}) AS persons,
      (SELECT ${agg(screening, sql`s.screened_at DESC, s.id DESC`)} FROM case_screenings s WHERE s.case_id = ${caseId}) AS screenings,
      (SELECT ${agg(sql`to_jsonb(t)`, sql`t.done_at IS NOT NULL, t.due_at, t.id`)} FROM case_tasks t WHERE t.case_id = ${caseId}) AS tasks,
      ${sensitive ? sql`(SELECT ${agg(sql`to_jsonb(n)`, sql`n.created_at DESC, n.id DESC`)} FROM case_notes n WHERE n.case_id = ${caseId})` : EMPTY} AS notes,
      ${sensitive ? sql`(SELECT ${agg(sql`to_jsonb(d) - 'content_enc'`, sql`d.uploaded_at DESC, d.id DESC`)} FROM case_documents d WHERE d.case_id = ${caseId} AND d.deleted_at IS NULL)` : EMPTY} AS documents,
      (SELECT ${agg(sql`to_jsonb(e)`, sql`e.at DESC, e.id DESC`)}
         FROM (SELECT * FROM case_events WHERE case_id = ${caseId} ORDER BY at DESC, id DESC LIMIT ${opts.timelineLimit + 1}) e) AS events`,
  );
  if (!row) throw new Error('case page read returned nothing');
  return {
    organisationName: (row.organisation_name as string | null) ?? null,
    contacts: fromJson<(Omit<CasePageRows['contacts'][number], 'startedAt'> & { startedAt: string })[]>(row.contacts).map((c) => ({ ...c, startedAt: new Date(c.startedAt) })),
    referralIds: fromJson<string[]>(row.referral_ids),
    handoffLinks: fromJson<CasePageRows['handoffLinks']>(row.handoff_links),
    persons: rowsOf(casePersons, row.persons),
    screenings: rowsOf(caseScreenings, row.screenings),
    tasks: rowsOf(caseTasks, row.tasks),
    notes: rowsOf(caseNotes, row.notes),
    documents: rowsOf(caseDocuments, row.documents).map(({ contentEnc: _content, ...meta }) => meta),
    events: rowsOf(caseEvents, row.events),
  };
}
