import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { OrganisationView, organisationCreateSchema, organisationUpdateSchema } from '../api/admin.schemas';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import * as orgRepo from '../db/repos/organisation.repo';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

function present(o: orgRepo.OrganisationRow & { memberCount?: number }): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    countryCode: o.countryCode,
    type: o.type as OrganisationView['type'],
    partnership: o.partnership as OrganisationView['partnership'],
    city: o.city,
    archived: o.archivedAt !== null,
    memberCount: o.memberCount ?? 0,
    createdAt: o.createdAt.toISOString(),
  };
}

/** Countries of the network. */
export async function listCountries(ctx: ServiceContext) {
  return (await orgRepo.listCountries(ctx.database.db)).map((c) => ({ code: c.code, name: c.name, seecFocus: c.seecFocus, victorPartner: c.victorPartner }));
}

/** Organisations (archived ones too, flagged). */
export async function listOrganisations(ctx: ServiceContext, actor: Actor): Promise<OrganisationView[]> {
  requirePermission(actor, 'organisations.read');
  return (await orgRepo.listOrganisations(ctx.database.db, { includeArchived: true })).map(present);
}

async function assertCountry(ctx: ServiceContext, code: string) {
  if (!(await orgRepo.findCountry(ctx.database.db, code))) {
    throw new AppError('VALIDATION_FAILED', `Unknown country ${code}.`, { issues: [{ path: 'countryCode', message: 'unknown country' }] });
  }
}

/** Create an organisation. */
export async function createOrganisation(ctx: ServiceContext, actor: Actor, input: z.infer<typeof organisationCreateSchema>): Promise<OrganisationView> {
  requirePermission(actor, 'organisations.manage');
  await assertCountry(ctx, input.countryCode);
  if (actor.principal && !canAccessRecord(actor.principal, 'organisations.manage', { countryCode: input.countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'You cannot add organisations in this country.');
  }
  return inTransaction(ctx, async (tx) => {
    if (await orgRepo.findOrganisationByName(tx, input.name, input.countryCode)) {
      throw new AppError('ORGANISATION_EXISTS', 'An organisation with this name already exists in this country.');
    }
    const row = await orgRepo.insertOrganisation(tx, {
      id: randomUUID(),
      name: input.name,
      shortName: input.shortName ?? null,
      countryCode: input.countryCode,
      type: input.type,
      partnership: input.partnership,
      city: input.city ?? null,
    });
    await recordAudit(tx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: row.id, organisationId: row.id, countryCode: row.countryCode });
    return present(row);
  });
}

/** Edit or archive an organisation. */
export async function updateOrganisation(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof organisationUpdateSchema>,
): Promise<OrganisationView> {
  requirePermission(actor, 'organisations.manage');
  if (patch.countryCode) await assertCountry(ctx, patch.countryCode);
  return inTransaction(ctx, async (tx) => {
    const current = await orgRepo.findOrganisation(tx, id);
    if (!current) throw new AppError('ORGANISATION_NOT_FOUND', 'The organisation does not exist.');
    if (actor.principal && !canAccessRecord(actor.principal, 'organisations.manage', { organisationId: id, countryCode: current.countryCode })) {
      throw new AppError('OUT_OF_SCOPE', 'This organisation is outside your scope.');
    }
    if (patch.countryCode && actor.principal && !canAccessRecord(actor.principal, 'organisations.manage', { countryCode: patch.countryCode })) {
      throw new AppError('OUT_OF_SCOPE', 'You cannot move an organisation to a country outside your scope.');
    }
    const name = patch.name ?? current.name;
    const country = patch.countryCode ?? current.countryCode;
    const clash = await orgRepo.findOrganisationByName(tx, name, country);
    if (clash && clash.id !== id) throw new AppError('ORGANISATION_EXISTS', 'An organisation with this name already exists in this country.');
    const { archived, ...fields } = patch;
    const row = await orgRepo.updateOrganisation(tx, id, {
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
    });
    await recordAudit(tx, actor, {
      action: archived === true ? 'organisation.archived' : 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      countryCode: row!.countryCode,
      details: { fields: Object.keys(patch) },
    });
    const withCount = (await orgRepo.listOrganisations(tx, { includeArchived: true })).find((o) => o.id === id);
    return present(withCount ?? row!);
  });
}
