/** Outgoing mail: queued rows (addresses and bodies encrypted), claimed by the sender with SKIP LOCKED. */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { arrayParam } from './knowledge-search.repo';

/** A mail to queue (already encrypted; `id` chosen by the caller so the encryption context can bind to it). */
export interface QueuedMail {
  id: number;
  toEnc: string;
  subject: string;
  bodyTextEnc: string;
  headersEnc: string | null;
  purpose: string;
  status: 'pending' | 'held';
}

/** Reserve ids for `n` mails (the encryption context binds a value to its row id). */
export async function reserveMailIds(tx: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT nextval(pg_get_serial_sequence('mail_outbox', 'id'))::text AS id FROM generate_series(1, ${n})`);
  return rows.map((r) => Number(r.id));
}

/** Insert mails in one statement. */
export async function insertMails(tx: Db, mails: QueuedMail[]): Promise<void> {
  if (mails.length === 0) return;
  const rows = mails.map((m) => sql`(${m.id}, ${m.toEnc}, ${m.subject}, ${m.bodyTextEnc}, ${m.headersEnc}, ${m.purpose}, ${m.status})`);
  await tx.execute(sql`INSERT INTO mail_outbox (id, to_enc, subject, body_text_enc, headers_enc, purpose, status) VALUES ${sql.join(rows, sql`, `)}`);
}

/** A claimed mail. */
export interface ClaimedMail extends Record<string, unknown> {
  id: string;
  to_enc: string;
  subject: string;
  body_text_enc: string;
  headers_enc: string | null;
  purpose: string;
  attempts: number;
}

/**
 * Claim due pending mails: the attempt is counted and the next attempt pushed `leaseSeconds` ahead,
 * so a node that dies mid-send leaves the mail to be retried later (no separate lock column).
 */
export async function claimDueMails(db: Db, limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  return queryRows<ClaimedMail>(
    db,
    sql`UPDATE mail_outbox m SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
         WHERE m.id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING m.id::text AS id, m.to_enc, m.subject, m.body_text_enc, m.headers_enc, m.purpose, m.attempts`,
  );
}

/** Record a sent mail. */
export async function markMailSent(db: Db, id: string): Promise<void> {
  await db.execute(sql`UPDATE mail_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ${id}::bigint`);
}

/** Record a failed attempt: retry at `nextAttemptAt`, or dead when null. */
export async function markMailFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null): Promise<void> {
  await db.execute(
    nextAttemptAt
      ? sql`UPDATE mail_outbox SET last_error = ${error}, next_attempt_at = ${nextAttemptAt} WHERE id = ${id}::bigint`
      : sql`UPDATE mail_outbox SET status = 'dead', last_error = ${error} WHERE id = ${id}::bigint`,
  );
}

/** Release held mails for sending (when SMTP is configured now); returns how many. */
export async function releaseHeldMails(db: Db): Promise<number> {
  return (await queryRows<{ id: string }>(db, sql`UPDATE mail_outbox SET status = 'pending', next_attempt_at = now() WHERE status = 'held' RETURNING id`)).length;
}

/** Put pending mails on hold (no SMTP configured); returns how many. */
export async function holdPendingMails(db: Db): Promise<number> {
  return (await queryRows<{ id: string }>(db, sql`UPDATE mail_outbox SET status = 'held' WHERE status = 'pending' RETURNING id`)).length;
}

/** Counts by status and purpose. */
export async function countMails(db: Db): Promise<{ status: string; purpose: string; n: number }[]> {
  return (await queryRows<{ status: string; purpose: string; n: number }>(db, sql`SELECT status, purpose, count(*)::int AS n FROM mail_outbox GROUP BY status, purpose ORDER BY status, purpose`)).map((r) => ({ ...r, n: Number(r.n) }));
}

/** A mail in an admin list (address still encrypted: the caller masks it). */
export interface MailListRow extends Record<string, unknown> {
  id: string;
  to_enc: string;
  subject: string;
  purpose: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
}

/** Mails with the given statuses, newest first (keyset on id). */
export async function listMails(db: Db, statuses: string[], limit: number, beforeId?: string): Promise<MailListRow[]> {
  return queryRows<MailListRow>(
    db,
    sql`SELECT id::text AS id, to_enc, subject, purpose, status, attempts, last_error, created_at FROM mail_outbox
         WHERE status = ANY(${arrayParam(statuses)}::text[]) ${beforeId ? sql`AND id < ${beforeId}::bigint` : sql``}
         ORDER BY id DESC LIMIT ${limit + 1}`,
  );
}

/** Retry dead mails now; returns how many. */
export async function retryDeadMails(db: Db): Promise<number> {
  return (await queryRows<{ id: string }>(db, sql`UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE status = 'dead' RETURNING id`)).length;
}
