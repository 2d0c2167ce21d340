/**
 * Contact search over a large table (PostgreSQL): generate it (search-data.ts), start a real Victor
 * server on it, load `GET /api/contacts` with a mix of realistic queries as the regional coordinator
 * (region scope: the whole table) and a desk supervisor (one organisation), then EXPLAIN (ANALYZE,
 * BUFFERS) the page and count queries of every query type, built by the same repository code.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as contactRepo from '../src/db/repos/contact.repo';
import type { Db } from '../src/db/database';
import * as schema from '../src/db/schema';
import { DEMO_PASSWORD } from '../src/db/seed/network.data';
import { COUNT_CAP } from '../src/services/contact-search.service';
import { spawnServer } from '../test/helpers/spawn-server';
import { signInAs } from './scenarios';
import { generateSearchData, vocabularyWord, type SearchDataResult } from './search-data';
import type { BenchTarget } from './targets';

/** Options of the search bench. */
export interface SearchOptions {
  rows: number;
  /** Seconds of mixed load per pass. */
  seconds: number;
  /** One pass per concurrency (e.g. [1, 10]). */
  connections: number[];
  root: string;
}

/** Latency figures of one query type in one pass (milliseconds). */
export interface QueryStats {
  name: string;
  user: string;
  path: string;
  /** `total` of the first answer (matching contacts, capped), to show selectivity. */
  matching: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failed: number;
}

/** One pass of the mixed load. */
export interface SearchPass {
  connections: number;
  seconds: number;
  reqPerSec: number;
  overall: Omit<QueryStats, 'name' | 'user' | 'path' | 'matching'>;
  queries: QueryStats[];
}

/** What EXPLAIN (ANALYZE, BUFFERS) says about one statement of a query type. */
export interface ExplainSummary {
  name: string;
  statement: 'page' | 'count';
  executionMs: number;
  /** Top plan nodes, outermost first, with the index they use. */
  shape: string;
  sharedHit: number;
  sharedRead: number;
  text: string;
}

/** Everything the search bench measured. */
export interface SearchRun {
  database: string;
  data: SearchDataResult;
  passes: SearchPass[];
  explains: ExplainSummary[];
}

interface QueryDef {
  name: string;
  user: 'regional' | 'supervisor';
  params: Record<string, string | string[]>;
  /** Page 2: take the cursor of this query's first page. */
  cursorOf?: string;
  search: Omit<contactRepo.ContactSearch, 'scope'>;
}

const RANK = { common: 2, mid: 60, rare: 2500, pairA: 10, pairB: 300 };

function queryDefs(hashes: string[], now: Date): QueryDef[] {
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const h = (rank: number) => hashes[rank - 1]!;
  const cat = ['THB.LABOUR', 'THB.LABOUR.GR_SEASONAL'];
  const both = (name: string, params: QueryDef['params'], search: QueryDef['search'], cursorOf?: string): QueryDef[] =>
    (['regional', 'supervisor'] as const).map((user) => ({ name, user, params, search, cursorOf: cursorOf ? `${cursorOf}|${user}` : undefined }));
  return [
    ...both('newest page', {}, {}),
    ...both('last 30 days', { from: from.toISOString(), to: now.toISOString() }, { from, to: now }),
    ...both('channel + outcome', { channel: 'chat', outcome: 'referred' }, { channels: ['chat'], outcomes: ['referred'] }),
    ...both('category THB.LABOUR', { category: 'THB.LABOUR' }, { categories: cat }),
    { name: 'isThb + country', user: 'regional', params: { isThb: 'true', countryCode: 'RO' }, search: { isThb: true, countryCode: 'RO' } },
    { name: 'isThb + country', user: 'supervisor', params: { isThb: 'true', countryCode: 'GR' }, search: { isThb: true, countryCode: 'GR' } },
    ...both('q: common word', { q: vocabularyWord(RANK.common) }, { terms: [h(RANK.common)] }),
    ...both('q: mid word', { q: vocabularyWord(RANK.mid) }, { terms: [h(RANK.mid)] }),
    ...both('q: rare word', { q: vocabularyWord(RANK.rare) }, { terms: [h(RANK.rare)] }),
    ...both('q: two words', { q: `${vocabularyWord(RANK.pairA)} ${vocabularyWord(RANK.pairB)}` }, { terms: [h(RANK.pairA), h(RANK.pairB)] }),
    ...both('page 2 (newest)', {}, {}, 'newest page'),
    ...both('page 2 (category)', { category: 'THB.LABOUR' }, { categories: cat }, 'category THB.LABOUR'),
  ];
}

