/**
 * Reading a case: the case page (everything at once, the timeline's first page included), further
 * timeline pages, the "who viewed this case" panel, and break-glass access with a stated reason.
 * Every read runs through guardCaseAccess so refused attempts are audited.
 */
import { randomUUID } from 'node:crypto';
import type { CaseView, TimelineEntry } from '../api/cases.schemas';
import type { Db } from '../db/database';
import * as accessRepo from '../db/repos/case-access.repo';
import * as eventRepo from '../db/repos/case-event.repo';
import * as caseListRepo from '../db/repos/case-list.repo';
import * as caseRepo from '../db/repos/case.repo';
import { readCasePage, type CasePageRows } from '../db/repos/case-page.repo';
import { AppError } from '../domain/errors';
import { guardCaseAccess, loadCaseWithAccess, openField, recordCaseView, resolveCaseAccess, sealField, type CaseAccess } from './case-access';
import { presentCaseParts, readCaseParts } from './case-parts.service';
import { isKnownEventKind, presentCaseView, presentConsent, presentTimelineEntry, toUserRef } from './case-presenter';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

/** Timeline entries on the case page (older ones are paged through GET /api/cases/:id/timeline). */
export const TIMELINE_FIRST_PAGE = 50;
/** How long a break-glass grant lasts. */
export const BREAK_GLASS_HOURS = 4;

function badCursor(path: string): never {
  throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid.', { issues: [{ path, message: 'not valid' }] });
}

/** A timeline page from `limit + 1` rows read newest first: `limit` entries and whether older ones exist. */
function timelinePageOf(rows: eventRepo.CaseEventRow[], limit: number) {
  return { entries: rows.slice(0, limit), more: rows.length > limit };
}

/** Present a timeline page read by readTimelinePage, with actor names from `names`. */
function presentTimelinePage(ctx: ServiceContext, read: ReturnType<typeof timelinePageOf>, names: ReadonlyMap<string, string>, sensitive: boolean): CaseView['timeline'] {
  const last = read.entries[read.entries.length - 1];
  return {
    items: read.entries.filter((e) => isKnownEventKind(e.kind)).map((e): TimelineEntry => presentTimelineEntry(ctx, e, names, sensitive)),
    nextCursor: read.more && last ? eventRepo.encodeEventCursor({ at: last.at, id: Number(last.id) }) : null,
  };
}

/** The cases this one was handed off to or received from (`links` of the case), and whether the reader may open them. */
async function loadLinkedCases(tx: Db, actor: Actor, caseId: string, links: CasePageRows['handoffLinks']): Promise<CaseView['linkedCases']> {
  const others = links
    .map((h) => (h.fromCaseId === caseId ? { id: h.toCaseId, relation: 'handed_off_to' as const } : { id: h.fromCaseId, relation: 'received_from' as const }))
    .filter((o): o is { id: string; relation: 'handed_off_to' | 'received_from' } => !!o.id);
  if (others.length === 0) return [];
  const rows = new Map((await caseListRepo.findCasesByIds(tx, others.map((o) => o.id))).map((r) => [r.id, r]));
  const linked: CaseView['linkedCases'] = [];
  const seen = new Set<string>();
  for (const o of others) {
    const other = rows.get(o.id);
    if (!other || seen.has(`${o.id}:${o.relation}`)) continue;
    seen.add(`${o.id}:${o.relation}`);
    const access = await resolveCaseAccess(tx, actor, other);
    linked.push({ id: other.id, reference: other.reference, countryCode: other.countryCode, relation: o.relation, accessible: access.read });
  }
  return linked;
}

/**
 * Assemble the case page for a reader whose access is already settled (used by the GET and by every
 * change, which answers with the fresh page). Does not log a view. Few round trips: every list of the
 * page in one statement (readCasePage), then the names of every user the page shows in one query
 * (plus indicator labels of set versions not cached yet, and linked cases when there are hand-offs).
 */
export async function buildCaseView(tx: Db, ctx: ServiceContext, actor: Actor, row: caseRepo.CaseRow, access: CaseAccess): Promise<CaseView> {
  const extras = await readCasePage(tx, row.id, row.organisationId, { sensitive: access.sensitive, timelineLimit: TIMELINE_FIRST_PAGE });
  const partRows = await readCaseParts(tx, ctx, extras, access);
  const events = timelinePageOf(extras.events, TIMELINE_FIRST_PAGE);
  const linkedCases = await loadLinkedCases(tx, actor, row.id, extras.handoffLinks);
  const userNames = await caseRepo.mapUserNames(tx, [...partRows.userIds, ...events.entries.map((e) => e.actorUserId), row.assignedUserId, row.consent?.recordedBy]);
  const view = presentCaseView(ctx, row, access, {
    organisation: { id: row.organisationId, name: extras.organisationName ?? '—' },
    assignedTo: toUserRef(row.assignedUserId, userNames),
    consent: presentConsent(row.consent, userNames),
    contacts: extras.contacts.map((c) => ({ id: c.id, reference: c.reference, channel: c.channel, startedAt: c.startedAt.toISOString(), isThb: c.isThb })),
    ...presentCaseParts(ctx, row, access, partRows, userNames),
    referralIds: extras.referralIds,
    linkedCases,
    timeline: presentTimelinePage(ctx, events, userNames, access.sensitive),
  });
  // The free-text summary may name people: only for readers who see sensitive data.
  return access.sensitive ? view : { ...view, summary: null };
}

