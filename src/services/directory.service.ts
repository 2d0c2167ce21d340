/**
 * The directory: helplines (116 000, 116 111, national THB hotlines), NRM actors per country and the
 * partner organisations. Staff read it by audience (internal entries only for desk staff and editors);
 * entries are changed by editors covering their country or organisation, verified by reviewers, archived
 * rather than deleted. The public pages read the public helplines through listPublicHelplines.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DirectoryEntryView, DirectoryInput, directoryListQuerySchema, directoryUpdateSchema } from '../api/knowledge.schemas';
import * as repo from '../db/repos/directory.repo';
import { countryExists } from '../db/repos/legal-instrument.repo';
import type { Db } from '../db/database';
import type { Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { listReadableAudiences } from '../domain/knowledge/knowledge-access';
import type { Audience, DirectoryKind, NrmStage } from '../domain/knowledge/knowledge-fields';
import { canEditDirectoryEntry, canVerifyDirectoryEntry } from '../domain/knowledge/reference-rules';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

type ListQuery = z.infer<typeof directoryListQuerySchema>;
type DirectoryUpdate = z.infer<typeof directoryUpdateSchema>;

/** The stored entry's own fields, as an input (to merge a partial change into, and to present). */
function toInput(row: repo.DirectoryRow): DirectoryInput {
  return {
    kind: row.kind as DirectoryKind,
    countryCode: row.countryCode,
    organisationId: row.organisationId,
    name: row.name,
    localName: row.localName,
    descriptions: row.descriptions,
    phones: row.phones,
    email: row.email,
    website: row.website,
    city: row.city,
    address: row.address,
    hours: row.hours,
    aroundTheClock: row.aroundTheClock,
    languages: row.languages,
    operator: row.operator,
    nrmStages: row.nrmStages as NrmStage[],
    audience: row.audience as Audience,
    needsReview: row.needsReview,
  };
}

/** An entry as the API shows it (whitelisted fields; `canEdit` for this principal). */
export function presentDirectoryEntry(row: repo.DirectoryRow, principal: Principal | null): DirectoryEntryView {
  return {
    id: row.id,
    ...(toInput(row) as Omit<DirectoryEntryView, 'id' | 'verifiedAt' | 'archivedAt' | 'updatedAt' | 'version' | 'canEdit'>),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    canEdit: principal !== null && row.archivedAt === null && canEditDirectoryEntry(principal, row),
  };
}

/** A public helpline: only what the public pages show. */
export interface PublicHelpline {
  id: string;
  kind: DirectoryKind;
  countryCode: string;
  name: string;
  localName: string | null;
  descriptions: Record<string, string>;
  phones: { number: string; label?: string; free?: boolean }[];
  hours: string | null;
  aroundTheClock: boolean;
  languages: string[];
  operator: string | null;
  website: string | null;
  city: string | null;
}

/** The audiences the actor reads (system work reads everything). */
function readableBy(actor: Actor): Audience[] {
  return actor.principal === null ? ['public', 'professionals', 'internal'] : listReadableAudiences(actor.principal);
}

/** The entry, if it exists and the actor may read its audience (otherwise DIRECTORY_ENTRY_NOT_FOUND). */
async function requireReadable(db: Db, actor: Actor, id: string): Promise<repo.DirectoryRow> {
  const row = await repo.findEntry(db, id);
  if (!row || !readableBy(actor).includes(row.audience as Audience)) throw new AppError('DIRECTORY_ENTRY_NOT_FOUND', 'That directory entry does not exist.');
  return row;
}

function assertMayEdit(actor: Actor, entry: { countryCode: string; organisationId: string | null }): void {
  if (actor.principal && !canEditDirectoryEntry(actor.principal, entry)) {
    throw new AppError('OUT_OF_SCOPE', 'Directory entries are changed by editors of their country or organisation.');
  }
}

function mayVerify(actor: Actor, entry: { countryCode: string; organisationId: string | null }): boolean {
  return actor.principal === null || canVerifyDirectoryEntry(actor.principal, entry);
}

/** Refuse a country outside the network or an unknown organisation (400, never a database error). */
async function assertReferences(tx: Db, entry: { countryCode: string; organisationId: string | null }): Promise<void> {
  if (!(await countryExists(tx, entry.countryCode))) throw new AppError('VALIDATION_FAILED', 'That country is not in the network.', { issues: [{ path: 'countryCode', message: 'unknown country' }] });
  if (entry.organisationId !== null && !(await repo.organisationExists(tx, entry.organisationId))) {
    throw new AppError('VALIDATION_FAILED', 'That organisation does not exist.', { issues: [{ path: 'organisationId', message: 'unknown organisation' }] });
  }
}

