/**
 * Contact creation: `POST /api/contacts` (a whole completed contact, fresh idempotency key per
 * request) as the demo Greek operator, and the raw limit: the same row inserted by a bare driver
 * (node-postgres pool, or the embedded PGlite in-process) with plain parameterised INSERTs.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { openEmbeddedDatabase } from '../src/db/embedded/open-embedded';
import { DEMO_PASSWORD } from '../src/db/seed/network.data';
import { signInAs, toScenarioResult, type LoadOptions, type ScenarioResult } from './scenarios';

/** The demo operator of the Greek desk (one desk, no 2FA). */
export const OPERATOR_LOGIN = { email: 'operator.gr@victor.example', password: DEMO_PASSWORD };

/** Figures of a raw insert loop (latencies in milliseconds). */
export interface RawInsertResult {
  database: string;
  driver: string;
  concurrency: number;
  durationSeconds: number;
  inserts: number;
  insertsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const NOTES_WORDS = (
  'caller teacher reports pupil missing school weeks working market employer took documents promised ' +
  'job abroad agriculture seasonal harvest pay debt transport accommodation shared room police informed ' +
  'advised referral procedure explained safety plan discussed mother worried daughter travelled cousin ' +
  'contacts online offer recruiter agency licence checked helpline follow next week social worker'
).split(' ');

/** About 300 characters of invented notes (words from a fixed list, so search terms repeat). */
export function inventNotes(): string {
  const words: string[] = [];
  let length = 0;
  while (length < 300) {
    const w = NOTES_WORDS[randomInt(NOTES_WORDS.length)]!;
    words.push(w);
    length += w.length + 1;
  }
  return `${words.join(' ')}.`;
}

const repeatCallers = Array.from({ length: 200 }, () => `+30 69${String(randomInt(10_000_000, 99_999_999))}`);

/** A realistic completed contact body; 80 % of callers are new, 20 % call again. */
export function contactBody(): Record<string, unknown> {
  const started = Date.now() - randomInt(60_000, 3_600_000);
  const callerId = randomInt(100) < 80 ? `+30 69${String(randomInt(10_000_000, 99_999_999))}` : repeatCallers[randomInt(repeatCallers.length)]!;
  return {
    idempotencyKey: `bench-${randomBytes(12).toString('base64url')}`,
    channel: 'phone',
    direction: 'inbound',
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + randomInt(60_000, 900_000)).toISOString(),
    language: 'el',
    callerType: 'professional',
    callerSector: 'education',
    callerAgeBand: '25_59',
    callerGender: 'female',
    childAgeBand: '13_15',
    childGender: 'female',
    region: 'Attica',
    categories: ['THB.LABOUR'],
    informationGiven: ['thb_general', 'national_law'],
    actionsTaken: ['guidance', 'police_report'],
    outcome: 'reported_to_police',
    consentCallback: false,
    consentConfidentiality: true,
    notes: inventNotes(),
    callerId,
    complete: true,
  };
}

/** One POST by hand: throws with the exact status and body when creation fails. */
export async function checkContactCreation(url: string, cookie: string): Promise<void> {
  const csrf = /victor_csrf=([^;]+)/.exec(cookie)![1]!;
  const res = await fetch(`${url}/api/contacts`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify(contactBody()),
  });
  if (res.status !== 200) throw new Error(`POST /api/contacts answered ${res.status}: ${(await res.text()).slice(0, 2000)}`);
}

/** autocannon on POST /api/contacts with a fresh body (and idempotency key) for every request. */
export async function loadContactCreation(url: string, database: string, opts: LoadOptions): Promise<ScenarioResult> {
  const cookie = await signInAs(url, OPERATOR_LOGIN);
  await checkContactCreation(url, cookie);
  const csrf = /victor_csrf=([^;]+)/.exec(cookie)![1]!;
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/contacts',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(contactBody()) }),
      },
    ],
  });
  return toScenarioResult(r, { scenario: 'contact creation', database, method: 'POST', path: '/api/contacts', connections: opts.connections });
}

