/**
 * What administrators see of e-mail distribution (permission alerts.configure): subscriber counts
 * per country and language, outbox counts by state, held and dead mails with masked addresses,
 * and "retry dead mails".
 */
import { countSubscribers } from '../db/repos/alert-email.repo';
import * as outbox from '../db/repos/mail-outbox.repo';
import { requireNetworkConfigure } from './alert-access';
import { inTransaction, recordAudit, type Actor, type ServiceContext } from './context';
import { mailContext, maskEmail } from './mail-outbox.service';

/** Counts for the e-mail tab. */
export async function getEmailDistributionSummary(ctx: ServiceContext, actor: Actor) {
  requireNetworkConfigure(actor);
  const db = ctx.database.db;
  const [subscribers, mails] = await Promise.all([countSubscribers(db), outbox.countMails(db)]);
  const byStatus: Record<string, number> = { pending: 0, sent: 0, held: 0, dead: 0 };
  for (const m of mails) byStatus[m.status] = (byStatus[m.status] ?? 0) + m.n;
  return { smtpConfigured: Boolean(ctx.config.VICTOR_SMTP_URL), subscribers, outbox: byStatus, outboxByPurpose: mails };
}

/** Mails in a state (held, dead, pending), newest first, addresses masked. */
export async function listOutboxMails(ctx: ServiceContext, actor: Actor, status: 'held' | 'dead' | 'pending', limit: number, before?: string) {
  requireNetworkConfigure(actor);
  const rows = await outbox.listMails(ctx.database.db, [status], limit, before);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => {
      let to = '***';
      try {
        to = maskEmail(ctx.encryptor.decrypt(r.to_enc, mailContext.to(r.id)));
      } catch {
        to = '***';
      }
      return { id: r.id, to, subject: r.purpose === 'alert' ? r.subject : r.purpose, purpose: r.purpose, status: r.status as 'pending' | 'sent' | 'held' | 'dead', attempts: Number(r.attempts), lastError: r.last_error, createdAt: new Date(r.created_at).toISOString() };
    }),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** Send dead mails again. */
export async function retryDeadMails(ctx: ServiceContext, actor: Actor): Promise<{ retried: number }> {
  requireNetworkConfigure(actor);
  return inTransaction(ctx, async (tx) => {
    const retried = await outbox.retryDeadMails(tx);
    await recordAudit(tx, actor, { action: 'mail_outbox.retried', entityType: 'mail_outbox', details: { retried } });
    return { retried };
  });
}
