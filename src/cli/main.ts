/**
 * Entry point of the `victor` command (bin/victor.js, `npx victor …`, `npm run victor -- …`).
 * Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 the embedded database is in use.
 */
import type { Database } from '../db/database';
import { createProcessIo, type CliIo } from './cli-io';
import { runCli } from './cli-program';

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/**
 * On SIGHUP/SIGINT/SIGTERM close the open database (at most 3 s: an unfinished transaction rolls
 * back, the embedded lock is released), then exit 128+n; a second signal exits at once.
 */
function installSignalHandlers(io: CliIo, current: () => Database | undefined): void {
  let stopping = false;
  for (const [signal, n] of Object.entries(SIGNAL_NUMBERS)) {
    process.on(signal, () => {
      if (stopping) process.exit(128 + n);
      stopping = true;
      io.err(`interrupted (${signal}): closing the database; an unfinished change is rolled back`);
      const timer = new Promise((resolve) => setTimeout(resolve, 3000).unref());
      void Promise.race([current()?.close(), timer])
        .catch(() => undefined)
        .finally(() => process.exit(128 + n));
    });
  }
}

const io = createProcessIo();
let open: Database | undefined;
installSignalHandlers(io, () => open);
const code = await runCli(process.argv.slice(2), io, { onDatabase: (database) => (open = database) });
process.exitCode = code;
// Let pending output flush; never hang on a stray handle.
setTimeout(() => process.exit(code), 5000).unref();
