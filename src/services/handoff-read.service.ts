/**
 * Reading hand-offs: the hand-offs of one case (for the case page), the inbox / sent lists and one
 * hand-off, each with the reader's side and the actions they may take now. Reads by the receiving
 * side are audited.
 */
import type { HandoffView } from '../api/referrals.schemas';
import type { HandoffStatus } from '../domain/cases/handoff-workflow';
import { buildScopeFilter, canAccessRecord, type RecordLocation } from '../domain/access/scope';
import type { Permission } from '../domain/access/roles';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import type { CaseRow } from '../db/repos/case.repo';
import * as handoffRepo from '../db/repos/handoff.repo';
import { locationOfCase, resolveCaseAccess } from './case-access';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { loadHandoffNames, presentHandoff } from './handoff-presenter';

type HandoffActionName = HandoffView['actions'][number];

/** A refusal on an existing hand-off (outside both sides, or not this side's action): audited after the rollback. */
export class HandoffRefusedError extends AppError {
  constructor(
    code: 'HANDOFF_NOT_FOUND' | 'FORBIDDEN',
    message: string,
    readonly handoff: handoffRepo.HandoffRow,
    readonly attempted: string,
  ) {
    super(code, message);
  }
}

/** Where the receiving side of a hand-off sits (its desk, its country, and the accepted case's people). */
export function receiverLocation(row: Pick<handoffRepo.HandoffRow, 'toOrganisationId' | 'toCountryCode'>, toCase?: Pick<CaseRow, 'assignedUserId' | 'createdBy'> | null): RecordLocation {
  return { organisationId: row.toOrganisationId, countryCode: row.toCountryCode, ownerUserIds: toCase ? [toCase.assignedUserId, toCase.createdBy].filter((x): x is string => !!x) : [] };
}

/** True when the actor's scope for the permission covers the receiving side (system actors always). */
export function coversReceiver(actor: Actor, row: handoffRepo.HandoffRow, permission: Permission, toCase?: CaseRow | null): boolean {
  if (actor.principal === null) return true;
  return canAccessRecord(actor.principal, permission, receiverLocation(row, toCase));
}

/** The actions open to a reader: accept/decline for the receiving desk, withdraw for the sender, while pending. */
export function handoffActionsFor(status: string, receiverWrite: boolean, senderWrite: boolean): HandoffActionName[] {
  if ((status as HandoffStatus) !== 'requested') return [];
  const out: HandoffActionName[] = [];
  if (receiverWrite) out.push('accept', 'decline');
  if (senderWrite) out.push('withdraw');
  return out;
}

/**
 * The hand-offs of a case: those it sent (side sender) and the one it was opened from (side receiver),
 * newest first, with the actor's actions. The caller has already checked the actor may read the case.
 */
export async function listHandoffViewsForCase(tx: Db, ctx: ServiceContext, actor: Actor, caseRow: CaseRow): Promise<HandoffView[]> {
  const rows = await handoffRepo.listHandoffsOfCase(tx, caseRow.id);
  if (rows.length === 0) return [];
  const access = await resolveCaseAccess(tx, actor, caseRow);
  const names = await loadHandoffNames(tx, rows);
  return rows.map((row) => {
    const isSender = row.fromCaseId === caseRow.id;
    const receiverWrite = coversReceiver(actor, row, 'cases.write', isSender ? null : caseRow);
    const senderWrite = isSender && access.write;
    return presentHandoff(ctx, row, names, isSender ? 'sender' : 'receiver', handoffActionsFor(row.status, receiverWrite, senderWrite));
  });
}

/** What an actor may do with one hand-off: each side's read / write reach. */
export interface HandoffReach {
  fromCase: CaseRow;
  toCase: CaseRow | null;
  senderRead: boolean;
  senderWrite: boolean;
  receiverRead: boolean;
  receiverWrite: boolean;
}

