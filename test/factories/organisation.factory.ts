import { randomUUID } from 'node:crypto';
import { insertOrganisation, type OrganisationRow } from '../../src/db/repos/organisation.repo';
import type { ServiceContext } from '../../src/services/context';

let n = 0;
/** Insert an organisation; defaults to a Greek national NGO with a unique name. */
export async function makeOrganisation(ctx: ServiceContext, over: Partial<OrganisationRow> = {}): Promise<OrganisationRow> {
  n += 1;
  return insertOrganisation(ctx.database.db, {
    id: randomUUID(),
    name: `Test Organisation ${n} ${randomUUID().slice(0, 6)}`,
    shortName: null,
    countryCode: 'GR',
    type: 'national_ngo',
    partnership: 'full',
    city: 'Athens',
    ...over,
  });
}