function pathOf(params: Record<string, string | string[]>, cursor?: string): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) qs.append(k, one);
  if (cursor) qs.set('cursor', cursor);
  const s = qs.toString();
  return `/api/contacts${s ? `?${s}` : ''}`;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

function stats(lat: number[], failed: number) {
  const s = [...lat].sort((a, b) => a - b);
  return { requests: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] ?? 0, failed };
}

/** `connections` loops, round-robin over the query types, for `seconds`. */
async function loadPass(url: string, queries: { def: QueryDef; path: string; cookie: string; matching: string }[], connections: number, seconds: number): Promise<SearchPass> {
  const lat = queries.map(() => [] as number[]);
  const failed = queries.map(() => 0);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      for (let i = loop; performance.now() < deadline; i += 1) {
        const k = i % queries.length;
        const q = queries[k]!;
        const t0 = performance.now();
        const res = await fetch(`${url}${q.path}`, { headers: { cookie: q.cookie } }).catch(() => null);
        const ok = res?.status === 200;
        if (res) await res.arrayBuffer();
        if (ok) lat[k]!.push(performance.now() - t0);
        else failed[k]! += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const all = lat.flat();
  return {
    connections,
    seconds: elapsed,
    reqPerSec: all.length / elapsed,
    overall: stats(all, failed.reduce((a, b) => a + b, 0)),
    queries: queries.map((q, k) => ({ name: q.def.name, user: q.def.user, path: q.path, matching: q.matching, ...stats(lat[k]!, failed[k]!) })),
  };
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };

function shapeOf(node: PlanNode, depth = 0): string[] {
  const label = `${node['Node Type']}${node['Index Name'] ? ` (${node['Index Name']})` : node['Relation Name'] ? ` (${node['Relation Name']})` : ''}`;
  if (depth > 6) return [label];
  const kids = (node.Plans ?? []).flatMap((p) => shapeOf(p, depth + 1));
  return [label, ...kids];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page and count statements the repository builds for each query type. */
async function explainAll(url: string, defs: QueryDef[], smileId: string, cursors: Map<string, { startedAt: Date; id: string }>): Promise<ExplainSummary[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (sql, params) => void captured.push({ sql, params }) } }) as unknown as Db;
  const out: ExplainSummary[] = [];
  try {
    for (const def of defs) {
      const scope = def.user === 'regional' ? { all: true, organisationIds: [], countryCodes: [], ownerUserIds: [] } : { all: false, organisationIds: [smileId], countryCodes: [], ownerUserIds: [] };
      const search = { ...def.search, scope };
      captured = [];
      await contactRepo.searchContacts(db, search, { limit: 51, after: def.cursorOf ? cursors.get(def.cursorOf) : undefined });
      await contactRepo.countContacts(db, search, COUNT_CAP + 1);
      for (const [i, statement] of (['page', 'count'] as const).entries()) {
        const q = captured[i]!;
        const json = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, q.params)).rows[0]['QUERY PLAN'][0] as { Plan: PlanNode & { 'Shared Hit Blocks': number; 'Shared Read Blocks': number }; 'Execution Time': number };
        const text = (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
        out.push({
          name: `${def.name} (${def.user})`,
          statement,
          executionMs: json['Execution Time'],
          shape: shapeOf(json.Plan).join(' > '),
          sharedHit: json.Plan['Shared Hit Blocks'],
          sharedRead: json.Plan['Shared Read Blocks'],
          text,
        });
      }
    }
  } finally {
    await pool.end();
  }
  return out;
}