/** Columns the raw insert generates per row; every other column is copied from a service-written row. */
const FRESH = new Set(['id', 'reference', 'idempotency_key', 'created_at', 'updated_at']);

/** One service-written contact as the raw template: column names and values (fresh columns set per row). */
export interface RowTemplate {
  columns: string[];
  values: unknown[];
  countryCode: string;
}

/** Build the template from the rows a `run(sql)` returns for the newest bench contact. */
export function templateFrom(row: Record<string, unknown>): RowTemplate {
  const columns = Object.keys(row);
  return { columns, values: columns.map((c) => row[c]), countryCode: String(row.country_code) };
}

export const TEMPLATE_SQL = "SELECT * FROM contacts WHERE idempotency_key LIKE 'bench-%' AND status = 'completed' ORDER BY created_at DESC LIMIT 1";

function insertStatement(t: RowTemplate): string {
  const cols = t.columns.map((c) => `"${c}"`).join(', ');
  const params = t.columns.map((_, i) => `$${i + 1}`).join(', ');
  return `INSERT INTO contacts (${cols}) VALUES (${params})`;
}

function freshValues(t: RowTemplate): unknown[] {
  const now = new Date();
  return t.columns.map((c, i) => {
    if (!FRESH.has(c)) return t.values[i];
    if (c === 'id') return randomUUID();
    if (c === 'reference') return `${t.countryCode}-${now.toISOString().slice(2, 10).replaceAll('-', '')}-R${randomBytes(6).toString('hex').toUpperCase()}`;
    if (c === 'idempotency_key') return `raw-${randomBytes(12).toString('base64url')}`;
    return now;
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `concurrency` loops, each inserting the template row (fresh id, reference, key) one statement at a
 * time through `exec`, for `seconds`.
 */
export async function rawInsertLoop(
  database: string,
  driver: string,
  t: RowTemplate,
  exec: (text: string, values: unknown[]) => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<RawInsertResult> {
  const text = insertStatement(t);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await exec(text, freshValues(t));
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors += 1;
          firstError ??= err;
          if (errors > 100) break;
        }
      }
    }),
  );
  if (errors > 0 && latencies.length === 0) throw new Error(`raw insert failed: ${(firstError as Error).message}`);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { database, driver, concurrency, durationSeconds: elapsed, inserts: latencies.length, insertsPerSec: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/** The raw limit on PostgreSQL: a node-postgres Pool of `concurrency`, one loop per connection. */
export async function rawInsertPostgres(url: string, database: string, concurrency: number, seconds: number): Promise<RawInsertResult> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  try {
    const { rows } = await pool.query<Record<string, unknown>>(TEMPLATE_SQL);
    if (!rows[0]) throw new Error('no service-written contact to copy (did contact creation run?)');
    const t = templateFrom(rows[0]);
    // Warm every connection (connect + first parse) before the clock starts.
    await Promise.all(Array.from({ length: concurrency }, () => pool.query('SELECT 1')));
    return await rawInsertLoop(database, 'node-postgres Pool', t, (text, values) => pool.query(text, values), concurrency, seconds);
  } finally {
    await pool.end();
  }
}

/**
 * The raw limit on the embedded database: PGlite in this process, opened on the bench DATA_DIR the
 * way Victor opens it (same durable file system), `concurrency` loops queueing on its one connection.
 * The server must have stopped (the directory is locked while it runs).
 */
export async function rawInsertPglite(dataDir: string, database: string, concurrency: number, seconds: number): Promise<RawInsertResult> {
  const embedded = await openEmbeddedDatabase({ dataDir, role: 'cli' });
  try {
    const { rows } = await embedded.client.query<Record<string, unknown>>(TEMPLATE_SQL);
    if (!rows[0]) throw new Error('no service-written contact to copy (did contact creation run?)');
    const t = templateFrom(rows[0]);
    return await rawInsertLoop(database, 'PGlite in-process', t, (text, values) => embedded.client.query(text, values), concurrency, seconds);
  } finally {
    await embedded.close();
  }
}
