/**
 * Runs one CLI command: load the configuration, make sure the embedded data directory is free
 * (before loading the database drivers, so a refusal comes within a second), open the database
 * for a role, run the command, close, and turn every outcome into an exit code and a message.
 * Kept light: the database and services load lazily (cli-context.ts).
 */
import { ConfigError, loadConfig, type Config } from '../config/config';
import type { Database } from '../db/database';
import { acquireDataDirLock } from '../db/embedded/data-dir-lock';
import type { OpenerRole } from '../db/open';
import { AppError } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import type { CliIo } from './cli-io';

/** Exit codes of every victor command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, locked: 3 } as const;

/** The hint printed when the embedded database is held by another process. */
export const LOCKED_HINT = 'stop the server, or use the HTTP API with an API token (see /api/docs)';

/** A failure the command explains itself; `exitCode` 1 (failure) or 2 (bad usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad usage: a missing or invalid option (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** A command body: gets a ready service context, returns an exit code. */
export type CommandAction = (ctx: ServiceContext, io: CliIo) => Promise<number>;

/** Runs a command body for a role; commander actions call this (see cli-program.ts). */
export type CommandRunner = (role: OpenerRole, action: CommandAction, opts?: { requireSchema?: boolean }) => Promise<void>;

/** How to run a command. */
export interface RunOptions {
  io: CliIo;
  /** Defaults to process.env (read only by loadConfig). */
  env?: NodeJS.ProcessEnv;
  /** Log at the configured LOG_LEVEL instead of warnings only. */
  verbose?: boolean;
  /** Refuse to run when migrations are pending (every command but migrate and restore). */
  requireSchema?: boolean;
  /** Called with the open database, so a signal handler can close it. */
  onOpen?: (database: Database) => void;
}

/** Message and exit code for any error a command can end with. */
export function describeError(err: unknown): { lines: string[]; exitCode: number } {
  if (err instanceof ConfigError) return { lines: [err.message, 'See the configuration table in README.md.'], exitCode: EXIT.usage };
  const e = err as Error & { code?: unknown; cause?: unknown; holder?: { url?: string } | null };
  if (e?.code === 'DATA_DIR_LOCKED') {
    const url = e.holder?.url;
    const hint = url ? LOCKED_HINT.replace('/api/docs', `${url.replace(/\/$/, '')}/api/docs`) : LOCKED_HINT;
    return { lines: [`error DATA_DIR_LOCKED: ${e.message}`, `hint: ${hint}`], exitCode: EXIT.locked };
  }
  if (err instanceof CliError) return { lines: [`error: ${err.message}`], exitCode: err.exitCode };
  if (err instanceof AppError) {
    const issues = err.details?.issues?.map((i) => `  ${i.path}: ${i.message}`) ?? [];
    return { lines: [`error ${err.code}: ${err.message}`, ...issues], exitCode: EXIT.failure };
  }
  if (typeof e?.code === 'string' && /^[A-Z][A-Z_]+$/.test(e.code)) return { lines: [`error ${e.code}: ${e.message}`], exitCode: EXIT.failure };
  // Database errors: show the server's message, never the failed query's parameters (they may hold personal data).
  const cause = e?.cause instanceof Error ? (e.cause as Error & { code?: unknown }) : e;
  const lines = [`error: ${cause?.message ?? String(err)}`];
  if (cause?.code === '42P01') lines.push('hint: the database schema may be missing; run `victor db migrate`');
  return { lines, exitCode: EXIT.failure };
}

/**
 * Throw DATA_DIR_LOCKED at once when another process holds the embedded data directory: take its
 * lock and give it back. openDatabase takes it again for real (and still refuses if a server
 * started in between).
 */
export async function probeDataDir(config: Config, role: OpenerRole): Promise<void> {
  if (config.database.kind !== 'pglite') return;
  const lock = await acquireDataDirLock({ dataDir: config.database.dataDir, role });
  await lock.release();
}

/**
 * Load the configuration, open the database as `role`, run `action` and close. Returns the exit
 * code: 0 ok, 1 failure, 2 bad usage or configuration, 3 the embedded database is in use.
 */
export async function runWithDatabase(role: OpenerRole, action: CommandAction, opts: RunOptions): Promise<number> {
  const { io } = opts;
  let database: Database | undefined;
  try {
    const config = loadConfig(opts.env);
    await probeDataDir(config, role);
    const cli = await import('./cli-context');
    const opened = await cli.openCliDatabase(config, role, Boolean(opts.verbose));
    database = opened.database;
    opts.onOpen?.(database);
    if (opts.requireSchema) await cli.assertSchemaCurrent(database);
    return await action(cli.createCliContext(config, database, opened.logger), io);
  } catch (err) {
    const { lines, exitCode } = describeError(err);
    for (const line of lines) io.err(line);
    return exitCode;
  } finally {
    await database?.close().catch((err: unknown) => io.err(`warning: closing the database failed: ${(err as Error).message}`));
  }
}
