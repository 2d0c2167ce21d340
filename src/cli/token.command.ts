/**
 * `victor token create`: an API token acting as a user, for scripts and integrations.
 */
import { apiTokenCreateSchema } from '../api/admin.schemas';
import { PERMISSIONS, type Permission } from '../domain/access/roles';
import { AppError } from '../domain/errors';
import { findUserByEmail } from '../db/repos/user.repo';
import { SYSTEM_ACTOR, type ServiceContext } from '../services/context';
import { createToken } from '../services/token.service';
import type { CliIo } from './cli-io';
import { EXIT, UsageError } from './cli-runtime';

/** Options of `victor token create`. */
export interface TokenCreateArgs {
  /** E-mail of the user the token acts as. */
  user: string;
  name: string;
  /** Comma-separated permissions. */
  permissions: string;
  /** Days until it expires (whole number); never when absent. */
  expiresDays?: string;
}

/** Split and check a comma-separated permission list. */
export function parsePermissions(list: string): Permission[] {
  const items = list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError('--permissions needs at least one permission');
  const unknown = items.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length) throw new UsageError(`unknown permission(s): ${unknown.join(', ')}; known: ${PERMISSIONS.join(', ')}`);
  return [...new Set(items)] as Permission[];
}

/** Create a token (audited) and print it once. */
export async function createTokenCommand(ctx: ServiceContext, args: TokenCreateArgs, io: CliIo): Promise<number> {
  const permissions = parsePermissions(args.permissions);
  let expiresInDays: number | undefined;
  if (args.expiresDays !== undefined) {
    if (!/^\d+$/.test(args.expiresDays.trim())) throw new UsageError('--expires-days must be a whole number of days');
    expiresInDays = Number(args.expiresDays.trim());
  }
  const user = await findUserByEmail(ctx.database.db, args.user.trim());
  if (!user) throw new AppError('USER_NOT_FOUND', `No user has the e-mail address ${args.user.trim()}.`);
  const input = apiTokenCreateSchema.safeParse({ name: args.name, userId: user.id, permissions, ...(expiresInDays === undefined ? {} : { expiresInDays }) });
  if (!input.success) {
    const problems = input.error.issues.map((i) => `${i.path.join('.') === 'expiresInDays' ? 'expires-days' : i.path.join('.')}: ${i.message}`);
    throw new UsageError(`invalid token: ${problems.join('; ')}`);
  }
  const created = await createToken(ctx, SYSTEM_ACTOR, input.data);
  io.out(`created API token ${created.id} "${created.name}" acting as ${user.email}`);
  io.out(`permissions: ${created.permissions.join(', ')}; expires: ${created.expiresAt ?? 'never'}`);
  io.out('the token is shown only now; send it in the Authorization header:');
  io.out(`Authorization: Bearer ${created.token}`);
  return EXIT.ok;
}

