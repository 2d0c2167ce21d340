/** Which desk an operator works for in a request, checked against their memberships. */
import type { Permission } from '../domain/access/roles';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import type { Actor, ServiceContext } from './context';
import { loadDeskInfo, type DeskInfo } from './helpline-cache.service';

/**
 * The desk named in the request (which must be in the actor's scope for `permission`), or the
 * actor's only organisation holding that permission. System actors must name the desk.
 */
export async function resolveDeskForActor(ctx: ServiceContext, actor: Actor, permission: Permission, organisationId?: string): Promise<DeskInfo> {
  let orgId = organisationId;
  if (!orgId) {
    const grants = actor.principal?.memberships.filter((m) => canAccessRecord({ ...actor.principal!, memberships: [m] }, permission, { organisationId: m.organisationId, countryCode: m.countryCode })) ?? [];
    const orgs = [...new Set(grants.map((g) => g.organisationId))];
    if (orgs.length !== 1) throw new AppError('DESK_REQUIRED', 'Choose the desk (organisationId) this contact belongs to.', { issues: [{ path: 'organisationId', message: 'required' }] });
    orgId = orgs[0]!;
  }
  const desk = await loadDeskInfo(ctx, orgId);
  if (actor.principal && !canAccessRecord(actor.principal, permission, { organisationId: desk.organisationId, countryCode: desk.countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'This desk is outside your scope.');
  }
  return desk;
}
