/**
 * Synthetic data for benchmarks: organisations, users with memberships, and audited reads, all
 * inserted through the services (so permissions, views and the audit hash chain are the real ones).
 *
 * Standalone: `DATABASE_URL=… node --import tsx bench/generate-data.ts [users] [organisations]`
 * (or DATA_DIR=… for the embedded database; the server must not be running on it).
 */
import { pathToFileURL } from 'node:url';
import { SingleBar, Presets } from 'cli-progress';
import pino from 'pino';
import { ROLES } from '../src/domain/access/roles';
import { loadConfig, type Config } from '../src/config/config';
import { COUNTRIES } from '../src/db/seed/network.data';
import { openDatabase } from '../src/db/open';
import { verifyAuditLog } from '../src/db/repos/audit.repo';
import { createServiceContext, prepareDatabase } from '../src/server';
import { SYSTEM_ACTOR, type ServiceContext } from '../src/services/context';
import { createOrganisation } from '../src/services/organisation.service';
import { createUser, getUser } from '../src/services/user.service';
import { ORGANISATION_TYPES } from '../src/api/admin.schemas';

/** How much to generate. */
export interface GenerateOptions {
  users: number;
  organisations: number;
  /** Audited single-user reads (`user.viewed` entries) on top of the entries creation writes. */
  auditedReads: number;
  /** Parallel service calls (password hashing runs on the libuv pool). */
  concurrency?: number;
  /** Show a progress bar on stderr. */
  progress?: boolean;
}

/** What was generated and how long it took. */
export interface GenerateResult {
  organisations: number;
  users: number;
  memberships: number;
  auditEntries: number;
  seconds: number;
}

async function inPool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
}

/**
 * Insert synthetic organisations, users (one or two memberships each) and audited reads into the
 * context's database through the services, with a progress bar. Names are invented and marked
 * "Bench"; e-mails use the reserved example.org domain.
 */
export async function generateData(ctx: ServiceContext, opts: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const total = opts.organisations + opts.users + opts.auditedReads;
  const bar = opts.progress === false ? null : new SingleBar({ format: '  generating {bar} {value}/{total} {step}', hideCursor: true }, Presets.shades_classic);
  bar?.start(total, 0, { step: 'organisations' });
  const concurrency = opts.concurrency ?? 4;
  const run = `${Date.now().toString(36)}`;

  const orgIds: string[] = [];
  for (let i = 0; i < opts.organisations; i += 1) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const org = await createOrganisation(ctx, SYSTEM_ACTOR, {
      name: `Bench Helpline ${run}-${i + 1}`,
      shortName: `BH${i + 1}`,
      countryCode: country.code,
      type: ORGANISATION_TYPES[i % ORGANISATION_TYPES.length]!,
      partnership: 'none',
      city: `${country.name} city`,
    });
    orgIds.push(org.id);
    bar?.increment(1, { step: 'organisations' });
  }

  let memberships = 0;
  const userIds: string[] = new Array<string>(opts.users);
  await inPool([...Array(opts.users).keys()], concurrency, async (i) => {
    const first = orgIds[i % orgIds.length]!;
    const second = orgIds[(i * 7 + 3) % orgIds.length]!;
    const roles = [ROLES[i % ROLES.length]!, ROLES[(i + 4) % ROLES.length]!];
    const ms = [{ organisationId: first, role: roles[0]! }];
    // Every third user gets a second role (the two roles always differ: 4 is not a multiple of 9).
    if (i % 3 === 0) ms.push({ organisationId: second, role: roles[1]! });
    const user = await createUser(ctx, SYSTEM_ACTOR, {
      email: `bench.user.${run}.${i + 1}@example.org`,
      displayName: `Bench User ${i + 1}`,
      password: `bench-password-${run}-${i}`,
      locale: 'en',
      memberships: ms,
    });
    userIds[i] = user.id;
    memberships += ms.length;
    bar?.increment(1, { step: 'users' });
  });

  await inPool([...Array(opts.auditedReads).keys()], concurrency, async (i) => {
    await getUser(ctx, SYSTEM_ACTOR, userIds[i % userIds.length]!);
    bar?.increment(1, { step: 'audited reads' });
  });
  bar?.stop();

  const check = await verifyAuditLog(ctx.database.db);
  if (!check.ok) throw new Error(`the audit chain does not verify after generating: ${check.problem ?? 'unknown problem'}`);
  return {
    organisations: orgIds.length,
    users: opts.users,
    memberships,
    auditEntries: check.checked,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Open the configured database as a CLI opener (the embedded lock is taken and released), migrate,
 * seed the demo network when empty, generate, close.
 */
export async function generateIntoDatabase(config: Config, opts: GenerateOptions): Promise<GenerateResult> {
  const logger = pino({ level: 'warn' });
  const database = await openDatabase(config, 'cli', logger);
  try {
    const ctx = createServiceContext(config, database, logger);
    await prepareDatabase(ctx);
    return await generateData(ctx, opts);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const users = Number(process.argv[2] ?? 300);
  const organisations = Number(process.argv[3] ?? 30);
  generateIntoDatabase(loadConfig(), { users, organisations, auditedReads: users })
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(1);
    });
}
