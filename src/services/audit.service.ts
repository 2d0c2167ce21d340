import type { ChainCheck } from '../domain/audit/audit-chain';
import { listAuditEntries, verifyAuditLog, type AuditListFilter } from '../db/repos/audit.repo';
import { requirePermission, type Actor, type ServiceContext } from './context';

/** Audit entries, newest first. */
export async function listAudit(ctx: ServiceContext, actor: Actor, filter: AuditListFilter) {
  requirePermission(actor, 'audit.read');
  const page = await listAuditEntries(ctx.database.db, filter);
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

/** Check the whole hash chain. */
export async function verifyAudit(ctx: ServiceContext, actor: Actor, onProgress?: (n: number) => void): Promise<ChainCheck> {
  requirePermission(actor, 'audit.read');
  return verifyAuditLog(ctx.database.db, onProgress);
}
