/**
 * `node --import tsx bench/knowledge-run.ts`: the knowledge search bench alone, on a fresh embedded
 * database and (when reachable) a fresh PostgreSQL database; writes bench/results/knowledge-<date>.json and
 * replaces the knowledge section of docs/performance.md (the other sections are kept as they are).
 *
 * Environment: BENCH_KNOWLEDGE_ARTICLES (10000), BENCH_KNOWLEDGE_DIRECTORY (5000), BENCH_KNOWLEDGE_ROUNDS (9),
 * BENCH_DATABASE_URL, BENCH_SKIP_EMBEDDED / BENCH_SKIP_POSTGRES (=1), BENCH_KNOWLEDGE_NO_REPORT=1 (print only).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { knowledgeSection, spliceKnowledgeSection } from './knowledge-report';
import { benchKnowledgeSearch, type KnowledgeOptions, type KnowledgeSearchRun } from './knowledge-search';
import { currentLoad, describeHardware } from './report';
import { embeddedTarget, postgresTarget, postgresVersion, type BenchTarget } from './targets';

const env = process.env;
const say = (line: string) => process.stderr.write(`${line}\n`);

function intFromEnv(name: string, fallback: number): number {
  const v = Number(env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The knowledge bench options from the environment. */
export function knowledgeOptionsFromEnv(): KnowledgeOptions {
  return {
    articles: intFromEnv('BENCH_KNOWLEDGE_ARTICLES', 10_000),
    directory: intFromEnv('BENCH_KNOWLEDGE_DIRECTORY', 5000),
    rounds: intFromEnv('BENCH_KNOWLEDGE_ROUNDS', 9),
    seed: 4,
  };
}

/** Victor settings of a bench database (a fresh key; the demo network gives the articles an owner). */
export function knowledgeEnv(target: BenchTarget): Record<string, string> {
  return { ...target.env, VICTOR_ENCRYPTION_KEYS: `bench1:${randomBytes(32).toString('base64')}`, VICTOR_DEMO_SEED: 'true', LOG_LEVEL: 'warn' };
}

/** Run the knowledge bench on every target (each cleaned up afterwards); problems are collected, not thrown. */
export async function runKnowledgeBench(targets: BenchTarget[], opts: KnowledgeOptions, problems: string[]): Promise<KnowledgeSearchRun[]> {
  const runs: KnowledgeSearchRun[] = [];
  for (const target of targets) {
    try {
      runs.push(await benchKnowledgeSearch(target, knowledgeEnv(target), opts, say));
    } catch (err) {
      const why = `Knowledge search on ${target.label} failed: ${(err as Error).stack ?? String(err)}`;
      say(why);
      problems.push(why.split('\n')[0]!);
    } finally {
      await target.cleanup();
    }
  }
  return runs;
}

/** The fresh databases of a knowledge run (embedded, then PostgreSQL when reachable). */
export async function knowledgeTargets(skipped: string[]): Promise<BenchTarget[]> {
  const targets: BenchTarget[] = [];
  if (env.BENCH_SKIP_EMBEDDED !== '1') targets.push(embeddedTarget());
  if (env.BENCH_SKIP_POSTGRES !== '1') {
    const pgTarget = await postgresTarget(env);
    if (typeof pgTarget === 'string') skipped.push(`Knowledge search: ${pgTarget}`);
    else {
      pgTarget.label = `PostgreSQL ${await postgresVersion(pgTarget.env.DATABASE_URL!)}`;
      targets.push(pgTarget);
    }
  }
  return targets;
}

async function main(): Promise<void> {
  const root = resolve('.');
  const load = currentLoad();
  const problems: string[] = [];
  const targets = await knowledgeTargets(problems);
  const runs = await runKnowledgeBench(targets, knowledgeOptionsFromEnv(), problems);
  const date = new Date().toISOString();
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `knowledge-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify({ date, hardware: describeHardware(), loadAverage: { start: load, end: currentLoad() }, runs, problems }, null, 2)}\n`);
  say(`\nwrote ${json}`);
  if (env.BENCH_KNOWLEDGE_NO_REPORT !== '1' && runs.length) {
    const file = join(root, 'docs', 'performance.md');
    const note = `measured on ${date} by \`bench/knowledge-run.ts\`, 1-minute load average ${load.toFixed(2)} at the start`;
    writeFileSync(file, spliceKnowledgeSection(readFileSync(file, 'utf8'), knowledgeSection(describeHardware(), runs, note)));
    say(`updated the knowledge section of ${file}`);
  }
  if (problems.length) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    say(`knowledge bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  });
}
