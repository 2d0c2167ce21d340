/**
 * Entry point of the `victor` command (bin/victor.js, `npx victor …`, `npm run victor -- …`).
 * Exit codes: 0 ok, 1 failure, 2 bad usage or configuration, 3 the embedded database is in use.
 */
import type { Database } from '../db/database';
import { createProcessIo, type CliIo } from './cli-io';
import { runCli } from './cli-program';

/** On SIGINT/SIGTERM close the open database (at most 3 s), then exit 128+n; a second signal exits at once. */
function installSignalHandlers(io: CliIo, current: () => Database | undefined): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (signal === 'SIGINT' ? 2 : 15);
    if (stopping) process.exit(code);
    stopping = true;
    io.err(`interrupted (${signal}): closing the database; an unfinished change is rolled back`);
    const timer = new Promise((resolve) => setTimeout(resolve, 3000).unref());
    void Promise.race([current()?.close(), timer])
      .catch(() => undefined)
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

const io = createProcessIo();
let open: Database | undefined;
installSignalHandlers(io, () => open);
const code = await runCli(process.argv.slice(2), io, { onDatabase: (database) => (open = database) });
process.exitCode = code;
// Let pending output flush; never hang on a stray handle.
setTimeout(() => process.exit(code), 5000).unref();
