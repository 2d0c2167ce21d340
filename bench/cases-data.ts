/**
 * The cases of the cases benchmark, bulk-loaded into a migrated database that holds the demo network:
 * N cases over three years (more recent ones more frequent) across the case-working teams of the 8 VICTOR
 * countries, with realistic status (by age), priority, concern, origin and assignee spreads; titles sealed
 * with the instance's real FieldEncryptor ('cases.title:<id>') and search terms from its real keyed hasher
 * (title words and the persons' names); potential victims and relatives for most cases (names sealed);
 * open and done tasks with due dates (some overdue) on the cases still worked; and a timeline of 2–9
 * entries per case (generated in SQL). Rows go in multi-row statements (jsonb_to_recordset) of 4,000; the
 * secondary indexes of the case tables are dropped during the load and rebuilt from their own definitions.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { EXPLOITATION_FORMS } from '../src/domain/cases/screening';
import { ORGANISATIONS } from '../src/db/seed/network.data';
import type { ServiceContext } from '../src/services/context';
import { getKeyedHasher, type KeyedHasher } from '../src/services/keyed-hash.service';
import { caseTitle, familyName, personName, pickWeighted, seededRandom, TASK_TITLES } from './cases-vocabulary';

/** The teams that work cases, with their share of all cases. */
export const CASE_TEAMS: [string, number][] = [
  ['smile', 0.2], ['sc-ro', 0.14], ['ro-anitp', 0.06], ['nadja', 0.1], ['bg-ncthb', 0.04],
  ['kljuc', 0.08], ['astra', 0.12], ['lastrada-md', 0.1], ['cwbf-ua', 0.12], ['tdh', 0.04],
];
/** Bench case managers per team (besides the demo accounts). */
const MANAGERS_PER_TEAM = 8;
const BATCH = 4000;
const DAY = 86_400_000;
const YEARS = 3;
/** Tables whose secondary indexes are rebuilt after the load. */
const TABLES = ['cases', 'case_persons', 'case_tasks', 'case_events'];

/** What was loaded and how long it took. */
export interface CasesDataResult {
  cases: number;
  persons: number;
  tasks: number;
  events: number;
  managers: number;
  insertSeconds: number;
  indexSeconds: number;
  analyzeSeconds: number;
  /** cases table and its indexes (MB). */
  tableMb: number;
  indexesMb: number;
  /** Family names of the RO desk by frequency rank, for name search: [rank, name][] */
  searchNames: { rank: number; name: string; country: string }[];
}

interface Team {
  key: string;
  id: string;
  country: string;
  managers: string[];
}

type Status = 'open' | 'active' | 'referred' | 'monitoring' | 'closed';

const STATUS_BY_AGE: [number, [Status, number][]][] = [
  [30, [['open', 0.35], ['active', 0.4], ['referred', 0.15], ['monitoring', 0.05], ['closed', 0.05]]],
  [180, [['open', 0.08], ['active', 0.3], ['referred', 0.25], ['monitoring', 0.17], ['closed', 0.2]]],
  [Infinity, [['open', 0.02], ['active', 0.06], ['referred', 0.07], ['monitoring', 0.1], ['closed', 0.75]]],
];
const PRIORITIES: [string, number][] = [['low', 0.15], ['normal', 0.55], ['high', 0.22], ['urgent', 0.08]];
const CONCERNS: [string | null, number][] = [[null, 0.35], ['none', 0.2], ['possible', 0.3], ['clear', 0.15]];
const ORIGINS: [string, number][] = [['contact', 0.7], ['direct', 0.25], ['handoff', 0.05]];
const CLOSURES: [string, number][] = [['assistance_completed', 0.45], ['referred_elsewhere', 0.2], ['not_trafficking', 0.15], ['no_contact', 0.1], ['transferred_abroad', 0.05], ['duplicate', 0.05]];
const AGE_BAND = (age: number) => (age <= 5 ? '0-5' : age <= 11 ? '6-11' : age <= 14 ? '12-14' : age <= 17 ? '15-17' : age <= 24 ? '18-24' : '25+');

