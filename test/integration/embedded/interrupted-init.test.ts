import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INIT_MARKER } from '../../../src/db/embedded/init-data-dir';
import { openEmbeddedDatabase } from '../../../src/db/embedded/open-embedded';
import { spawnHelper } from '../../helpers/embedded/spawn-helper';

/** Open, write and read back a row, close: the directory holds a working database. */
async function assertWorks(dataDir: string): Promise<void> {
  const db = await openEmbeddedDatabase({ dataDir, role: 'test' });
  try {
    await db.client.exec('CREATE TABLE IF NOT EXISTS probe (n int)');
    await db.client.query('INSERT INTO probe VALUES (1)');
    const { rows } = await db.client.query<{ count: number }>('SELECT count(*)::int AS count FROM probe');
    expect(rows[0]!.count).toBeGreaterThan(0);
  } finally {
    await db.close();
  }
}

function initLeftovers(root: string, name: string): string[] {
  return readdirSync(root).filter((entry) => entry.startsWith(`${name}.init-`));
}

describe.skipIf(inject('dbKind') === 'postgres')('embedded database: interrupted first start', () => {
  let root = '';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'victor-init-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('never publishes a half-built directory; the next start removes the attempt and succeeds', async () => {
    const dataDir = join(root, 'data');
    const child = spawnHelper('hold-data-dir', [dataDir, 'server']);
    // Kill as soon as the temporary directory has files in it: PGlite is copying the new cluster.
    for (;;) {
      const [attempt] = initLeftovers(root, 'data');
      if (attempt && readdirSync(join(root, attempt)).length > 0) break;
      if (child.lines.length > 0 || child.child.exitCode !== null) throw new Error(`the child finished before it could be killed: ${child.lines.join('\n')}`);
      await sleep(5);
    }
    child.child.kill('SIGKILL');
    await child.exited;
    expect(existsSync(dataDir)).toBe(false);
    expect(initLeftovers(root, 'data')).toHaveLength(1);

    await assertWorks(dataDir);
    expect(initLeftovers(root, 'data')).toEqual([]);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 120_000);

  it('removes stale attempts beside and inside an existing directory', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(join(root, 'data.init-0123abcd'));
    writeFileSync(join(root, 'data.init-0123abcd', 'PG_VERSION'), '17\n');
    mkdirSync(join(dataDir, '.init-4567ef'));
    await assertWorks(dataDir);
    expect(initLeftovers(root, 'data')).toEqual([]);
    expect(existsSync(join(dataDir, '.init-4567ef'))).toBe(false);
  }, 60_000);

  it('initialises an existing empty directory (a mount point) in place', async () => {
    const dataDir = join(root, 'mounted');
    mkdirSync(dataDir);
    await assertWorks(dataDir);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('finishes an in-place start killed after the last move, and redoes one killed before it', async () => {
    const dataDir = join(root, 'mounted');
    writeFileSync(join(dataDir, INIT_MARKER), '');
    await assertWorks(dataDir);
    expect(existsSync(join(dataDir, INIT_MARKER))).toBe(false);

    const redo = join(root, 'mounted-redo');
    mkdirSync(join(redo, 'base'), { recursive: true });
    mkdirSync(join(redo, '.init-89ab'));
    writeFileSync(join(redo, 'postgresql.conf'), 'half written');
    writeFileSync(join(redo, INIT_MARKER), '');
    await assertWorks(redo);
    expect(existsSync(join(redo, INIT_MARKER))).toBe(false);
    expect(readFileSync(join(redo, 'postgresql.conf'), 'utf8')).not.toBe('half written');
  }, 120_000);

  it('refuses a non-empty directory that holds no database, and leaves it alone', async () => {
    const dataDir = join(root, 'documents');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'keep me');
    await expect(openEmbeddedDatabase({ dataDir, role: 'test' })).rejects.toThrow(/not empty and holds no database/);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
