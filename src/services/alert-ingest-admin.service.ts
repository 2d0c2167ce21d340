/**
 * Administration of ingest (alerts.configure): the sources other systems' feeds are polled from,
 * the quarantine of refused documents, and the list of received alerts with their warnings.
 * Sources are regional configuration: every holder of alerts.configure manages them.
 */
import { randomUUID } from 'node:crypto';
import type { IngestedAlertView, IngestedPage, IngestSourceInput, IngestSourcePatch, IngestSourceView, QuarantinePage } from '../api/alert-ingest.schemas';
import * as ingestRepo from '../db/repos/alert-ingest.repo';
import { AppError } from '../domain/errors';
import { checkIngestUrl } from './alert-ingest-fetch';
import { requireNetworkConfigure } from './alert-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';

function presentSource(s: ingestRepo.IngestSourceRow): IngestSourceView {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    kind: s.kind as IngestSourceView['kind'],
    countryCode: s.countryCode,
    pollSeconds: s.pollSeconds,
    active: s.active,
    lastPolledAt: s.lastPolledAt?.toISOString() ?? null,
    lastOutcome: s.lastOutcome,
    lastError: s.lastError,
    createdAt: s.createdAt.toISOString(),
  };
}

const urlTaken = (err: unknown) => (err as { cause?: { code?: string } }).cause?.code === '23505' || (err as { code?: string }).code === '23505';

/** Every source. */
export async function listSources(ctx: ServiceContext, actor: Actor): Promise<IngestSourceView[]> {
  requireNetworkConfigure(actor);
  return (await ingestRepo.listSources(ctx.database.db)).map(presentSource);
}

/** Add a source (http/https; private addresses refused unless VICTOR_ALLOW_PRIVATE_ENDPOINTS). */
export async function createSource(ctx: ServiceContext, actor: Actor, input: IngestSourceInput): Promise<IngestSourceView> {
  requireNetworkConfigure(actor);
  const url = checkIngestUrl(input.url, ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS).toString();
  const id = randomUUID();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await ingestRepo.insertSource(tx, { id, name: input.name, url, kind: input.kind, countryCode: input.countryCode, pollSeconds: input.pollSeconds, active: input.active, createdBy: actor.principal?.userId ?? null });
      await recordAudit(tx, actor, { action: 'alert_ingest_source.created', entityType: 'alert_ingest_source', entityId: id, countryCode: input.countryCode, details: { kind: input.kind, active: input.active } });
      return presentSource(row);
    });
  } catch (err) {
    if (urlTaken(err)) throw new AppError('CONFLICT', 'A source with this URL exists already.');
    throw err;
  }
}

/** Change a source; a new URL forgets the conditional-GET validators. */
export async function updateSource(ctx: ServiceContext, actor: Actor, id: string, patch: IngestSourcePatch): Promise<IngestSourceView> {
  requireNetworkConfigure(actor);
  const url = patch.url !== undefined ? checkIngestUrl(patch.url, ctx.config.VICTOR_ALLOW_PRIVATE_ENDPOINTS).toString() : undefined;
  try {
    return await inTransaction(ctx, async (tx) => {
      const existing = await ingestRepo.findSource(tx, id);
      if (!existing) throw new AppError('INGEST_SOURCE_NOT_FOUND', 'The ingest source does not exist.');
      const changedUrl = url !== undefined && url !== existing.url;
      const row = await ingestRepo.updateSource(tx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(url !== undefined ? { url } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.countryCode !== undefined ? { countryCode: patch.countryCode } : {}),
        ...(patch.pollSeconds !== undefined ? { pollSeconds: patch.pollSeconds } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(changedUrl ? { etag: null, lastModified: null } : {}),
      });
      await recordAudit(tx, actor, { action: 'alert_ingest_source.updated', entityType: 'alert_ingest_source', entityId: id, countryCode: row!.countryCode, details: { fields: Object.keys(patch) } });
      return presentSource(row!);
    });
  } catch (err) {
    if (urlTaken(err)) throw new AppError('CONFLICT', 'A source with this URL exists already.');
    throw err;
  }
}

/** Delete a source (received alerts and quarantine entries stay, without their source). */
export async function deleteSource(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireNetworkConfigure(actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await ingestRepo.deleteSource(tx, id))) throw new AppError('INGEST_SOURCE_NOT_FOUND', 'The ingest source does not exist.');
    await recordAudit(tx, actor, { action: 'alert_ingest_source.deleted', entityType: 'alert_ingest_source', entityId: id });
  });
}

/** Quarantine entries, newest first (keyset: pass nextBefore back as before). */
export async function listQuarantine(ctx: ServiceContext, actor: Actor, query: { limit: number; before?: number }): Promise<QuarantinePage> {
  requireNetworkConfigure(actor);
  const rows = await ingestRepo.listQuarantine(ctx.database.db, { limit: query.limit + 1, ...(query.before !== undefined ? { beforeId: query.before } : {}) });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((q) => ({ id: q.id, sourceId: q.sourceId, sourceName: q.sourceName, receivedAt: q.receivedAt.toISOString(), reasonCode: q.reasonCode, detail: q.detail, sizeBytes: q.sizeBytes, excerpt: q.excerpt })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** Delete one quarantine entry. */
export async function deleteQuarantineEntry(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  requireNetworkConfigure(actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await ingestRepo.deleteQuarantine(tx, id))) throw new AppError('CAP_DOCUMENT_NOT_FOUND', 'The quarantine entry does not exist.');
    await recordAudit(tx, actor, { action: 'alert_ingest_quarantine.deleted', entityType: 'alert_ingest_quarantine', entityId: String(id) });
  });
}

/** Empty the quarantine. */
export async function clearQuarantine(ctx: ServiceContext, actor: Actor): Promise<{ deleted: number }> {
  requireNetworkConfigure(actor);
  return inTransaction(ctx, async (tx) => {
    const deleted = await ingestRepo.clearQuarantine(tx);
    await recordAudit(tx, actor, { action: 'alert_ingest_quarantine.cleared', entityType: 'alert_ingest_quarantine', details: { deleted } });
    return { deleted };
  });
}

function presentIngested(a: ingestRepo.IngestedRow & { sourceName: string | null }): IngestedAlertView {
  return {
    id: a.id,
    sourceId: a.sourceId,
    sourceName: a.sourceName,
    identifier: a.identifier,
    sender: a.sender,
    sent: a.sent.toISOString(),
    msgType: a.msgType,
    capStatus: a.capStatus,
    scope: a.scope,
    event: a.event,
    headline: a.headline,
    areaDesc: a.areaDesc,
    countryCode: a.countryCode,
    expiresAt: a.expiresAt?.toISOString() ?? null,
    supersededBy: a.supersededBy,
    receivedAt: a.receivedAt.toISOString(),
    warnings: a.warnings,
  };
}

/** Received alerts, newest first, with their warnings (keyset cursor "receivedAt|id"). */
export async function listIngestedAlerts(ctx: ServiceContext, actor: Actor, query: { limit: number; before?: string }): Promise<IngestedPage> {
  requireNetworkConfigure(actor);
  let before: { at: Date; id: string } | undefined;
  if (query.before) {
    const [at, id] = query.before.split('|');
    const date = new Date(at ?? '');
    if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', { issues: [{ path: 'before', message: 'invalid cursor' }] });
    before = { at: date, id };
  }
  const rows = await ingestRepo.listIngested(ctx.database.db, { limit: query.limit + 1, ...(before ? { before } : {}) });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentIngested), nextBefore: rows.length > query.limit && last ? `${last.receivedAt.toISOString()}|${last.id}` : null };
}