async function loadTeams(client: pg.Client): Promise<Team[]> {
  const names = new Map(ORGANISATIONS.map((o) => [o.name, o.key]));
  const rows = (await client.query<{ id: string; name: string; country_code: string }>('SELECT id, name, country_code FROM organisations')).rows;
  const teams: Team[] = [];
  for (const [key] of CASE_TEAMS) {
    const row = rows.find((r) => names.get(r.name) === key);
    if (!row) throw new Error(`demo organisation ${key} is missing: seed the demo network first`);
    teams.push({ key, id: row.id, country: row.country_code, managers: [] });
  }
  return teams;
}

/** Bench case managers (no password: they never sign in), plus the demo case manager of Save the Children Romania. */
async function insertManagers(client: pg.Client, teams: Team[]): Promise<number> {
  const users: { id: string; email: string; name: string; org: string }[] = [];
  for (const t of teams) {
    for (let i = 1; i <= MANAGERS_PER_TEAM; i += 1) {
      const id = randomUUID();
      t.managers.push(id);
      users.push({ id, email: `bench.cm${i}.${t.key}@example.org`, name: `Bench Case Manager ${i} (${t.country})`, org: t.id });
    }
  }
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash, locale, is_demo) SELECT x.id, x.email, x.name, '!bench-no-login', 'en', false
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, email text, name text)`,
    [JSON.stringify(users)],
  );
  await client.query(
    `INSERT INTO memberships (id, user_id, organisation_id, role, scope) SELECT gen_random_uuid(), x.id, x.org, 'case_manager', 'organisation'
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, org uuid)`,
    [JSON.stringify(users)],
  );
  const demo = (await client.query<{ id: string }>("SELECT id FROM users WHERE email = 'casemanager.ro@victor.example'")).rows[0];
  if (demo) teams.find((t) => t.key === 'sc-ro')!.managers.push(demo.id, demo.id);
  return users.length;
}

interface Skeleton {
  id: string;
  team: Team;
  opened: number;
  seed: number;
  reference: string;
}

/** Every case's team and opening time, sorted by time, with its yearly reference per country. */
function makeSkeletons(count: number, teams: Team[], now: number, seed: number, counters: Map<string, number>): Skeleton[] {
  const rand = seededRandom(seed);
  const weights = CASE_TEAMS.map(([, w], i) => [teams[i]!, w] as const);
  const list: Skeleton[] = [];
  for (let i = 0; i < count; i += 1) {
    list.push({ id: randomUUID(), team: pickWeighted(rand, weights), opened: now - YEARS * 365 * DAY * Math.pow(rand(), 1.4), seed: Math.floor(rand() * 2 ** 31), reference: '' });
  }
  list.sort((a, b) => a.opened - b.opened);
  for (const s of list) {
    const key = `${s.team.country}-${new Date(s.opened).getUTCFullYear()}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    s.reference = `${key}-${String(n).padStart(6, '0')}`;
  }
  return list;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Rows of one case: the case, its persons and its tasks (sealed and hashed like the services do). */
