/**
 * The child-alerts section of docs/performance.md (CAP library, approval → feed, public surfaces, webhook
 * fan-out), and splicing it into an existing file (the standalone alert bench updates its own section and
 * keeps the others).
 */
import type { AlertsBenchRun } from './alerts-run';
import { spliceSection } from './report-sections';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const n = (v: number) => v.toLocaleString('en');
const la = (v: number) => v.toFixed(2);

/** The heading the section starts with (also how the splice finds it). */
export const ALERTS_HEADING = '## Child alerts';
/** Issue 6 targets. */
export const FEED_TARGET_MS = 1000;
export const FANOUT_TARGET_MS = 10_000;

/** The Markdown lines of the child-alerts section (empty when nothing was measured). */
export function alertsSection(hardware: string, run: AlertsBenchRun | null | undefined, problems: readonly string[] = [], note?: string): string[] {
  if (!run || (!run.cap && !run.feed && !run.fanout)) return [];
  const lines = [
    `${ALERTS_HEADING} (CAP library, approval → feed, public surfaces, webhook fan-out)`,
    '',
    `- **Hardware:** ${hardware}${note ? `; ${note}` : ''}. Each figure carries the 1-minute load average while it was`,
    '  measured: the machine is shared, and a load above the number of cores makes every figure pessimistic.',
    '- **Targets (issue 6):** approval → feed ≤ 1 s; webhook fan-out to 10,000 subscribers p95 ≤ 10 s with none lost.',
    '',
  ];
  if (run.cap) {
    const c = run.cap;
    lines.push(
      '### CAP library (`bench/alerts-cap.ts`)',
      '',
      `A 9-language child alert (photo resource with digest, polygon and circle area, Victor profile), ${n(c.documentBytes)} bytes of XML;`,
      `${n(c.rows[0]?.ops ?? 0)} operations per round, best of 3 rounds, one core; load average ${la(c.loadAverage.start)} → ${la(c.loadAverage.end)}.`,
      '',
      '| operation | alerts/s | µs per alert |',
      '| --- | ---: | ---: |',
      ...c.rows.map((r) => `| ${r.name} | ${n(r.perSec)} | ${n(r.usPerOp)} |`),
      '',
    );
  }
  if (run.feed) {
    const f = run.feed;
    const a = f.approvalToFeed;
    lines.push(
      '### Approval → feed and the public surfaces (`bench/alerts-feed.ts`)',
      '',
      `On ${f.database} with the demo network: ${a.n} alerts drafted with a photo, then approved and issued through the alert`,
      'service (`approveAlert`, one transaction: CAP messages, distribution queue, audit) while the country\'s Atom feed is read through',
      'the HTTP app (`app.inject`, no socket) until the new entry is in it. Latency is from the start of the approve call to the',
      `first feed answer holding the entry. Load average ${la(f.loadAverage.start)} → ${la(a.loadAverage)}.`,
      '',
      '| measure | p50 ms | p95 ms | max ms | target | met |',
      '| --- | ---: | ---: | ---: | ---: | :---: |',
      `| approval → entry in the country feed | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.max)} | ≤ ${n(FEED_TARGET_MS)} | ${yes(a.p95 <= FEED_TARGET_MS)} |`,
      `| of which the approve call | ${ms(a.approveCall.p50)} | ${ms(a.approveCall.p95)} | ${ms(a.approveCall.max)} | | |`,
      `| of which the feed read after commit | ${ms(a.feedAfterCommit.p50)} | ${ms(a.feedAfterCommit.p95)} | ${ms(a.feedAfterCommit.max)} | | |`,
      '',
      `The feed is read from the database on every request (no cache to invalidate), so the entry is there on the first read after`,
      `commit (at most ${a.maxPolls} read${a.maxPolls === 1 ? '' : 's'}).`,
      '',
      `Then ${n(f.dataset.active)} issued and ${n(f.dataset.ended)} ended (resolved or cancelled) alerts across 8 countries are added`,
      `(loaded in ${f.dataset.loadSeconds} s), and each public surface is read ${f.rounds} times after one warm-up read; load average`,
      `${la(a.loadAverage)} → ${la(f.loadAverage.end)}.`,
      '',
      '| surface | p50 ms | p95 ms | max ms | KiB |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...Object.entries(f.surfaces).map(([name, s]) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${Math.round(s.bytes / 1024)} |`),
      `| regional feed, conditional GET (304) | ${ms(f.conditionalFeed.p50)} | ${ms(f.conditionalFeed.p95)} | ${ms(f.conditionalFeed.max)} | 0 |`,
      '',
      'A conditional GET builds the feed before it compares the ETag (`src/http/routes/alert-public.routes.ts`), so a 304 saves',
      'the transfer, not the server\'s work.',
      '',
    );
  }
  if (run.fanout) {
    const w = run.fanout;
    const rows = w.targets.flatMap((t) => t.results.map((r) => ({ t, r })));
    lines.push(
      '### Webhook fan-out (`bench/alerts-fanout.ts`)',
      '',
      `${n(w.subscriptions)} webhook subscriptions on loopback receivers (a child process with HTTP servers on nine ports that verify`,
      'every HMAC signature against the subscription\'s own secret and count deliveries by message and delivery id). One message',
      'is published (alert and message rows and `queueMessageDistribution` in one transaction, then the after-commit nudge); the',
      `dispatcher (\`src/services/alert-webhook-dispatch.service.ts\`, concurrency ${w.concurrency}) claims, signs and sends. Latency per`,
      'delivery is from the commit of the publishing transaction to the receiver having the verified request; "total" is until',
      'the last delivery is recorded in the database. The dispatcher works in rounds: one statement claims a batch of due',
      'deliveries (4 × the concurrency, `FOR UPDATE SKIP LOCKED`, joined with the subscription), one reads the message XML, the',
      'requests go out through one keep-alive undici agent, each signed with HMAC-SHA256 under its subscription\'s secret',
      '(decrypted once per subscription and kept in memory), and one statement records the batch\'s outcomes; two rounds run at',
      'once so the next claim overlaps the sends. The loopback receivers share the two cores with the dispatcher and the',
      'database, so these figures include the receiving side\'s work too.',
      `"Subscriber down and back": ${n(w.downSubscriptions)} of the subscriptions point at a receiver that refuses connections for`,
      `${w.downSeconds} s and then comes back; with a shortened back-off (${w.backoff.baseMs} ms × ${w.backoff.factor}ⁿ, capped at ${n(w.backoff.capMs)} ms;`,
      'production: 5 s × 3ⁿ, capped at 1 h) every delivery must arrive exactly once. Pass = every delivery delivered and received',
      'once, no bad signature, and (fan-out) p95 ≤ 10 s.',
      '',
      '| database | scenario | deliveries | received once | duplicates | bad signatures | attempts | p50 ms | p95 ms | max ms | total ms | load average | pass |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
      ...rows.map(({ t, r }) => `| ${t.label} | ${r.scenario} | ${n(r.deliveries)} | ${n(r.uniqueReceived)} | ${r.duplicates} | ${r.badSignatures} | ${n(r.attemptsTotal)} | ${n(r.p50Ms)} | ${n(r.p95Ms)} | ${n(r.maxMs)} | ${n(r.totalMs)} | ${la(r.loadAverage.start)} → ${la(r.loadAverage.end)} | ${yes(r.pass)} |`),
      '',
      ...w.notes.map((x) => `- ${x}`),
      ...(w.notes.length ? [''] : []),
    );
  }
  if (problems.length) lines.push('Problems of this run:', '', ...problems.map((p) => `- ${p}`), '');
  return lines;
}

/**
 * Replace the child-alerts section of an existing performance.md (or insert it before "## Data set", else at
 * the end) with new lines. The section's own "###" subheadings belong to it.
 */
export function spliceAlertsSection(markdown: string, section: readonly string[]): string {
  return spliceSection(markdown, ALERTS_HEADING, section);
}
