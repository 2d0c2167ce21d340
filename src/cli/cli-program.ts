/**
 * The commander program of the `victor` command. Only wiring: each action runs a command function
 * from a `*.command.ts` file, loaded when that command runs, through runWithDatabase.
 */
import { Command, CommanderError } from 'commander';
import { LOCALES } from '../api/common.schemas';
import type { Database } from '../db/database';
import { PERMISSIONS, ROLES, SCOPES } from '../domain/access/roles';
import type { CliIo } from './cli-io';
import { EXIT, runWithDatabase, type CommandRunner } from './cli-runtime';
import { ORGANISATION_TYPES, PARTNERSHIP_LEVELS } from '../api/admin.schemas';
import type { OrgCreateArgs } from './org.command';
import type { KbExportArgs, KbImportArgs } from './kb.command';
import type { TokenCreateArgs } from './token.command';
import type { UserCreateArgs } from './user.command';

const DB = { requireSchema: true };

function registerDb(program: Command, run: CommandRunner): void {
  const db = program.command('db').description('database schema and demo data');
  db.command('migrate')
    .description('apply pending migrations and refresh reference data')
    .action(() => run('migrator', async (ctx, io) => (await import('./db.command')).migrateCommand(ctx, io)));
  db.command('seed')
    .description('seed the demo network (invented organisations and users)')
    .option('--force', 'seed even when the database holds real users')
    .action((opts: { force?: boolean }) => run('cli', async (ctx, io) => (await import('./db.command')).seedCommand(ctx, opts, io), DB));
}

function registerUser(program: Command, run: CommandRunner): void {
  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create a user with a role in an organisation (audited)')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--organisation <id|name>', 'organisation id, name or short name')
    .option('--scope <scope>', `record scope: ${SCOPES.join(', ')} (default depends on the role)`)
    .option('--locale <locale>', `interface language: ${LOCALES.join(', ')}`)
    .option('--password <password>', 'initial password (else prompted on a terminal, or generated and printed)')
    .action((opts: UserCreateArgs) => run('cli', async (ctx, io) => (await import('./user.command')).createUserCommand(ctx, opts, io), DB));
  user
    .command('list')
    .description('list users with their roles')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => run('cli', async (ctx, io) => (await import('./user.command')).listUsersCommand(ctx, opts, io), DB));
  user
    .command('reset-2fa')
    .description("reset a user's two-factor authentication (audited)")
    .argument('<email>', "the user's e-mail address")
    .action((email: string) => run('cli', async (ctx, io) => (await import('./user.command')).resetMfaCommand(ctx, email, io), DB));
}

function registerOrg(program: Command, run: CommandRunner): void {
  const org = program.command('org').description('organisations of the network');
  org
    .command('create')
    .description('create an organisation (audited)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2 country code, e.g. GR')
    .requiredOption('--type <type>', `one of ${ORGANISATION_TYPES.join(', ')}`)
    .option('--partnership <level>', `one of ${PARTNERSHIP_LEVELS.join(', ')} (default none)`)
    .option('--short-name <name>', 'short name')
    .option('--city <city>', 'city')
    .action((opts: OrgCreateArgs) => run('cli', async (ctx, io) => (await import('./org.command')).createOrganisationCommand(ctx, opts, io), DB));
  org
    .command('list')
    .description('list organisations')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => run('cli', async (ctx, io) => (await import('./org.command')).listOrganisationsCommand(ctx, opts, io), DB));
}

function registerToken(program: Command, run: CommandRunner): void {
  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('create an API token acting as a user (audited; printed once)')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--permissions <list>', `comma-separated, from: ${PERMISSIONS.join(', ')}`)
    .option('--expires-days <n>', 'days until the token expires (default: never)')
    .action((opts: TokenCreateArgs) => run('cli', async (ctx, io) => (await import('./token.command')).createTokenCommand(ctx, opts, io), DB));
}

function registerKb(program: Command, run: CommandRunner): void {
  const kb = program.command('kb').description('knowledge-base articles for translators');
  kb.command('export')
    .description('export articles as a JSON bundle or Markdown files (audited)')
    .requiredOption('--format <format>', 'json or markdown')
    .option('--langs <list>', 'comma-separated languages (default: all)')
    .option('--country <code>', 'a country code, or regional')
    .option('--type <type>', 'an article type')
    .option('--source <source>', 'published (default) or working copies')
    .option('--out <path>', 'json: a file (default: stdout); markdown: a directory')
    .action((opts: KbExportArgs) => run('cli', async (ctx, io) => (await import('./kb.command')).exportKbCommand(ctx, opts, io), DB));
  kb.command('import')
    .description('import a JSON bundle (.json) or a Markdown translation (.md) as drafts (audited)')
    .argument('<file>', 'the file to import')
    .option('--organisation <id|name>', 'owner of articles the file creates')
    .action((file: string, opts: { organisation?: string }) =>
      run('cli', async (ctx, io) => (await import('./kb.command')).importKbCommand(ctx, { file, organisation: opts.organisation } satisfies KbImportArgs, io), DB),
    );
}

function registerAuditAndBackup(program: Command, run: CommandRunner): void {
  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description('verify the hash chain of the audit log (exit 1 when tampered)')
    .action(() => run('cli', async (ctx, io) => (await import('./audit.command')).verifyAuditCommand(ctx, io), DB));
  program
    .command('backup')
    .description('write a logical backup (gzipped JSON lines; restorable on PGlite or PostgreSQL)')
    .argument('<file>', 'where to write, e.g. victor-2025-01-31.jsonl.gz')
    .option('--force', 'overwrite the file if it exists')
    .action((file: string, opts: { force?: boolean }) =>
      run('cli', async (ctx, io) => (await import('./backup.command')).backupCommand(ctx, { file, force: opts.force }, io), DB),
    );
  program
    .command('restore')
    .description('restore a backup into an empty database (migrates it first)')
    .argument('<file>', 'a file written by `victor backup`')
    .action((file: string) => run('migrator', async (ctx, io) => (await import('./backup.command')).restoreCommand(ctx, { file }, io)));
}

/** Build the program; `run` executes a command body and records its exit code. Help and usage errors go to `io`. */
export function buildProgram(run: CommandRunner, io?: CliIo): Command {
  const program = new Command('victor')
    .description('Victor administration: database, users, API tokens, audit log, backups')
    .option('-v, --verbose', 'log at LOG_LEVEL on stderr (default: warnings only)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Before the subcommands are added: they copy these settings when created.
  if (io) program.configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  registerDb(program, run);
  registerOrg(program, run);
  registerUser(program, run);
  registerToken(program, run);
  registerKb(program, run);
  registerAuditAndBackup(program, run);
  return program;
}

/** Options of runCli. */
export interface RunCliOptions {
  /** Defaults to process.env (read only by loadConfig). */
  env?: NodeJS.ProcessEnv;
  /** Told about the database while a command has it open (undefined once closed). */
  onDatabase?: (database: Database | undefined) => void;
}

/**
 * Parse the arguments (without "node victor"), run the command and return its exit code:
 * 0 ok, 1 failure, 2 bad usage or configuration, 3 the embedded database is in use.
 */
export async function runCli(argv: readonly string[], io: CliIo, opts: RunCliOptions = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(async (role, action, runOpts) => {
    exitCode = await runWithDatabase(role, action, {
      io,
      env: opts.env,
      verbose: Boolean(program.opts<{ verbose?: boolean }>().verbose),
      requireSchema: runOpts?.requireSchema,
      onOpen: (database) => opts.onDatabase?.(database),
    });
    opts.onDatabase?.(undefined);
  }, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return exitCode;
}
