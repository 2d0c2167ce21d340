/**
 * `node --import tsx bench/alerts-fanout.ts`: fan-out of one alert message to 10,000 webhook
 * subscriptions on loopback receivers (a child process with HTTP servers on ports 3404–3412 that
 * verify every HMAC signature and count deliveries by X-Victor-Delivery), on embedded PGlite and,
 * when reachable, PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL).
 *
 * 1. "fan-out": publish one message; per-delivery latency = commit of the publishing transaction →
 *    the receiver got the request; p50 / p95 / max and total time. Target p95 ≤ 10 s.
 * 2. "subscriber down and back": 1,000 of the subscriptions point at a receiver that refuses
 *    connections for the first DOWN_SECONDS, then comes back; with a shortened back-off every
 *    (subscription, message) must be delivered exactly once (receivers dedupe and count).
 * Alone it writes .tmp/bench-alerts-fanout.json and prints a table; `npm run bench` calls `runFanoutBench`
 * (bench/alerts-run.ts). BENCH_FANOUT_SUBSCRIPTIONS (10000), BENCH_SKIP_EMBEDDED / BENCH_SKIP_POSTGRES (=1),
 * BENCH_DATABASE_URL (a fresh database is created next to it and dropped afterwards).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { createPgliteDatabase, createPostgresDatabase, queryRows, type Database } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';
import { PGLITE_EXTENSIONS } from '../src/db/pglite-extensions';
import { checkWebhookSignature } from '../src/domain/helpline/webhook-signature';
import { FieldEncryptor } from '../src/lib/crypto/field-encryption';
import { generateSecret } from '../src/lib/crypto/tokens';
import { queueMessageDistribution, type PublishedMessage } from '../src/services/alert-publication';
import { startWebhookDispatcher, webhookSecretContext } from '../src/services/alert-webhook-dispatch.service';
import type { BackoffPolicy } from '../src/services/alert-webhook-policy';
import { inTransaction, type ServiceContext } from '../src/services/context';
import { ensureReferenceData } from '../src/services/seed.service';
import { postgresTarget, postgresVersion } from './targets';

const UP_PORTS = [3404, 3405, 3406, 3407, 3408, 3409, 3410, 3411];
const FLAKY_PORT = 3412;
const DOWN_SECONDS = 8;
/** Shortened back-off for the bench (production: 5 s × 3ⁿ, capped at 1 h). */
const BENCH_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, capMs: 4_000, maxAttempts: 30, jitter: 0.2 };
const TIMEOUT_MS = 120_000;

// ── Receiver (child process) ───────────────────────────────────────────────────────────────
interface ReceiverStats {
  /** First receipt time (epoch ms) per delivery id. */
  firstSeen: Record<string, number>;
  duplicates: number;
  badSignatures: number;
  requests: number;
}

function runReceivers(secrets: Record<string, string>): void {
  const stats: ReceiverStats = { firstSeen: {}, duplicates: 0, badSignatures: 0, requests: 0 };
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const url = req.url ?? '';
      if (url.startsWith('/control/stats')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(stats));
        return;
      }
      if (url.startsWith('/control/reset')) {
        stats.firstSeen = {};
        stats.duplicates = 0;
        stats.badSignatures = 0;
        stats.requests = 0;
        res.end('ok');
        return;
      }
      if (url.startsWith('/control/down')) {
        flaky.closeAllConnections();
        flaky.close(() => setTimeout(() => flaky.listen(FLAKY_PORT, '127.0.0.1'), DOWN_SECONDS * 1000));
        res.end('ok');
        return;
      }
      stats.requests += 1;
      const subId = url.split('/')[2] ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const secret = secrets[subId];
      if (!secret || checkWebhookSignature(secret, body, req.headers['x-victor-signature'] as string | undefined) !== null) {
        stats.badSignatures += 1;
        res.statusCode = 401;
        res.end();
        return;
      }
      const id = `${req.headers['x-victor-message']}/${req.headers['x-victor-delivery']}`;
      if (stats.firstSeen[id] !== undefined) stats.duplicates += 1;
      else stats.firstSeen[id] = at;
      res.statusCode = 204;
      res.end();
    });
  };
  const servers: Server[] = UP_PORTS.map((p) => createServer({ keepAliveTimeout: 60_000 }, handler).listen(p, '127.0.0.1'));
  const flaky = createServer({ keepAliveTimeout: 60_000 }, handler).listen(FLAKY_PORT, '127.0.0.1');
  void servers;
  process.send?.('ready');
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  return (await res.json()) as T;
}

