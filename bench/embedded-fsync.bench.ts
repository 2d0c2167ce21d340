/**
 * What durable commits cost on the embedded database: single-row autocommit INSERTs per second
 * with Victor's durable opener (fsync on, real host fsync/fdatasync) against plain PGlite on
 * Node (fsync off, no host syncs), on the same freshly initialised cluster and the same disk.
 * Prints one JSON line on stdout (progress on stderr).
 *
 * Usage: node --import tsx bench/embedded-fsync.bench.ts [--seconds 3] [--dir <parent directory>]
 * The directory defaults to the OS temporary directory: pass one on the disk you care about
 * (a tmpfs makes fsync free and the comparison meaningless; the JSON names the filesystem).
 */
import { cpSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openEmbeddedDatabase } from '../src/db/embedded/open-embedded';
import { PGLITE_EXTENSIONS } from '../src/db/pglite-extensions';

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** statfs magic numbers of common filesystems. */
const FILESYSTEMS: Record<number, string> = {
  0xef53: 'ext4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x2fc12fc1: 'zfs',
  0x65735546: 'fuse',
  0x6969: 'nfs',
};

function filesystemOf(dir: string): string {
  try {
    const type = Number(statfsSync(dir).type);
    return FILESYSTEMS[type] ?? `0x${type.toString(16)}`;
  } catch {
    return 'unknown';
  }
}

/** Run single-row autocommit INSERTs for `seconds`; returns commits and elapsed seconds. */
async function measure(client: PGlite, seconds: number): Promise<{ commits: number; seconds: number }> {
  await client.exec('CREATE TABLE IF NOT EXISTS bench_commits (id serial PRIMARY KEY, payload text NOT NULL)');
  const payload = 'x'.repeat(200);
  for (let i = 0; i < 20; i++) await client.query('INSERT INTO bench_commits (payload) VALUES ($1)', [payload]);
  const started = performance.now();
  const until = started + seconds * 1000;
  let commits = 0;
  while (performance.now() < until) {
    await client.query('INSERT INTO bench_commits (payload) VALUES ($1)', [payload]);
    commits++;
  }
  return { commits, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const seconds = Number(argValue('seconds', '3'));
  const parent = argValue('dir', tmpdir());
  const root = mkdtempSync(join(parent, 'victor-fsync-bench-'));
  try {
    const durableDir = join(root, 'durable');
    const plainDir = join(root, 'plain');
    say(`initialising a database in ${durableDir}`);
    const initStarted = performance.now();
    const durable = await openEmbeddedDatabase({ dataDir: durableDir, role: 'test' });
    const initSeconds = (performance.now() - initStarted) / 1000;
    await durable.close();
    cpSync(durableDir, plainDir, { recursive: true });

    say(`durable commits for ${seconds} s`);
    const db = await openEmbeddedDatabase({ dataDir: durableDir, role: 'test' });
    const syncsBefore = { ...db.syncCounts };
    const withFsync = await measure(db.client, seconds);
    const syncs = { fsync: db.syncCounts.fsync - syncsBefore.fsync, fdatasync: db.syncCounts.fdatasync - syncsBefore.fdatasync };
    await db.close();

    say(`plain PGlite commits for ${seconds} s`);
    const plain = await PGlite.create({ dataDir: plainDir, extensions: PGLITE_EXTENSIONS });
    const withoutFsync = await measure(plain, seconds);
    await plain.close();

    const rate = (r: { commits: number; seconds: number }): number => Math.round(r.commits / r.seconds);
    const durableRate = rate(withFsync);
    const plainRate = rate(withoutFsync);
    const figures = {
      bench: 'embedded-fsync',
      date: new Date().toISOString(),
      commitsPerSecond: { durable: durableRate, plainPglite: plainRate },
      slowdown: Number((plainRate / Math.max(durableRate, 1)).toFixed(2)),
      commits: { durable: withFsync.commits, plainPglite: withoutFsync.commits },
      hostSyncsPerDurableCommit: Number(((syncs.fsync + syncs.fdatasync) / Math.max(withFsync.commits, 1)).toFixed(2)),
      firstStartSeconds: Number(initSeconds.toFixed(1)),
      secondsPerMode: seconds,
      filesystem: filesystemOf(root),
      hardware: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`,
      loadAverage: Number(loadavg()[0]!.toFixed(2)),
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  say(`embedded-fsync bench failed: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
