/**
 * Webhook subscriptions and their deliveries: fan-out of a message (one INSERT … SELECT), claiming
 * due deliveries (SKIP LOCKED, stale locks reclaimable), recording outcomes in one statement.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { arrayParam } from './knowledge-search.repo';

/** A subscription as stored (secret still encrypted). */
export interface WebhookSubscriptionRow extends Record<string, unknown> {
  id: string;
  name: string;
  url: string;
  secret_enc: string;
  countries: string[];
  languages: string[];
  include_drills: boolean;
  active: boolean;
  organisation_id: string | null;
  created_at: Date;
  updated_at: Date;
  last_delivered_at: Date | null;
  pending: number;
  failing: number;
  dead: number;
}

/** What a fan-out needs to know about a message. */
export interface FanOutMessage {
  id: string;
  countryCode: string;
  /** Primary language subtags, lower case ("en", "el"). */
  languages: string[];
  drill: boolean;
}

/** Queue one delivery per active subscription that matches the message; returns how many. */
export async function insertDeliveriesForMessage(tx: Db, m: FanOutMessage): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`WITH ins AS (
          INSERT INTO alert_webhook_deliveries (subscription_id, message_id)
          SELECT s.id, ${m.id}::uuid FROM alert_webhook_subscriptions s
           WHERE s.active
             AND (cardinality(s.countries) = 0 OR ${m.countryCode}::bpchar = ANY(s.countries))
             AND (cardinality(s.languages) = 0 OR s.languages && ${arrayParam(m.languages)}::text[])
             AND (${m.drill}::boolean = false OR s.include_drills)
          ON CONFLICT (subscription_id, message_id) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A claimed delivery, with what sending needs. */
export interface ClaimedDelivery extends Record<string, unknown> {
  id: string;
  subscription_id: string;
  message_id: string;
  attempts: number;
  url: string;
  secret_enc: string;
  active: boolean;
}

/**
 * Claim up to `limit` due deliveries (pending and due, or delivering with a lock older than
 * `staleSeconds`): marks them delivering, counts the attempt. Concurrent claimers skip each other's rows.
 */
export async function claimDueDeliveries(db: Db, limit: number, staleSeconds: number): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    db,
    sql`WITH claimed AS (
          UPDATE alert_webhook_deliveries d SET status = 'delivering', locked_at = now(), attempts = d.attempts + 1
           WHERE d.id IN (
             SELECT id FROM alert_webhook_deliveries
              WHERE (status = 'pending' AND next_attempt_at <= now())
                 OR (status = 'delivering' AND locked_at < now() - make_interval(secs => ${staleSeconds}))
              ORDER BY next_attempt_at, id
              LIMIT ${limit}
              FOR UPDATE SKIP LOCKED)
          RETURNING d.id, d.subscription_id, d.message_id, d.attempts)
        SELECT c.id::text AS id, c.subscription_id, c.message_id, c.attempts, s.url, s.secret_enc, s.active
          FROM claimed c JOIN alert_webhook_subscriptions s ON s.id = c.subscription_id`,
  );
}

/** The published XML of messages (by id). */
export async function loadMessageXml(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; xml: string }>(db, sql`SELECT id, xml FROM alert_messages WHERE id = ANY(${arrayParam(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.xml]));
}

/** The outcome of one attempt. */
export interface DeliveryOutcome {
  id: string;
  attempts: number;
  status: 'delivered' | 'pending' | 'dead';
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
}

