import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockPathFor, readDataDirLock } from '../../../src/db/embedded/data-dir-lock';
import { events, isEvent, spawnHelper } from '../../helpers/embedded/spawn-helper';

/** The pid of a process that has just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'close');
  return child.pid!;
}

function writeLockFile(dataDir: string, contents: object | string): void {
  writeFileSync(lockPathFor(dataDir), typeof contents === 'string' ? contents : JSON.stringify(contents));
}

async function refusal(dataDir: string): Promise<{ err: DataDirLockedError; ms: number }> {
  const started = performance.now();
  const err = await acquireDataDirLock({ dataDir, role: 'cli' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataDirLockedError);
  return { err: err as DataDirLockedError, ms: performance.now() - started };
}

describe.skipIf(inject('dbKind') === 'postgres')('data directory lock', () => {
  let root = '';
  let n = 0;
  const freshDir = (): string => join(root, `data-${++n}`);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'victor-lock-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('writes who holds it beside the directory, refuses a second taker at once, and releases', async () => {
    const dataDir = freshDir();
    const lock = await acquireDataDirLock({ dataDir, role: 'server', details: { url: 'http://127.0.0.1:3000' } });
    const onDisk = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ pid: process.pid, hostname: hostname(), role: 'server', url: 'http://127.0.0.1:3000' });
    expect(new Date(onDisk.startedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const { err, ms } = await refusal(dataDir);
    expect(ms).toBeLessThan(200);
    expect(err.code).toBe('DATA_DIR_LOCKED');
    expect(err.holder?.pid).toBe(process.pid);
    expect(err.message).toContain(`The data directory ${dataDir} is in use by the Victor server (pid ${process.pid}, started ${lock.info.startedAt}, http://127.0.0.1:3000).`);
    expect(err.message).toContain("Stop it first, or run this command against the server's API.");
    expect(await readDataDirLock(dataDir)).toMatchObject({ state: 'alive', holder: { pid: process.pid, role: 'server' } });

    await lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(await readDataDirLock(dataDir)).toBeNull();
    const again = await acquireDataDirLock({ dataDir, role: 'cli' });
    await again.release();
  });

  it('never removes a lock that is no longer its own', async () => {
    const dataDir = freshDir();
    const lock = await acquireDataDirLock({ dataDir, role: 'test' });
    const other = { ...lock.info, token: 'someone-else' };
    writeLockFile(dataDir, other);
    await lock.release();
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('takes over a lock whose process is gone, or whose pid now belongs to another process', async () => {
    const dataDir = freshDir();
    writeLockFile(dataDir, { pid: await deadPid(), hostname: hostname(), role: 'server', startedAt: '2020-01-01T00:00:00.000Z', token: 'old' });
    expect((await readDataDirLock(dataDir))?.state).toBe('dead');
    const lock = await acquireDataDirLock({ dataDir, role: 'test' });
    expect((await readDataDirLock(dataDir))?.holder?.token).toBe(lock.info.token);
    await lock.release();

    if (existsSync('/proc/self/stat')) {
      // process.ppid is alive, but started at another time than the recorded one: a reused pid.
      writeLockFile(dataDir, { pid: process.ppid, hostname: hostname(), procStart: '1', role: 'server', startedAt: '2020-01-01T00:00:00.000Z', token: 'x' });
      const reused = await acquireDataDirLock({ dataDir, role: 'test' });
      await reused.release();
    }
  });

  it('refuses a lock held on another host, and says how to clear it', async () => {
    const dataDir = freshDir();
    writeLockFile(dataDir, { pid: 1, hostname: 'elsewhere', role: 'migrator', startedAt: '2026-01-01T00:00:00.000Z', token: 't' });
    const { err } = await refusal(dataDir);
    expect(err.message).toContain('in use by a Victor migration (pid 1 on host elsewhere');
    expect(err.message).toContain(`delete ${dataDir}.lock`);
  });

  it('gives an unreadable lock a moment to be written, then treats it as stale', async () => {
    const dataDir = freshDir();
    writeLockFile(dataDir, '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${dataDir}.lock`, old, old);
    let started = performance.now();
    await (await acquireDataDirLock({ dataDir, role: 'test' })).release();
    expect(performance.now() - started).toBeLessThan(200);

    writeLockFile(dataDir, '');
    started = performance.now();
    await (await acquireDataDirLock({ dataDir, role: 'test' })).release();
    expect(performance.now() - started).toBeGreaterThan(900);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('releases on process exit', async () => {
    const dataDir = freshDir();
    const child = spawnHelper('lock-contender', [dataDir, '-', 'exit']);
    await child.waitForLine(isEvent('acquired'));
    expect((await child.exited).code).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it.each([
    ['a free lock', false],
    ['a stale lock', true],
  ])('lets exactly one of several processes starting together win %s', async (_name, stale) => {
    const dataDir = freshDir();
    if (stale) writeLockFile(dataDir, { pid: await deadPid(), hostname: hostname(), role: 'server', startedAt: '2020-01-01T00:00:00.000Z', token: 'old' });
    const go = join(root, `go-${n}`);
    const contenders = Array.from({ length: 4 }, () => spawnHelper('lock-contender', [dataDir, go]));
    try {
      await Promise.all(contenders.map((c) => c.waitForLine(isEvent('waiting'), 20_000)));
      writeFileSync(go, '');
      await Promise.all(contenders.map((c) => c.waitForLine((l) => isEvent('acquired')(l) || isEvent('locked')(l), 20_000)));
      const outcomes = contenders.flatMap((c) => events(c.lines));
      const winners = outcomes.filter((e) => e.event === 'acquired');
      expect(winners).toHaveLength(1);
      for (const loser of outcomes.filter((e) => e.event === 'locked')) expect(loser.holderPid).toBe(winners[0]!.pid);
      expect(readdirSync(root).filter((name) => name.startsWith(`data-${n}.lock.`))).toEqual([]);
    } finally {
      for (const c of contenders) c.send('release');
      await Promise.all(contenders.map((c) => c.exited));
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 30_000);
});
