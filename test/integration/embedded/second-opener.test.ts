import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DataDirLockedError, readDataDirLock } from '../../../src/db/embedded/data-dir-lock';
import { openEmbeddedDatabase } from '../../../src/db/embedded/open-embedded';
import { isEvent, spawnHelper } from '../../helpers/embedded/spawn-helper';

describe.skipIf(inject('dbKind') === 'postgres')('embedded database: a second opener', () => {
  let root = '';
  let dataDir = '';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'victor-opener-'));
    dataDir = join(root, 'data');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is refused within 2 s with the holder named, and gets in once the holder was killed', async () => {
    const holder = spawnHelper('hold-data-dir', [dataDir, 'server', 'http://127.0.0.1:3999']);
    await holder.waitForLine(isEvent('ready'), 90_000);

    const started = performance.now();
    const err = await openEmbeddedDatabase({ dataDir, role: 'cli' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err).toBeInstanceOf(DataDirLockedError);
    const locked = err as DataDirLockedError;
    expect(locked.code).toBe('DATA_DIR_LOCKED');
    expect(locked.message).toMatch(new RegExp(`in use by the Victor server \\(pid ${holder.pid}, started [^,]+, http://127\\.0\\.0\\.1:3999\\)`));
    expect(locked.message).toContain("run this command against the server's API");

    const second = spawnHelper('hold-data-dir', [dataDir, 'cli']);
    const refused = JSON.parse(await second.waitForLine(isEvent('error'))) as { code: string; message: string; ms: number };
    expect(refused.code).toBe('DATA_DIR_LOCKED');
    expect(refused.ms).toBeLessThan(2000);
    expect(refused.message).toContain(`pid ${holder.pid}`);
    expect((await second.exited).code).toBe(3);

    holder.child.kill('SIGKILL');
    await holder.exited;
    expect((await readDataDirLock(dataDir))?.state).toBe('dead');

    const db = await openEmbeddedDatabase({ dataDir, role: 'test' });
    try {
      expect(db.lock.info.pid).toBe(process.pid);
      const { rows } = await db.client.query<{ pid: number; note: string }>('SELECT pid, note FROM holders');
      expect(rows).toEqual([{ pid: holder.pid, note: 'held' }]);
    } finally {
      await db.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 120_000);

  it('is let in after the holder shut down gracefully on SIGTERM', async () => {
    const holder = spawnHelper('hold-data-dir', [dataDir, 'server']);
    await holder.waitForLine(isEvent('ready'), 60_000);
    holder.child.kill('SIGTERM');
    expect((await holder.exited).code).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const db = await openEmbeddedDatabase({ dataDir, role: 'test' });
    try {
      const { rows } = await db.client.query<{ pid: number }>('SELECT pid FROM holders ORDER BY pid');
      expect(rows.map((r) => r.pid)).toContain(holder.pid);
    } finally {
      await db.close();
    }
  }, 90_000);
});
