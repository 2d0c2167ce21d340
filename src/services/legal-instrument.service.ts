/**
 * The legal instruments register: international, Council of Europe, EU and national instruments, with
 * where each country stands with them. Regional instruments are changed by region-wide editors; national
 * instruments and a country's status by that country's desk (or the region). Changes by someone who may
 * not confirm facts stay flagged for review.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { InstrumentView, instrumentInputSchema, instrumentListQuerySchema, instrumentStatusInputSchema, instrumentUpdateSchema } from '../api/knowledge.schemas';
import * as repo from '../db/repos/legal-instrument.repo';
import type { Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { deriveSlug } from '../domain/knowledge/article-slug';
import type { InstrumentKind, InstrumentStatus } from '../domain/knowledge/knowledge-fields';
import {
  canConfirmInstrument,
  canConfirmInstrumentStatus,
  canEditInstrument,
  canSetInstrumentStatus,
  isRegionalInstrument,
  yearOf,
} from '../domain/knowledge/reference-rules';
import type { Db } from '../db/database';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

type InstrumentInput = z.infer<typeof instrumentInputSchema>;
type InstrumentUpdate = z.infer<typeof instrumentUpdateSchema>;
type StatusInput = z.infer<typeof instrumentStatusInputSchema>;
type ListQuery = z.infer<typeof instrumentListQuerySchema>;

/** A status row as the API shows it. */
function presentStatus(s: repo.InstrumentStatusRow): InstrumentView['statuses'][number] {
  return {
    countryCode: s.countryCode,
    status: s.status as InstrumentStatus,
    signedOn: s.signedOn,
    ratifiedOn: s.ratifiedOn,
    inForceOn: s.inForceOn,
    note: s.note,
    sourceUrl: s.sourceUrl,
    needsReview: s.needsReview,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** An instrument as the API shows it (whitelisted fields; `canEdit` for this principal). */
export function presentInstrument(row: repo.InstrumentRow, statuses: repo.InstrumentStatusRow[], principal: Principal | null): InstrumentView {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as InstrumentKind,
    countryCode: row.countryCode,
    title: row.title,
    shortTitle: row.shortTitle,
    reference: row.reference,
    year: row.year,
    adoptedOn: row.adoptedOn,
    inForceOn: row.inForceOn,
    officialUrl: row.officialUrl,
    summaries: row.summaries,
    topics: row.topics,
    needsReview: row.needsReview,
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    statuses: statuses.map(presentStatus),
    canEdit: principal === null ? false : canEditInstrument(principal, row),
  };
}

async function loadView(db: Db, row: repo.InstrumentRow, principal: Principal | null): Promise<InstrumentView> {
  return presentInstrument(row, await repo.listStatuses(db, [row.id]), principal);
}

async function requireInstrument(db: Db, id: string): Promise<repo.InstrumentRow> {
  const row = await repo.findInstrument(db, id);
  if (!row) throw new AppError('INSTRUMENT_NOT_FOUND', 'That legal instrument does not exist.');
  return row;
}

function assertMayEdit(actor: Actor, row: { kind: string; countryCode: string | null }): void {
  if (actor.principal && !canEditInstrument(actor.principal, row)) {
    throw new AppError('OUT_OF_SCOPE', isRegionalInstrument(row.kind) ? 'International, Council of Europe and EU instruments are edited by regional coordinators.' : "National instruments are edited by that country's desk.");
  }
}

/** May the actor confirm facts here? (System work may.) */
function mayConfirm(actor: Actor, row: { kind: string; countryCode: string | null }): boolean {
  return actor.principal === null || canConfirmInstrument(actor.principal, row);
}

/** The register, filtered; with `country`, only that country's statuses. Needs knowledge.read. */
export async function listInstruments(ctx: ServiceContext, actor: Actor, query: ListQuery): Promise<{ items: InstrumentView[] }> {
  requirePermission(actor, 'knowledge.read');
  const db = ctx.database.db;
  const rows = await repo.listInstruments(db, { kind: query.kind, country: query.country, needsReview: query.needsReview === undefined ? undefined : query.needsReview === 'true' });
  const statuses = await repo.listStatuses(db, rows.map((r) => r.id), query.country);
  const byInstrument = new Map<string, repo.InstrumentStatusRow[]>();
  for (const s of statuses) byInstrument.set(s.instrumentId, [...(byInstrument.get(s.instrumentId) ?? []), s]);
  return { items: rows.map((r) => presentInstrument(r, byInstrument.get(r.id) ?? [], actor.principal)) };
}

/** One instrument with every country's status. Needs knowledge.read. */
export async function getInstrument(ctx: ServiceContext, actor: Actor, id: string): Promise<InstrumentView> {
  requirePermission(actor, 'knowledge.read');
  const db = ctx.database.db;
  return loadView(db, await requireInstrument(db, id), actor.principal);
}

/** A free slug: the one asked for (taken -> INSTRUMENT_SLUG_TAKEN), or one derived from the title. */
async function chooseSlug(tx: Db, input: InstrumentInput): Promise<string> {
  if (input.slug) {
    if (await repo.findInstrumentBySlug(tx, input.slug)) throw new AppError('INSTRUMENT_SLUG_TAKEN', 'Another instrument already has this slug.');
    return input.slug;
  }
  const base = deriveSlug(input.shortTitle ?? input.title, 'en');
  const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await repo.listTakenSlugs(tx, candidates);
  const free = candidates.find((c) => !taken.has(c));
  if (!free) throw new AppError('INSTRUMENT_SLUG_TAKEN', 'Choose a slug: the one derived from the title is taken.');
  return free;
}

/**
 * Add an instrument. A regional one gets an `unknown` status, flagged for review, in every country of the
 * network. Needs knowledge.write over the instrument's scope.
 */
export async function createInstrument(ctx: ServiceContext, actor: Actor, input: InstrumentInput): Promise<InstrumentView> {
  requirePermission(actor, 'knowledge.write');
  assertMayEdit(actor, input);
  return inTransaction(ctx, async (tx) => {
    if (input.countryCode !== null && !(await repo.countryExists(tx, input.countryCode))) {
      throw new AppError('VALIDATION_FAILED', 'That country is not in the network.', { issues: [{ path: 'countryCode', message: 'unknown country' }] });
    }
    const slug = await chooseSlug(tx, input);
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertInstrument(tx, {
      id: randomUUID(),
      slug,
      kind: input.kind,
      countryCode: input.countryCode,
      title: input.title,
      shortTitle: input.shortTitle,
      reference: input.reference,
      year: input.year ?? yearOf(input.adoptedOn),
      adoptedOn: input.adoptedOn,
      inForceOn: input.inForceOn,
      officialUrl: input.officialUrl,
      summaries: input.summaries as Record<string, string>,
      topics: input.topics,
      needsReview: input.needsReview || !mayConfirm(actor, input),
      reviewNote: input.reviewNote,
      createdBy: userId,
    });
    if (isRegionalInstrument(row.kind)) {
      const codes = await repo.listCountryCodes(tx);
      await repo.insertStatusesIfAbsent(tx, codes.map((countryCode) => ({ instrumentId: row.id, countryCode, status: 'unknown', needsReview: true, updatedBy: userId })));
    }
    await recordAudit(tx, actor, { action: 'knowledge.instrument.created', entityType: 'legal_instrument', entityId: row.id, countryCode: row.countryCode, details: { slug, kind: row.kind } });
    return loadView(tx, row, actor.principal);
  });
}

/** Change an instrument's fields (optimistic `version`; RECORD_VERSION_CONFLICT when it changed meanwhile). */
export async function updateInstrument(ctx: ServiceContext, actor: Actor, id: string, input: InstrumentUpdate): Promise<InstrumentView> {
  requirePermission(actor, 'knowledge.write');
  return inTransaction(ctx, async (tx) => {
    const current = await requireInstrument(tx, id);
    assertMayEdit(actor, current);
    const { version, summaries, ...fields } = input;
    const confirms = mayConfirm(actor, current);
    const needsReview = confirms ? (input.needsReview ?? current.needsReview) : true;
    const confirmedNow = confirms && current.needsReview && !needsReview;
    const patch: Partial<repo.InstrumentInsert> = {
      ...fields,
      ...(summaries ? { summaries: summaries as Record<string, string> } : {}),
      needsReview,
      ...(confirmedNow ? { reviewedBy: actor.principal?.userId ?? null, reviewedAt: new Date() } : {}),
    };
    const row = await repo.updateInstrument(tx, id, version, patch);
    if (!row) throw new AppError('RECORD_VERSION_CONFLICT', 'Someone changed this instrument since you opened it. Reload and apply your change again.');
    await recordAudit(tx, actor, { action: 'knowledge.instrument.updated', entityType: 'legal_instrument', entityId: id, countryCode: row.countryCode, details: { fields: Object.keys(input).filter((k) => k !== 'version'), needsReview } });
    return loadView(tx, row, actor.principal);
  });
}

/**
 * Record where a country stands with an instrument (signed / ratified / in force, dates, source). A national
 * instrument has a status in its own country only. Left flagged for review unless the actor may confirm it.
 */
export async function setInstrumentStatus(ctx: ServiceContext, actor: Actor, id: string, countryCode: string, input: StatusInput): Promise<InstrumentView> {
  requirePermission(actor, 'knowledge.write');
  if (actor.principal && !canSetInstrumentStatus(actor.principal, countryCode)) {
    throw new AppError('OUT_OF_SCOPE', "A country's status is recorded by that country's desk or a regional coordinator.");
  }
  return inTransaction(ctx, async (tx) => {
    const instrument = await requireInstrument(tx, id);
    if (!(await repo.countryExists(tx, countryCode))) throw new AppError('VALIDATION_FAILED', 'That country is not in the network.', { issues: [{ path: 'country', message: 'unknown country' }] });
    if (instrument.countryCode !== null && instrument.countryCode !== countryCode) {
      throw new AppError('VALIDATION_FAILED', 'A national instrument has a status in its own country only.', { issues: [{ path: 'country', message: 'not the instrument’s country' }] });
    }
    const confirms = actor.principal === null || canConfirmInstrumentStatus(actor.principal, countryCode);
    const needsReview = input.needsReview || !confirms;
    await repo.upsertStatus(tx, {
      instrumentId: id,
      countryCode,
      status: input.status,
      signedOn: input.signedOn,
      ratifiedOn: input.ratifiedOn,
      inForceOn: input.inForceOn,
      note: input.note,
      sourceUrl: input.sourceUrl,
      needsReview,
      updatedBy: actor.principal?.userId ?? null,
    });
    await recordAudit(tx, actor, { action: 'knowledge.instrument.status_set', entityType: 'legal_instrument', entityId: id, countryCode, details: { status: input.status, needsReview } });
    return loadView(tx, instrument, actor.principal);
  });
}

/** Confirm an instrument's facts: clears its review flag, records who and when. Needs knowledge.review over it. */
export async function confirmInstrument(ctx: ServiceContext, actor: Actor, id: string): Promise<InstrumentView> {
  requirePermission(actor, 'knowledge.review');
  return inTransaction(ctx, async (tx) => {
    const current = await requireInstrument(tx, id);
    if (!mayConfirm(actor, current)) {
      throw new AppError('OUT_OF_SCOPE', isRegionalInstrument(current.kind) ? 'Regional instruments are confirmed by regional coordinators.' : "National instruments are confirmed by that country's desk.");
    }
    const row = await repo.updateInstrument(tx, id, current.version, { needsReview: false, reviewedBy: actor.principal?.userId ?? null, reviewedAt: new Date() });
    if (!row) throw new AppError('RECORD_VERSION_CONFLICT', 'Someone changed this instrument meanwhile. Reload and confirm again.');
    await recordAudit(tx, actor, { action: 'knowledge.instrument.confirmed', entityType: 'legal_instrument', entityId: id, countryCode: row.countryCode });
    return loadView(tx, row, actor.principal);
  });
}
