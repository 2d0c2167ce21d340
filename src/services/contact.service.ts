/**
 * Logging helpline contacts: drafts that autosave, completion with mandatory-field checks,
 * non-data contacts in one request, claiming queued reports, supervisor review, audited reads.
 * Creation is idempotent on a client key, and one transaction holds the contact and its audit entry.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ContactCreateInput, ContactUpdateInput, ContactView, nonDataContactSchema } from '../api/contacts.schemas';
import type { Db } from '../db/database';
import * as callerRepo from '../db/repos/caller.repo';
import * as contactRepo from '../db/repos/contact.repo';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { buildCallerProfile } from './caller.service';
import { computeCompletion, computeContactColumns, type ChangeContext } from './contact-changes';
import { presentContact } from './contact-presenter';
import { announceChange, loadContactInScope, locationOf, viewOf } from './contact-common';
import { auditActorOf, inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { resolveDeskForActor } from './desk-access';
import { loadCurrentTaxonomy, loadDeskInfo, loadPublishedTaxonomy, type DeskInfo } from './helpline-cache.service';
import { getKeyedHasher } from './keyed-hash.service';

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short human reference: country, day, six random characters (e.g. GR-261130-7KQ4M2). */
export function generateContactReference(countryCode: string, at: Date): string {
  const day = at.toISOString().slice(2, 10).replaceAll('-', '');
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += REF_ALPHABET[randomInt(REF_ALPHABET.length)];
  return `${countryCode}-${day}-${tail}`;
}

/** Thrown when the idempotency key was used before (nothing was written). */
class ReplayedKey extends Error {}


async function changeContextFor(ctx: ServiceContext, id: string, desk: DeskInfo, existing?: contactRepo.ContactRow, db: Db = ctx.database.db): Promise<ChangeContext> {
  const hasher = await getKeyedHasher(ctx, db);
  const taxonomy = existing ? await loadPublishedTaxonomy(ctx, existing.taxonomyVersion, db) : await loadCurrentTaxonomy(ctx, db);
  return { id, encryptor: ctx.encryptor, hasher, taxonomy, desk, existing };
}

/** Where a new contact comes from, for contacts not typed in the console. */
export interface ContactOrigin {
  source: 'console' | 'telephony' | 'email' | 'public_form';
  status?: 'queued' | 'draft';
  externalRef?: string;
  /** Who logs it (telephony screen-pop); defaults to the actor. */
  operatorUserId?: string | null;
}

/**
 * Create a contact (a draft, or a whole contact with complete=true). A retry with the same
 * idempotency key returns the contact the first request created (replayed=true).
 */
export async function createContact(ctx: ServiceContext, actor: Actor, input: ContactCreateInput, origin: ContactOrigin = { source: 'console' }, knownDesk?: DeskInfo): Promise<ContactView> {
  requirePermission(actor, 'contacts.write');
  const desk = knownDesk ?? (await resolveDeskForActor(ctx, actor, 'contacts.write', input.organisationId));
  try {
    return await insertNewContact(ctx, actor, input, origin, desk);
  } catch (err) {
    // A retry whose first attempt succeeded must get that contact back, even if the body no longer
    // validates (e.g. the taxonomy changed in between): look the key up on the error path only.
    if (!(err instanceof ReplayedKey) && !(err instanceof AppError && err.code === 'VALIDATION_FAILED')) throw err;
    const existing = await contactRepo.findContactByIdempotencyKey(ctx.database.db, input.idempotencyKey);
    if (!existing && !(err instanceof ReplayedKey)) throw err;
    return replayCreation(ctx, actor, existing, origin);
  }
}

async function insertNewContact(ctx: ServiceContext, actor: Actor, input: ContactCreateInput, origin: ContactOrigin, desk: DeskInfo): Promise<ContactView> {
  const id = randomUUID();
  const cc = await changeContextFor(ctx, id, desk);
  const now = new Date();
  const { idempotencyKey, complete, organisationId: _org, callerId: rawCallerId, ...fields } = input;
  const columns = computeContactColumns({ direction: 'inbound', startedAt: now.toISOString(), ...fields }, cc);
  const operatorUserId = origin.operatorUserId !== undefined ? origin.operatorUserId : (actor.principal?.userId ?? null);
  let row: contactRepo.ContactInsert = {
    ...columns,
    id,
    reference: generateContactReference(desk.countryCode, now),
    idempotencyKey,
    organisationId: desk.organisationId,
    countryCode: desk.countryCode,
    status: origin.status ?? 'draft',
    source: origin.source,
    externalRef: origin.externalRef ?? null,
    channel: input.channel,
    direction: columns.direction ?? 'inbound',
    startedAt: columns.startedAt ?? now,
    taxonomyVersion: cc.taxonomy.version,
    operatorUserId,
  };
  if (complete) row = { ...row, ...computeCompletion(row as typeof row & { startedAt: Date }, cc, now) };
  const callerHash = rawCallerId ? cc.hasher.hashCallerId(rawCallerId, desk.countryCode) : null;
  // One statement: caller profile, contact and audit entry commit together in one round trip.
  const inserted = await contactRepo.insertContactWithAudit(
    ctx.database,
    row,
    {
      ...auditActorOf(actor),
      action: complete ? 'contact.logged' : 'contact.created',
      entityType: 'contact',
      entityId: id,
      organisationId: desk.organisationId,
      countryCode: desk.countryCode,
      details: { source: origin.source, channel: input.channel, status: row.status },
    },
    callerHash ? { id: randomUUID(), callerHash } : null,
  );
  if (!inserted) throw new ReplayedKey();
  const stored = inserted.row;
  // A caller seen before: the operator gets the profile at once (a first contact needs none).
  const callerRow = stored.callerId && inserted.previousCallerContacts > 0 ? await callerRepo.findCaller(ctx.database.db, stored.callerId) : undefined;
  const profile = callerRow ? await buildCallerProfile(ctx, ctx.database.db, callerRow) : null;
  const view = presentContact({ ...stored, operatorName: null }, { notes: fields.notes ?? null, callbackPhone: stored.callbackPhoneEnc ? (fields.callbackPhone ?? null) : null }, profile);
  announceChange(ctx, view);
  return view;
}

