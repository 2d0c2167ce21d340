/**
 * Who may read and change a case, checked on every request (record scope), with break-glass grants,
 * audited reads ("who viewed this case") and audited refusals. Shared by every case service.
 */
import { canAccessRecord, hasPermission, type RecordLocation } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import * as accessRepo from '../db/repos/case-access.repo';
import * as caseRepo from '../db/repos/case.repo';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';

/** A view is logged again only after this long (page reloads after each action do not flood the log). */
const VIEW_LOG_WINDOW_MS = 10 * 60_000;

/** What the actor may do on one case. */
export interface CaseAccess {
  read: boolean;
  write: boolean;
  /** Sees identifying data, relatives, suspected perpetrators and documents. */
  sensitive: boolean;
  export: boolean;
  overrideConsent: boolean;
  via: 'scope' | 'break_glass' | 'system';
  breakGlassUntil: Date | null;
}

/** Where a case sits, for scope checks: its team, its country, its manager and creator. */
export function locationOfCase(c: Pick<caseRepo.CaseRow, 'organisationId' | 'countryCode' | 'assignedUserId' | 'createdBy'>): RecordLocation {
  return { organisationId: c.organisationId, countryCode: c.countryCode, ownerUserIds: [c.assignedUserId, c.createdBy].filter((x): x is string => !!x) };
}

/** Work out the actor's access to a case (no side effects). */
export async function resolveCaseAccess(db: Db, actor: Actor, c: caseRepo.CaseRow, now = new Date()): Promise<CaseAccess> {
  const p = actor.principal;
  if (p === null) return { read: true, write: true, sensitive: true, export: true, overrideConsent: true, via: 'system', breakGlassUntil: null };
  const loc = locationOfCase(c);
  const write = canAccessRecord(p, 'cases.write', loc);
  const read = write || canAccessRecord(p, 'cases.read', loc);
  if (read) {
    return { read, write, sensitive: write, export: write && canAccessRecord(p, 'cases.export', loc), overrideConsent: write && canAccessRecord(p, 'referrals.consent_override', loc), via: 'scope', breakGlassUntil: null };
  }
  if (hasPermission(p, 'cases.break_glass')) {
    const grant = await accessRepo.findActiveGrant(db, c.id, p.userId, now);
    if (grant) return { read: true, write: true, sensitive: true, export: false, overrideConsent: false, via: 'break_glass', breakGlassUntil: grant.expiresAt };
  }
  return { read: false, write: false, sensitive: false, export: false, overrideConsent: false, via: 'scope', breakGlassUntil: null };
}

/** Thrown for an existing case the actor may not reach; `guardCaseAccess` audits it after the rollback. */
export class CaseAccessDeniedError extends AppError {
  constructor(
    readonly caseRow: Pick<caseRepo.CaseRow, 'id' | 'organisationId' | 'countryCode'>,
    readonly attempted: 'read' | 'write',
    readonly canBreakGlass: boolean,
  ) {
    super('CASE_ACCESS_DENIED', canBreakGlass ? 'This case is outside your scope. You may request break-glass access with a reason.' : 'This case is outside your scope.');
  }
}

/**
 * Load a case and check the actor may read (or write) it. Unknown: CASE_NOT_FOUND. Outside scope:
 * CASE_ACCESS_DENIED (audited by guardCaseAccess). Read-only access asking to write: FORBIDDEN.
 */
export async function loadCaseWithAccess(db: Db, actor: Actor, caseId: string, need: 'read' | 'write'): Promise<{ row: caseRepo.CaseRow; access: CaseAccess }> {
  const row = await caseRepo.findCaseById(db, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'No such case.');
  const access = await resolveCaseAccess(db, actor, row);
  if (!access.read) throw new CaseAccessDeniedError(row, need, actor.principal !== null && hasPermission(actor.principal, 'cases.break_glass'));
  if (need === 'write' && !access.write) throw new AppError('FORBIDDEN', 'You may read this case but not change it.');
  return { row, access };
}

/**
 * Run a case use-case in one transaction; when it is refused with CASE_ACCESS_DENIED, record the attempt
 * in the audit log in a transaction of its own (the use-case's transaction has rolled back) and rethrow.
 */
export async function guardCaseAccess<T>(ctx: ServiceContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ctx, fn);
  } catch (err) {
    if (err instanceof CaseAccessDeniedError) {
      await inTransaction(ctx, (tx) =>
        recordAudit(tx, actor, { action: 'case.access_denied', entityType: 'case', entityId: err.caseRow.id, organisationId: err.caseRow.organisationId, countryCode: err.caseRow.countryCode, details: { attempted: err.attempted } }),
      );
    }
    throw err;
  }
}

/** Log that the actor read the case file (deduplicated within 10 minutes per user and way of access). */
export async function recordCaseView(tx: Db, actor: Actor, c: Pick<caseRepo.CaseRow, 'id' | 'organisationId' | 'countryCode'>, via: CaseAccess['via'], action: 'case.viewed' | 'case.referral_viewed' = 'case.viewed'): Promise<void> {
  const userId = actor.principal?.userId;
  if (!userId) return;
  if (action === 'case.viewed' && (await accessRepo.viewedRecently(tx, c.id, userId, new Date(Date.now() - VIEW_LOG_WINDOW_MS)))) return;
  await recordAudit(tx, actor, { action, entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { via } });
}

/** Context-bound field encryption helpers for a table column and row. */
export function sealField(ctx: ServiceContext, column: string, rowId: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return ctx.encryptor.encrypt(value, `${column}:${rowId}`);
}

/** Decrypt a value sealed with sealField (null stays null). */
export function openField(ctx: ServiceContext, column: string, rowId: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return ctx.encryptor.decrypt(value, `${column}:${rowId}`);
}