/** The case page (logged in "who viewed this case"). */
export async function getCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseView> {
  requirePermission(actor, 'cases.read');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access } = await loadCaseWithAccess(tx, actor, caseId, 'read');
    await recordCaseView(tx, actor, row, access.via);
    return buildCaseView(tx, ctx, actor, row, access);
  });
}

/** An older page of the timeline. */
export async function getCaseTimeline(ctx: ServiceContext, actor: Actor, caseId: string, query: { before?: string; limit: number }) {
  requirePermission(actor, 'cases.read');
  const before = query.before ? (eventRepo.decodeEventCursor(query.before) ?? badCursor('before')) : undefined;
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access } = await loadCaseWithAccess(tx, actor, caseId, 'read');
    const read = timelinePageOf(await eventRepo.listCaseEvents(tx, row.id, query.limit + 1, before), query.limit);
    return presentTimelinePage(ctx, read, await caseRepo.mapUserNames(tx, read.entries.map((e) => e.actorUserId)), access.sensitive);
  });
}

/** How a reader reached the case, for the "who viewed" panel: scope | break_glass | referral | handoff. */
function viaOf(action: string, recorded: unknown): string {
  if (action === 'case.referral_viewed' || action === 'case.packet_downloaded') return 'referral';
  if (action === 'case.break_glass') return 'break_glass';
  return typeof recorded === 'string' && recorded !== 'system' ? recorded : 'scope';
}

/** "Who viewed this case": reads and attempts, newest first (for those who work the case). */
export async function listCaseViewers(ctx: ServiceContext, actor: Actor, caseId: string, query: { cursor?: string; limit: number }) {
  requirePermission(actor, 'cases.read');
  let beforeId: number | undefined;
  if (query.cursor) {
    beforeId = Number(query.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId <= 0) badCursor('cursor');
  }
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const rows = await accessRepo.listCaseViews(tx, row.id, query.limit + 1, beforeId);
    const page = rows.slice(0, query.limit);
    const names = await caseRepo.mapUserNames(tx, page.map((r) => r.actorUserId));
    const grantIds = page.map((r) => (r.action === 'case.break_glass' ? (r.details as { grantId?: unknown } | null)?.grantId : undefined)).filter((g): g is string => typeof g === 'string');
    const grants = new Map((await caseListRepo.findGrantsByIds(tx, grantIds)).map((g) => [g.id, g]));
    const items = page.map((r) => {
      const details = (r.details ?? {}) as { via?: unknown; grantId?: unknown };
      const grant = typeof details.grantId === 'string' ? grants.get(details.grantId) : undefined;
      return {
        user: toUserRef(r.actorUserId, names),
        at: r.at.toISOString(),
        action: r.action,
        via: viaOf(r.action, details.via),
        reason: grant && grant.caseId === row.id ? openField(ctx, 'case_access_grants.reason', grant.id, grant.reasonEnc) : null,
      };
    });
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
  });
}

/**
 * Break-glass: open a case outside one's scope for four hours with a stated reason. Refused (CONFLICT)
 * when the reader already reaches the case through their scope. Audited, and shown on the timeline.
 */
export async function requestBreakGlass(ctx: ServiceContext, actor: Actor, caseId: string, input: { reason: string }) {
  requirePermission(actor, 'cases.break_glass');
  const userId = actor.principal?.userId;
  if (!userId) throw new AppError('FORBIDDEN', 'Break-glass access is for signed-in users.');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const row = await caseRepo.findCaseById(tx, caseId);
    if (!row) throw new AppError('CASE_NOT_FOUND', 'No such case.');
    const access = await resolveCaseAccess(tx, actor, row);
    if (access.read && access.via === 'scope') throw new AppError('CONFLICT', 'You already have access to this case.');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const grantId = randomUUID();
    await accessRepo.insertGrant(tx, { id: grantId, caseId: row.id, userId, reasonEnc: sealField(ctx, 'case_access_grants.reason', grantId, input.reason)!, grantedAt: now, expiresAt });
    await eventRepo.appendCaseEvent(tx, {
      caseId: row.id,
      kind: 'break_glass',
      actorUserId: userId,
      data: { grantId, expiresAt: expiresAt.toISOString() },
      commentEnc: sealField(ctx, 'case_events.comment', row.id, input.reason),
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'case.break_glass',
      entityType: 'case',
      entityId: row.id,
      organisationId: row.organisationId,
      countryCode: row.countryCode,
      details: { via: 'break_glass', grantId, expiresAt: expiresAt.toISOString() },
    });
    return { caseId: row.id, expiresAt: expiresAt.toISOString() };
  });
}
