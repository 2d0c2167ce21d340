/**
 * Between the raw insert and the API: the database work of one contact creation, issued by a bare
 * node-postgres pool — BEGIN; caller upsert; contact insert; audit insert; pg_notify; COMMIT — with
 * and without the NOTIFY (PostgreSQL serialises the commits of notifying transactions on one global
 * queue lock). It splits the gap between "raw" and "ours" into database round trips and Node work.
 * This is the shape of the first contact service (six round trips); opt in with BENCH_RAW_TX=1.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { rawInsertLoop, templateFrom, TEMPLATE_SQL, type RawInsertResult } from './contacts';

const CALLER_UPSERT = `INSERT INTO callers (id, organisation_id, caller_hash, first_contact_at, last_contact_at)
  VALUES ($1, $2, $3, $4, $4)
  ON CONFLICT (organisation_id, caller_hash) DO UPDATE SET last_contact_at = greatest(callers.last_contact_at, excluded.last_contact_at)
  RETURNING id`;
const AUDIT_INSERT = `INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, organisation_id, country_code, request_id, details)
  VALUES ($1, $2, 'contact.logged', 'contact', $3, $4, $5, $6, $7)`;

const repeatHashes = Array.from({ length: 200 }, () => createHash('sha256').update(randomBytes(16)).digest('hex'));

/**
 * `concurrency` loops of the service-shaped transaction for `seconds`; `notify` adds the pg_notify
 * the service sends. Contact columns are copied from the newest service-written row.
 */
export async function rawTransactionPostgres(url: string, database: string, concurrency: number, seconds: number, notify: boolean): Promise<RawInsertResult> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  try {
    const { rows } = await pool.query<Record<string, unknown>>(TEMPLATE_SQL);
    if (!rows[0]) throw new Error('no service-written contact to copy (did contact creation run?)');
    const t = templateFrom(rows[0]);
    const callerIdx = t.columns.indexOf('caller_id');
    const org = String(rows[0].organisation_id);
    const operator = rows[0].operator_user_id as string | null;
    await Promise.all(Array.from({ length: concurrency }, () => pool.query('SELECT 1')));
    const driver = `node-postgres: service transaction${notify ? ' with NOTIFY' : ' without NOTIFY'}`;
    return await rawInsertLoop(database, driver, t, async (text, values) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const hash = randomInt(100) < 80 ? createHash('sha256').update(randomBytes(16)).digest('hex') : repeatHashes[randomInt(repeatHashes.length)]!;
        const started = new Date();
        const caller = await client.query<{ id: string }>(CALLER_UPSERT, [randomUUID(), org, hash, started]);
        values[callerIdx] = caller.rows[0]!.id;
        await client.query(text, values);
        const id = values[t.columns.indexOf('id')] as string;
        await client.query(AUDIT_INSERT, [new Date(), operator, id, org, t.countryCode, `req-${randomBytes(6).toString('hex')}`, { source: 'console', channel: 'phone', status: 'completed' }]);
        if (notify) await client.query('SELECT pg_notify($1, $2)', ['victor_events', JSON.stringify({ topic: 'contacts.changed', organisationId: org, countryCode: t.countryCode, ids: [id], at: started.toISOString() })]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    }, concurrency, seconds);
  } finally {
    await pool.end();
  }
}
