/**
 * Turn a benchmark run into docs/performance.md (a table people read) and bench/results/*.json
 * (the raw figures).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { alertsSection } from './alerts-report';
import type { AlertsBenchRun } from './alerts-run';
import { casesSection } from './cases-report';
import type { CasesBenchRun } from './cases-run';
import type { GenerateResult } from './generate-data';
import type { RawInsertResult } from './contacts';
import { knowledgeSection } from './knowledge-report';
import type { KnowledgeSearchRun } from './knowledge-search';
import { contactCreationSection, searchSection } from './report-contacts';
import type { ScenarioResult } from './scenarios';
import type { SearchRun } from './search';

/** Where and what was measured. */
export interface BenchRun {
  date: string;
  hardware: string;
  node: string;
  /** 1-minute load average when the run started and when it ended (other work on the machine skews figures). */
  loadAverage: { start: number; end: number };
  totalSeconds: number;
  connections: number;
  durationSeconds: number;
  datasets: { database: string; generated: GenerateResult }[];
  scenarios: ScenarioResult[];
  /** The JSON line of bench/embedded-fsync.bench.ts, or why it did not run. */
  embeddedFsync: { figures: Record<string, unknown> | null; note: string };
  /** Databases that were skipped, with the reason. */
  skipped: string[];
  /** The raw-driver insert limit next to contact creation. */
  rawInserts: RawInsertResult[];
  /** Contact search over a large generated table (PostgreSQL), or null when skipped. */
  search: SearchRun | null;
  /** Knowledge search (articles and directory), per database; empty when skipped. */
  knowledge?: KnowledgeSearchRun[];
  /** Case page, lists and search over a large cases table (PostgreSQL), or null when skipped. */
  cases?: CasesBenchRun | null;
  /** Child alerts: CAP library, approval → feed, public surfaces, webhook fan-out; null when skipped. */
  alerts?: AlertsBenchRun | null;
  /** What went wrong in the child-alert benches (also reported in their section). */
  alertProblems?: string[];
}

/** "2 × Intel(R) Xeon(R) … @ 2.20GHz, 24.0 GiB RAM, linux x64". */
export function describeHardware(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${list.length} × ${model}, ${gib} GiB RAM, ${process.platform} ${process.arch}`;
}

/** The 1-minute load average now. */
export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function scenarioTable(rows: ScenarioResult[]): string[] {
  const out = [
    '| scenario | database | requests | req/s (avg) | p50 ms | p97.5 ms | p99 ms | max ms | errors | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.scenario} (\`${r.method} ${r.path}\`) | ${r.database} | ${r.requests} | ${r.reqPerSecAvg.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p97_5)} | ${ms(r.p99)} | ${ms(r.latencyMax)} | ${r.errors + r.timeouts} | ${r.non2xx} |`,
    );
  }
  return out;
}

function flatten(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, key));
    else out.push([key, typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : JSON.stringify(v)]);
  }
  return out;
}

