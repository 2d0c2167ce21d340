/**
 * `node --import tsx bench/cases-run.ts`: the cases benchmark alone, on a fresh PostgreSQL database
 * (migrated and seeded with the demo network by the app's own start-up path, then BENCH_CASES bulk cases
 * and one big case), measured through the real app; writes bench/results/cases-<date>.json and replaces
 * the cases section of docs/performance.md (the other sections are kept). `npm run bench` runs it too
 * (BENCH_SKIP_CASES=1 skips it).
 *
 * Environment: BENCH_CASES (200000), BENCH_CASES_SAMPLES (200 measured rounds), BENCH_CASES_WARMUP (20),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created
 * on it and dropped at the end), BENCH_CASES_KEEP=1 (keep the database and print its URL and key),
 * BENCH_CASES_NO_REPORT=1 (print and write the JSON only). To measure again on a kept database without
 * generating: BENCH_CASES_REUSE=<its URL> with BENCH_CASES_KEYS=<the VICTOR_ENCRYPTION_KEYS it printed>.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { buildApp } from '../src/http/app';
import { openDatabase } from '../src/db/open';
import { createServiceContext, prepareDatabase } from '../src/server';
import { insertBigCase } from './cases-big';
import { loadBenchCases, type CasesDataResult } from './cases-data';
import { explainScenarios, sampleScenarios, signInReaders, type CaseExplain, type CaseScenarioStats } from './cases-measure';
import { casesSection, spliceCasesSection } from './cases-report';
import { discoverScenarios } from './cases-scenarios';
import { currentLoad, describeHardware } from './report';
import { postgresTarget, postgresVersion, type BenchTarget } from './targets';

const env = process.env;
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Options of the cases bench. */
export interface CasesOptions {
  cases: number;
  samples: number;
  warmup: number;
  seed: number;
}

/** Everything the cases bench measured on one database. */
export interface CasesBenchRun {
  database: string;
  data: CasesDataResult;
  bigCase: { id: string; reference: string; seconds: number };
  samples: number;
  warmup: number;
  scenarios: CaseScenarioStats[];
  explains: CaseExplain[];
  /** Statements of the list scenarios that count rows (there should be none on cases). */
  counts: string[];
  /** Scenarios whose route did not exist. */
  missing: string[];
  loadAverage: { start: number; end: number };
}

