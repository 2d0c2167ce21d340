import { describe, expect, inject, it } from 'vitest';
import { events, isEvent, spawnHelper } from '../../helpers/embedded/spawn-helper';

function steps(lines: readonly string[]): unknown[] {
  return events(lines)
    .filter((e) => e.event === 'step')
    .map((e) => e.step);
}

describe.skipIf(inject('dbKind') === 'postgres')('shutdown on signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('runs the close steps in order once on %s, then exits 0', async (signal) => {
    const child = spawnHelper('shutdown-child', ['ok']);
    await child.waitForLine(isEvent('ready'));
    child.child.kill(signal);
    expect((await child.exited).code).toBe(0);
    expect(steps(child.lines)).toEqual(['drain-http', 'close-db', 'release-lock']);
  }, 30_000);

  it('still runs the later steps when one fails, and exits 1', async () => {
    const child = spawnHelper('shutdown-child', ['fail']);
    await child.waitForLine(isEvent('ready'));
    child.child.kill('SIGTERM');
    expect((await child.exited).code).toBe(1);
    expect(steps(child.lines)).toEqual(['drain-http', 'release-lock']);
  }, 30_000);

  it('exits 1 at once on a second signal while a step hangs', async () => {
    const child = spawnHelper('shutdown-child', ['slow']);
    await child.waitForLine(isEvent('ready'));
    child.child.kill('SIGTERM');
    await child.waitForLine((line) => line.includes('drain-http'));
    const started = performance.now();
    child.child.kill('SIGINT');
    expect((await child.exited).code).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(steps(child.lines)).toEqual(['drain-http']);
  }, 30_000);
});
