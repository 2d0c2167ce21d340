/**
 * Public e-mail subscriptions to child alerts, double opt-in: subscribing always answers the same
 * way (no enumeration of addresses), a confirmation link activates, every mail carries an
 * unsubscribe link. Addresses are encrypted; a keyed hash finds an address again. The unsubscribe
 * token is derived from the subscription id with the keyed hasher (so every mail can carry it
 * without storing it); only its SHA-256 is stored.
 */
import { randomUUID } from 'node:crypto';
import { resolvePublicBaseUrl } from '../config/config';
import type { Db } from '../db/database';
import * as repo from '../db/repos/alert-email.repo';
import { hitRateLimit } from '../db/repos/rate-limit.repo';
import { AppError } from '../domain/errors';
import { generateSecret, hashSecret } from '../lib/crypto/tokens';
import { buildAlertMail, buildConfirmationMail, extractCapInfoTexts } from './alert-email-content';
import { inTransaction, recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import { getKeyedHasher, type KeyedHasher } from './keyed-hash.service';
import { queueMails, type OutgoingMail } from './mail-outbox.service';

/** Confirmation mails sent to one address per hour, at most (mail bombing). */
const MAILS_PER_ADDRESS_PER_HOUR = 3;

/** Encryption context of a subscriber's address. */
export function emailContext(subscriptionId: string): string {
  return `alert_email_subscriptions.email:${subscriptionId}`;
}

/** The unsubscribe token of a subscription (derived, never stored). */
export function deriveUnsubscribeToken(hasher: KeyedHasher, subscriptionId: string): string {
  return hasher.hashCallerId(`victor-alert-unsubscribe:${subscriptionId}`);
}

/** What the subscribe form sends. */
export interface SubscribeInput {
  email: string;
  countries: string[];
  language: string;
}

/**
 * Subscribe (or re-send the confirmation). The answer never says whether the address was known.
 * `clientKey` is the client address, for the rate limit only.
 */
export async function subscribeByEmail(ctx: ServiceContext, input: SubscribeInput, clientKey: string, requestId: string | null): Promise<void> {
  const limit = await hitRateLimit(ctx.database.db, `alert-subscribe:${clientKey}`, 3600);
  if (limit.count > ctx.config.RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR) {
    const retryAfterSeconds = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many requests from this connection. Please try again later.', { retryAfterSeconds });
  }
  const email = input.email.trim().toLowerCase();
  const countries = [...new Set(input.countries.map((c) => c.toUpperCase()))].sort();
  const hasher = await getKeyedHasher(ctx);
  const emailHash = hasher.hashCallerId(email);
  const origin = resolvePublicBaseUrl(ctx.config);
  await inTransaction(ctx, async (tx) => {
    const perAddress = await hitRateLimit(tx, `alert-subscribe-mail:${emailHash}`, 3600);
    const existing = await repo.findByEmailHash(tx, emailHash);
    const id = existing?.id ?? randomUUID();
    const unsubscribeToken = deriveUnsubscribeToken(hasher, id);
    let mail: OutgoingMail;
    if (existing?.confirmed_at && !existing.unsubscribed_at) {
      mail = { to: email, purpose: 'subscription_already', ...buildConfirmationMail(origin, existing.language, existing.countries, null, unsubscribeToken) };
    } else {
      const confirmToken = generateSecret(32);
      await repo.upsertPending(tx, {
        id,
        emailEnc: ctx.encryptor.encrypt(email, emailContext(id)),
        emailHash,
        countries,
        language: input.language,
        confirmTokenHash: hashSecret(confirmToken),
        unsubscribeTokenHash: hashSecret(unsubscribeToken),
      });
      mail = { to: email, purpose: 'subscription_confirm', ...buildConfirmationMail(origin, input.language, countries, confirmToken, unsubscribeToken) };
    }
    if (perAddress.count <= MAILS_PER_ADDRESS_PER_HOUR) await queueMails(ctx, tx, [mail]);
    else ctx.logger.info({ requestId, subscriptionId: id }, 'subscription mail not sent: too many for this address this hour');
    await recordAudit(tx, { ...SYSTEM_ACTOR, requestId }, { action: 'alert_email_subscription.requested', entityType: 'alert_email_subscription', entityId: id, details: { countries, language: input.language } });
  });
}

/** A token-carrying page's answer: what the subscription covers. */
export interface SubscriptionSummary {
  countries: string[];
  language: string;
}

/** Confirm a subscription with the token from the mail. */
export async function confirmEmailSubscription(ctx: ServiceContext, token: string, requestId: string | null): Promise<SubscriptionSummary> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findByConfirmToken(tx, hashSecret(token));
    if (!row || row.unsubscribed_at) throw new AppError('SUBSCRIPTION_TOKEN_INVALID', 'This link is not valid any more. Please subscribe again.');
    await repo.markConfirmed(tx, row.id);
    await recordAudit(tx, { ...SYSTEM_ACTOR, requestId }, { action: 'alert_email_subscription.confirmed', entityType: 'alert_email_subscription', entityId: row.id });
    return { countries: row.countries.map((c) => c.trim()), language: row.language };
  });
}

/** Unsubscribe with the token from any mail (idempotent while the subscription exists). */
export async function unsubscribeEmail(ctx: ServiceContext, token: string, requestId: string | null): Promise<SubscriptionSummary> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findByUnsubscribeToken(tx, hashSecret(token));
    if (!row) throw new AppError('SUBSCRIPTION_TOKEN_INVALID', 'This link is not valid.');
    if (!row.unsubscribed_at) {
      await repo.markUnsubscribed(tx, row.id);
      await recordAudit(tx, { ...SYSTEM_ACTOR, requestId }, { action: 'alert_email_subscription.unsubscribed', entityType: 'alert_email_subscription', entityId: row.id });
    }
    return { countries: row.countries.map((c) => c.trim()), language: row.language };
  });
}

/** Check a token without using it (for the page that shows the button). */
export async function checkSubscriptionToken(ctx: ServiceContext, kind: 'confirm' | 'unsubscribe', token: string): Promise<boolean> {
  const db = ctx.database.db;
  const row = kind === 'confirm' ? await repo.findByConfirmToken(db, hashSecret(token)) : await repo.findByUnsubscribeToken(db, hashSecret(token));
  return Boolean(row) && (kind === 'unsubscribe' || !row!.unsubscribed_at);
}

/**
 * Queue one mail per confirmed subscriber of the message's country, in the subscriber's language
 * when the message has it, else English. Runs in the message's transaction.
 */
export async function queueAlertMails(ctx: ServiceContext, tx: Db, message: { id: string; identifier: string; alertId: string; countryCode: string; msgType: string; xml: string }): Promise<number> {
  const subscribers = await repo.listConfirmedForCountry(tx, message.countryCode);
  if (subscribers.length === 0) return 0;
  const hasher = await getKeyedHasher(ctx, tx);
  const infos = extractCapInfoTexts(message.xml);
  const origin = resolvePublicBaseUrl(ctx.config);
  const mails: OutgoingMail[] = [];
  for (const s of subscribers) {
    const built = buildAlertMail(origin, s.language, message, infos, deriveUnsubscribeToken(hasher, s.id));
    if (!built) continue;
    mails.push({ to: ctx.encryptor.decrypt(s.email_enc, emailContext(s.id)), purpose: 'alert', ...built });
  }
  for (let i = 0; i < mails.length; i += 500) await queueMails(ctx, tx, mails.slice(i, i + 500));
  return mails.length;
}