function intFromEnv(name: string, fallback: number): number {
  const v = Number(env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The cases bench options from the environment. */
export function casesOptionsFromEnv(): CasesOptions {
  return { cases: intFromEnv('BENCH_CASES', 200_000), samples: intFromEnv('BENCH_CASES_SAMPLES', 200), warmup: intFromEnv('BENCH_CASES_WARMUP', 20), seed: 5 };
}

/** Generate, serve in process, measure, explain: the whole cases bench on one PostgreSQL target. */
export async function benchCases(target: BenchTarget, opts: CasesOptions): Promise<CasesBenchRun> {
  const url = target.env.DATABASE_URL!;
  const reuse = env.BENCH_CASES_REUSE === url;
  const keys = reuse ? env.BENCH_CASES_KEYS! : `bench1:${randomBytes(32).toString('base64')}`;
  const vEnv = { ...target.env, VICTOR_ENCRYPTION_KEYS: keys, VICTOR_DEMO_SEED: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_LOGIN_PER_MINUTE: '10000' };
  if (env.BENCH_CASES_KEEP === '1') say(`  keeping ${url} (VICTOR_ENCRYPTION_KEYS=${vEnv.VICTOR_ENCRYPTION_KEYS})`);
  say(`\ncases over ${opts.cases.toLocaleString('en')} cases (${target.label})`);
  const config = loadConfig(vEnv);
  const logger = pino({ level: 'warn' });
  const database = await openDatabase(config, 'server', logger);
  let app: FastifyInstance | null = null;
  try {
    const ctx = createServiceContext(config, database, logger);
    await prepareDatabase(ctx);
    const data = reuse ? await describeKeptCases(url) : await loadBenchCases(ctx, url, opts.cases, opts.seed, say);
    say(`  loaded ${data.cases.toLocaleString('en')} cases, ${data.persons.toLocaleString('en')} persons, ${data.tasks.toLocaleString('en')} tasks, ${data.events.toLocaleString('en')} timeline entries in ${data.insertSeconds.toFixed(0)} s + indexes ${data.indexSeconds.toFixed(0)} s + analyze ${data.analyzeSeconds.toFixed(0)} s; cases ${data.tableMb.toFixed(0)} MB, its indexes ${data.indexesMb.toFixed(0)} MB`);
    const t0 = performance.now();
    const big = reuse ? await findBigCase(url) : await insertBigCase(ctx, url, opts.seed);
    const bigCase = { ...big, seconds: (performance.now() - t0) / 1000 };
    say(`  big case ${big.reference} (${big.id})`);
    app = await buildApp(ctx);
    await app.ready();
    const cookies = await signInReaders(app);
    const { scenarios, missing } = await discoverScenarios(app, cookies, big.id);
    for (const m of missing) say(`  not measured: ${m}`);
    const loadStart = currentLoad();
    say(`  ${scenarios.length} scenarios × (${opts.warmup} warm-up + ${opts.samples} measured), one request at a time; load average ${loadStart.toFixed(2)}`);
    const stats = await sampleScenarios(app, cookies, scenarios, opts.warmup, opts.samples, say);
    const loadEnd = currentLoad();
    for (const s of stats) {
      say(`    ${`${s.name} — ${s.reader}`.padEnd(70)} p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  p99 ${s.p99.toFixed(1).padStart(6)}  items ${s.items ?? '-'}${s.failed ? `  FAILED ${s.failed}` : ''}`);
    }
    say('  explain (analyze, buffers)');
    const explains = await explainScenarios(app, url, cookies, scenarios);
    for (const e of explains) say(`    ${e.executionMs.toFixed(1).padStart(7)} ms  ${e.scenario}: ${e.shape}`);
    const counts = explains.filter((e) => /\bcount\s*\(/i.test(e.sql) && /\bfrom\s+"?cases"?\b/i.test(e.sql)).map((e) => `${e.scenario}: ${e.sql}`);
    return { database: target.label, data, bigCase, samples: opts.samples, warmup: opts.warmup, scenarios: stats, explains, counts, missing, loadAverage: { start: loadStart, end: loadEnd } };
  } finally {
    await app?.close();
    await database.close();
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The figures of a kept database (BENCH_CASES_REUSE; load times unknown). */
function describeKeptCases(url: string): Promise<CasesDataResult> {
  return withClient(url, async (c) => {
    const { rows: [r] } = await c.query<Record<string, string>>(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_persons) AS persons,
      (SELECT count(*) FROM case_tasks) AS tasks, (SELECT count(*) FROM case_events) AS events, (SELECT count(*) FROM users WHERE email LIKE 'bench.cm%') AS managers,
      pg_table_size('cases') / 1048576.0 AS table_mb, pg_indexes_size('cases') / 1048576.0 AS indexes_mb`);
    return { cases: Number(r!.cases), persons: Number(r!.persons), tasks: Number(r!.tasks), events: Number(r!.events), managers: Number(r!.managers), insertSeconds: 0, indexSeconds: 0, analyzeSeconds: 0, tableMb: Number(r!.table_mb), indexesMb: Number(r!.indexes_mb), searchNames: [] };
  });
}

/** The big case of a kept database (the one with the most timeline entries). */
function findBigCase(url: string): Promise<{ id: string; reference: string }> {
  return withClient(url, async (c) => (await c.query<{ id: string; reference: string }>('SELECT id, reference FROM cases WHERE id = (SELECT case_id FROM case_events GROUP BY case_id ORDER BY count(*) DESC LIMIT 1)')).rows[0]!);
}

/** Run the cases bench on a fresh PostgreSQL database (dropped afterwards unless BENCH_CASES_KEEP=1); problems are collected. */
export async function runCasesBench(opts: CasesOptions, problems: string[]): Promise<CasesBenchRun | null> {
  const target = env.BENCH_CASES_REUSE
    ? { label: 'PostgreSQL', env: { DATABASE_URL: env.BENCH_CASES_REUSE }, cleanup: async () => undefined }
    : await postgresTarget(env);
  if (typeof target === 'string') {
    problems.push(`Cases: ${target}`);
    return null;
  }
  target.label = `PostgreSQL ${await postgresVersion(target.env.DATABASE_URL!)}`;
  try {
    return await benchCases(target, opts);
  } catch (err) {
    const why = `Cases bench on ${target.label} failed: ${(err as Error).stack ?? String(err)}`;
    say(why);
    problems.push(why.split('\n')[0]!);
    return null;
  } finally {
    if (env.BENCH_CASES_KEEP !== '1') await target.cleanup();
  }
}

async function main(): Promise<void> {
  const root = resolve('.');
  const load = currentLoad();
  const problems: string[] = [];
  const run = await runCasesBench(casesOptionsFromEnv(), problems);
  const date = new Date().toISOString();
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `cases-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify({ date, hardware: describeHardware(), node: process.version, loadAverage: { start: load, end: currentLoad() }, run, problems }, null, 2)}\n`);
  say(`\nwrote ${json}`);
  if (env.BENCH_CASES_NO_REPORT !== '1' && run) {
    const file = join(root, 'docs', 'performance.md');
    const note = `measured on ${date} by \`bench/cases-run.ts\`, 1-minute load average ${load.toFixed(2)} at the start`;
    writeFileSync(file, spliceCasesSection(readFileSync(file, 'utf8'), casesSection(describeHardware(), run, note)));
    say(`updated the cases section of ${file}`);
  }
  if (problems.length || (run && run.scenarios.some((s) => s.failed > 0))) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    say(`cases bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  });
}
