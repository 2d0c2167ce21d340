import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../../src/db/embedded/open-embedded';
import { PGLITE_EXTENSIONS } from '../../../src/db/pglite-extensions';

const realFsync = fs.fsyncSync.bind(fs);
const realFdatasync = fs.fdatasyncSync.bind(fs);
const canNameFds = fs.existsSync('/proc/self/fd');

/** Spy on the host fsync/fdatasync calls, recording which file each one flushed (on Linux). */
function spyOnSyncs(): { fsync: string[]; fdatasync: string[] } {
  const seen = { fsync: [] as string[], fdatasync: [] as string[] };
  const name = (fd: number): string => (canNameFds ? fs.readlinkSync(`/proc/self/fd/${fd}`) : String(fd));
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    seen.fsync.push(name(fd));
    realFsync(fd);
  });
  vi.spyOn(fs, 'fdatasyncSync').mockImplementation((fd: number) => {
    seen.fdatasync.push(name(fd));
    realFdatasync(fd);
  });
  return seen;
}

async function insertCommits(client: PGlite, table: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await client.query(`INSERT INTO ${table} (note) VALUES ($1)`, [`row ${i}`]);
}

describe.skipIf(inject('dbKind') === 'postgres')('embedded database: fsync on commit', () => {
  let root = '';
  let dataDir = '';
  let db: EmbeddedDatabase;

  beforeAll(async () => {
    root = fs.mkdtempSync(join(tmpdir(), 'victor-fsync-'));
    dataDir = join(root, 'data');
    db = await openEmbeddedDatabase({ dataDir, role: 'test' });
    await db.client.exec('CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL)');
  }, 120_000);
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs PostgreSQL with fsync, synchronous_commit and full_page_writes on', async () => {
    const settings = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method'];
    const values = await Promise.all(settings.map(async (s) => (await db.client.query<Record<string, string>>(`SHOW ${s}`)).rows[0]![s]));
    expect(values).toEqual(['on', 'on', 'on', 'fdatasync']);
  });

  it('flushes the WAL to the host disk once per committed transaction', async () => {
    const seen = spyOnSyncs();
    const before = db.syncCounts.fdatasync;
    await insertCommits(db.client, 'notes', 20);
    expect(seen.fdatasync.length).toBeGreaterThanOrEqual(20);
    expect(db.syncCounts.fdatasync - before).toBe(seen.fdatasync.length);
    if (canNameFds) for (const file of seen.fdatasync) expect(file).toContain(join(dataDir, 'pg_wal'));

    seen.fdatasync.length = 0;
    await db.client.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await tx.query('INSERT INTO notes (note) VALUES ($1)', ['in one transaction']);
    });
    expect(seen.fdatasync.length).toBeGreaterThanOrEqual(1);
    expect(seen.fdatasync.length).toBeLessThanOrEqual(2);
  });

  it('fsyncs data files on CHECKPOINT', async () => {
    const seen = spyOnSyncs();
    await insertCommits(db.client, 'notes', 5);
    await db.client.exec('CHECKPOINT');
    expect(seen.fsync.length).toBeGreaterThan(0);
    if (canNameFds) {
      for (const file of seen.fsync) expect(file.startsWith(dataDir)).toBe(true);
      expect(seen.fsync.some((file) => file.includes(`${dataDir}/base/`))).toBe(true);
    }
  });

  it('(control) plain PGlite on Node makes no host syncs at all', async () => {
    const copy = join(root, 'plain');
    fs.mkdirSync(copy);
    const plain = await PGlite.create({ dataDir: copy, extensions: PGLITE_EXTENSIONS });
    try {
      await plain.exec('CREATE TABLE notes (id serial PRIMARY KEY, note text NOT NULL)');
      const seen = spyOnSyncs();
      await insertCommits(plain, 'notes', 20);
      await plain.exec('CHECKPOINT');
      expect((await plain.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync).toBe('off');
      expect(seen).toEqual({ fsync: [], fdatasync: [] });
    } finally {
      await plain.close();
    }
  }, 120_000);
});
