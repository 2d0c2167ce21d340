/**
 * Child process for the shutdown tests: install the shutdown handlers with three steps that print
 * `{"event":"step"}` lines, print `{"event":"ready"}`, and idle. With mode `slow` the second step
 * hangs (to test the forced exit on a second signal); with `fail` it throws.
 * Usage: node --import tsx shutdown-child.ts <ok|slow|fail>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { installShutdownHandlers } from '../../../src/db/embedded/signals';

const mode = process.argv[2] ?? 'ok';
const print = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const logger = {
  info: (obj: object, msg: string) => print({ event: 'log', level: 'info', msg, ...obj }),
  warn: (obj: object, msg: string) => print({ event: 'log', level: 'warn', msg, ...obj }),
  error: (obj: object, msg: string) => print({ event: 'log', level: 'error', msg }),
};

installShutdownHandlers(
  [
    async () => {
      await sleep(50);
      print({ event: 'step', step: 'drain-http' });
    },
    async () => {
      if (mode === 'slow') await sleep(60_000);
      if (mode === 'fail') throw new Error('checkpoint failed');
      print({ event: 'step', step: 'close-db' });
    },
    () => print({ event: 'step', step: 'release-lock' }),
  ],
  logger,
);
setInterval(() => undefined, 1000);
print({ event: 'ready' });
