/**
 * The databases a benchmark runs on: a fresh embedded directory, and a fresh PostgreSQL database
 * when one is reachable (BENCH_DATABASE_URL, else the local server at 127.0.0.1:5432).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One database to benchmark on: the Victor env that selects it, and how to remove it. */
export interface BenchTarget {
  label: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh embedded (PGlite) DATA_DIR in a temporary directory. */
export function embeddedTarget(): BenchTarget {
  const parent = mkdtempSync(join(tmpdir(), 'victor-bench-'));
  return {
    label: 'embedded (PGlite)',
    env: { DATA_DIR: join(parent, 'data') },
    async cleanup() {
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database on BENCH_DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres),
 * or a reason string when no server answers.
 */
export async function postgresTarget(env: NodeJS.ProcessEnv): Promise<BenchTarget | string> {
  const given = env.BENCH_DATABASE_URL;
  const url = given ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `victor_bench_${randomBytes(5).toString('hex')}`;
  try {
    await adminQuery(url, `CREATE DATABASE ${name}`);
  } catch (err) {
    return `PostgreSQL: no server reachable at ${new URL(url).host} (${(err as Error).message}); set BENCH_DATABASE_URL.`;
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: u.toString() },
    async cleanup() {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    },
  };
}

/** The server version of a PostgreSQL target ("15.8", without the packager's suffix), for the report. */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ server_version: string }>('SHOW server_version');
    return res.rows[0]?.server_version.split(' ')[0] ?? 'unknown';
  } finally {
    await client.end();
  }
}

/**
 * Run bench/embedded-fsync.bench.ts when it exists and return the JSON of the last line it prints
 * that parses, or a note saying why there are no figures.
 */
export async function runEmbeddedFsyncBench(root: string, timeoutMs = 90_000): Promise<{ figures: Record<string, unknown> | null; note: string }> {
  const file = join(root, 'bench', 'embedded-fsync.bench.ts');
  if (!existsSync(file)) return { figures: null, note: '`bench/embedded-fsync.bench.ts` is not present in this checkout; no figures.' };
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      for (const line of out.trim().split('\n').reverse()) {
        try {
          const parsed = JSON.parse(line) as unknown;
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            resolveRun({ figures: parsed as Record<string, unknown>, note: 'ok' });
            return;
          }
        } catch {
          // not the JSON line
        }
      }
      const why = signal ? `was killed (${signal})` : `exited with code ${String(code)}`;
      resolveRun({ figures: null, note: `\`bench/embedded-fsync.bench.ts\` ${why} without a JSON line: ${err.trim().split('\n').slice(-3).join(' ')}` });
    });
  });
}