function buildCase(s: Skeleton, ctx: ServiceContext, hasher: KeyedHasher, now: number) {
  const rand = seededRandom(s.seed);
  const ageDays = (now - s.opened) / DAY;
  const status = pickWeighted(rand, STATUS_BY_AGE.find(([max]) => ageDays < max)![1]);
  const concern = pickWeighted(rand, CONCERNS);
  const forms = concern === 'possible' || concern === 'clear' ? [...new Set([EXPLOITATION_FORMS[Math.floor(rand() * 5)]!, ...(rand() < 0.3 ? [EXPLOITATION_FORMS[Math.floor(rand() * 9)]!] : [])])] : [];
  const span = Math.max(DAY / 24, Math.min(now - s.opened, (10 + rand() * 200) * DAY));
  const closed = status === 'closed' ? s.opened + span : null;
  const changed = status === 'open' ? s.opened : s.opened + span * (status === 'closed' ? 1 : 0.3 + rand() * 0.7);
  const lastActivity = Math.min(now, changed + (status === 'closed' ? 0 : rand() * (now - changed)));
  const assistance = status !== 'open' && rand() < 0.85 ? s.opened + rand() * 3 * DAY : null;
  const referral = ['referred', 'monitoring', 'closed'].includes(status) && rand() < 0.65 ? s.opened + (3 + rand() * 20) * DAY : null;
  const acceptance = referral !== null && rand() < 0.7 ? referral + rand() * 7 * DAY : null;
  const team = s.team;
  const assignee = rand() < 0.05 ? null : team.managers[Math.floor(rand() * team.managers.length)]!;
  const title = caseTitle(rand, team.country);
  const persons: Record<string, unknown>[] = [];
  const names: string[] = [];
  if (rand() < 0.75) {
    const female = rand() < 0.6;
    const n = personName(rand, team.country, female);
    const age = 8 + Math.floor(rand() * 12);
    names.push(n.given, n.family);
    persons.push(personRow(ctx, s, 'potential_victim', n.given, n.family, age, female, rand));
    if (rand() < 0.3) {
      const parent = personName(rand, team.country, rand() < 0.6);
      names.push(parent.given);
      persons.push(personRow(ctx, s, 'relative_guardian', parent.given, n.family, 30 + Math.floor(rand() * 25), rand() < 0.6, rand));
    }
  }
  const caseRow = {
    id: s.id, reference: s.reference, organisation_id: team.id, country_code: team.country, assigned_user_id: assignee, status,
    priority: pickWeighted(rand, PRIORITIES), title_enc: ctx.encryptor.encrypt(title, `cases.title:${s.id}`), origin: pickWeighted(rand, ORIGINS),
    concern_level: concern, forms, involves_child: rand() < 0.85, closure_reason: closed ? pickWeighted(rand, CLOSURES) : null,
    search_terms: hasher.hashText(title, ...names), reported_at: iso(s.opened - rand() * 2 * DAY), opened_at: iso(s.opened),
    first_assistance_at: iso(assistance), first_referral_at: iso(referral), first_acceptance_at: iso(acceptance), closed_at: iso(closed),
    status_changed_at: iso(changed), last_activity_at: iso(lastActivity), created_by: assignee ?? team.managers[0]!,
  };
  const tasks: Record<string, unknown>[] = [];
  if (status !== 'closed' && rand() < 0.6) {
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k += 1) {
      const id = randomUUID();
      // About one open task in seven is overdue (up to ten days).
      const due = Math.max(s.opened + DAY, now + (rand() * 70 - 10) * DAY);
      const done = rand() < 0.35 ? Math.min(now, due - rand() * 2 * DAY) : null;
      tasks.push({
        id, case_id: s.id, organisation_id: team.id, kind: rand() < 0.4 ? 'follow_up' : 'task',
        title_enc: ctx.encryptor.encrypt(TASK_TITLES[Math.floor(rand() * TASK_TITLES.length)]!, `case_tasks.title:${id}`),
        assignee_user_id: assignee, due_at: iso(due), done_at: iso(done), done_by: done === null ? null : assignee, created_by: assignee, created_at: iso(s.opened + rand() * (now - s.opened) * 0.5),
      });
    }
  }
  return { caseRow, persons, tasks };
}

function personRow(ctx: ServiceContext, s: Skeleton, role: string, given: string, family: string, age: number, female: boolean, rand: () => number): Record<string, unknown> {
  const id = randomUUID();
  const uncertain = rand() < 0.2;
  return {
    id, case_id: s.id, role, given_name_enc: ctx.encryptor.encrypt(given, `case_persons.given_name:${id}`), family_name_enc: ctx.encryptor.encrypt(family, `case_persons.family_name:${id}`),
    relationship: role === 'relative_guardian' ? (female ? 'mother' : 'father') : null, age_years: uncertain ? null : age, age_band: AGE_BAND(age), age_uncertain: uncertain,
    may_be_child: uncertain && age < 18, gender: female ? 'female' : 'male', nationality: s.team.country,
    trafficking_status: role === 'potential_victim' ? (rand() < 0.7 ? 'possible' : rand() < 0.7 ? 'identified' : 'not_victim') : null, created_at: iso(s.opened),
  };
}

