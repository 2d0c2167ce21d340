/**
 * `npm run bench`: generate a data set, start a real Victor server on the embedded database and (when
 * reachable) on PostgreSQL, load it with autocannon, run the embedded fsync bench, and write
 * docs/performance.md plus bench/results/<date>.json.
 *
 * Environment: BENCH_USERS (300), BENCH_ORGANISATIONS (30), BENCH_DURATION seconds per scenario (10),
 * BENCH_CONNECTIONS (10), BENCH_DATABASE_URL (default: postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SKIP_EMBEDDED / BENCH_SKIP_POSTGRES / BENCH_SKIP_FSYNC (=1); BENCH_SKIP_HTTP=1 skips the four
 * basic scenarios, BENCH_SKIP_CONTACTS=1 contact creation and its raw insert, BENCH_SKIP_SEARCH=1 the
 * search over BENCH_SEARCH_ROWS (1000000) contacts on PostgreSQL, BENCH_SEARCH_SECONDS (30) per pass, one
 * pass per concurrency in BENCH_SEARCH_CONNECTIONS ("1,10"). BENCH_SKIP_KNOWLEDGE=1 skips the knowledge search
 * over BENCH_KNOWLEDGE_ARTICLES (10000) articles × 9 languages and BENCH_KNOWLEDGE_DIRECTORY (5000) directory
 * entries (both databases; BENCH_KNOWLEDGE_ROUNDS (9) measured rounds of the query mix). BENCH_SKIP_CASES=1 skips
 * the cases bench (PostgreSQL only: BENCH_CASES (200000) cases, BENCH_CASES_SAMPLES (200) measured requests per
 * scenario, see bench/cases-run.ts). BENCH_SKIP_ALERTS=1 skips the child-alert benches (bench/alerts-run.ts): CAP
 * library throughput (BENCH_CAP_N (2000) operations per round), approval → Atom feed and the public surfaces on the
 * embedded database (BENCH_ALERTS_FEED_ACTIVE (200) + BENCH_ALERTS_FEED_ENDED (2000) alerts), and the webhook fan-out to
 * BENCH_FANOUT_SUBSCRIPTIONS (10000) loopback subscribers on both databases (BENCH_SKIP_EMBEDDED / BENCH_SKIP_POSTGRES apply).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/config';
import { spawnServer, stopAllServers } from '../test/helpers/spawn-server';
import { rawTransactionPostgres } from './contacts-raw-tx';
import { loadContactCreation, rawInsertPglite, rawInsertPostgres, type RawInsertResult } from './contacts';
import { alertsOptionsFromEnv, runAlertsBench } from './alerts-run';
import { casesOptionsFromEnv, runCasesBench } from './cases-run';
import { generateIntoDatabase, type GenerateOptions } from './generate-data';
import { knowledgeOptionsFromEnv, knowledgeTargets, runKnowledgeBench } from './knowledge-run';
import { currentLoad, describeHardware, writeReport, type BenchRun } from './report';
import { runScenarios, type LoadOptions, type ScenarioResult } from './scenarios';
import { benchSearch } from './search';
import { embeddedTarget, postgresTarget, postgresVersion, runEmbeddedFsyncBench, type BenchTarget } from './targets';

const env = process.env;
const root = resolve('.');
const say = (line: string) => process.stderr.write(`${line}\n`);
/** Every database created for this run (cleanup is idempotent, so a failed run removes them all). */
const targets: BenchTarget[] = [];

