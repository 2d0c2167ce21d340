/**
 * Measure the case endpoints through the real app (buildApp + app.inject, in process, one request at a
 * time) as three signed-in readers: the demo case manager of Save the Children Romania (organisation
 * scope), the Slovenian country coordinator (country) and the regional coordinator (region). Scenarios run
 * round-robin (one warm-up round per WARMUP, then SAMPLES measured rounds), so background noise spreads
 * evenly. Afterwards the SQL of one request per scenario is captured (pg client hook) and every SELECT
 * on the case tables is run again under EXPLAIN (ANALYZE, BUFFERS).
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/db/seed/network.data';
import { TestClient } from '../test/helpers/http-client';
import { latencyStats, type LatencyStats } from './knowledge-search';

/** A reader of the bench. */
export type Reader = 'case manager (org)' | 'coordinator SI (country)' | 'regional (region)';
const EMAILS: Record<Reader, string> = {
  'case manager (org)': 'casemanager.ro@victor.example',
  'coordinator SI (country)': 'coordinator.si@victor.example',
  'regional (region)': 'regional@victor.example',
};

/** One scenario: a GET as a reader. */
export interface CaseScenario {
  name: string;
  reader: Reader;
  path: string;
  /** Items in the first answer (for lists), to show selectivity. */
  items?: number;
}

/** Figures of one scenario. */
export interface CaseScenarioStats extends LatencyStats {
  name: string;
  reader: Reader;
  path: string;
  items: number | null;
  failed: number;
  /** Mean CPU time of this (the app's) process per request, ms: what the request costs Node whatever the load. */
  appCpuMs: number;
}

/** One statement of one scenario under EXPLAIN (ANALYZE, BUFFERS). */
export interface CaseExplain {
  scenario: string;
  executionMs: number;
  shape: string;
  sharedHit: number;
  sharedRead: number;
  sql: string;
  text: string;
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };

function shapeOf(node: PlanNode, depth = 0): string[] {
  const label = `${node['Node Type']}${node['Index Name'] ? ` (${node['Index Name']})` : node['Relation Name'] ? ` (${node['Relation Name']})` : ''}`;
  return depth > 6 ? [label] : [label, ...(node.Plans ?? []).flatMap((p) => shapeOf(p, depth + 1))];
}

/** Sign the demo readers in (real POST /api/auth/login); returns their cookie headers. */
export async function signInReaders(app: FastifyInstance): Promise<Record<Reader, string>> {
  const out = {} as Record<Reader, string>;
  for (const [reader, email] of Object.entries(EMAILS) as [Reader, string][]) {
    const client = new TestClient(app);
    await client.login(email, DEMO_PASSWORD);
    out[reader] = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  return out;
}

/** GET a path as a reader; throws unless 200. */
export async function getJson<T>(app: FastifyInstance, cookie: string, path: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${path} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
  return res.json() as T;
}

/** Run every scenario `warmup` + `samples` times, round-robin; latency measured around app.inject. */
export async function sampleScenarios(app: FastifyInstance, cookies: Record<Reader, string>, scenarios: CaseScenario[], warmup: number, samples: number, say: (line: string) => void): Promise<CaseScenarioStats[]> {
  const lat = scenarios.map(() => [] as number[]);
  const cpu = scenarios.map(() => 0);
  const failed = scenarios.map(() => 0);
  const started = performance.now();
  let lastReport = started;
  for (let round = 0; round < warmup + samples; round += 1) {
    for (const [k, s] of scenarios.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: s.path, headers: { cookie: cookies[s.reader] } });
      const ms = performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      if (res.statusCode !== 200) failed[k]! += 1;
      else if (round >= warmup) {
        lat[k]!.push(ms);
        cpu[k]! += (c1.user + c1.system) / 1000;
      }
    }
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      say(`    round ${round + 1} / ${warmup + samples} (${((lastReport - started) / 1000).toFixed(0)} s)`);
    }
  }
  return scenarios.map((s, k) => ({ name: s.name, reader: s.reader, path: s.path, items: s.items ?? null, failed: failed[k]!, appCpuMs: lat[k]!.length ? cpu[k]! / lat[k]!.length : 0, ...latencyStats(lat[k]!) }));
}

/** Capture the SQL of one request per scenario and EXPLAIN (ANALYZE, BUFFERS) its SELECTs on case tables. */
export async function explainScenarios(app: FastifyInstance, url: string, cookies: Record<Reader, string>, scenarios: CaseScenario[]): Promise<CaseExplain[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let captured: { text: string; values: unknown[] }[] | null = null;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    if (captured) {
      const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
      const vals = (typeof config === 'object' && config && (config as { values?: unknown[] }).values) || (Array.isArray(values) ? values : []);
      if (text) captured.push({ text, values: vals as unknown[] });
    }
    return original.apply(this, args);
  };
  const statements: { scenario: string; text: string; values: unknown[] }[] = [];
  try {
    for (const s of scenarios) {
      captured = [];
      await app.inject({ method: 'GET', url: s.path, headers: { cookie: cookies[s.reader] } });
      for (const q of captured) {
        if (/^\s*(select|with)\b/i.test(q.text) && /\b(cases|case_events|case_tasks|case_persons|case_notes|referrals)\b/.test(q.text)) statements.push({ scenario: `${s.name} — ${s.reader}`, ...q });
      }
      captured = null;
    }
  } finally {
    captured = null;
    proto.query = original;
  }
  const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await client.connect();
  const out: CaseExplain[] = [];
  try {
    for (const st of statements) {
      const json = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${st.text}`, st.values)).rows[0]['QUERY PLAN'][0] as { Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Execution Time': number };
      const text = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      out.push({ scenario: st.scenario, executionMs: json['Execution Time'], shape: shapeOf(json.Plan).join(' > '), sharedHit: json.Plan['Shared Hit Blocks'], sharedRead: json.Plan['Shared Read Blocks'], sql: st.text, text });
    }
  } finally {
    await client.end();
  }
  return out;
}
