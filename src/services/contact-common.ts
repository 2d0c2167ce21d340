/** What the contact services share: the full view, record scope, and announcing a change. */
import type { ContactView } from '../api/contacts.schemas';
import type { Db } from '../db/database';
import * as callerRepo from '../db/repos/caller.repo';
import * as contactRepo from '../db/repos/contact.repo';
import { findUserById } from '../db/repos/user.repo';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { buildCallerProfile } from './caller.service';
import { callbackContext, notesContext } from './contact-changes';
import { presentContact } from './contact-presenter';
import type { Actor, ServiceContext } from './context';
import { publishEventAfterCommit } from './events.service';

/** The decrypted notes and call-back number of a contact. */
function decryptSecrets(ctx: ServiceContext, c: contactRepo.ContactRow) {
  return {
    notes: c.notesEnc ? ctx.encryptor.decrypt(c.notesEnc, notesContext(c.id)) : null,
    callbackPhone: c.callbackPhoneEnc ? ctx.encryptor.decrypt(c.callbackPhoneEnc, callbackContext(c.id)) : null,
  };
}

/** The full view of a stored contact (decrypted secrets, caller profile, operator name). */
export async function viewOf(ctx: ServiceContext, db: Db, c: contactRepo.ContactRow, opts: { replayed?: boolean; operatorName?: string | null } = {}): Promise<ContactView> {
  const caller = c.callerId ? await callerRepo.findCaller(db, c.callerId) : undefined;
  const profile = caller ? await buildCallerProfile(ctx, db, caller) : null;
  const operatorName = opts.operatorName !== undefined ? opts.operatorName : c.operatorUserId ? ((await findUserById(db, c.operatorUserId))?.displayName ?? null) : null;
  return presentContact({ ...c, operatorName }, decryptSecrets(ctx, c), profile, opts.replayed);
}

/** Where a contact sits, for scope checks (its operator owns it). */
export function locationOf(c: { organisationId: string; countryCode: string; operatorUserId: string | null }) {
  return { organisationId: c.organisationId, countryCode: c.countryCode, ownerUserIds: c.operatorUserId ? [c.operatorUserId] : [] };
}

/** The contact if it exists and the actor may use `permission` on it; CONTACT_NOT_FOUND otherwise. */
export async function loadContactInScope(db: Db, actor: Actor, id: string, permission: 'contacts.read' | 'contacts.write' | 'contacts.review') {
  const c = await contactRepo.findContact(db, id);
  if (!c || (actor.principal && !canAccessRecord(actor.principal, permission, locationOf(c)))) {
    throw new AppError('CONTACT_NOT_FOUND', 'The contact does not exist or is outside your scope.');
  }
  return c;
}

/** Tell live listeners (wallboards, queues) that a committed contact changed. */
export function announceChange(ctx: ServiceContext, c: { id: string; organisationId: string; countryCode: string }): void {
  publishEventAfterCommit(ctx.database, { topic: 'contacts.changed', organisationId: c.organisationId, countryCode: c.countryCode, ids: [c.id] }, (err) =>
    ctx.logger.warn({ err: { message: (err as Error).message }, contactId: c.id }, 'live event not sent'),
  );
}
