/**
 * Outgoing e-mail. Mails are queued in `mail_outbox` inside the caller's transaction (address,
 * body and headers encrypted, bound to the row id) and sent by a loop on every node through SMTP
 * (nodemailer, loaded only when VICTOR_SMTP_URL is set), with back-off and a dead state. Without
 * SMTP, mails are `held`: counted and listed for administrators, released when SMTP is configured.
 */
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/database';
import * as repo from '../db/repos/mail-outbox.repo';
import { MAIL_BACKOFF, planRetry, type BackoffPolicy } from './alert-webhook-policy';
import type { MailText } from './alert-email-content';
import type { ServiceContext } from './context';
import { createIdleWaiter } from '../lib/idle-waiter';

/** Encryption contexts of an outbox row's fields. */
export const mailContext = {
  to: (id: number | string) => `mail_outbox.to:${id}`,
  body: (id: number | string) => `mail_outbox.body_text:${id}`,
  headers: (id: number | string) => `mail_outbox.headers:${id}`,
};

/** A mail to one recipient. */
export interface OutgoingMail extends MailText {
  to: string;
  purpose: string;
}

/** Queue mails in `tx` (held when no SMTP is configured). */
export async function queueMails(ctx: ServiceContext, tx: Db, mails: OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  const ids = await repo.reserveMailIds(tx, mails.length);
  const status = ctx.config.VICTOR_SMTP_URL ? 'pending' : 'held';
  await repo.insertMails(
    tx,
    mails.map((m, i) => {
      const id = ids[i]!;
      const hasHeaders = Object.keys(m.headers).length > 0;
      return {
        id,
        toEnc: ctx.encryptor.encrypt(m.to, mailContext.to(id)),
        subject: m.subject,
        bodyTextEnc: ctx.encryptor.encrypt(m.text, mailContext.body(id)),
        headersEnc: hasHeaders ? ctx.encryptor.encrypt(JSON.stringify(m.headers), mailContext.headers(id)) : null,
        purpose: m.purpose,
        status,
      };
    }),
  );
}

/** "m***@example.org": enough to tell addresses apart in a list, not enough to read them. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** Tunables of the mail sender (tests shorten them). */
export interface MailSenderOptions {
  backoff?: BackoffPolicy;
  batchSize?: number;
  idleMs?: number;
  /** A transport to use instead of one built from VICTOR_SMTP_URL (tests). */
  transport?: Pick<Transporter, 'sendMail' | 'close'>;
}

/** A running mail sender. */
export interface MailSender {
  nudge(): void;
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Build the sender without starting it (tests call runOnce). */
export async function createMailSender(ctx: ServiceContext, options: MailSenderOptions = {}): Promise<MailSender & { loop(): Promise<void>; halt(): void }> {
  const backoff = options.backoff ?? MAIL_BACKOFF;
  const batchSize = options.batchSize ?? 20;
  const idleMs = options.idleMs ?? Math.max(ctx.config.VICTOR_ALERT_TICK_MS, 2_000);
  let transport = options.transport ?? null;
  if (!transport && ctx.config.VICTOR_SMTP_URL) {
    const nodemailer = await import('nodemailer');
    transport = nodemailer.createTransport(ctx.config.VICTOR_SMTP_URL, { from: ctx.config.VICTOR_MAIL_FROM });
  }
  let stopped = false;
  const idle = createIdleWaiter();
  let toldHeld = false;

  async function runOnce(): Promise<number> {
    const db = ctx.database.db;
    if (!transport) {
      const held = await repo.holdPendingMails(db);
      if (held > 0 && !toldHeld) {
        toldHeld = true;
        ctx.logger.warn({ held }, 'no SMTP server configured (VICTOR_SMTP_URL): outgoing mail is held in the outbox');
      }
      return 0;
    }
    const claimed = await repo.claimDueMails(db, batchSize, 120);
    for (const m of claimed) {
      try {
        const to = ctx.encryptor.decrypt(m.to_enc, mailContext.to(m.id));
        const text = ctx.encryptor.decrypt(m.body_text_enc, mailContext.body(m.id));
        const headers = m.headers_enc ? (JSON.parse(ctx.encryptor.decrypt(m.headers_enc, mailContext.headers(m.id))) as Record<string, string>) : {};
        await transport.sendMail({ from: ctx.config.VICTOR_MAIL_FROM, to, subject: m.subject, text, headers });
        await repo.markMailSent(db, m.id);
      } catch (err) {
        const e = err as { code?: string; responseCode?: number; name?: string };
        const reason = `${e.code ?? e.name ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`.slice(0, 100);
        const plan = planRetry(backoff, m.attempts, new Date());
        await repo.markMailFailed(db, m.id, reason, plan.dead ? null : plan.nextAttemptAt);
        ctx.logger.warn({ mailId: m.id, attempts: m.attempts, reason, dead: plan.dead }, 'mail not sent');
      }
    }
    return claimed.length;
  }

  async function loop(): Promise<void> {
    if (transport) {
      const released = await repo.releaseHeldMails(ctx.database.db).catch(() => 0);
      if (released > 0) ctx.logger.info({ released }, 'held mails released for sending');
    }
    while (!stopped) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        ctx.logger.error({ err: (err as Error).message }, 'mail round failed');
      }
      if (stopped) break;
      if (handled >= batchSize) continue;
      await idle.wait(idleMs);
    }
  }

  return {
    nudge() {
      idle.wake();
    },
    runOnce,
    loop,
    halt() {
      stopped = true;
      idle.wake();
    },
    async stop() {
      stopped = true;
      idle.wake();
      transport?.close();
    },
  };
}

/** Start the mail loop on this node. */
export async function startMailSender(ctx: ServiceContext, options: MailSenderOptions = {}): Promise<MailSender> {
  const s = await createMailSender(ctx, options);
  const running = s.loop();
  return {
    nudge: s.nudge,
    runOnce: s.runOnce,
    async stop() {
      s.halt();
      await running;
      await s.stop();
    },
  };
}
