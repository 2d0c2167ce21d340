import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openEmbeddedDatabase } from '../../../src/db/embedded/open-embedded';
import { spawnHelper } from '../../helpers/embedded/spawn-helper';

const ROUNDS = 5;

/** Ids a writer acknowledged: printed only after their commit returned. */
function acknowledged(lines: readonly string[]): number[] {
  return lines.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
}

describe.skipIf(inject('dbKind') === 'postgres')('embedded database: SIGKILL during writes', () => {
  let root = '';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'victor-crash-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it(`keeps every acknowledged commit over ${ROUNDS} kills at random moments`, async () => {
    const dataDir = join(root, 'data');
    const acked: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const writer = spawnHelper('crash-writer', [dataDir, String(round * 1_000_000)]);
      // Each writer first recovers from the previous kill: its start proves the directory opens.
      await writer.waitForLine((line) => line === 'ready', 90_000);
      await writer.waitForLine((line) => line.startsWith('ack '), 10_000);
      await sleep(Math.floor(Math.random() * 1200));
      writer.child.kill('SIGKILL');
      const { signal } = await writer.exited;
      expect(signal, writer.stderr()).toBe('SIGKILL');
      const ids = acknowledged(writer.lines);
      expect(ids.length).toBeGreaterThan(0);
      acked.push(...ids);
    }
    // One more kill while the directory is being opened (and recovered).
    const opener = spawnHelper('crash-writer', [dataDir, String((ROUNDS + 1) * 1_000_000)]);
    await sleep(300 + Math.floor(Math.random() * 700));
    opener.child.kill('SIGKILL');
    await opener.exited;
    acked.push(...acknowledged(opener.lines));

    const db = await openEmbeddedDatabase({ dataDir, role: 'test' });
    try {
      const { rows } = await db.client.query<{ id: number }>('SELECT id::int AS id FROM acks');
      const present = new Set(rows.map((r) => r.id));
      const lost = acked.filter((id) => !present.has(id));
      expect(lost, `${lost.length} of ${acked.length} acknowledged commits lost`).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