/**
 * Cases of one batch and their timeline in one statement: 'created' at opening, then 1–8 entries of
 * common kinds spread until the last activity, and a status change to the current status when it is not
 * 'open'. Returns the timeline rows.
 */
const INSERT_CASES = `WITH c AS (
INSERT INTO cases (id, reference, organisation_id, country_code, assigned_user_id, status, priority, title_enc, origin, concern_level, forms,
  involves_child, closure_reason, search_terms, reported_at, opened_at, first_assistance_at, first_referral_at, first_acceptance_at, closed_at,
  status_changed_at, last_activity_at, created_by, created_at, updated_at)
SELECT x.id, x.reference, x.organisation_id, x.country_code, x.assigned_user_id, x.status, x.priority, x.title_enc, x.origin, x.concern_level, x.forms,
  x.involves_child, x.closure_reason, x.search_terms, x.reported_at, x.opened_at, x.first_assistance_at, x.first_referral_at, x.first_acceptance_at, x.closed_at,
  x.status_changed_at, x.last_activity_at, x.created_by, x.opened_at, x.last_activity_at
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reference text, organisation_id uuid, country_code text, assigned_user_id uuid, status text, priority text,
  title_enc text, origin text, concern_level text, forms text[], involves_child boolean, closure_reason text, search_terms text[], reported_at timestamptz,
  opened_at timestamptz, first_assistance_at timestamptz, first_referral_at timestamptz, first_acceptance_at timestamptz, closed_at timestamptz,
  status_changed_at timestamptz, last_activity_at timestamptz, created_by uuid)
RETURNING id, opened_at, last_activity_at, status_changed_at, status, priority, created_by)
INSERT INTO case_events (case_id, at, actor_user_id, kind, data)
SELECT c.id, c.opened_at, c.created_by, 'created', jsonb_build_object('status', 'open', 'priority', c.priority) FROM c
UNION ALL
SELECT c.id, c.opened_at + (c.last_activity_at - c.opened_at) * (g::float8 / (k.n + 1)), c.created_by,
  (ARRAY['note_added','task_added','assigned','priority_changed','details_changed','person_added','screening_recorded','task_done','consent_recorded','document_added'])[1 + (abs(hashtext(c.id::text || g)) % 10)],
  '{}'::jsonb
FROM c CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(c.id::text)) % 8 AS n) k CROSS JOIN LATERAL generate_series(1, k.n) g
UNION ALL
SELECT c.id, c.status_changed_at, c.created_by, 'status_changed', jsonb_build_object('from', 'active', 'to', c.status) FROM c WHERE c.status <> 'open'`;
const INSERT_PERSONS = `INSERT INTO case_persons (id, case_id, role, given_name_enc, family_name_enc, relationship, age_years, age_band, age_uncertain, may_be_child,
  gender, nationality, trafficking_status, created_by, created_at, updated_at)
SELECT x.id, x.case_id, x.role, x.given_name_enc, x.family_name_enc, x.relationship, x.age_years, x.age_band, x.age_uncertain, x.may_be_child, x.gender,
  x.nationality, x.trafficking_status, NULL, x.created_at, x.created_at
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_id uuid, role text, given_name_enc text, family_name_enc text, relationship text, age_years int,
  age_band text, age_uncertain boolean, may_be_child boolean, gender text, nationality text, trafficking_status text, created_at timestamptz)`;
const INSERT_TASKS = `INSERT INTO case_tasks (id, case_id, organisation_id, kind, title_enc, assignee_user_id, due_at, done_at, done_by, created_by, created_at)
SELECT x.id, x.case_id, x.organisation_id, x.kind, x.title_enc, x.assignee_user_id, x.due_at, x.done_at, x.done_by, x.created_by, x.created_at
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_id uuid, organisation_id uuid, kind text, title_enc text, assignee_user_id uuid, due_at timestamptz,
  done_at timestamptz, done_by uuid, created_by uuid, created_at timestamptz)`;

