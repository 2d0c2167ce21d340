/**
 * `victor org create` and `victor org list`: organisations, so that a new (non-demo) installation can
 * create its first organisation and administrator from the command line. Audited through the service.
 */
import { organisationCreateSchema } from '../api/admin.schemas';
import { SYSTEM_ACTOR, type ServiceContext } from '../services/context';
import { createOrganisation, listOrganisations } from '../services/organisation.service';
import type { CliIo } from './cli-io';
import { EXIT, UsageError } from './cli-runtime';

/** Options of `victor org create`. */
export interface OrgCreateArgs {
  name: string;
  country: string;
  type: string;
  partnership?: string;
  shortName?: string;
  city?: string;
}

/** Create an organisation. */
export async function createOrganisationCommand(ctx: ServiceContext, args: OrgCreateArgs, io: CliIo): Promise<number> {
  const input = organisationCreateSchema.safeParse({
    name: args.name,
    countryCode: args.country.toUpperCase(),
    type: args.type,
    partnership: args.partnership ?? 'none',
    shortName: args.shortName ?? null,
    city: args.city ?? null,
  });
  if (!input.success) {
    throw new UsageError(`invalid organisation: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const org = await createOrganisation(ctx, SYSTEM_ACTOR, input.data);
  io.out(`created organisation ${org.name} (${org.countryCode}), id ${org.id}`);
  return EXIT.ok;
}

/** List organisations, one a line (or JSON). */
export async function listOrganisationsCommand(ctx: ServiceContext, opts: { json?: boolean }, io: CliIo): Promise<number> {
  const orgs = await listOrganisations(ctx, SYSTEM_ACTOR);
  if (opts.json) io.out(JSON.stringify(orgs, null, 2));
  else for (const o of orgs) io.out(`${o.id}  ${o.countryCode}  ${o.partnership.padEnd(11)} ${o.name}${o.archived ? ' (archived)' : ''}`);
  return EXIT.ok;
}