async function replayCreation(ctx: ServiceContext, actor: Actor, existing: contactRepo.ContactRow | undefined, origin: ContactOrigin): Promise<ContactView> {
  const sameCreator = existing && (existing.operatorUserId === (actor.principal?.userId ?? null) || origin.source !== 'console');
  if (!existing || !sameCreator) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for another request.');
  return viewOf(ctx, ctx.database.db, existing, { replayed: true });
}

/** Log a non-data contact (silent, prank, wrong number…) in one request. */
export async function createNonDataContact(ctx: ServiceContext, actor: Actor, input: z.infer<typeof nonDataContactSchema>): Promise<ContactView> {
  return createContact(ctx, actor, {
    idempotencyKey: input.idempotencyKey,
    organisationId: input.organisationId,
    channel: input.channel,
    nonDataType: input.nonDataType,
    outcome: 'non_data',
    categories: [`NONDATA.${input.nonDataType.toUpperCase()}`],
    ...(input.startedAt ? { startedAt: input.startedAt } : {}),
    ...(input.callerId ? { callerId: input.callerId } : {}),
    complete: true,
  });
}

function assertEditable(actor: Actor, c: contactRepo.ContactRow): void {
  if (c.status === 'draft') return;
  if (c.status === 'completed') {
    const mayReview = !actor.principal || canAccessRecord(actor.principal, 'contacts.review', locationOf(c));
    const ownCorrection = c.reviewStatus === 'needs_changes' && c.operatorUserId === actor.principal?.userId;
    if (mayReview || ownCorrection) return;
  }
  if (c.status === 'queued') throw new AppError('CONTACT_NOT_EDITABLE', 'Take the contact from the queue before editing it.');
  throw new AppError('CONTACT_NOT_EDITABLE', 'This contact can no longer be changed.');
}

async function applyChange(ctx: ServiceContext, actor: Actor, id: string, input: ContactUpdateInput, finish: boolean): Promise<ContactView> {
  requirePermission(actor, 'contacts.write');
  const { version, callerId: rawCallerId, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    const current = await loadContactInScope(tx, actor, id, 'contacts.write');
    assertEditable(actor, current);
    if (current.version !== version) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it. Reload to see the latest version.');
    const desk = await loadDeskInfo(ctx, current.organisationId, tx);
    const cc = await changeContextFor(ctx, id, desk, current, tx);
    let columns = computeContactColumns(fields, cc);
    if (rawCallerId && !current.callerId) {
      const caller = await callerRepo.recordCallerContact(tx, { id: randomUUID(), organisationId: current.organisationId, callerHash: cc.hasher.hashCallerId(rawCallerId, current.countryCode), at: current.startedAt });
      columns.callerId = caller.id;
    }
    // Finishing checks what is mandatory; so does every later correction of a completed contact (and
    // notification times follow the actions), so a completed contact never becomes incomplete.
    if (finish || current.status === 'completed') {
      const done = computeCompletion({ ...current, ...columns } as contactRepo.ContactInsert & { startedAt: Date }, cc, new Date());
      columns = { ...columns, ...done, ...(current.status === 'completed' ? { completedAt: current.completedAt } : {}) };
    }
    const updated = await contactRepo.updateContactAtVersion(tx, id, version, columns);
    if (!updated) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it. Reload to see the latest version.');
    await recordAudit(tx, actor, {
      action: finish ? 'contact.completed' : 'contact.updated',
      entityType: 'contact',
      entityId: id,
      organisationId: current.organisationId,
      countryCode: current.countryCode,
      details: { fields: Object.keys(fields).sort(), version: updated.version },
    });
    return viewOf(ctx, tx, updated);
  }).then((view) => {
    announceChange(ctx, view);
    return view;
  });
}

/** Autosave of a draft (or a reviewer's correction): optimistic concurrency on `version`. */
export async function updateContact(ctx: ServiceContext, actor: Actor, id: string, input: ContactUpdateInput): Promise<ContactView> {
  return applyChange(ctx, actor, id, input, false);
}

/** Finish a contact: apply the last changes, check mandatory fields, stamp notification times. */
export async function completeContact(ctx: ServiceContext, actor: Actor, id: string, input: ContactUpdateInput): Promise<ContactView> {
  return applyChange(ctx, actor, id, input, true);
}

/** One contact in full; who read it is audited. */
export async function getContact(ctx: ServiceContext, actor: Actor, id: string): Promise<ContactView> {
  requirePermission(actor, 'contacts.read');
  return inTransaction(ctx, async (tx) => {
    const c = await loadContactInScope(tx, actor, id, 'contacts.read');
    await recordAudit(tx, actor, { action: 'contact.viewed', entityType: 'contact', entityId: id, organisationId: c.organisationId, countryCode: c.countryCode });
    return viewOf(ctx, tx, c);
  });
}
