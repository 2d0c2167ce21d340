/**
 * Break-glass grants and the "who viewed this case" reading of the audit log.
 */
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { auditLog, caseAccessGrants } from '../schema';

/** The user's unexpired break-glass grant on a case, if any. */
export async function findActiveGrant(db: Db, caseId: string, userId: string, now: Date) {
  const [row] = await db
    .select()
    .from(caseAccessGrants)
    .where(and(eq(caseAccessGrants.caseId, caseId), eq(caseAccessGrants.userId, userId), gt(caseAccessGrants.expiresAt, now)))
    .orderBy(desc(caseAccessGrants.expiresAt))
    .limit(1);
  return row;
}

/** Record a break-glass grant. */
export async function insertGrant(db: Db, row: typeof caseAccessGrants.$inferInsert) {
  const [created] = await db.insert(caseAccessGrants).values(row).returning();
  if (!created) throw new Error('grant insert returned nothing');
  return created;
}

/** Audit actions that count as looking at (or trying to look at) a case. */
export const CASE_VIEW_ACTIONS = ['case.viewed', 'case.break_glass', 'case.access_denied', 'case.exported', 'case.document_downloaded', 'case.referral_viewed', 'case.packet_downloaded'] as const;

/** Audit entries of reads of a case, newest first (keyset on id). */
export async function listCaseViews(db: Db, caseId: string, limit: number, beforeId?: number) {
  const where = and(
    eq(auditLog.entityType, 'case'),
    eq(auditLog.entityId, caseId),
    inArray(auditLog.action, [...CASE_VIEW_ACTIONS]),
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  );
  return db
    .select({ id: auditLog.id, at: auditLog.at, actorUserId: auditLog.actorUserId, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Whether the user viewed the case within the last `withinMs` (to keep the log readable on reloads). */
export async function viewedRecently(db: Db, caseId: string, userId: string, since: Date): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, caseId), eq(auditLog.actorUserId, userId), eq(auditLog.action, 'case.viewed'), gt(auditLog.at, since)))
    .limit(1);
  return rows.length > 0;
}

