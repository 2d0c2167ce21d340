/**
 * A large contacts table for the search bench, generated in SQL (`INSERT … SELECT … FROM
 * generate_series`): desks across countries, two years of start times (more recent ones more
 * frequent), realistic channel/status/outcome/category spreads, ~20 % THB, and search_terms drawn
 * with a Zipf-like frequency from a 5,000-word vocabulary whose words are hashed with the instance's
 * real keyed hasher, so free-text search through the API finds them.
 *
 * Indexes are dropped during the load and rebuilt from their own definitions afterwards (the
 * migration's indexes, whatever they are when this runs), then the table is analysed.
 */
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/open';
import { createServiceContext, prepareDatabase } from '../src/server';
import { getKeyedHasher } from '../src/services/keyed-hash.service';
import { generateData } from './generate-data';

/** Vocabulary size of the generated notes. */
export const VOCABULARY = 5000;
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'po', 'ni', 'sa', 'do', 've', 'ru', 'ze', 'bo', 'fi', 'gu', 'ha', 'je', 'ko', 'lu', 'ma'];

/** The invented word of a vocabulary rank (1 = most frequent): three to four syllables, letters only. */
export function vocabularyWord(rank: number): string {
  const s = (i: number) => SYLLABLES[i % SYLLABLES.length]!;
  return `${s(rank)}${s(Math.floor(rank / 20))}${s(Math.floor(rank / 400))}${rank >= 8000 ? s(Math.floor(rank / 8000)) : ''}n`;
}

/** What was generated and how long it took. */
export interface SearchDataResult {
  rows: number;
  organisations: number;
  insertSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  tableMb: number;
  indexesMb: number;
}

/** Migrate, seed the demo network and 30 bench organisations, and return the real hashes of the vocabulary. */
async function prepareAndHash(vEnv: Record<string, string>): Promise<string[]> {
  const config = loadConfig(vEnv);
  const logger = pino({ level: 'warn' });
  const database = await openDatabase(config, 'cli', logger);
  try {
    const ctx = createServiceContext(config, database, logger);
    await prepareDatabase(ctx);
    await generateData(ctx, { users: 60, organisations: 30, auditedReads: 0, progress: false });
    const hasher = await getKeyedHasher(ctx);
    return Array.from({ length: VOCABULARY }, (_, i) => hasher.hashTerm(vocabularyWord(i + 1)));
  } finally {
    await database.close();
  }
}

const pick = (r: string, cases: [string, number][]) => {
  let acc = 0;
  const parts = cases.slice(0, -1).map(([v, w]) => `WHEN ${r} < ${(acc += w).toFixed(3)} THEN '${v}'`);
  return `CASE ${parts.join(' ')} ELSE '${cases[cases.length - 1]![0]}' END`;
};

const CHANNELS: [string, number][] = [['phone', 0.42], ['hotline_116000', 0.15], ['chat', 0.16], ['email', 0.1], ['web_form', 0.06], ['sms', 0.03], ['social_media', 0.05], ['walk_in', 0.03]];
const STATUSES: [string, number][] = [['completed', 0.93], ['abandoned', 0.03], ['draft', 0.02], ['queued', 0.02]];
const OUTCOMES: [string, number][] = [['information_given', 0.34], ['resolved', 0.18], ['referred', 0.2], ['reported_to_police', 0.08], ['escalated', 0.06], ['transferred', 0.05], ['callback_scheduled', 0.04], ['caller_disconnected', 0.05]];
const CALLER_TYPES: [string, number][] = [['child', 0.3], ['parent_relative', 0.3], ['professional', 0.15], ['member_of_public', 0.15], ['anonymous', 0.1]];

/**
 * One batch: rows s = from..to. Parameters: $1 from, $2 to, $3 organisation ids, $4 their countries,
 * $5 user ids, $6 THB codes, $7 other data codes, $8 non-data codes, $9 vocabulary hashes, $10 taxonomy version.
 * 15 % non-data contacts; of the rest 24 % THB (≈ 20 % overall).
 */
