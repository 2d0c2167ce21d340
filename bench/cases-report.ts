/**
 * The cases section of docs/performance.md, and splicing it into an existing file (the standalone cases
 * bench updates its own section and keeps the others).
 */
import { cpus } from 'node:os';
import type { CasesBenchRun } from './cases-run';
import { DEEP_PAGE, NAME_RANKS } from './cases-scenarios';
import { spliceSection } from './report-sections';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const n = (v: number) => v.toLocaleString('en');

/** PostgreSQL execution time of the case-table statements of one request of a scenario (EXPLAIN ANALYZE). */
function sqlMs(run: CasesBenchRun, s: { name: string; reader: string }): string {
  const own = run.explains.filter((e) => e.scenario === `${s.name} — ${s.reader}`);
  return own.length ? ms(own.reduce((a, e) => a + e.executionMs, 0)) : '—';
}

/** The heading the section starts with (also how the splice finds it). */
export const CASES_HEADING = '## Cases';
/** The target of issue 5: p95 ≤ 50 ms server time. */
export const CASES_TARGET_MS = 50;

/** The Markdown lines of the cases section (empty when nothing was measured). */
export function casesSection(hardware: string, run: CasesBenchRun | null | undefined, note?: string): string[] {
  if (!run) return [];
  const d = run.data;
  const misses = run.scenarios.filter((s) => s.p95 > CASES_TARGET_MS);
  return [
    `${CASES_HEADING} (${n(d.cases)} cases on ${run.database})`,
    '',
    `- **Hardware:** ${hardware}${note ? `; ${note}` : ''}; 1-minute load average ${run.loadAverage.start.toFixed(2)} → ${run.loadAverage.end.toFixed(2)} while measuring.`,
    `- **Data:** \`bench/cases-data.ts\` on a fresh database migrated and seeded with the demo network by the app's start-up path:`,
    `  ${n(d.cases)} cases over three years (recent ones more frequent) across 10 teams of the 8 VICTOR countries, status by age`,
    `  (old cases mostly closed), priority, concern, origin and ${d.managers} bench case managers plus the demo one as assignees;`,
    `  titles sealed with the real encryptor and search terms from the real keyed hasher (title words and names); ${n(d.persons)}`,
    `  persons (names sealed; family names invented with a long tail), ${n(d.tasks)} tasks (some overdue) and ${n(d.events)} timeline`,
    `  entries. Loaded in ${d.insertSeconds.toFixed(0)} s + indexes ${d.indexSeconds.toFixed(0)} s + analyze ${d.analyzeSeconds.toFixed(0)} s; \`cases\` ${d.tableMb.toFixed(0)} MB, its indexes ${d.indexesMb.toFixed(0)} MB.`,
    `  The big case (\`bench/cases-big.ts\`) has 200 timeline entries, 10 persons, 20 notes, 20 tasks, 5 documents, 5 referrals and 2 screenings.`,
    '- **Readers:** the demo case manager of Save the Children Romania (organisation scope), the Slovenian country coordinator',
    '  (country scope) and the regional coordinator (every case), each signed in through `POST /api/auth/login`.',
    `- **Method:** the real app in process (\`buildApp\` + \`app.inject\`, no network), one request at a time; every scenario`,
    `  ${run.warmup} times to warm up, then ${run.samples} measured times, round-robin. Latency is measured around \`app.inject\`:`,
    '  authentication, scope, queries, decryption, serialisation. **Target:** p95 ≤ 50 ms. "app CPU ms" is the mean CPU time of',
    '  the app\'s process per request (Node: routing, scope, decryption, JSON) and "SQL ms" the PostgreSQL execution time of the',
    '  request\'s case-table statements under `EXPLAIN ANALYZE` (session and name look-ups not included): neither grows with',
    '  other work on the machine, unlike the latencies.',
    `- Lists are keyset pages of 25 (\`nextCursor\`); "page ${DEEP_PAGE}" follows the cursor ${DEEP_PAGE - 1} times first. Family names are`,
    `  searched by frequency rank ${NAME_RANKS.join(', ')} of the reader's country (0 = the most frequent).`,
    '',
    `| scenario | reader | items | p50 ms | p95 ms | p99 ms | max ms | app CPU ms | SQL ms | p95 ≤ ${CASES_TARGET_MS} ms |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...run.scenarios.map((s) => `| ${s.name.replaceAll('|', '\\|')} | ${s.reader} | ${s.items ?? '—'} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.appCpuMs)} | ${sqlMs(run, s)} | ${yes(s.p95 <= CASES_TARGET_MS && s.failed === 0)} |`),
    '',
    ...(run.loadAverage.start > cpus().length / 2 || run.loadAverage.end > cpus().length / 2
      ? [`**Other work shared the machine** while measuring (1-minute load average ${run.loadAverage.start.toFixed(1)} → ${run.loadAverage.end.toFixed(1)} on ${cpus().length} cores): the latencies are pessimistic; the app CPU and SQL columns are what a request costs.`, '']
      : []),
    misses.length ? `Missing the target: ${misses.map((s) => `${s.name} (${s.reader}, p95 ${ms(s.p95)} ms)`).join('; ')}.` : `Every scenario meets p95 ≤ ${CASES_TARGET_MS} ms.`,
    '',
    'The case-table statements of one request per scenario under `EXPLAIN (ANALYZE, BUFFERS)` (PostgreSQL execution time;',
    'the outermost plan nodes with the index they use):',
    '',
    '| scenario | execution ms | shared hit / read | plan |',
    '| --- | ---: | ---: | --- |',
    ...run.explains.map((e) => `| ${e.scenario.replaceAll('|', '\\|')} | ${ms(e.executionMs)} | ${e.sharedHit} / ${e.sharedRead} | ${e.shape.replaceAll('|', '\\|')} |`),
    '',
    ...(run.missing.length ? [`Not measured: ${run.missing.join('; ')}.`, ''] : []),
    run.counts.length ? `Statements that count cases: ${run.counts.length} (see the JSON).` : 'No list request counts the cases table (no `count(*)` over `cases` in any captured statement).',
    '',
  ];
}

/**
 * Replace the cases section of an existing performance.md (or insert it before "## Data set", else at the
 * end) with new lines.
 */
export function spliceCasesSection(markdown: string, section: readonly string[]): string {
  return spliceSection(markdown, CASES_HEADING, section);
}
