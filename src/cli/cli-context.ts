/**
 * The heavy half of running a command (database drivers, services), loaded only once the command
 * is known to need the database and the embedded data directory was found free.
 */
import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';
import { resolveEncryptionKeys } from '../config/encryption-keys';
import type { Database } from '../db/database';
import { listMigrations } from '../db/migrate';
import { openDatabase, type OpenerRole } from '../db/open';
import { listAppliedMigrations } from '../db/repos/backup.repo';
import { FieldEncryptor } from '../lib/crypto/field-encryption';
import type { ServiceContext } from '../services/context';
import { CliError } from './cli-runtime';

/** A logger on stderr: warnings and errors only unless verbose. Never logs personal data. */
export function createCliLogger(config: Config, verbose = false): Logger {
  const configured = pino.levels.values[config.LOG_LEVEL] ?? Number.POSITIVE_INFINITY;
  const level = verbose || configured > (pino.levels.values.warn ?? 40) ? config.LOG_LEVEL : 'warn';
  return pino(
    { level, base: { cmd: 'victor-cli' }, redact: { paths: ['*.password', '*.token', '*.email'], censor: '[redacted]' } },
    pino.destination({ fd: 2, sync: true }),
  );
}

/**
 * The service context of a command, like the server's createServiceContext (src/server.ts, not
 * imported: it loads the HTTP stack), except that the field-encryption keys are resolved only
 * when a command uses them, so no command creates a key file as a side effect.
 */
export function createCliContext(config: Config, database: Database, logger: Logger): ServiceContext {
  let encryptor: FieldEncryptor | undefined;
  return {
    config,
    database,
    logger,
    get encryptor() {
      encryptor ??= new FieldEncryptor(resolveEncryptionKeys(config, logger));
      return encryptor;
    },
  };
}

/** Fail with a hint when the database lacks migrations this version knows. */
export async function assertSchemaCurrent(database: Database): Promise<void> {
  const applied = new Set(await listAppliedMigrations(database.db));
  const pending = listMigrations()
    .map((m) => m.version)
    .filter((v) => !applied.has(v));
  if (pending.length) {
    const what = applied.size === 0 ? 'has no schema yet' : `has ${pending.length} pending migration(s): ${pending.join(', ')}`;
    throw new CliError(`the database ${what}; run \`victor db migrate\` first`);
  }
}

/** Open the configured database for a command. */
export async function openCliDatabase(config: Config, role: OpenerRole, verbose: boolean): Promise<{ database: Database; logger: Logger }> {
  const logger = createCliLogger(config, verbose);
  return { database: await openDatabase(config, role, logger), logger };
}
