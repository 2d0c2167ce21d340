import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { hasPermission } from '../domain/access/scope';
import type { Permission } from '../domain/access/roles';
import type { Database, Db } from '../db/database';
import { appendAuditEntry, type AuditInput } from '../db/repos/audit.repo';
import type { FieldEncryptor } from '../lib/crypto/field-encryption';

/** What every service needs: the database, config, field encryption, a logger. */
export interface ServiceContext {
  database: Database;
  config: Config;
  encryptor: FieldEncryptor;
  logger: Logger;
}

/** Who asks, for permission checks and the audit log. */
export interface Actor {
  principal: Principal | null;
  requestId: string | null;
}

/** An actor for system work (seeding, CLI) with no signed-in user. */
export const SYSTEM_ACTOR: Actor = { principal: null, requestId: null };

/** Run fn in one transaction. */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction(async (tx) => fn(tx as unknown as Db));
}

/** Throw FORBIDDEN unless the actor holds the permission (system actors always pass). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.principal === null) return;
  if (!hasPermission(actor.principal, permission)) throw new AppError('FORBIDDEN', `This needs the permission ${permission}.`);
}

/** The actor fields of an audit entry. */
export function auditActorOf(actor: Actor): Pick<AuditInput, 'actorUserId' | 'actorTokenId' | 'requestId'> {
  return { actorUserId: actor.principal?.userId ?? null, actorTokenId: actor.principal?.tokenId ?? null, requestId: actor.requestId };
}

/** Append an audit entry for this actor inside the given transaction. */
export async function recordAudit(tx: Db, actor: Actor, entry: Omit<AuditInput, 'actorUserId' | 'actorTokenId' | 'requestId'>): Promise<void> {
  await appendAuditEntry(tx, { ...entry, ...auditActorOf(actor) });
}