/** The Markdown of docs/performance.md for one run. */
export function renderMarkdown(run: BenchRun): string {
  const lines = [
    '# Performance',
    '',
    'Written by `npm run bench` (`bench/run.ts`); the raw figures of each run are in `bench/results/`',
    '(not committed). Re-run it on your own hardware before sizing a deployment: these numbers are one',
    'machine on one day.',
    '',
    `- **Date:** ${run.date}`,
    `- **Hardware:** ${run.hardware}`,
    `- **Node:** ${run.node}`,
    `- **1-minute load average:** ${run.loadAverage.start.toFixed(2)} at the start, ${run.loadAverage.end.toFixed(2)} at the end`,
    '  (anything well above 0 means other work shared the machine and the figures are pessimistic).',
    `- **Load:** autocannon, ${run.connections} connections, ${run.durationSeconds} s per scenario, from the same machine`,
    '  (the load generator shares the CPU with the server and the database).',
    `- **Whole run:** ${run.totalSeconds.toFixed(0)} s`,
    '',
    '## HTTP scenarios',
    '',
    ...scenarioTable(run.scenarios),
    '',
    'Latency is per request, in milliseconds, as autocannon measures it; "errors" are connection errors',
    'and timeouts. Each server is one Victor process started by the harness (`LOG_LEVEL=warn`, so no',
    'per-request log lines; sign-in rate limit raised to 10 000 a minute so the harness is not refused).',
    '',
    '- **sign-in** is `POST /api/auth/login` with the CSRF cookie and header, for the demo administrator.',
    '  Every sign-in verifies an argon2id hash (m = 19 MiB, t = 2, p = 1) on purpose, counts the per-address',
    '  rate limit, writes a session row and appends an audit entry (a plain insert). Its',
    '  throughput is bounded by password hashing on the available cores; that is the intended cost.',
    '- **read: session** is `GET /api/auth/session` with an administrator session cookie: session lookup,',
    '  principal (user and memberships), then the current-user view.',
    '- **read: users list** is `GET /api/admin/users?limit=50`: the same authentication, then one page of',
    '  50 users with their memberships.',
    '- **audited write** is `PATCH /api/admin/organisations/:id` (same body each time): authentication, one',
    '  transaction that updates the row and inserts its audit entry (no lock, no read); the background sealer',
    '  (every `AUDIT_SEAL_INTERVAL_MS`, one node at a time) hash-chains committed entries in batches. Every',
    '  audited change pays this.',
    '',
    'Reading the figures: the embedded database runs inside the server process on one connection, so its',
    'queries are serialised and share the CPU with Node; PostgreSQL runs in its own processes with a pool of',
    '10 connections per node. An authenticated read makes two small queries before the route\'s own work',
    '(session joined with its user, then the memberships); the session view reuses them. Sign-in',
    'throughput is set by argon2id, not the database.',
    '',
    ...contactCreationSection(run.hardware, run, run.scenarios, run.rawInserts ?? []),
    ...searchSection(run.hardware, run.search ?? null),
    ...knowledgeSection(run.hardware, run.knowledge ?? []),
    ...casesSection(run.hardware, run.cases),
    ...alertsSection(run.hardware, run.alerts, run.alertProblems ?? []),
    '## Data set',
    '',
    'Before each server starts, `bench/generate-data.ts` migrates a fresh database, seeds the demo network',
    'and inserts synthetic organisations, users with one or two memberships, and audited single-user reads,',
    'all through the services so the audit hash chain is real (it is verified after generating).',
    '',
    '| database | organisations | users | memberships | audit entries (whole chain) | generation s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...run.datasets.map((d) => `| ${d.database} | ${d.generated.organisations} | ${d.generated.users} | ${d.generated.memberships} | ${d.generated.auditEntries} | ${d.generated.seconds.toFixed(1)} |`),
    '',
    '## Embedded database: durable commits',
    '',
  ];
  if (run.embeddedFsync.figures) {
    lines.push('Figures of `bench/embedded-fsync.bench.ts` (its JSON line, flattened):', '', '| figure | value |', '| --- | --- |');
    for (const [k, v] of flatten(run.embeddedFsync.figures)) lines.push(`| ${k} | ${v} |`);
  } else {
    lines.push(run.embeddedFsync.note);
  }
  if (run.skipped.length) lines.push('', '## Not measured', '', ...run.skipped.map((s) => `- ${s}`));
  lines.push('');
  return lines.join('\n');
}

/** Write the raw JSON to bench/results/<stamp>.json and the Markdown to docs/performance.md; returns both paths. */
export function writeReport(run: BenchRun, root: string): { json: string; markdown: string } {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${run.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify(run, null, 2)}\n`);
  const markdown = join(root, 'docs', 'performance.md');
  writeFileSync(markdown, renderMarkdown(run));
  return { json, markdown };
}
