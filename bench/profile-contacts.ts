/**
 * Where the time of one contact creation goes: start a Victor server with `--cpu-prof` on a fresh
 * PostgreSQL database (or embedded with BENCH_PROFILE_EMBEDDED=1), load `POST /api/contacts` for
 * BENCH_DURATION seconds (10) at BENCH_CONNECTIONS (10), stop it, and summarise the V8 CPU profile of
 * the load window: idle (waiting for the database or the network), self time by package/source file,
 * inclusive time of the main steps, and the hottest functions.
 *
 * `node --import tsx bench/profile-contacts.ts` (not part of `npm run bench`). Prints text; the
 * .cpuprofile stays in .tmp/bench-profile/ for Chrome DevTools or speedscope.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnServer } from '../test/helpers/spawn-server';
import { loadContactCreation } from './contacts';
import { postgresTarget, type BenchTarget } from './targets';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A readable bucket for a frame: a package, a source file, or a V8 pseudo-frame. */
function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

/** Steps we want inclusive time for: a label and a test on a frame. */
const STEPS: [string, (url: string, fn: string) => boolean][] = [
  ['authentication (session + principal)', (u) => u.includes('/src/services/authenticate.service') || u.includes('/src/http/access')],
  ['zod (validation + serialisation)', (u) => u.includes('node_modules/zod/')],
  ['contact.service createContact', (u, f) => u.includes('/src/services/contact.service') && f === 'insertNewContact'],
  ['computeContactColumns (encrypt, hash, derive)', (u, f) => u.includes('contact-changes') && f === 'computeContactColumns'],
  ['field encryption', (u) => u.includes('/src/lib/crypto/')],
  ['keyed hashes', (u) => u.includes('keyed-hash.service')],
  ['isOutOfHours (Intl)', (_u, f) => f === 'isOutOfHours'],
  ['drizzle-orm (query building, mapping)', (u) => u.includes('node_modules/drizzle-orm/')],
  ['pg driver (protocol, parsing)', (u) => /node_modules\/pg(-[a-z]+)?\//.test(u)],
  ['recordAudit', (_u, f) => f === 'recordAudit'],
  ['publishEvent', (_u, f) => f === 'publishEvent'],
  ['presentContact', (_u, f) => f === 'presentContact'],
  ['fastify', (u) => u.includes('node_modules/fastify/') || u.includes('node_modules/find-my-way/') || u.includes('node_modules/light-my-request/')],
  ['pino (logging)', (u) => u.includes('node_modules/pino')],
  ['JSON', (_u, f) => f === 'stringify' || f === 'parse'],
];

/** Summarise the samples between the first and the last one that runs contact.service code. */
export function summarise(profile: CpuProfile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number) => {
    const out: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
    return out;
  };
  const inContact = (id: number) => stackOf(id).some((n) => n.callFrame.url.includes('/src/services/contact.service'));
  let t = 0;
  const times = profile.timeDeltas.map((d) => (t += d));
  const first = profile.samples.findIndex(inContact);
  let last = -1;
  for (let i = profile.samples.length - 1; i >= 0; i -= 1) if (inContact(profile.samples[i]!)) { last = i; break; }
  if (first < 0) return ['no sample ran contact.service code: nothing to summarise'];
  const self = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const steps = new Map<string, number>();
  let total = 0;
  for (let i = first; i <= last; i += 1) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]!)!;
    total += dt;
    const b = bucketOf(node.callFrame.url, node.callFrame.functionName);
    self.set(b, (self.get(b) ?? 0) + dt);
    const fname = `${node.callFrame.functionName || '(anonymous)'} ${bucketOf(node.callFrame.url, '')}:${node.callFrame.lineNumber + 1}`;
    fnSelf.set(fname, (fnSelf.get(fname) ?? 0) + dt);
    const stack = stackOf(node.id);
    for (const [label, test] of STEPS) if (stack.some((n) => test(n.callFrame.url, n.callFrame.functionName))) steps.set(label, (steps.get(label) ?? 0) + dt);
  }
  const pctOf = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `load window ${(((times[last] ?? 0) - (times[first] ?? 0)) / 1e6).toFixed(1)} s of samples, ${total.toFixed(0)} ms sampled`,
    '',
    'self time by bucket:',
    ...top(self, 20).map(([k, v]) => `  ${pctOf(v)}  ${k}`),
    '',
    'inclusive time of steps (a sample counts for every step on its stack):',
    ...STEPS.map(([label]) => `  ${pctOf(steps.get(label) ?? 0)}  ${label}`),
    '',
    'hottest functions (self):',
    ...top(fnSelf, 25).map(([k, v]) => `  ${pctOf(v)}  ${k}`),
  ];
}

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

async function main(): Promise<void> {
  const env = process.env;
  const root = resolve('.');
  const dir = join(root, '.tmp', 'bench-profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let target: BenchTarget;
  if (env.BENCH_PROFILE_EMBEDDED === '1') {
    const parent = mkdtempSync(join(tmpdir(), 'victor-profile-'));
    target = { label: 'embedded (PGlite)', env: { DATA_DIR: join(parent, 'data') }, cleanup: async () => rmSync(parent, { recursive: true, force: true }) };
  } else {
    const pgTarget = await postgresTarget(env);
    if (typeof pgTarget === 'string') throw new Error(pgTarget);
    target = pgTarget;
  }
  const seconds = Number(env.BENCH_DURATION ?? 10);
  const connections = Number(env.BENCH_CONNECTIONS ?? 10);
  try {
    const server = await spawnServer({ env: victorEnv(target), name: 'profiled server', cwd: root, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
    try {
      const r = await loadContactCreation(server.url, target.label, { connections, durationSeconds: seconds });
      process.stdout.write(`${target.label}: ${r.reqPerSecAvg.toFixed(1)} contacts/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx} (with --cpu-prof)\n\n`);
      await server.stop('SIGTERM', 15_000);
    } finally {
      await server.stop('SIGKILL', 1000);
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile in ${dir} (did the server exit cleanly?)`);
    process.stdout.write(`${summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile).join('\n')}\n\nprofile: ${join(dir, file)}\n`);
  } finally {
    await target.cleanup();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`profile failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
