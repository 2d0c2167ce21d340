/**
 * `victor user create`, `victor user list` and `victor user reset-2fa`. Changes go through the user
 * service as the system actor, so each is audited.
 */
import { userCreateSchema, type UserView } from '../api/admin.schemas';
import { LOCALES } from '../api/common.schemas';
import { DEFAULT_SCOPE, ROLES, SCOPES, requiresMfa, type Role, type Scope } from '../domain/access/roles';
import { AppError } from '../domain/errors';
import { listOrganisations, type OrganisationRow } from '../db/repos/organisation.repo';
import { findUserByEmail } from '../db/repos/user.repo';
import { generateSecret } from '../lib/crypto/tokens';
import { SYSTEM_ACTOR, type ServiceContext } from '../services/context';
import { createUser, listUsers, resetUserMfa } from '../services/user.service';
import type { CliIo } from './cli-io';
import { EXIT, UsageError } from './cli-runtime';

/** Options of `victor user create`. */
export interface UserCreateArgs {
  email: string;
  name: string;
  role: string;
  /** Organisation id, name or short name. */
  organisation: string;
  scope?: string;
  password?: string;
  locale?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Find one active organisation by id, name or short name (case-insensitive). */
export async function resolveOrganisation(ctx: ServiceContext, ref: string): Promise<OrganisationRow> {
  const all = await listOrganisations(ctx.database.db);
  const key = ref.trim().toLowerCase();
  const matches = UUID.test(key)
    ? all.filter((o) => o.id === key)
    : all.filter((o) => o.name.toLowerCase() === key || o.shortName?.toLowerCase() === key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new AppError('ORGANISATION_NOT_FOUND', `No active organisation is called or has the id "${ref}".`);
  const list = matches.map((o) => `${o.id} ${o.name} (${o.countryCode})`).join('; ');
  throw new UsageError(`"${ref}" names ${matches.length} organisations; give the id of one: ${list}`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

/** The password to give: the option, a hidden prompt (twice), or a generated one (printed once). */
async function choosePassword(args: UserCreateArgs, io: CliIo): Promise<{ password: string; generated: boolean }> {
  if (args.password !== undefined) return { password: args.password, generated: false };
  if (io.promptSecret) {
    const first = await io.promptSecret('Password (at least 12 characters; empty to generate one): ');
    if (first !== '') {
      if ((await io.promptSecret('Repeat the password: ')) !== first) throw new UsageError('the two passwords differ');
      return { password: first, generated: false };
    }
  }
  return { password: generateSecret(18), generated: true };
}

/** Create a user with one membership. */
export async function createUserCommand(ctx: ServiceContext, args: UserCreateArgs, io: CliIo): Promise<number> {
  const role = oneOf<Role>(args.role, ROLES, '--role');
  const scope = args.scope === undefined ? DEFAULT_SCOPE[role] : oneOf<Scope>(args.scope, SCOPES, '--scope');
  const locale = args.locale === undefined ? 'en' : oneOf(args.locale, LOCALES, '--locale');
  const org = await resolveOrganisation(ctx, args.organisation);
  const { password, generated } = await choosePassword(args, io);
  const input = userCreateSchema.safeParse({
    email: args.email,
    displayName: args.name,
    password,
    locale,
    memberships: [{ organisationId: org.id, role, scope }],
  });
  if (!input.success) {
    const problems = input.error.issues.map((i) => `${i.path.join('.') === 'displayName' ? 'name' : i.path.join('.')}: ${i.message}`);
    throw new UsageError(`invalid user: ${problems.join('; ')}`);
  }
  const user = await createUser(ctx, SYSTEM_ACTOR, input.data);
  io.out(`created user ${user.id} <${user.email}>: ${role} (${scope}) in ${org.name}, ${org.countryCode}`);
  if (generated) io.out(`password (shown once; ask them to change it): ${password}`);
  if (requiresMfa([role])) io.out('they will set up two-factor authentication at their first sign-in');
  return EXIT.ok;
}

function describeUser(u: UserView): string {
  const roles = u.memberships.map((m) => `${m.role}@${m.organisationName} (${m.countryCode}, ${m.scope})`).join('; ') || 'no roles';
  const flags = [u.status, u.mfaEnabled ? '2fa' : 'no-2fa', ...(u.isDemo ? ['demo'] : []), ...(u.lockedUntil ? ['locked'] : [])].join(',');
  return `${u.email.padEnd(36)} ${u.displayName.padEnd(28)} ${flags.padEnd(18)} ${roles}`;
}

/** List every user with status, two-factor state and roles (or as JSON). */
export async function listUsersCommand(ctx: ServiceContext, args: { json?: boolean }, io: CliIo): Promise<number> {
  const all: UserView[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listUsers(ctx, SYSTEM_ACTOR, { limit: 200, offset });
    all.push(...page.items);
    if (page.items.length < 200) break;
  }
  if (args.json) {
    io.out(JSON.stringify(all, null, 2));
    return EXIT.ok;
  }
  io.out(`${'EMAIL'.padEnd(36)} ${'NAME'.padEnd(28)} ${'STATUS'.padEnd(18)} ROLES`);
  for (const u of all) io.out(describeUser(u));
  io.out(`${all.length} user(s)`);
  return EXIT.ok;
}

/** Clear a user's two-factor set-up and recovery codes and end their sessions. */
export async function resetMfaCommand(ctx: ServiceContext, email: string, io: CliIo): Promise<number> {
  const user = await findUserByEmail(ctx.database.db, email.trim());
  if (!user) throw new AppError('USER_NOT_FOUND', `No user has the e-mail address ${email.trim()}.`);
  await resetUserMfa(ctx, SYSTEM_ACTOR, user.id);
  io.out(`two-factor authentication of ${user.email} was reset: they set it up again at their next sign-in; their sessions were ended`);
  return EXIT.ok;
}

