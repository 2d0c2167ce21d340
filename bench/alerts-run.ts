/**
 * `node --import tsx bench/alerts-run.ts`: the three child-alert benches in a row (CAP library throughput,
 * approval → Atom feed and the public surfaces on PGlite, webhook fan-out on PGlite and PostgreSQL); writes
 * bench/results/alerts-<date>.json and replaces the child-alerts section of docs/performance.md (the other
 * sections are kept as they are). `npm run bench` calls `runAlertsBench` (BENCH_SKIP_ALERTS=1 skips it).
 *
 * Environment: BENCH_CAP_N (2000), BENCH_ALERTS_FEED_ALERTS (30) / _ACTIVE (200) / _ENDED (2000) / _ROUNDS (40),
 * BENCH_FANOUT_SUBSCRIPTIONS (10000), BENCH_DATABASE_URL, BENCH_SKIP_EMBEDDED / BENCH_SKIP_POSTGRES (=1, fan-out),
 * BENCH_ALERTS_NO_REPORT=1 (print only).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { capOptionsFromEnv, runCapBench, type CapBenchResult } from './alerts-cap';
import { fanoutOptionsFromEnv, runFanoutBench, type FanoutBenchResult, type FanoutOptions } from './alerts-fanout';
import { feedOptionsFromEnv, runFeedBench, type FeedBenchOptions, type FeedBenchResult } from './alerts-feed';
import { alertsSection, spliceAlertsSection } from './alerts-report';
import { currentLoad, describeHardware } from './report';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Options of the three alert benches. */
export interface AlertsOptions {
  cap: { operations: number };
  feed: FeedBenchOptions;
  fanout: FanoutOptions;
}

/** What the alert benches measured (a part is null when it failed; the reason is in `problems`). */
export interface AlertsBenchRun {
  cap: CapBenchResult | null;
  feed: FeedBenchResult | null;
  fanout: FanoutBenchResult | null;
}

/** The alert bench options from the environment. */
export function alertsOptionsFromEnv(): AlertsOptions {
  return { cap: capOptionsFromEnv(), feed: feedOptionsFromEnv(), fanout: fanoutOptionsFromEnv() };
}

async function attempt<T>(name: string, problems: string[], fn: () => Promise<T> | T): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    const why = `${name} failed: ${(err as Error).stack ?? String(err)}`;
    say(why);
    problems.push(why.split('\n')[0]!);
    return null;
  }
}

/** Run the CAP, feed and fan-out benches one after the other; problems are collected, not thrown. */
export async function runAlertsBench(opts: AlertsOptions, problems: string[]): Promise<AlertsBenchRun> {
  say(`\nchild alerts: CAP library (${opts.cap.operations} operations per round), load average ${currentLoad().toFixed(2)}`);
  const cap = await attempt('Child alerts, CAP bench', problems, () => runCapBench(opts.cap));
  if (cap) for (const r of cap.rows) say(`  ${r.name.padEnd(34)} ${String(r.perSec).padStart(8)} alerts/s`);
  say(`\nchild alerts: approval → feed and public surfaces (${opts.feed.active} active + ${opts.feed.ended} ended alerts)`);
  const feed = await attempt('Child alerts, feed bench', problems, () => runFeedBench(opts.feed, (line) => say(`  ${line}`)));
  if (feed && !feed.pass) problems.push(`Child alerts: approval → feed p95 ${feed.approvalToFeed.p95} ms is over the 1 s target.`);
  say('');
  const fanout = await attempt('Child alerts, webhook fan-out bench', problems, () => runFanoutBench(opts.fanout, say));
  for (const t of fanout?.targets ?? []) for (const r of t.results) if (!r.pass) problems.push(`Child alerts: webhook ${r.scenario} on ${t.label} did not pass (p95 ${r.p95Ms} ms, ${r.uniqueReceived}/${r.deliveries} received, ${r.duplicates} duplicates).`);
  return { cap, feed, fanout };
}

async function main(): Promise<void> {
  const root = resolve('.');
  const load = currentLoad();
  const problems: string[] = [];
  const run = await runAlertsBench(alertsOptionsFromEnv(), problems);
  const date = new Date().toISOString();
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `alerts-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify({ date, hardware: describeHardware(), loadAverage: { start: load, end: currentLoad() }, run, problems }, null, 2)}\n`);
  say(`\nwrote ${json}`);
  if (process.env.BENCH_ALERTS_NO_REPORT !== '1' && (run.cap || run.feed || run.fanout)) {
    const file = join(root, 'docs', 'performance.md');
    const note = `measured on ${date} by \`bench/alerts-run.ts\``;
    writeFileSync(file, spliceAlertsSection(readFileSync(file, 'utf8'), alertsSection(describeHardware(), run, problems, note)));
    say(`updated the child-alerts section of ${file}`);
  }
  if (problems.length) {
    for (const p of problems) say(`problem: ${p}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    say(`alerts bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  });
}
