/**
 * The case list and search, always within the reader's record scope. Keyset pages, newest opened
 * first, never a total. `q` is a case reference (exact) or words of the title and persons' names,
 * matched through their keyed hashes (nothing is decrypted to search).
 */
import type { CaseListQuery, CasePage } from '../api/cases.schemas';
import * as caseListRepo from '../db/repos/case-list.repo';
import * as caseRepo from '../db/repos/case.repo';
import { buildScopeFilter } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { presentCaseSummary } from './case-presenter';
import { requirePermission, type Actor, type ServiceContext } from './context';
import { getKeyedHasher } from './keyed-hash.service';

/** A case reference as typed: GR-2026-000123 (any case, surrounding spaces ignored). */
const REFERENCE = /^([a-z]{2})-(\d{4})-(\d{1,6})$/i;

/** The reference a search text stands for, or null when it is not one. */
export function parseCaseReference(q: string): string | null {
  const m = REFERENCE.exec(q.trim());
  if (!m) return null;
  return `${m[1]!.toUpperCase()}-${m[2]}-${m[3]!.padStart(6, '0')}`;
}

function invalidCursor(): never {
  throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid.', { issues: [{ path: 'cursor', message: 'not valid' }] });
}

/** Encode the keyset position of the last row of a page. */
export function encodeCaseCursor(c: caseListRepo.CaseListCursor): string {
  return Buffer.from(`${c.openedAt}|${c.id}`).toString('base64url');
}

/** Decode a cursor from the client (VALIDATION_FAILED when it was not made by encodeCaseCursor). */
export function decodeCaseCursor(cursor: string): caseListRepo.CaseListCursor {
  const [openedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!openedAt || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(openedAt) || Number.isNaN(Date.parse(openedAt))) invalidCursor();
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) invalidCursor();
  return { openedAt, id };
}

/** Turn the query into repo filters (scope, "me", reference or hashed words). */
async function resolveFilter(ctx: ServiceContext, actor: Actor, q: CaseListQuery): Promise<caseListRepo.CaseListFilter> {
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'cases.read') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const filter: caseListRepo.CaseListFilter = {
    scope,
    statuses: q.status,
    priorities: q.priority,
    concerns: q.concern,
    organisationId: q.organisationId,
    countryCode: q.countryCode,
  };
  if (q.assigned === 'none') filter.assignedUserId = null;
  else if (q.assigned === 'me') {
    if (!actor.principal) throw new AppError('VALIDATION_FAILED', '"me" needs a signed-in user.', { issues: [{ path: 'assigned', message: 'needs a user' }] });
    filter.assignedUserId = actor.principal.userId;
  }
  if (q.q) {
    const reference = parseCaseReference(q.q);
    if (reference) filter.reference = reference;
    else {
      filter.terms = (await getKeyedHasher(ctx)).hashText(q.q);
      if (filter.terms.length === 0) throw new AppError('VALIDATION_FAILED', 'Search words need at least three letters.', { issues: [{ path: 'q', message: 'at least three letters' }] });
    }
  }
  return filter;
}

/** One page of the cases the reader may see, newest opened first (limit + 1 read; nothing counted). */
export async function listCases(ctx: ServiceContext, actor: Actor, query: CaseListQuery): Promise<CasePage> {
  requirePermission(actor, 'cases.read');
  const after = query.cursor ? decodeCaseCursor(query.cursor) : undefined;
  const filter = await resolveFilter(ctx, actor, query);
  const db = ctx.database.db;
  const rows = await caseListRepo.listCasePage(db, filter, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const ids = page.map((r) => r.id);
  const [orgNames, userNames, overdue] = await Promise.all([
    caseRepo.mapOrganisationNames(db, page.map((r) => r.organisationId)),
    caseRepo.mapUserNames(db, page.map((r) => r.assignedUserId)),
    caseListRepo.countOverdueTasks(db, ids, new Date()),
  ]);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentCaseSummary(ctx, r, orgNames, userNames, overdue.get(r.id) ?? 0)),
    nextCursor: rows.length > query.limit && last ? encodeCaseCursor({ openedAt: last.openedAtKey, id: last.id }) : null,
  };
}
