/**
 * The case timeline (case_events): appended in the same transaction as the change it records.
 * Entries hold no personal data; comments are encrypted by the service.
 */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { CaseEventKind } from '../../api/cases.schemas';
import type { Db } from '../database';
import { caseEvents, cases } from '../schema';

export type CaseEventRow = typeof caseEvents.$inferSelect;

/** What a service appends. */
export interface CaseEventInput {
  caseId: string;
  kind: CaseEventKind;
  actorUserId: string | null;
  referralId?: string | null;
  data?: Record<string, unknown>;
  commentEnc?: string | null;
  at?: Date;
}

/** Append a timeline entry and mark the case as active now. */
export async function appendCaseEvent(db: Db, e: CaseEventInput): Promise<CaseEventRow> {
  const at = e.at ?? new Date();
  const [row] = await db
    .insert(caseEvents)
    .values({ caseId: e.caseId, kind: e.kind, actorUserId: e.actorUserId, referralId: e.referralId ?? null, data: e.data ?? {}, commentEnc: e.commentEnc ?? null, at })
    .returning();
  if (!row) throw new Error('case event insert returned nothing');
  await db.update(cases).set({ lastActivityAt: at }).where(eq(cases.id, e.caseId));
  return row;
}

/** A timeline page, newest first; `before` is the cursor of the last entry of the previous page. */
export async function listCaseEvents(db: Db, caseId: string, limit: number, before?: { at: Date; id: number }): Promise<CaseEventRow[]> {
  const older = before ? or(lt(caseEvents.at, before.at), and(eq(caseEvents.at, before.at), lt(caseEvents.id, before.id))) : undefined;
  return db
    .select()
    .from(caseEvents)
    .where(older ? and(eq(caseEvents.caseId, caseId), older) : eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(limit);
}

/** The timeline entries of one referral (what its receiver may see), oldest first. */
export async function listReferralEvents(db: Db, referralId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.referralId, referralId)).orderBy(caseEvents.at, caseEvents.id);
}

/** Encode / decode a timeline cursor. */
export function encodeEventCursor(row: { at: Date; id: number }): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`).toString('base64url');
}
export function decodeEventCursor(cursor: string): { at: Date; id: number } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = at ? new Date(at) : null;
  const n = Number(id);
  return date && !Number.isNaN(date.getTime()) && Number.isInteger(n) ? { at: date, id: n } : null;
}

