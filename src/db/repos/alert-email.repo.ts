/** Public e-mail subscriptions to child alerts (double opt-in; addresses encrypted, found by keyed hash). */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { arrayParam } from './knowledge-search.repo';

/** A subscription as stored. */
export interface EmailSubscriptionRow extends Record<string, unknown> {
  id: string;
  email_enc: string;
  email_hash: string;
  countries: string[];
  language: string;
  confirm_token_hash: string | null;
  confirmed_at: Date | null;
  unsubscribe_token_hash: string;
  unsubscribed_at: Date | null;
}

/** The subscription of an address (by keyed hash), or undefined. */
export async function findByEmailHash(db: Db, emailHash: string): Promise<EmailSubscriptionRow | undefined> {
  return (await queryRows<EmailSubscriptionRow>(db, sql`SELECT * FROM alert_email_subscriptions WHERE email_hash = ${emailHash} FOR UPDATE`))[0];
}

/** The subscription a confirmation token belongs to. */
export async function findByConfirmToken(db: Db, tokenHash: string): Promise<EmailSubscriptionRow | undefined> {
  return (await queryRows<EmailSubscriptionRow>(db, sql`SELECT * FROM alert_email_subscriptions WHERE confirm_token_hash = ${tokenHash} FOR UPDATE`))[0];
}

/** The subscription an unsubscribe token belongs to. */
export async function findByUnsubscribeToken(db: Db, tokenHash: string): Promise<EmailSubscriptionRow | undefined> {
  return (await queryRows<EmailSubscriptionRow>(db, sql`SELECT * FROM alert_email_subscriptions WHERE unsubscribe_token_hash = ${tokenHash} FOR UPDATE`))[0];
}

/** Insert or restart a subscription (new tokens, unconfirmed until the link is followed). */
export async function upsertPending(tx: Db, s: { id: string; emailEnc: string; emailHash: string; countries: string[]; language: string; confirmTokenHash: string; unsubscribeTokenHash: string }): Promise<void> {
  await tx.execute(sql`INSERT INTO alert_email_subscriptions (id, email_enc, email_hash, countries, language, confirm_token_hash, unsubscribe_token_hash)
    VALUES (${s.id}, ${s.emailEnc}, ${s.emailHash}, ${arrayParam(s.countries)}::char(2)[], ${s.language}, ${s.confirmTokenHash}, ${s.unsubscribeTokenHash})
    ON CONFLICT (email_hash) DO UPDATE SET countries = EXCLUDED.countries, language = EXCLUDED.language, confirm_token_hash = EXCLUDED.confirm_token_hash,
      confirmed_at = NULL, unsubscribed_at = NULL, created_at = now()`);
}

/** Mark confirmed (the token is used up). */
export async function markConfirmed(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`UPDATE alert_email_subscriptions SET confirmed_at = now(), confirm_token_hash = NULL WHERE id = ${id}`);
}

/** Mark unsubscribed. */
export async function markUnsubscribed(tx: Db, id: string): Promise<void> {
  await tx.execute(sql`UPDATE alert_email_subscriptions SET unsubscribed_at = now(), confirm_token_hash = NULL WHERE id = ${id}`);
}

/** Confirmed, active subscribers who follow a country. */
export async function listConfirmedForCountry(db: Db, countryCode: string): Promise<Pick<EmailSubscriptionRow, 'id' | 'email_enc' | 'language'>[]> {
  return queryRows(db, sql`SELECT id, email_enc, language FROM alert_email_subscriptions
    WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND ${countryCode}::bpchar = ANY(countries) ORDER BY id`);
}

/** Confirmed subscriber counts per country and language. */
export async function countSubscribers(db: Db): Promise<{ country: string; language: string; confirmed: number; pending: number }[]> {
  const rows = await queryRows<{ country: string; language: string; confirmed: number; pending: number }>(
    db,
    sql`SELECT c AS country, s.language, count(*) FILTER (WHERE s.confirmed_at IS NOT NULL)::int AS confirmed, count(*) FILTER (WHERE s.confirmed_at IS NULL)::int AS pending
          FROM alert_email_subscriptions s, unnest(s.countries) AS c
         WHERE s.unsubscribed_at IS NULL GROUP BY c, s.language ORDER BY c, s.language`,
  );
  return rows.map((r) => ({ country: String(r.country).trim(), language: r.language, confirmed: Number(r.confirmed), pending: Number(r.pending) }));
}