const INSERT_BATCH = `
INSERT INTO contacts (id, reference, idempotency_key, organisation_id, country_code, status, source, channel, direction,
  started_at, ended_at, handle_seconds, language, caller_type, region, categories, is_thb, information_given, actions_taken,
  consent_confidentiality, outcome, non_data_type, notes_enc, search_terms, taxonomy_version, operator_user_id,
  police_notified_at, out_of_hours, created_at, updated_at, completed_at)
SELECT gen_random_uuid(),
  x.cc || '-' || to_char(x.started_at, 'YYMMDD') || '-' || lpad(upper(to_hex(x.s)), 6, '0'),
  'gen-' || x.s, x.org, x.cc, x.status, 'console', x.channel, 'inbound',
  x.started_at, x.started_at + x.dur * interval '1 second', x.dur, 'en', CASE WHEN x.nondata THEN NULL ELSE x.caller_type END,
  CASE WHEN x.nondata THEN NULL ELSE 'Region ' || (x.s % 12) END,
  CASE WHEN x.nondata THEN ARRAY[($8::text[])[1 + (x.s % cardinality($8::text[]))]]
       WHEN x.thb THEN ARRAY[($6::text[])[1 + floor(x.r_cat * cardinality($6::text[]))::int]]
       ELSE ARRAY[($7::text[])[1 + floor(x.r_cat * cardinality($7::text[]))::int]] END,
  x.thb, CASE WHEN x.nondata THEN '{}'::text[] ELSE '{thb_general}'::text[] END,
  CASE WHEN x.nondata THEN '{}'::text[] WHEN x.outcome = 'reported_to_police' THEN '{guidance,police_report}'::text[] ELSE '{guidance}'::text[] END,
  true,
  CASE WHEN x.status <> 'completed' THEN NULL WHEN x.nondata THEN 'non_data' ELSE x.outcome END,
  CASE WHEN x.nondata THEN 'silent' ELSE NULL END,
  CASE WHEN x.nondata THEN NULL ELSE repeat('k', 420) END,
  CASE WHEN x.nondata THEN '{}'::text[] ELSE
    ARRAY(SELECT DISTINCT ($9::text[])[floor(power(${VOCABULARY}, random()))::int] FROM generate_series(1, x.nterms)) END,
  $10::int, x.operator,
  CASE WHEN x.outcome = 'reported_to_police' AND NOT x.nondata THEN x.started_at END,
  x.s % 7 = 0, x.started_at, x.started_at, CASE WHEN x.status = 'completed' THEN x.started_at + x.dur * interval '1 second' END
FROM (
  SELECT s, ($3::uuid[])[o] AS org, ($4::text[])[o] AS cc, started_at, status, channel, outcome, caller_type,
    nondata, NOT nondata AND r_thb < 0.24 AS thb, r_cat, dur, nterms,
    CASE WHEN random() < 0.05 THEN NULL ELSE ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int] END AS operator
  FROM (
    SELECT s, 1 + floor(cardinality($3::uuid[]) * power(r_org, 1.6))::int AS o,
      now() - interval '730 days' * power(r_start, 1.3) AS started_at,
      ${pick('r_st', STATUSES)} AS status, r_ch, r_out, r_nd < 0.15 AS nondata, r_thb, r_cat,
      ${pick('r_ct', CALLER_TYPES)} AS caller_type,
      30 + floor(r_dur * 1500)::int AS dur, 5 + floor(r_nt * 26)::int AS nterms
    FROM (
      SELECT s, random() AS r_ch, random() AS r_out, random() AS r_org, random() AS r_start, random() AS r_st, random() AS r_nd,
        random() AS r_thb, random() AS r_cat, random() AS r_ct, random() AS r_dur, random() AS r_nt
      FROM generate_series($1::int, $2::int) s OFFSET 0
    ) g
    OFFSET 0
  ) a
  CROSS JOIN LATERAL (SELECT ${pick('a.r_ch', CHANNELS)} AS channel, ${pick('a.r_out', OUTCOMES)} AS outcome) c
  OFFSET 0
) x`;

