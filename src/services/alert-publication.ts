/**
 * What happens when an alert message is published: the alert service calls this in the same
 * transaction as the message row, and distribution queues webhook deliveries and e-mails.
 *
 * Matching rules:
 * - Webhooks: active subscriptions whose countries include the message's country (none = all),
 *   whose languages meet the message's (none = all), drills (Exercise/Test) only where
 *   `include_drills`. Restricted and Private messages (pre-alerts to neighbours' desks) are never
 *   sent to webhooks: subscriptions are not tied to an authorised recipient. Draft and System
 *   messages are not distributed.
 * - E-mail: only public messages (Actual + Public), to confirmed subscribers of the country.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/database';
import { insertDeliveriesForMessage } from '../db/repos/alert-webhook.repo';
import { queueAlertMails } from './alert-email.service';
import type { ServiceContext } from './context';

/** The published message, as distribution needs it. */
export interface PublishedMessage {
  id: string;
  alertId: string;
  countryCode: string;
  capStatus: string;
  scope: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  languageCodes: string[];
  public: boolean;
}

/** Something that wants to know a message was queued (the local dispatcher and mail sender). */
type Waker = () => void;
const wakers = new Set<Waker>();

/** Register a function called by nudgeDistribution; returns the unregister function. */
export function onDistributionNudge(waker: Waker): () => void {
  wakers.add(waker);
  return () => wakers.delete(waker);
}

/** Whether webhooks get this message, and whether it is a drill. */
export function webhookEligibility(m: Pick<PublishedMessage, 'capStatus' | 'scope'>): { send: boolean; drill: boolean } {
  const drill = m.capStatus === 'Exercise' || m.capStatus === 'Test';
  return { send: m.scope === 'Public' && (m.capStatus === 'Actual' || drill), drill };
}

/** Queue deliveries for a message just written in `tx` (webhooks, e-mail); returns the counts. */
export async function queueMessageDistribution(ctx: ServiceContext, tx: Db, message: PublishedMessage): Promise<{ webhooks: number; mails: number }> {
  let webhooks = 0;
  let mails = 0;
  const { send, drill } = webhookEligibility(message);
  if (send) {
    const languages = [...new Set(message.languageCodes.map((l) => l.toLowerCase().split('-')[0]!).filter(Boolean))];
    webhooks = await insertDeliveriesForMessage(tx, { id: message.id, countryCode: message.countryCode, languages, drill });
  }
  if (message.public && message.capStatus === 'Actual' && message.scope === 'Public') {
    const row = (await queryRows<{ xml: string; identifier: string }>(tx, sql`SELECT xml, identifier FROM alert_messages WHERE id = ${message.id}`))[0];
    if (row) mails = await queueAlertMails(ctx, tx, { id: message.id, identifier: row.identifier, alertId: message.alertId, countryCode: message.countryCode, msgType: message.msgType, xml: row.xml });
  }
  ctx.logger.info({ messageId: message.id, webhooks, mails }, 'alert message queued for distribution');
  return { webhooks, mails };
}

/** After commit: wake the local dispatcher and mail sender so deliveries start at once (others poll). */
export function nudgeDistribution(): void {
  for (const w of wakers) w();
}