/** Work out an actor's reach on both sides of a hand-off (the sender side through the sending case). */
export async function resolveHandoffReach(db: Db, actor: Actor, row: handoffRepo.HandoffRow): Promise<HandoffReach> {
  const cases = await handoffRepo.listCasesByIds(db, [row.fromCaseId, row.toCaseId]);
  const fromCase = cases.get(row.fromCaseId);
  if (!fromCase) throw new AppError('HANDOFF_NOT_FOUND', 'No such hand-off.');
  const toCase = row.toCaseId ? (cases.get(row.toCaseId) ?? null) : null;
  const access = await resolveCaseAccess(db, actor, fromCase);
  const receiverWrite = coversReceiver(actor, row, 'cases.write', toCase);
  return {
    fromCase,
    toCase,
    senderRead: access.read,
    senderWrite: access.write,
    receiverRead: receiverWrite || coversReceiver(actor, row, 'cases.read', toCase),
    receiverWrite,
  };
}

/**
 * One hand-off for a reader on either side (404 HANDOFF_NOT_FOUND outside both). A reader on both
 * sides sees it as `prefer` (default the receiver). Reads by the receiving side are audited.
 */
export async function getHandoffView(tx: Db, ctx: ServiceContext, actor: Actor, id: string, prefer: HandoffView['side'] = 'receiver'): Promise<HandoffView> {
  requirePermission(actor, 'cases.read');
  const row = await handoffRepo.findHandoffById(tx, id);
  if (!row) throw new AppError('HANDOFF_NOT_FOUND', 'No such hand-off.');
  const reach = await resolveHandoffReach(tx, actor, row);
  if (!reach.senderRead && !reach.receiverRead) throw new HandoffRefusedError('HANDOFF_NOT_FOUND', 'No such hand-off.', row, 'read');
  const side: HandoffView['side'] = reach.senderRead && reach.receiverRead ? prefer : reach.receiverRead ? 'receiver' : 'sender';
  if (side === 'receiver') {
    await recordAudit(tx, actor, { action: 'handoff.viewed', entityType: 'handoff', entityId: row.id, organisationId: row.toOrganisationId, countryCode: row.toCountryCode, details: { status: row.status } });
  }
  const names = await loadHandoffNames(tx, [row]);
  return presentHandoff(ctx, row, names, side, handoffActionsFor(row.status, reach.receiverWrite, reach.senderWrite));
}

function encodeCursor(row: { requestedAt: Date; id: string }): string {
  return Buffer.from(`${row.requestedAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { requestedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const requestedAt = new Date(at ?? '');
  if (Number.isNaN(requestedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid.', { issues: [{ path: 'cursor', message: 'not valid' }] });
  }
  return { requestedAt, id: id! };
}

/** The query of the inbox / sent list. */
export interface HandoffListQuery {
  box: 'inbox' | 'sent';
  status?: HandoffStatus;
  limit: number;
  cursor?: string;
}

/**
 * Hand-offs received by (inbox) or sent from (sent) the desks and countries in the actor's cases.read
 * scope, newest first, keyset-paged on (requested_at, id).
 */
export async function listHandoffPage(db: Db, ctx: ServiceContext, actor: Actor, query: HandoffListQuery): Promise<{ items: HandoffView[]; nextCursor: string | null }> {
  requirePermission(actor, 'cases.read');
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'cases.read') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await handoffRepo.listHandoffPage(db, { box: query.box, scope, status: query.status, limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const names = await loadHandoffNames(db, page);
  const cases = await handoffRepo.listCasesByIds(db, page.flatMap((r) => [r.fromCaseId, r.toCaseId]));
  const side: HandoffView['side'] = query.box === 'inbox' ? 'receiver' : 'sender';
  const items = page.map((row) => {
    const fromCase = cases.get(row.fromCaseId);
    const toCase = row.toCaseId ? (cases.get(row.toCaseId) ?? null) : null;
    const senderWrite = !!fromCase && (actor.principal === null || canAccessRecord(actor.principal, 'cases.write', locationOfCase(fromCase)));
    return presentHandoff(ctx, row, names, side, handoffActionsFor(row.status, coversReceiver(actor, row, 'cases.write', toCase), senderWrite));
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