/** Record outcomes in one statement; a row another worker reclaimed meanwhile (attempts changed) is left alone. */
export async function recordDeliveryOutcomes(db: Db, outcomes: DeliveryOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const col = (f: (o: DeliveryOutcome) => string | number | null) => `{${outcomes.map((o) => { const v = f(o); return v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, (ch) => `\\${ch}`)}"`; }).join(',')}}`;
  await db.execute(sql`
    UPDATE alert_webhook_deliveries d SET
      status = v.status,
      next_attempt_at = COALESCE(v.next_at, d.next_attempt_at),
      last_status_code = v.code,
      last_error = v.err,
      delivered_at = CASE WHEN v.status = 'delivered' THEN now() ELSE d.delivered_at END,
      locked_at = NULL
    FROM unnest(${col((o) => o.id)}::bigint[], ${col((o) => o.attempts)}::int[], ${col((o) => o.status)}::text[],
                ${col((o) => o.nextAttemptAt?.toISOString() ?? null)}::timestamptz[], ${col((o) => o.statusCode)}::int[], ${col((o) => o.error)}::text[])
         AS v(id, attempts, status, next_at, code, err)
    WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'delivering'`);
}

const SUBSCRIPTION_COLUMNS = sql`s.id, s.name, s.url, s.secret_enc, s.countries, s.languages, s.include_drills, s.active, s.organisation_id, s.created_at, s.updated_at,
  (SELECT max(delivered_at) FROM alert_webhook_deliveries x WHERE x.subscription_id = s.id) AS last_delivered_at,
  (SELECT count(*)::int FROM alert_webhook_deliveries x WHERE x.subscription_id = s.id AND x.status IN ('pending','delivering')) AS pending,
  (SELECT count(*)::int FROM alert_webhook_deliveries x WHERE x.subscription_id = s.id AND x.status IN ('pending','delivering') AND x.attempts > 0) AS failing,
  (SELECT count(*)::int FROM alert_webhook_deliveries x WHERE x.subscription_id = s.id AND x.status = 'dead') AS dead`;

/** All subscriptions with delivery figures, by name. */
export async function listSubscriptions(db: Db): Promise<WebhookSubscriptionRow[]> {
  return queryRows<WebhookSubscriptionRow>(db, sql`SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_webhook_subscriptions s ORDER BY lower(s.name), s.id`);
}

/** One subscription, or undefined. */
export async function findSubscription(db: Db, id: string): Promise<WebhookSubscriptionRow | undefined> {
  return (await queryRows<WebhookSubscriptionRow>(db, sql`SELECT ${SUBSCRIPTION_COLUMNS} FROM alert_webhook_subscriptions s WHERE s.id = ${id}`))[0];
}

/** Fields of a new subscription. */
export interface NewSubscription {
  id: string;
  name: string;
  url: string;
  secretEnc: string;
  countries: string[];
  languages: string[];
  includeDrills: boolean;
  active: boolean;
  organisationId: string | null;
  createdBy: string | null;
}

/** Insert a subscription. */
export async function insertSubscription(tx: Db, s: NewSubscription): Promise<void> {
  await tx.execute(sql`INSERT INTO alert_webhook_subscriptions (id, name, url, secret_enc, countries, languages, include_drills, active, organisation_id, created_by)
    VALUES (${s.id}, ${s.name}, ${s.url}, ${s.secretEnc}, ${arrayParam(s.countries)}::char(2)[], ${arrayParam(s.languages)}::text[], ${s.includeDrills}, ${s.active}, ${s.organisationId}, ${s.createdBy})`);
}

/** Change the given fields of a subscription; returns whether it exists. */
export async function updateSubscription(tx: Db, id: string, patch: Partial<Pick<NewSubscription, 'name' | 'url' | 'secretEnc' | 'countries' | 'languages' | 'includeDrills' | 'active'>>): Promise<boolean> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (patch.name !== undefined) sets.push(sql`name = ${patch.name}`);
  if (patch.url !== undefined) sets.push(sql`url = ${patch.url}`);
  if (patch.secretEnc !== undefined) sets.push(sql`secret_enc = ${patch.secretEnc}`);
  if (patch.countries !== undefined) sets.push(sql`countries = ${arrayParam(patch.countries)}::char(2)[]`);
  if (patch.languages !== undefined) sets.push(sql`languages = ${arrayParam(patch.languages)}::text[]`);
  if (patch.includeDrills !== undefined) sets.push(sql`include_drills = ${patch.includeDrills}`);
  if (patch.active !== undefined) sets.push(sql`active = ${patch.active}`);
  const rows = await queryRows<{ id: string }>(tx, sql`UPDATE alert_webhook_subscriptions SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING id`);
  return rows.length > 0;
}

/** Delete a subscription (its deliveries go with it); returns whether it existed. */
export async function deleteSubscription(tx: Db, id: string): Promise<boolean> {
  return (await queryRows<{ id: string }>(tx, sql`DELETE FROM alert_webhook_subscriptions WHERE id = ${id} RETURNING id`)).length > 0;
}

/** A delivery in a log. */
export interface DeliveryRow extends Record<string, unknown> {
  id: string;
  subscription_id: string;
  subscription_name: string;
  message_id: string;
  message_identifier: string;
  msg_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

/** Filters of a delivery log; keyset on id (newest first). */
export interface DeliveryFilter {
  subscriptionId?: string;
  messageId?: string;
  status?: string;
  beforeId?: string;
  limit: number;
}

/** Deliveries, newest first, one page (limit + 1 rows tell whether more exist). */
export async function listDeliveries(db: Db, f: DeliveryFilter): Promise<DeliveryRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.subscriptionId) where.push(sql`d.subscription_id = ${f.subscriptionId}`);
  if (f.messageId) where.push(sql`d.message_id = ${f.messageId}`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  if (f.beforeId) where.push(sql`d.id < ${f.beforeId}::bigint`);
  return queryRows<DeliveryRow>(
    db,
    sql`SELECT d.id::text AS id, d.subscription_id, s.name AS subscription_name, d.message_id, m.identifier AS message_identifier, m.msg_type,
               d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.delivered_at, d.created_at
          FROM alert_webhook_deliveries d
          JOIN alert_webhook_subscriptions s ON s.id = d.subscription_id
          JOIN alert_messages m ON m.id = d.message_id
         WHERE ${sql.join(where, sql` AND `)}
         ORDER BY d.id DESC LIMIT ${f.limit + 1}`,
  );
}

/** Put dead deliveries back in the queue (all dead ones when `ids` is null); returns how many. */
export async function retryDeadDeliveries(tx: Db, ids: string[] | null, subscriptionId?: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE alert_webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_at = NULL
         WHERE status = 'dead' ${ids ? sql`AND id = ANY(${arrayParam(ids)}::bigint[])` : sql``} ${subscriptionId ? sql`AND subscription_id = ${subscriptionId}` : sql``}
         RETURNING id`,
  );
  return rows.length;
}

/** Give up the queued deliveries of a deactivated subscription (they go to the dead-letter list). */
export async function markDeliveriesOfInactive(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`UPDATE alert_webhook_deliveries SET status = 'dead', locked_at = NULL, last_error = 'subscription inactive'
    WHERE id = ANY(${arrayParam(ids)}::bigint[]) AND status = 'delivering'`);
}

/** Delivery counts by status (for the admin page). */
export async function countDeliveriesByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM alert_webhook_deliveries GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