/**
 * Fill `url`'s contacts table with `rows` generated contacts (after migrating and seeding with
 * `vEnv`, the server's own settings). `say` gets progress lines.
 */
export async function generateSearchData(url: string, vEnv: Record<string, string>, rows: number, say: (line: string) => void): Promise<{ result: SearchDataResult; hashes: string[] }> {
  const hashes = await prepareAndHash(vEnv);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 2");
    const orgs = (await client.query<{ id: string; country_code: string }>("SELECT id, country_code FROM organisations ORDER BY (name = 'The Smile of the Child') DESC, created_at")).rows;
    const users = (await client.query<{ id: string }>('SELECT id FROM users ORDER BY created_at')).rows.map((u) => u.id);
    const { rows: [tax] } = await client.query<{ version: number }>("SELECT max(version) AS version FROM taxonomy_versions WHERE status = 'published'");
    const codes = (await client.query<{ code: string; module: string }>('SELECT code, module FROM taxonomy_codes WHERE version = $1 AND country_code IS NULL AND parent_code IS NOT NULL AND active', [tax!.version])).rows;
    const of = (m: (c: { module: string }) => boolean) => codes.filter(m).map((c) => c.code);
    const thb = of((c) => c.module === 'thb');
    const other = of((c) => c.module !== 'thb' && c.module !== 'non_data');
    const nondata = of((c) => c.module === 'non_data');
    const indexes = (
      await client.query<{ name: string; def: string; constraint: boolean }>(
        "SELECT i.indexname AS name, i.indexdef AS def, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = 'contacts'::regclass) AS constraint FROM pg_indexes i WHERE i.tablename = 'contacts' AND i.indexname NOT LIKE '%_pkey'",
      )
    ).rows;
    for (const ix of indexes) await client.query(ix.constraint ? `ALTER TABLE contacts DROP CONSTRAINT "${ix.name}"` : `DROP INDEX "${ix.name}"`);

    const t0 = Date.now();
    const batch = 100_000;
    for (let from = 1; from <= rows; from += batch) {
      const to = Math.min(rows, from + batch - 1);
      await client.query(INSERT_BATCH, [from, to, orgs.map((o) => o.id), orgs.map((o) => o.country_code), users, thb, other, nondata, hashes, tax!.version]);
      say(`  search data: ${to.toLocaleString('en')} / ${rows.toLocaleString('en')} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    const insertSeconds = (Date.now() - t0) / 1000;
    const t1 = Date.now();
    for (const ix of indexes) {
      await client.query(ix.def);
      if (ix.constraint) await client.query(`ALTER TABLE contacts ADD CONSTRAINT "${ix.name}" UNIQUE USING INDEX "${ix.name}"`);
    }
    const indexSeconds = (Date.now() - t1) / 1000;
    say(`  search data: ${indexes.length} indexes rebuilt in ${indexSeconds.toFixed(0)} s`);
    const t2 = Date.now();
    await client.query('VACUUM ANALYZE contacts');
    const analyzeSeconds = (Date.now() - t2) / 1000;
    const { rows: [size] } = await client.query<{ table_mb: string; indexes_mb: string }>("SELECT pg_table_size('contacts') / 1048576.0 AS table_mb, pg_indexes_size('contacts') / 1048576.0 AS indexes_mb");
    return { result: { rows, organisations: orgs.length, insertSeconds, indexSeconds, analyzeSeconds, tableMb: Number(size!.table_mb), indexesMb: Number(size!.indexes_mb) }, hashes };
  } finally {
    await client.end();
  }
}
