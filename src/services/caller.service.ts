/**
 * Repeat callers: a desk recognises a caller by a keyed hash of the phone number or chat id, sees
 * how often they called and the flags colleagues set (abusive, vulnerable, …), which expire.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CallerProfileView, callerFlagCreateSchema } from '../api/contacts.schemas';
import * as callerRepo from '../db/repos/caller.repo';
import type { Db } from '../db/database';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { resolveDeskForActor } from './desk-access';
import { getKeyedHasher } from './keyed-hash.service';
import { loadDeskInfo } from './helpline-cache.service';
import { publishEventAfterCommit } from './events.service';

/** The profile of a caller as operators see it. */
export async function buildCallerProfile(ctx: ServiceContext, db: Db, caller: callerRepo.CallerRow): Promise<CallerProfileView> {
  const flags = await callerRepo.listActiveFlags(db, [caller.id]);
  const recent = await callerRepo.listRecentContactsOfCaller(db, caller.id);
  const contactCount = await callerRepo.countContactsOfCaller(db, caller.id);
  return {
    id: caller.id,
    contactCount,
    firstContactAt: caller.firstContactAt.toISOString(),
    lastContactAt: caller.lastContactAt.toISOString(),
    flags: flags.map((f) => ({
      id: f.id,
      flag: f.flag as CallerProfileView['flags'][number]['flag'],
      note: f.noteEnc ? ctx.encryptor.decrypt(f.noteEnc, `caller_flags.note:${f.id}`) : null,
      setAt: f.setAt.toISOString(),
      expiresAt: f.expiresAt.toISOString(),
    })),
    recentContacts: recent.map((r) => ({
      id: r.id,
      reference: r.reference,
      startedAt: r.startedAt.toISOString(),
      channel: r.channel as CallerProfileView['recentContacts'][number]['channel'],
      outcome: r.outcome as CallerProfileView['recentContacts'][number]['outcome'],
      categories: r.categories,
    })),
  };
}

/** Find the desk's profile for a phone number / chat id (the lookup of a found profile is audited). */
export async function lookupCaller(ctx: ServiceContext, actor: Actor, input: { callerId: string; organisationId?: string }): Promise<CallerProfileView | null> {
  requirePermission(actor, 'contacts.read');
  const desk = await resolveDeskForActor(ctx, actor, 'contacts.read', input.organisationId);
  const hasher = await getKeyedHasher(ctx);
  const caller = await callerRepo.findCallerByHash(ctx.database.db, desk.organisationId, hasher.hashCallerId(input.callerId, desk.countryCode));
  if (!caller) return null;
  return inTransaction(ctx, async (tx) => {
    await recordAudit(tx, actor, { action: 'caller.viewed', entityType: 'caller', entityId: caller.id, organisationId: desk.organisationId, countryCode: desk.countryCode });
    return buildCallerProfile(ctx, tx, caller);
  });
}

async function loadCallerInScope(ctx: ServiceContext, actor: Actor, db: Db, callerId: string) {
  const caller = await callerRepo.findCaller(db, callerId);
  if (!caller) throw new AppError('CALLER_NOT_FOUND', 'The caller profile does not exist.');
  const desk = await loadDeskInfo(ctx, caller.organisationId, db);
  if (actor.principal && !canAccessRecord(actor.principal, 'contacts.write', { organisationId: caller.organisationId, countryCode: desk.countryCode })) {
    throw new AppError('CALLER_NOT_FOUND', 'The caller profile does not exist.');
  }
  return { caller, desk };
}

/** Flag a caller for a number of days. */
export async function addCallerFlag(ctx: ServiceContext, actor: Actor, callerId: string, input: z.infer<typeof callerFlagCreateSchema>): Promise<CallerProfileView> {
  requirePermission(actor, 'contacts.write');
  const { profile, organisationId, countryCode } = await inTransaction(ctx, async (tx) => {
    const { caller, desk } = await loadCallerInScope(ctx, actor, tx, callerId);
    const id = randomUUID();
    const now = new Date();
    await callerRepo.insertFlag(tx, {
      id,
      callerId,
      flag: input.flag,
      noteEnc: input.note ? ctx.encryptor.encrypt(input.note, `caller_flags.note:${id}`) : null,
      setBy: actor.principal?.userId ?? null,
      setAt: now,
      expiresAt: new Date(now.getTime() + input.days * 86_400_000),
    });
    await recordAudit(tx, actor, { action: 'caller.flagged', entityType: 'caller', entityId: callerId, organisationId: caller.organisationId, countryCode: desk.countryCode, details: { flag: input.flag, days: input.days } });
    return { profile: await buildCallerProfile(ctx, tx, caller), organisationId: caller.organisationId, countryCode: desk.countryCode };
  });
  publishEventAfterCommit(ctx.database, { topic: 'contacts.caller_changed', organisationId, countryCode, ids: [callerId] });
  return profile;
}

/** Clear a flag before it expires. */
export async function clearCallerFlag(ctx: ServiceContext, actor: Actor, callerId: string, flagId: string): Promise<CallerProfileView> {
  requirePermission(actor, 'contacts.write');
  return inTransaction(ctx, async (tx) => {
    const { caller, desk } = await loadCallerInScope(ctx, actor, tx, callerId);
    const cleared = await callerRepo.clearFlag(tx, callerId, flagId, actor.principal?.userId ?? null);
    if (!cleared) throw new AppError('FLAG_NOT_FOUND', 'The flag does not exist or was already cleared.');
    await recordAudit(tx, actor, { action: 'caller.flag_cleared', entityType: 'caller', entityId: callerId, organisationId: caller.organisationId, countryCode: desk.countryCode, details: { flag: cleared.flag } });
    return buildCallerProfile(ctx, tx, caller);
  });
}