function intFromEnv(name: string, fallback: number): number {
  const v = Number(env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Victor settings shared by the generator and the server of one target. */
function victorEnv(target: BenchTarget): Record<string, string> {
  return {
    ...target.env,
    VICTOR_ENCRYPTION_KEYS: `bench1:${randomBytes(32).toString('base64')}`,
    VICTOR_DEMO_SEED: 'true',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    LOG_LEVEL: 'warn',
    WEB_DIST: '.tmp/no-web-build',
  };
}

/** Generate, serve, load, stop, clean up: one database. */
const printScenario = (s: ScenarioResult) =>
  say(`    ${s.scenario.padEnd(18)} ${s.reqPerSecAvg.toFixed(1).padStart(8)} req/s  p50 ${s.p50} ms  p97.5 ${s.p97_5} ms  p99 ${s.p99} ms  non-2xx ${s.non2xx}  errors ${s.errors}`);
const printRaw = (r: RawInsertResult) => say(`    raw insert (${r.driver}) ${r.insertsPerSec.toFixed(1)} inserts/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}`);

async function benchTarget(target: BenchTarget, gen: GenerateOptions, load: LoadOptions): Promise<{ generated: BenchRun['datasets'][number]; scenarios: ScenarioResult[]; raw: RawInsertResult[]; problems: string[] }> {
  const vEnv = victorEnv(target);
  const raw: RawInsertResult[] = [];
  const problems: string[] = [];
  say(`\n${target.label}`);
  try {
    const generated = await generateIntoDatabase(loadConfig(vEnv), gen);
    say(`  generated ${generated.users} users, ${generated.organisations} organisations, ${generated.auditEntries} audit entries in ${generated.seconds.toFixed(1)} s`);
    const server = await spawnServer({ env: vEnv, name: `bench server (${target.label})`, cwd: root });
    say(`  server pid ${server.pid} at ${server.url}`);
    try {
      const scenarios = env.BENCH_SKIP_HTTP === '1' ? [] : await runScenarios(server.url, target.label, load, (name) => say(`  load: ${name} (${load.durationSeconds} s)`));
      scenarios.forEach(printScenario);
      let contactsOk = env.BENCH_SKIP_CONTACTS !== '1';
      if (contactsOk) {
        say(`  load: contact creation (${load.durationSeconds} s)`);
        const created = await loadContactCreation(server.url, target.label, load).catch((err: unknown) => {
          const why = `Contact creation on ${target.label} failed: ${(err as Error).message}`;
          say(`  ${why}\n--- server log (tail) ---\n${server.stdout().slice(-3000)}${server.stderr().slice(-2000)}`);
          problems.push(why);
          return null;
        });
        if (created) {
          printScenario(created);
          scenarios.push(created);
        }
        contactsOk = created !== null;
      }
      if (contactsOk) {
        if (target.env.DATABASE_URL) {
          say(`  raw insert (${load.durationSeconds} s)`);
          raw.push(await rawInsertPostgres(target.env.DATABASE_URL, target.label, load.connections, load.durationSeconds));
          printRaw(raw[raw.length - 1]!);
          if (env.BENCH_RAW_TX === '1') {
            for (const notify of [false, true]) {
              say(`  raw service-shaped transaction${notify ? ' with NOTIFY' : ''} (${load.durationSeconds} s)`);
              const r = await rawTransactionPostgres(target.env.DATABASE_URL, target.label, load.connections, load.durationSeconds, notify).catch((err: unknown) => {
                problems.push(`Raw service-shaped transaction on ${target.label} failed: ${(err as Error).message}`);
                return null;
              });
              if (r) raw.push(r);
              if (r) printRaw(r);
            }
          }
        }
      }
      const code = await server.stop('SIGTERM');
      if (code !== 0) say(`  warning: the server exited with code ${String(code)} on SIGTERM\n${server.stderr().slice(-2000)}`);
      if (contactsOk && target.env.DATA_DIR) {
        say(`  raw insert (${load.durationSeconds} s)`);
        raw.push(await rawInsertPglite(target.env.DATA_DIR, target.label, load.connections, load.durationSeconds));
        printRaw(raw[raw.length - 1]!);
      }
      return { generated: { database: target.label, generated }, scenarios, raw, problems };
    } finally {
      await server.stop('SIGKILL', 1000);
    }
  } finally {
    await target.cleanup();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const users = intFromEnv('BENCH_USERS', 300);
  const gen: GenerateOptions = { users, organisations: intFromEnv('BENCH_ORGANISATIONS', 30), auditedReads: users, concurrency: 4 };
  const load: LoadOptions = { connections: intFromEnv('BENCH_CONNECTIONS', 10), durationSeconds: intFromEnv('BENCH_DURATION', 10) };
  const run: BenchRun = {
    date: new Date().toISOString(),
    hardware: describeHardware(),
    node: process.version,
    loadAverage: { start: currentLoad(), end: 0 },
    totalSeconds: 0,
    connections: load.connections,
    durationSeconds: load.durationSeconds,
    datasets: [],
    scenarios: [],
    embeddedFsync: { figures: null, note: 'skipped (BENCH_SKIP_FSYNC)' },
    skipped: [],
    rawInserts: [],
    search: null,
    knowledge: [],
    cases: null,
    alerts: null,
  };
  say(`Victor bench: ${run.hardware}, Node ${run.node}, load average ${run.loadAverage.start.toFixed(2)}`);

  if (env.BENCH_SKIP_EMBEDDED === '1') run.skipped.push('Embedded database: skipped (BENCH_SKIP_EMBEDDED).');
  else targets.push(embeddedTarget());
  if (env.BENCH_SKIP_POSTGRES === '1') run.skipped.push('PostgreSQL: skipped (BENCH_SKIP_POSTGRES).');
  else {
    const pgTarget = await postgresTarget(env);
    if (typeof pgTarget === 'string') run.skipped.push(pgTarget);
    else {
      pgTarget.label = `PostgreSQL ${await postgresVersion(pgTarget.env.DATABASE_URL!)}`;
      targets.push(pgTarget);
    }
  }

  for (const target of targets) {
    const r = await benchTarget(target, gen, load);
    run.datasets.push(r.generated);
    run.scenarios.push(...r.scenarios);
    run.rawInserts.push(...r.raw);
    run.skipped.push(...r.problems);
    if (r.problems.length) process.exitCode = 1;
  }

  if (env.BENCH_SKIP_SEARCH === '1') run.skipped.push('Contact search: skipped (BENCH_SKIP_SEARCH).');
  else if (env.BENCH_SKIP_POSTGRES === '1') run.skipped.push('Contact search: skipped (it runs on PostgreSQL only).');
  else {
    const searchTarget = await postgresTarget(env);
    if (typeof searchTarget === 'string') run.skipped.push(`Contact search: ${searchTarget}`);
    else {
      targets.push(searchTarget);
      searchTarget.label = `PostgreSQL ${await postgresVersion(searchTarget.env.DATABASE_URL!)}`;
      try {
        const connections = (env.BENCH_SEARCH_CONNECTIONS ?? '1,10').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
        const searchOpts = { rows: intFromEnv('BENCH_SEARCH_ROWS', 1_000_000), seconds: intFromEnv('BENCH_SEARCH_SECONDS', 30), connections, root };
        run.search = await benchSearch(searchTarget, victorEnv(searchTarget), searchOpts, say);
      } finally {
        await searchTarget.cleanup();
      }
    }
  }

  if (env.BENCH_SKIP_KNOWLEDGE === '1') run.skipped.push('Knowledge search: skipped (BENCH_SKIP_KNOWLEDGE).');
  else {
    const problems: string[] = [];
    run.knowledge = await runKnowledgeBench(await knowledgeTargets(run.skipped), knowledgeOptionsFromEnv(), problems);
    run.skipped.push(...problems);
    if (problems.length) process.exitCode = 1;
  }

  if (env.BENCH_SKIP_CASES === '1') run.skipped.push('Cases: skipped (BENCH_SKIP_CASES).');
  else if (env.BENCH_SKIP_POSTGRES === '1') run.skipped.push('Cases: skipped (it runs on PostgreSQL only).');
  else {
    const problems: string[] = [];
    run.cases = await runCasesBench(casesOptionsFromEnv(), problems);
    run.skipped.push(...problems);
    if (problems.length || run.cases?.scenarios.some((s) => s.failed > 0)) process.exitCode = 1;
  }

  if (env.BENCH_SKIP_ALERTS === '1') run.skipped.push('Child alerts: skipped (BENCH_SKIP_ALERTS).');
  else {
    const problems: string[] = [];
    run.alerts = await runAlertsBench(alertsOptionsFromEnv(), problems);
    run.alertProblems = problems;
    if (problems.length) process.exitCode = 1;
  }

  if (env.BENCH_SKIP_FSYNC !== '1') {
    say('\nembedded fsync bench');
    run.embeddedFsync = await runEmbeddedFsyncBench(root);
    say(`  ${run.embeddedFsync.figures ? JSON.stringify(run.embeddedFsync.figures) : run.embeddedFsync.note}`);
  }

  run.totalSeconds = (Date.now() - started) / 1000;
  run.loadAverage.end = currentLoad();
  const paths = writeReport(run, root);
  say(`\nwrote ${paths.markdown} and ${paths.json} (${run.totalSeconds.toFixed(0)} s)`);
  const bad = run.scenarios.filter((s) => s.scenario !== 'sign-in' && (s.non2xx > 0 || s.errors > 0));
  if (bad.length) {
    say(`scenarios with non-2xx answers or errors: ${bad.map((s) => `${s.scenario} on ${s.database}`).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch(async (err: unknown) => {
  say(`bench failed: ${(err as Error).stack ?? String(err)}`);
  await stopAllServers();
  await Promise.all(targets.map((t) => t.cleanup().catch(() => undefined)));
  process.exit(1);
});
