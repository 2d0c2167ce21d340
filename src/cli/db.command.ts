/**
 * `victor db migrate` and `victor db seed`.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database';
import { listMigrations, migrateDatabase } from '../db/migrate';
import { DEMO_PASSWORD } from '../db/seed/network.data';
import type { ServiceContext } from '../services/context';
import { ensureReferenceData, seedDemoNetwork } from '../services/seed.service';
import type { CliIo } from './cli-io';
import { CliError, EXIT } from './cli-runtime';

/**
 * Apply pending migrations and refresh the reference data (countries). Safe beside running
 * servers on PostgreSQL: migrations run under an advisory lock.
 */
export async function migrateCommand(ctx: ServiceContext, io: CliIo): Promise<number> {
  const applied = await migrateDatabase(ctx.database);
  await ensureReferenceData(ctx);
  if (applied.length) io.out(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  else io.out(`the schema is up to date (${listMigrations().length} migration(s))`);
  return EXIT.ok;
}

/** Options of `victor db seed`. */
export interface SeedArgs {
  /** Seed even though the database holds real (non-demo) users. */
  force?: boolean;
}

/**
 * Seed the demo network (partner organisations and invented demo users with a published password).
 * Refuses a database that holds real users unless forced: demo accounts do not belong in production.
 */
export async function seedCommand(ctx: ServiceContext, args: SeedArgs, io: CliIo): Promise<number> {
  const [real] = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM users WHERE NOT is_demo`);
  if (Number(real?.n ?? 0) > 0 && !args.force) {
    throw new CliError(
      `the database holds ${real!.n} real user(s): demo accounts with a published password do not belong beside them (use --force to seed anyway)`,
    );
  }
  let bar: ReturnType<CliIo['progress']> | undefined;
  const result = await seedDemoNetwork(ctx, (done, total) => {
    bar ??= io.progress('seeding', total);
    bar.update(done);
  });
  bar?.stop();
  io.out(`demo network ready: ${result.organisations} organisation(s), ${result.users} new demo user(s)`);
  if (result.users > 0) io.out(`demo users sign in with the password "${DEMO_PASSWORD}"`);
  return EXIT.ok;
}