async function insertJson(client: pg.Client, statement: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await client.query(statement, [JSON.stringify(rows.slice(i, i + BATCH))]);
}

/**
 * Load `count` cases into `url` (migrated, with the demo network) using the context's encryptor and keyed
 * hasher. Progress goes to `say`.
 */
export async function loadBenchCases(ctx: ServiceContext, url: string, count: number, seed: number, say: (line: string) => void): Promise<CasesDataResult> {
  const hasher = await getKeyedHasher(ctx);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 2");
    const teams = await loadTeams(client);
    const managers = await insertManagers(client, teams);
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i WHERE i.tablename = ANY($1) AND i.schemaname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [TABLES],
      )
    ).rows;
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
    const now = Date.now();
    const t0 = performance.now();
    const existing = (await client.query<{ key: string; n: number }>("SELECT country_code || '-' || year AS key, last_number AS n FROM case_reference_counters")).rows;
    const skeletons = makeSkeletons(count, teams, now, seed, new Map(existing.map((r) => [r.key, r.n])));
    let persons = 0;
    let tasks = 0;
    let events = 0;
    let last = 0;
    // Build the next batch (encryption, hashing: this process) while PostgreSQL inserts the previous one.
    let pending: Promise<void> = Promise.resolve();
    for (let i = 0; i < skeletons.length; i += BATCH) {
      const built = skeletons.slice(i, i + BATCH).map((s) => buildCase(s, ctx, hasher, now));
      await pending;
      const done = Math.min(count, i + BATCH);
      if (performance.now() - last > 5000) {
        last = performance.now();
        say(`  cases: ${i.toLocaleString('en')} / ${count.toLocaleString('en')}, ${events.toLocaleString('en')} timeline entries (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
      pending = (async () => {
        events += (await client.query(INSERT_CASES, [JSON.stringify(built.map((b) => b.caseRow))])).rowCount ?? 0;
        const p = built.flatMap((b) => b.persons);
        const t = built.flatMap((b) => b.tasks);
        await insertJson(client, INSERT_PERSONS, p);
        await insertJson(client, INSERT_TASKS, t);
        persons += p.length;
        tasks += t.length;
        if (done === count) say(`  cases: ${done.toLocaleString('en')} / ${count.toLocaleString('en')}, ${events.toLocaleString('en')} timeline entries (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      })();
      pending.catch(() => undefined); // awaited (and thrown) at the next batch
    }
    await pending;
    await client.query(`INSERT INTO case_reference_counters (country_code, year, last_number)
      SELECT country_code, split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM cases WHERE reference ~ '^[A-Z]{2}-[0-9]{4}-[0-9]+$' GROUP BY 1, 2
      ON CONFLICT (country_code, year) DO UPDATE SET last_number = GREATEST(case_reference_counters.last_number, EXCLUDED.last_number)`);
    const insertSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const ix of indexes) await client.query(ix.def);
    const indexSeconds = (performance.now() - t1) / 1000;
    say(`  ${indexes.length} indexes rebuilt in ${indexSeconds.toFixed(0)} s`);
    const t2 = performance.now();
    for (const table of [...TABLES, 'users', 'memberships']) await client.query(`VACUUM ANALYZE ${table}`);
    const analyzeSeconds = (performance.now() - t2) / 1000;
    const size = (await client.query<{ table_mb: string; indexes_mb: string }>("SELECT pg_table_size('cases') / 1048576.0 AS table_mb, pg_indexes_size('cases') / 1048576.0 AS indexes_mb")).rows[0]!;
    const searchNames = [0, 30, 600].map((rank) => ({ rank, name: familyName('RO', rank), country: 'RO' }));
    return { cases: count, persons, tasks, events, managers, insertSeconds, indexSeconds, analyzeSeconds, tableMb: Number(size.table_mb), indexesMb: Number(size.indexes_mb), searchNames };
  } finally {
    await client.end();
  }
}