/** A page of the directory the actor may read. Needs knowledge.read. */
export async function listDirectory(ctx: ServiceContext, actor: Actor, query: ListQuery): Promise<{ items: DirectoryEntryView[]; total: number }> {
  requirePermission(actor, 'knowledge.read');
  const { rows, total } = await repo.listEntries(ctx.database.db, {
    audiences: readableBy(actor),
    country: query.country,
    kind: query.kind,
    stage: query.stage,
    helplinesOnly: query.helplinesOnly === 'true',
    needsReview: query.needsReview === undefined ? undefined : query.needsReview === 'true',
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((r) => presentDirectoryEntry(r, actor.principal)), total };
}

/** One entry (archived ones too), if its audience is readable. Needs knowledge.read. */
export async function getDirectoryEntry(ctx: ServiceContext, actor: Actor, id: string): Promise<DirectoryEntryView> {
  requirePermission(actor, 'knowledge.read');
  return presentDirectoryEntry(await requireReadable(ctx.database.db, actor, id), actor.principal);
}

/** Add an entry. Left flagged for review unless the actor may verify it. Needs knowledge.write over it. */
export async function createDirectoryEntry(ctx: ServiceContext, actor: Actor, input: DirectoryInput): Promise<DirectoryEntryView> {
  requirePermission(actor, 'knowledge.write');
  assertMayEdit(actor, input);
  return inTransaction(ctx, async (tx) => {
    await assertReferences(tx, input);
    const verified = !input.needsReview && mayVerify(actor, input);
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertEntry(tx, randomUUID(), { ...input, needsReview: !verified }, userId, verified ? { verifiedBy: userId, verifiedAt: new Date() } : null);
    await recordAudit(tx, actor, { action: 'knowledge.directory.created', entityType: 'directory_entry', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { kind: row.kind, audience: row.audience } });
    return presentDirectoryEntry(row, actor.principal);
  });
}

/**
 * Change an entry (optimistic `version`; RECORD_VERSION_CONFLICT when it changed meanwhile). Moving it to
 * another country or organisation needs rights there too. A change by someone who may not verify leaves
 * it flagged for review.
 */
export async function updateDirectoryEntry(ctx: ServiceContext, actor: Actor, id: string, input: DirectoryUpdate): Promise<DirectoryEntryView> {
  requirePermission(actor, 'knowledge.write');
  return inTransaction(ctx, async (tx) => {
    const current = await requireReadable(tx, actor, id);
    if (current.archivedAt) throw new AppError('DIRECTORY_ENTRY_NOT_FOUND', 'That directory entry is archived.');
    assertMayEdit(actor, current);
    const { version, ...changes } = input;
    const merged: DirectoryInput = { ...toInput(current), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    assertMayEdit(actor, merged);
    if (merged.countryCode !== current.countryCode || merged.organisationId !== current.organisationId) await assertReferences(tx, merged);
    const verifies = mayVerify(actor, merged);
    merged.needsReview = verifies ? merged.needsReview : true;
    const verifiedNow = verifies && current.needsReview && !merged.needsReview;
    const extra = verifiedNow ? { verifiedBy: actor.principal?.userId ?? null, verifiedAt: new Date() } : {};
    const row = await repo.updateEntry(tx, id, version, merged, extra);
    if (!row) throw new AppError('RECORD_VERSION_CONFLICT', 'Someone changed this entry since you opened it. Reload and apply your change again.');
    await recordAudit(tx, actor, { action: 'knowledge.directory.updated', entityType: 'directory_entry', entityId: id, organisationId: row.organisationId, countryCode: row.countryCode, details: { fields: Object.keys(changes), needsReview: row.needsReview } });
    return presentDirectoryEntry(row, actor.principal);
  });
}

/** Verify an entry's details: clears its review flag, records who and when. Needs knowledge.review over it. */
export async function verifyDirectoryEntry(ctx: ServiceContext, actor: Actor, id: string): Promise<DirectoryEntryView> {
  requirePermission(actor, 'knowledge.review');
  return inTransaction(ctx, async (tx) => {
    const current = await requireReadable(tx, actor, id);
    if (!mayVerify(actor, current)) throw new AppError('OUT_OF_SCOPE', 'Directory entries are verified by reviewers of their country.');
    const row = await repo.markEntryVerified(tx, id, actor.principal?.userId ?? null);
    if (!row) throw new AppError('DIRECTORY_ENTRY_NOT_FOUND', 'That directory entry is archived.');
    await recordAudit(tx, actor, { action: 'knowledge.directory.verified', entityType: 'directory_entry', entityId: id, organisationId: row.organisationId, countryCode: row.countryCode });
    return presentDirectoryEntry(row, actor.principal);
  });
}

/** Archive an entry (gone from lists, search and the public pages; kept for history). Needs knowledge.write over it. */
export async function archiveDirectoryEntry(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'knowledge.write');
  await inTransaction(ctx, async (tx) => {
    const current = await requireReadable(tx, actor, id);
    assertMayEdit(actor, current);
    const row = await repo.archiveEntry(tx, id);
    if (!row) throw new AppError('DIRECTORY_ENTRY_NOT_FOUND', 'That directory entry is already archived.');
    await recordAudit(tx, actor, { action: 'knowledge.directory.archived', entityType: 'directory_entry', entityId: id, organisationId: row.organisationId, countryCode: row.countryCode });
  });
}

/** The public helplines (116 000, 116 111, THB hotlines), optionally of one country. No sign-in needed. */
export async function listPublicHelplines(ctx: ServiceContext, countryCode?: string): Promise<PublicHelpline[]> {
  const rows = await repo.listPublicHelplineRows(ctx.database.db, countryCode);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DirectoryKind,
    countryCode: r.countryCode,
    name: r.name,
    localName: r.localName,
    descriptions: r.descriptions,
    phones: r.phones.map((p) => ({ number: p.number, ...(p.label ? { label: p.label } : {}), ...(p.free !== undefined ? { free: p.free } : {}) })),
    hours: r.hours,
    aroundTheClock: r.aroundTheClock,
    languages: r.languages,
    operator: r.operator,
    website: r.website,
    city: r.city,
  }));
}