/** Generate, serve, load, explain: the whole search bench on one PostgreSQL database. */
export async function benchSearch(target: BenchTarget, vEnv: Record<string, string>, opts: SearchOptions, say: (line: string) => void): Promise<SearchRun> {
  const url = target.env.DATABASE_URL!;
  say(`\ncontact search over ${opts.rows.toLocaleString('en')} contacts (${target.label})`);
  const { result: data, hashes } = await generateSearchData(url, vEnv, opts.rows, say);
  say(`  generated in ${data.insertSeconds.toFixed(0)} s + indexes ${data.indexSeconds.toFixed(0)} s + analyze ${data.analyzeSeconds.toFixed(0)} s; table ${data.tableMb.toFixed(0)} MB, indexes ${data.indexesMb.toFixed(0)} MB`);
  const server = await spawnServer({ env: vEnv, name: `bench search server (${target.label})`, cwd: opts.root });
  try {
    const cookies = {
      regional: await signInAs(server.url, { email: 'regional@victor.example', password: DEMO_PASSWORD }),
      supervisor: await signInAs(server.url, { email: 'supervisor.gr@victor.example', password: DEMO_PASSWORD }),
    };
    const defs = queryDefs(hashes, new Date());
    const queries: { def: QueryDef; path: string; cookie: string; matching: string }[] = [];
    const cursors = new Map<string, { startedAt: Date; id: string }>();
    const rawCursors = new Map<string, string>();
    for (const def of defs) {
      const path = pathOf(def.params, def.cursorOf ? rawCursors.get(def.cursorOf) : undefined);
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[def.user] } });
      const body = (await res.json()) as { total?: number; totalCapped?: boolean; nextCursor?: string | null; items?: { startedAt: string; id: string }[] };
      if (res.status !== 200) throw new Error(`GET ${path} as ${def.user} answered ${res.status}: ${JSON.stringify(body).slice(0, 1000)}`);
      const key = `${def.name}|${def.user}`;
      if (body.nextCursor) {
        rawCursors.set(key, body.nextCursor);
        const last = body.items![body.items!.length - 1]!;
        cursors.set(key, { startedAt: new Date(last.startedAt), id: last.id });
      }
      queries.push({ def, path, cookie: cookies[def.user], matching: `${body.total ?? 0}${body.totalCapped ? '+' : ''}` });
    }
    const passes: SearchPass[] = [];
    for (const c of opts.connections) {
      say(`  load: search mix, ${c} connection${c > 1 ? 's' : ''} (${opts.seconds} s)`);
      const pass = await loadPass(server.url, queries, c, opts.seconds);
      say(`    ${pass.reqPerSec.toFixed(1)} req/s  p50 ${pass.overall.p50.toFixed(1)} ms  p95 ${pass.overall.p95.toFixed(1)} ms  p99 ${pass.overall.p99.toFixed(1)} ms  failed ${pass.overall.failed}`);
      for (const q of pass.queries) say(`      ${`${q.name} (${q.user})`.padEnd(36)} n ${String(q.requests).padStart(5)}  p50 ${q.p50.toFixed(1).padStart(6)}  p95 ${q.p95.toFixed(1).padStart(6)}  p99 ${q.p99.toFixed(1).padStart(6)}  total ${q.matching}`);
      passes.push(pass);
    }
    await server.stop('SIGTERM');
    say('  explain (analyze, buffers)');
    const smile = (await (async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<{ id: string }>("SELECT id FROM organisations WHERE name = 'The Smile of the Child'")).rows[0]!.id;
      } finally {
        await c.end();
      }
    })());
    const explains = await explainAll(url, defs, smile, cursors);
    for (const e of explains) say(`    ${e.executionMs.toFixed(1).padStart(7)} ms  ${e.statement.padEnd(5)} ${e.name}: ${e.shape}`);
    return { database: target.label, data, passes, explains };
  } finally {
    await server.stop('SIGKILL', 1000);
  }
}