// ── Driver ─────────────────────────────────────────────────────────────────────────────────
/** One scenario on one database. */
export interface FanoutScenarioResult {
  scenario: string;
  deliveries: number;
  delivered: number;
  dead: number;
  uniqueReceived: number;
  duplicates: number;
  badSignatures: number;
  attemptsTotal: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  totalMs: number;
  /** 1-minute load average when the message was published and when the last delivery settled. */
  loadAverage: { start: number; end: number };
  pass: boolean;
}

/** Options of a fan-out run. */
export interface FanoutOptions {
  subscriptions: number;
  skipEmbedded: boolean;
  skipPostgres: boolean;
  /** Where to create the PostgreSQL bench database (BENCH_DATABASE_URL / TEST_DATABASE_URL). */
  postgresUrl?: string;
}

/** What the fan-out bench measured. */
export interface FanoutBenchResult {
  at: string;
  machine: { cpus: number; node: string };
  subscriptions: number;
  downSubscriptions: number;
  downSeconds: number;
  concurrency: number;
  backoff: BackoffPolicy;
  targetP95Ms: number;
  targets: { label: string; results: FanoutScenarioResult[] }[];
  notes: string[];
}

/** The fan-out options from the environment. */
export function fanoutOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FanoutOptions {
  const n = Number(env.BENCH_FANOUT_SUBSCRIPTIONS);
  const url = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL;
  return { subscriptions: Number.isInteger(n) && n >= 10 ? n : 10_000, skipEmbedded: env.BENCH_SKIP_EMBEDDED === '1', skipPostgres: env.BENCH_SKIP_POSTGRES === '1', ...(url ? { postgresUrl: url } : {}) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

async function openTarget(kind: 'pglite' | 'postgres', url?: string): Promise<{ database: Database; label: string }> {
  if (kind === 'pglite') {
    const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
    await client.waitReady;
    const database = createPgliteDatabase(client);
    await migrateDatabase(database);
    return { database, label: 'embedded (PGlite, in memory)' };
  }
  const database = createPostgresDatabase({ url: url!, max: 8 });
  await migrateDatabase(database);
  return { database, label: 'PostgreSQL' };
}

async function publish(ctx: ServiceContext, orgId: string): Promise<{ message: PublishedMessage; committedAt: number }> {
  const alertId = randomUUID();
  const messageId = randomUUID();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>bench-${messageId}</identifier><sender>alerts@victor.example</sender><sent>2026-11-30T12:00:00+00:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><language>en-GB</language><category>Rescue</category><event>Child abduction</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty><headline>Bench alert</headline><description>${'Invented bench description. '.repeat(80)}</description></info></alert>`;
  const message: PublishedMessage = { id: messageId, alertId, countryCode: 'GR', capStatus: 'Actual', scope: 'Public', msgType: 'Alert', languageCodes: ['en-GB'], public: true };
  await inTransaction(ctx, async (tx) => {
    await tx.execute(sql`INSERT INTO alerts (id, reference, incident_id, country_code, organisation_id, tier, status) VALUES (${alertId}, ${`GR-B-${alertId.slice(0, 8)}`}, ${`inc-${alertId}`}, 'GR', ${orgId}, 'child_abduction', 'issued')`);
    await tx.execute(sql`INSERT INTO alert_messages (id, alert_id, seq, identifier, sender, sent, msg_type, cap_status, scope, reason, language_codes, xml, public)
      VALUES (${messageId}, ${alertId}, 1, ${`bench-${messageId}`}, 'alerts@victor.example', now(), 'Alert', 'Actual', 'Public', 'issued', '{en-GB}', ${xml}, true)`);
    await queueMessageDistribution(ctx, tx, message);
  });
  return { message, committedAt: Date.now() };
}

async function runScenario(ctx: ServiceContext, orgId: string, name: string, expected: number, before: () => Promise<void>): Promise<FanoutScenarioResult> {
  await fetch(`http://127.0.0.1:${UP_PORTS[0]}/control/reset`);
  await fetch(`http://127.0.0.1:${FLAKY_PORT}/control/reset`).catch(() => undefined);
  await before();
  const started = Date.now();
  const loadStart = loadavg()[0] ?? 0;
  const { message, committedAt } = await publish(ctx, orgId);
  const { nudgeDistribution } = await import('../src/services/alert-publication');
  nudgeDistribution();
  const db = ctx.database.db;
  let counts = { delivered: 0, dead: 0, total: 0, attempts: 0 };
  while (Date.now() - started < TIMEOUT_MS) {
    const rows = await queryRows<{ delivered: number; dead: number; total: number; attempts: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*) FILTER (WHERE status = 'dead')::int AS dead, count(*)::int AS total, coalesce(sum(attempts), 0)::int AS attempts FROM alert_webhook_deliveries WHERE message_id = ${message.id}`,
    );
    counts = { delivered: Number(rows[0]!.delivered), dead: Number(rows[0]!.dead), total: Number(rows[0]!.total), attempts: Number(rows[0]!.attempts) };
    if (counts.delivered + counts.dead >= counts.total && counts.total > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const finishedAt = Date.now();
  const stats = [...UP_PORTS.slice(0, 1)].map(() => getJson<ReceiverStats>(`http://127.0.0.1:${UP_PORTS[0]}/control/stats`));
  const s = await stats[0]!;
  const times = Object.entries(s.firstSeen).filter(([k]) => k.startsWith(`${message.id}/`)).map(([, at]) => at - committedAt).sort((a, b) => a - b);
  const p95 = pct(times, 95);
  const result: FanoutScenarioResult = {
    scenario: name,
    deliveries: counts.total,
    delivered: counts.delivered,
    dead: counts.dead,
    uniqueReceived: times.length,
    duplicates: s.duplicates,
    badSignatures: s.badSignatures,
    attemptsTotal: counts.attempts,
    p50Ms: pct(times, 50),
    p95Ms: p95,
    maxMs: times[times.length - 1] ?? 0,
    totalMs: finishedAt - committedAt,
    loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
    pass: counts.total === expected && counts.delivered === expected && times.length === expected && s.duplicates === 0 && s.badSignatures === 0 && (name !== 'fan-out' || p95 <= 10_000),
  };
  return result;
}

async function benchTarget(kind: 'pglite' | 'postgres', url: string | undefined, secrets: Record<string, string>, subIds: string[]): Promise<{ label: string; results: FanoutScenarioResult[] }> {
  const flakyCount = Math.round(subIds.length / 10);
  const keySpec = `bench1:${randomBytes(32).toString('base64')}`;
  const config = loadConfig({ VICTOR_ENCRYPTION_KEYS: keySpec, LOG_LEVEL: 'silent', DATA_DIR: '.tmp/unused', VICTOR_ALLOW_PRIVATE_ENDPOINTS: 'true', VICTOR_ALERT_TICK_MS: '200', ...(process.env.VICTOR_WEBHOOK_CONCURRENCY ? { VICTOR_WEBHOOK_CONCURRENCY: process.env.VICTOR_WEBHOOK_CONCURRENCY } : {}) });
  const { database, label } = await openTarget(kind, url);
  const ctx: ServiceContext = { config, database, logger: pino({ level: 'silent' }), encryptor: new FieldEncryptor([{ id: 'bench1', key: Buffer.from(keySpec.split(':')[1]!, 'base64') }]) };
  await ensureReferenceData(ctx);
  const orgId = randomUUID();
  await database.db.execute(sql`INSERT INTO organisations (id, name, country_code, type, partnership) VALUES (${orgId}, 'Bench organisation (invented)', 'GR', 'national_ngo', 'full')`);
  // 10,000 subscriptions: 9,000 on the steady receivers, 1,000 on the one that goes down.
  for (let i = 0; i < subIds.length; i += 1000) {
    const rows = subIds.slice(i, i + 1000).map((id, j) => {
      const n = i + j;
      const port = n < flakyCount ? FLAKY_PORT : UP_PORTS[n % UP_PORTS.length]!;
      return sql`(${id}, ${`Bench subscriber ${n}`}, ${`http://127.0.0.1:${port}/hook/${id}`}, ${ctx.encryptor.encrypt(secrets[id]!, webhookSecretContext(id))})`;
    });
    await database.db.execute(sql`INSERT INTO alert_webhook_subscriptions (id, name, url, secret_enc) VALUES ${sql.join(rows, sql`, `)}`);
  }
  const dispatcher = startWebhookDispatcher(ctx, { backoff: BENCH_BACKOFF, ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}), ...(process.env.BENCH_WORKERS ? { workers: Number(process.env.BENCH_WORKERS) } : {}) });
  const { onDistributionNudge } = await import('../src/services/alert-publication');
  const unregister = onDistributionNudge(() => dispatcher.nudge());
  try {
    const results: FanoutScenarioResult[] = [];
    results.push(await runScenario(ctx, orgId, 'fan-out', subIds.length, async () => {}));
    results.push(await runScenario(ctx, orgId, 'subscriber down and back', subIds.length, async () => {
      await fetch(`http://127.0.0.1:${UP_PORTS[0]}/control/down`);
    }));
    return { label, results };
  } finally {
    unregister();
    await dispatcher.stop();
    await database.close();
  }
}

/** Start the receivers, run both scenarios on PGlite and (when reachable) PostgreSQL, stop the receivers. */
export async function runFanoutBench(opts: FanoutOptions, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<FanoutBenchResult> {
  const subIds = Array.from({ length: opts.subscriptions }, () => randomUUID());
  const secrets = Object.fromEntries(subIds.map((id) => [id, generateSecret(32)]));
  mkdirSync('.tmp', { recursive: true });
  const secretsFile = resolve(`.tmp/bench-alerts-fanout-secrets-${process.pid}.json`);
  writeFileSync(secretsFile, JSON.stringify(secrets));
  const child: ChildProcess = fork(import.meta.filename, ['--receivers', secretsFile], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const targets: { label: string; results: FanoutScenarioResult[] }[] = [];
  const notes: string[] = [];
  const print = (label: string, r: FanoutScenarioResult) =>
    say(`  ${label}, ${r.scenario}: ${r.delivered}/${r.deliveries} delivered, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms, ${r.attemptsTotal} attempts, load average ${r.loadAverage.start.toFixed(2)}${r.pass ? '' : ' — FAILED'}`);
  try {
    await new Promise<void>((ok, fail) => {
      child.once('message', () => ok());
      child.once('exit', (code) => fail(new Error(`receivers exited (${code})`)));
    });
    if (opts.skipEmbedded) notes.push('Webhook fan-out on the embedded database: skipped (BENCH_SKIP_EMBEDDED).');
    else {
      say(`webhook fan-out: ${opts.subscriptions} subscriptions, embedded (PGlite)`);
      targets.push(await benchTarget('pglite', undefined, secrets, subIds));
      for (const r of targets[targets.length - 1]!.results) print('PGlite', r);
    }
    const pgTarget = opts.skipPostgres ? 'Webhook fan-out on PostgreSQL: skipped (BENCH_SKIP_POSTGRES).' : await postgresTarget(opts.postgresUrl ? { BENCH_DATABASE_URL: opts.postgresUrl } : {});
    if (typeof pgTarget === 'string') notes.push(pgTarget.startsWith('PostgreSQL:') ? `Webhook fan-out on ${pgTarget}` : pgTarget);
    else {
      try {
        const version = await postgresVersion(pgTarget.env.DATABASE_URL!);
        say(`webhook fan-out: ${opts.subscriptions} subscriptions, PostgreSQL ${version}`);
        const t = await benchTarget('postgres', pgTarget.env.DATABASE_URL, secrets, subIds);
        t.label = `PostgreSQL ${version}`;
        targets.push(t);
        for (const r of t.results) print(t.label, r);
      } finally {
        await pgTarget.cleanup();
      }
    }
  } finally {
    child.kill();
    rmSync(secretsFile, { force: true });
  }
  return {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    subscriptions: opts.subscriptions,
    downSubscriptions: Math.round(opts.subscriptions / 10),
    downSeconds: DOWN_SECONDS,
    concurrency: loadConfig({ VICTOR_ENCRYPTION_KEYS: `x:${randomBytes(32).toString('base64')}`, DATA_DIR: '.tmp/unused', ...(process.env.VICTOR_WEBHOOK_CONCURRENCY ? { VICTOR_WEBHOOK_CONCURRENCY: process.env.VICTOR_WEBHOOK_CONCURRENCY } : {}) }).VICTOR_WEBHOOK_CONCURRENCY,
    backoff: BENCH_BACKOFF,
    targetP95Ms: 10_000,
    targets,
    notes,
  };
}

async function main(): Promise<void> {
  const report = await runFanoutBench(fanoutOptionsFromEnv());
  writeFileSync('.tmp/bench-alerts-fanout.json', `${JSON.stringify(report, null, 2)}\n`);
  const lines = ['| database | scenario | deliveries | delivered | dead | unique received | duplicates | bad signatures | attempts | p50 ms | p95 ms | max ms | total ms | load avg | pass |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  for (const t of report.targets) for (const r of t.results) lines.push(`| ${t.label} | ${r.scenario} | ${r.deliveries} | ${r.delivered} | ${r.dead} | ${r.uniqueReceived} | ${r.duplicates} | ${r.badSignatures} | ${r.attemptsTotal} | ${r.p50Ms} | ${r.p95Ms} | ${r.maxMs} | ${r.totalMs} | ${r.loadAverage.start.toFixed(2)} | ${r.pass ? 'yes' : 'NO'} |`);
  console.log(lines.join('\n'));
  for (const n of report.notes) console.log(n);
  if (report.targets.some((t) => t.results.some((r) => !r.pass))) process.exitCode = 1;
}

if (process.argv.includes('--receivers')) {
  const file = process.argv[process.argv.indexOf('--receivers') + 1]!;
  const { readFileSync } = await import('node:fs');
  runReceivers(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
} else if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main();
}
