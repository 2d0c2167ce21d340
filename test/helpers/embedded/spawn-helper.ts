/**
 * Run one of the scripts in this folder as a child process (`node --import tsx`) and read the
 * lines it prints, for the embedded-database tests that need real separate processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A running helper script. */
export interface HelperProcess {
  child: ChildProcess;
  pid: number;
  /** Every stdout line so far. */
  lines: string[];
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolve with the first line (past or future) matching `match`; reject after `timeoutMs` or on exit. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolve when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a line to the script's stdin. */
  send(line: string): void;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Start `test/helpers/embedded/<script>.ts` with `args`. */
export function spawnHelper(script: string, args: string[]): HelperProcess {
  const file = fileURLToPath(new URL(`./${script}.ts`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let hasExited = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  const exited = once(child, 'close').then(([code, signal]) => {
    hasExited = true;
    live.delete(child);
    for (const wake of waiters) wake();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  child.stdin!.on('error', () => undefined);

  function waitForLine(match: (line: string) => boolean, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`timed out waiting for a line from ${script}; stderr: ${stderr}`)), timeoutMs);
      const check = (): void => {
        const found = lines.find(match);
        if (found !== undefined) finish(null, found);
        else if (hasExited) finish(new Error(`${script} exited before printing the line; stderr: ${stderr}`));
      };
      function finish(err: Error | null, line?: string): void {
        clearTimeout(timer);
        waiters.delete(check);
        if (err) reject(err);
        else resolve(line!);
      }
      waiters.add(check);
      check();
    });
  }

  return {
    child,
    pid: child.pid!,
    lines,
    stderr: () => stderr,
    waitForLine,
    exited,
    send: (line) => {
      child.stdin!.write(`${line}\n`);
    },
  };
}

/** Parse the JSON event lines a helper printed. */
export function events(lines: readonly string[]): Array<Record<string, unknown>> {
  return lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A line matcher for a JSON event with the given `event` field. */
export function isEvent(name: string): (line: string) => boolean {
  return (line) => line.startsWith('{') && (JSON.parse(line) as { event?: string }).event === name;
}
