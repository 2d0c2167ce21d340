/**
 * Searching and exporting contacts. Lists carry no notes or numbers; free text matches whole words
 * of the (encrypted) notes and the region through their keyed hashes. Exports are audited.
 */
import { stringify } from 'csv-stringify';
import type { ContactSearchQuery } from '../api/contacts.schemas';
import * as contactRepo from '../db/repos/contact.repo';
import * as taxonomyRepo from '../db/repos/taxonomy.repo';
import { buildScopeFilter } from '../domain/access/scope';
import { resolveRegionalCode } from '../domain/helpline/taxonomy';
import { AppError } from '../domain/errors';
import { presentContactSummary } from './contact-presenter';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { loadCurrentTaxonomy } from './helpline-cache.service';
import { getKeyedHasher } from './keyed-hash.service';

/** Totals are counted up to this many; beyond it the page says "1,000+" (counting further costs time). */
export const COUNT_CAP = 1_000;
/** The most rows one export may hold. */
export const EXPORT_MAX_ROWS = 200_000;

function encodeCursor(c: { startedAt: Date; id: string }): string {
  return Buffer.from(`${c.startedAt.toISOString()}|${c.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(at ?? '');
  if (Number.isNaN(startedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid.', { issues: [{ path: 'cursor', message: 'not valid' }] });
  }
  return { startedAt, id: id! };
}

async function resolveSearch(ctx: ServiceContext, actor: Actor, q: Omit<ContactSearchQuery, 'limit' | 'cursor'>, permission: 'contacts.read' | 'contacts.export'): Promise<contactRepo.ContactSearch> {
  const scope = actor.principal ? buildScopeFilter(actor.principal, permission) : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  let categories: string[] | undefined;
  if (q.category) {
    categories = [q.category, ...(await taxonomyRepo.listCodesMappingTo(ctx.database.db, q.category))];
  }
  let terms: string[] | undefined;
  if (q.q) {
    terms = (await getKeyedHasher(ctx)).hashText(q.q);
    if (terms.length === 0) throw new AppError('VALIDATION_FAILED', 'Search words need at least three letters.', { issues: [{ path: 'q', message: 'at least three letters' }] });
  }
  return {
    scope,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    organisationId: q.organisationId,
    countryCode: q.countryCode,
    channels: q.channel,
    statuses: q.status,
    outcomes: q.outcome,
    categories,
    isThb: q.isThb,
    operatorUserId: q.operator === 'me' ? (actor.principal?.userId ?? undefined) : undefined,
    terms,
  };
}

/** One page of contacts, newest first, with a capped total. */
export async function searchContacts(ctx: ServiceContext, actor: Actor, query: ContactSearchQuery) {
  requirePermission(actor, 'contacts.read');
  const search = await resolveSearch(ctx, actor, query, 'contacts.read');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const db = ctx.database.db;
  const [rows, count] = await Promise.all([
    contactRepo.searchContacts(db, search, { limit: query.limit + 1, after }),
    contactRepo.countContacts(db, search, COUNT_CAP + 1),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentContactSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    total: Math.min(count, COUNT_CAP),
    totalCapped: count > COUNT_CAP,
  };
}

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
function defuse(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const EXPORT_COLUMNS = [
  'reference', 'status', 'source', 'organisation_id', 'country', 'channel', 'direction', 'started_at', 'ended_at', 'handle_seconds', 'language',
  'caller_type', 'caller_sector', 'caller_age_band', 'caller_gender', 'child_age_band', 'child_gender', 'region', 'categories', 'regional_categories',
  'is_thb', 'information_given', 'actions_taken', 'consent_callback', 'consent_confidentiality', 'outcome', 'non_data_type', 'out_of_hours',
  'police_notified_at', 'nrm_notified_at', 'review_status', 'taxonomy_version', 'operator_user_id', 'case_id',
] as const;

/**
 * Export matching contacts as CSV (coded fields only: no notes, numbers or caller hashes). The
 * export is audited with its filters before the first row leaves. Returns a readable stream.
 */
export async function exportContacts(ctx: ServiceContext, actor: Actor, query: Omit<ContactSearchQuery, 'limit' | 'cursor'>) {
  requirePermission(actor, 'contacts.export');
  const search = await resolveSearch(ctx, actor, query, 'contacts.export');
  const db = ctx.database.db;
  const matching = await contactRepo.countContacts(db, search, EXPORT_MAX_ROWS + 1);
  if (matching > EXPORT_MAX_ROWS) {
    throw new AppError('VALIDATION_FAILED', `An export holds at most ${EXPORT_MAX_ROWS.toLocaleString('en')} contacts: narrow the filters.`, { issues: [{ path: 'from', message: 'too many contacts' }] });
  }
  const { q: _q, ...loggedFilters } = query;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, actor, { action: 'contacts.exported', entityType: 'contact', details: { filters: { ...loggedFilters, freeText: Boolean(query.q) }, rows: matching } }),
  );
  const { index } = await loadCurrentTaxonomy(ctx);
  const csv = stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true });
  const produce = async () => {
    let after: { startedAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await contactRepo.searchContacts(db, search, { limit: 1000, after });
      for (const c of rows) {
        const ok = csv.write([
          c.reference, c.status, c.source, c.organisationId, c.countryCode, c.channel, c.direction, c.startedAt.toISOString(), c.endedAt?.toISOString() ?? '',
          c.handleSeconds ?? '', c.language ?? '', c.callerType ?? '', c.callerSector ?? '', c.callerAgeBand ?? '', c.callerGender ?? '', c.childAgeBand ?? '',
          c.childGender ?? '', defuse(c.region), c.categories.join(';'), [...new Set(c.categories.map((code) => resolveRegionalCode(index, code) ?? code))].join(';'),
          c.isThb, c.informationGiven.join(';'), c.actionsTaken.join(';'), c.consentCallback, c.consentConfidentiality, c.outcome ?? '', c.nonDataType ?? '',
          c.outOfHours, c.policeNotifiedAt?.toISOString() ?? '', c.nrmNotifiedAt?.toISOString() ?? '', c.reviewStatus ?? '', c.taxonomyVersion, c.operatorUserId ?? '', c.caseId ?? '',
        ]);
        if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
      }
      const last = rows[rows.length - 1];
      if (rows.length < 1000 || !last) break;
      after = { startedAt: last.startedAt, id: last.id };
    }
    csv.end();
  };
  produce().catch((err: unknown) => csv.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: csv, rows: matching };
}
