import type { ChainCheck } from '../domain/audit/audit-chain';
import { listAuditEntries, verifyAuditLog, type AuditListFilter } from '../db/repos/audit.repo';
import { buildScopeFilter } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { requirePermission, type Actor, type ServiceContext } from './context';

/** Audit entries, newest first. */
export async function listAudit(ctx: ServiceContext, actor: Actor, filter: AuditListFilter) {
  requirePermission(actor, 'audit.read');
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'audit.read') : undefined;
  const page = await listAuditEntries(ctx.database.db, { ...filter, scope });
  return {
    total: page.total,
    items: page.items.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorUserId: e.actorUserId,
      actorTokenId: e.actorTokenId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      requestId: e.requestId,
      details: e.details,
    })),
  };
}

/** Check the whole hash chain (region-wide auditors only: it reads every entry). */
export async function verifyAudit(ctx: ServiceContext, actor: Actor, onProgress?: (n: number) => void): Promise<ChainCheck> {
  requirePermission(actor, 'audit.read');
  if (actor.principal && !buildScopeFilter(actor.principal, 'audit.read').all) {
    throw new AppError('OUT_OF_SCOPE', 'Verifying the whole audit chain needs region-wide audit access.');
  }
  return verifyAuditLog(ctx.database.db, onProgress);
}
