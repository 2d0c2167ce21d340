/**
 * Start a real Victor server as a child process (`node --import tsx src/main.ts`), for tests and
 * benchmarks that need separate processes (several app nodes on one PostgreSQL, real HTTP).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { configSchema } from '../../src/config/config';

/** A running child server. */
export interface SpawnedServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** Everything the child wrote to stdout so far (pino JSON lines and the start banner). */
  stdout(): string;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /**
   * Send a signal (SIGTERM by default) and wait for the exit; SIGKILL after `graceMs`.
   * Resolves with the exit code (null when killed by a signal). Safe to call twice.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/** Options for spawnServer. */
export interface SpawnOptions {
  /** Victor environment (DATABASE_URL, DATA_DIR, VICTOR_ENCRYPTION_KEYS, …). PORT and HOST are set here. */
  env: Record<string, string>;
  /** Give up waiting for /readyz after this long (default 60 s: a first start migrates and seeds). */
  readyTimeoutMs?: number;
  /** Repository root (default: the current working directory). */
  cwd?: string;
  /** A label used in error messages (e.g. "node A"). */
  name?: string;
  /** Extra Node flags before the entry point (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a server behind when the test or bench process ends.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** The parent's environment without any Victor setting, so only what the caller passes applies. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  const victorKeys = new Set(Object.keys(configSchema.shape));
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !victorKeys.has(k) && !k.startsWith('VITEST') && k !== 'TEST_DATABASE_URL') env[k] = v;
  }
  return env;
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Start a Victor server process on a free port with the given environment and wait until
 * `GET /readyz` answers 200. Rejects (after killing the child) when the process exits first or the
 * timeout passes; the message carries the tail of its stderr and stdout.
 */
export async function spawnServer(opts: SpawnOptions): Promise<SpawnedServer> {
  installExitHook();
  const name = opts.name ?? 'server';
  const port = await findFreePort();
  const host = '127.0.0.1';
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'], {
    cwd: opts.cwd ?? resolve('.'),
    env: { ...baseEnv(), ...opts.env, PORT: String(port), HOST: host },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      live.delete(child);
      resolveExit(code);
    });
  });
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const url = `http://${host}:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<number | null> => {
    if (exitCode !== undefined) return exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  const describe = (why: string) =>
    new Error(`${name} (${url}, pid ${child.pid}) ${why}\n--- stderr ---\n${tail(err)}\n--- stdout ---\n${tail(out)}`);

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== undefined) throw describe(`exited with code ${String(exitCode)} before it was ready`);
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw describe('was not ready in time');
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, stdout: () => out, stderr: () => err, stop };
}

/** Stop every server this process started and that is still running (for afterAll). */
export async function stopAllServers(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((done) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
