/**
 * Child process for the embedded-database tests: open a data directory, record this pid in it,
 * print `{"event":"ready"}`, and hold it until stdin says `close`, stdin ends, or a SIGTERM
 * (graceful shutdown through installShutdownHandlers). A refused open prints `{"event":"error"}`.
 * Usage: node --import tsx hold-data-dir.ts <dataDir> <role> [url]
 */
import { createInterface } from 'node:readline';
import type { DataDirRole } from '../../../src/db/embedded/data-dir-lock';
import { openEmbeddedDatabase } from '../../../src/db/embedded/open-embedded';
import { installShutdownHandlers } from '../../../src/db/embedded/signals';

const [dataDir, role, url] = process.argv.slice(2);
const print = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const logger = {
  info: (obj: object, msg: string) => print({ event: 'log', level: 'info', msg, ...obj }),
  warn: (obj: object, msg: string) => print({ event: 'log', level: 'warn', msg, ...obj }),
  error: (obj: object, msg: string) => print({ event: 'log', level: 'error', msg, ...obj }),
};

const started = Date.now();
try {
  const db = await openEmbeddedDatabase({ dataDir: dataDir!, role: role as DataDirRole, logger, ...(url ? { url } : {}) });
  await db.client.exec('CREATE TABLE IF NOT EXISTS holders (pid int PRIMARY KEY, note text NOT NULL)');
  await db.client.query('INSERT INTO holders VALUES ($1, $2) ON CONFLICT (pid) DO NOTHING', [process.pid, 'held']);
  installShutdownHandlers([() => db.close(), () => print({ event: 'closed' })], logger);
  const closeAndExit = async (): Promise<void> => {
    await db.close();
    print({ event: 'closed' });
    process.exit(0);
  };
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line === 'close') void closeAndExit();
  });
  input.on('close', () => void closeAndExit());
  print({ event: 'ready', pid: process.pid, ms: Date.now() - started });
} catch (err) {
  const e = err as Error & { code?: string };
  print({ event: 'error', code: e.code ?? null, message: e.message, ms: Date.now() - started });
  process.exit(3);
}
