/**
 * Knowledge search benchmark: load N generated articles × 9 published translations (knowledge-data.ts) and
 * M directory entries into a fresh database (embedded or PostgreSQL), then run a mix of realistic queries
 * through the search service (the code behind GET /api/knowledge/search and the public search) one at a
 * time, and report p50/p95/p99 over every measured query after a warm-up round.
 *
 * Standalone: `node --import tsx bench/knowledge-search.ts` runs it on both databases and writes its section
 * of docs/performance.md (the rest of the file is kept). `npm run bench` runs it too (BENCH_SKIP_KNOWLEDGE=1
 * skips it); BENCH_KNOWLEDGE_ARTICLES (10000), BENCH_KNOWLEDGE_DIRECTORY (5000), BENCH_KNOWLEDGE_ROUNDS (9).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { searchQuerySchema } from '../src/api/knowledge.schemas';
import { loadConfig } from '../src/config/config';
import { queryRows } from '../src/db/database';
import { openDatabase } from '../src/db/open';
import { insertDirectoryEntriesBulk } from '../src/db/repos/directory.repo';
import type { Principal } from '../src/domain/access/scope';
import { createServiceContext, prepareDatabase } from '../src/server';
import { searchKnowledge } from '../src/services/knowledge-search.service';
import { generateDirectoryEntries } from './knowledge-directory-data';
import { loadKnowledgeArticles, type KnowledgeDataResult } from './knowledge-data';
import { measureKnowledgePages, type PageStats } from './knowledge-pages';
import { KNOWLEDGE_QUERIES, type KnowledgeQueryDef } from './knowledge-queries';
import type { BenchTarget } from './targets';

/** Options of the knowledge search bench. */
export interface KnowledgeOptions {
  articles: number;
  directory: number;
  /** Measured rounds over the query mix (after one warm-up round). */
  rounds: number;
  seed: number;
}

/** Latency figures (milliseconds). */
export interface LatencyStats {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One query of the mix: what it asked, how many hits its first answer had, and its latency. */
export interface KnowledgeQueryStats extends LatencyStats {
  name: string;
  category: string;
  reader: string;
  articles: number;
  directory: number;
  corrections: number;
}

/** Everything the knowledge search bench measured on one database. */
export interface KnowledgeSearchRun {
  database: string;
  data: KnowledgeDataResult;
  directoryEntries: number;
  directorySeconds: number;
  overall: LatencyStats;
  categories: (LatencyStats & { category: string })[];
  queries: KnowledgeQueryStats[];
  /** Public pages, browsing and suggestions at the same scale. */
  pages: PageStats[];
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/** p50/p95/p99/max of a list of latencies. */
export function latencyStats(lat: number[]): LatencyStats {
  const s = [...lat].sort((a, b) => a - b);
  return { requests: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] ?? 0 };
}

/** Generate, load, query: the whole knowledge search bench on one database. */
export async function benchKnowledgeSearch(target: BenchTarget, vEnv: Record<string, string>, opts: KnowledgeOptions, say: (line: string) => void): Promise<KnowledgeSearchRun> {
  say(`\nknowledge search over ${opts.articles.toLocaleString('en')} articles × 9 languages and ${opts.directory.toLocaleString('en')} directory entries (${target.label})`);
  const config = loadConfig(vEnv);
  const logger = pino({ level: 'warn' });
  const database = await openDatabase(config, 'cli', logger);
  try {
    const ctx = createServiceContext(config, database, logger);
    await prepareDatabase(ctx);
    const db = database.db;
    const data = await loadKnowledgeArticles(db, opts.articles, opts.seed, say);
    say(`  loaded ${data.translations.toLocaleString('en')} translations in ${data.insertSeconds.toFixed(0)} s + indexes ${data.indexSeconds.toFixed(0)} s; kb_published ${data.tableMb.toFixed(0)} MB, its indexes ${data.indexesMb.toFixed(0)} MB`);
    const t0 = performance.now();
    const entries = generateDirectoryEntries(opts.directory, opts.seed);
    for (let i = 0; i < entries.length; i += 1000) {
      await insertDirectoryEntriesBulk(db, entries.slice(i, i + 1000), null);
      process.stderr.write(`\r    directory ${Math.min(i + 1000, entries.length).toLocaleString('en')}/${entries.length.toLocaleString('en')}   `);
    }
    process.stderr.write('\n');
    await db.execute(sql`VACUUM ANALYZE directory_entries`);
    await db.execute(sql`VACUUM ANALYZE kb_lexicon`);
    const directorySeconds = (performance.now() - t0) / 1000;
    say(`  directory loaded in ${directorySeconds.toFixed(0)} s`);

    const org = (await queryRows<{ id: string; country_code: string }>(db, sql`SELECT id, country_code FROM organisations ORDER BY name LIMIT 1`))[0]!;
    const operator: Principal = { userId: randomUUID(), memberships: [{ organisationId: org.id, countryCode: org.country_code, role: 'helpline_operator', scope: 'organisation' }] };
    const readers: Record<KnowledgeQueryDef['reader'], Principal | null> = { operator, public: null };
    const defs = KNOWLEDGE_QUERIES;
    const lat = defs.map(() => [] as number[]);
    const first = defs.map(() => ({ articles: 0, directory: 0, corrections: 0 }));
    for (let round = 0; round <= opts.rounds; round += 1) {
      for (const [k, def] of defs.entries()) {
        const query = searchQuerySchema.parse(def.params);
        const started = performance.now();
        const result = await searchKnowledge(ctx, readers[def.reader], query);
        const ms = performance.now() - started;
        if (round === 0) first[k] = { articles: result.articles.length, directory: result.directory.length, corrections: result.corrections.length };
        else lat[k]!.push(ms);
      }
    }
    const queries = defs.map((d, k) => ({ name: d.name, category: d.category, reader: d.reader, ...first[k]!, ...latencyStats(lat[k]!) }));
    const categories = [...new Set(defs.map((d) => d.category))].map((category) => ({
      category,
      ...latencyStats(defs.flatMap((d, k) => (d.category === category ? lat[k]! : []))),
    }));
    const overall = latencyStats(lat.flat());
    say(`  ${overall.requests} queries: p50 ${overall.p50.toFixed(1)} ms  p95 ${overall.p95.toFixed(1)} ms  p99 ${overall.p99.toFixed(1)} ms  max ${overall.max.toFixed(1)} ms`);
    for (const q of queries) {
      say(`    ${`${q.name} (${q.reader})`.padEnd(52)} p50 ${q.p50.toFixed(1).padStart(6)}  p95 ${q.p95.toFixed(1).padStart(6)}  articles ${q.articles} directory ${q.directory}${q.corrections ? ` corrections ${q.corrections}` : ''}`);
    }
    const pages = await measureKnowledgePages(ctx, operator, 20);
    for (const p of pages) say(`    ${p.name.padEnd(52)} p50 ${p.p50.toFixed(1).padStart(6)}  p95 ${p.p95.toFixed(1).padStart(6)}`);
    return { database: target.label, data, directoryEntries: entries.length, directorySeconds, overall, categories, queries, pages };
  } finally {
    await database.close();
  }
}
