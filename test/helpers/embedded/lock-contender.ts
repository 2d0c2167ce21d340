/**
 * Child process for the lock tests: print `{"event":"waiting"}` and busy-wait until the file
 * <goFile> exists, so that several contenders try at the same moment (pass '-' not to wait),
 * then try to take the data directory lock. Prints
 * `{"event":"acquired"}` (and holds it until stdin says `release` or ends) or `{"event":"locked"}`.
 * With mode `exit` it calls process.exit right after acquiring, without releasing.
 * Usage: node --import tsx lock-contender.ts <dataDir> <goFile|-> [hold|exit]
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { acquireDataDirLock, DataDirLockedError } from '../../../src/db/embedded/data-dir-lock';

const [dataDir, goFile, mode] = process.argv.slice(2);
const print = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

if (goFile && goFile !== '-') {
  print({ event: 'waiting' });
  while (!existsSync(goFile)) {
    /* spin: start together with the other contenders */
  }
}
try {
  const lock = await acquireDataDirLock({ dataDir: dataDir!, role: 'test' });
  print({ event: 'acquired', pid: process.pid });
  if (mode === 'exit') process.exit(0);
  const release = async (): Promise<void> => {
    await lock.release();
    print({ event: 'released' });
    process.exit(0);
  };
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line === 'release') void release();
  });
  input.on('close', () => void release());
} catch (err) {
  if (!(err instanceof DataDirLockedError)) throw err;
  print({ event: 'locked', code: err.code, holderPid: err.holder?.pid ?? null, message: err.message });
  process.exit(0);
}
