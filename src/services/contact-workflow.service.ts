/**
 * What happens to a contact after logging: taking it from the queue, discarding a mistaken draft or
 * a spam report, and a supervisor's review.
 */
import type { z } from 'zod';
import type { ContactView, contactDiscardSchema, contactReviewSchema } from '../api/contacts.schemas';
import * as contactRepo from '../db/repos/contact.repo';
import { canAccessRecord } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { announceChange, loadContactInScope, locationOf, viewOf } from './contact-common';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

/** Take a queued contact (public form, e-mail) into one's own draft. */
export async function claimContact(ctx: ServiceContext, actor: Actor, id: string): Promise<ContactView> {
  requirePermission(actor, 'contacts.write');
  return inTransaction(ctx, async (tx) => {
    const current = await loadContactInScope(tx, actor, id, 'contacts.write');
    if (current.status !== 'queued') throw new AppError('CONTACT_NOT_EDITABLE', 'Someone has already taken this contact.');
    const updated = await contactRepo.updateContactAtVersion(tx, id, current.version, { status: 'draft', operatorUserId: actor.principal?.userId ?? null });
    if (!updated) throw new AppError('CONTACT_VERSION_CONFLICT', 'Someone has already taken this contact.');
    await recordAudit(tx, actor, { action: 'contact.claimed', entityType: 'contact', entityId: id, organisationId: current.organisationId, countryCode: current.countryCode });
    return viewOf(ctx, tx, updated);
  }).then((view) => {
    announceChange(ctx, view);
    return view;
  });
}

/**
 * Discard a draft opened by mistake (its operator, or a reviewer) or a queued report that is spam or a
 * duplicate (anyone logging at the desk). The row stays, marked discarded and left out of the figures.
 */
export async function discardContact(ctx: ServiceContext, actor: Actor, id: string, input: z.infer<typeof contactDiscardSchema>): Promise<ContactView> {
  requirePermission(actor, 'contacts.write');
  return inTransaction(ctx, async (tx) => {
    const current = await loadContactInScope(tx, actor, id, 'contacts.write');
    const reviewer = !actor.principal || canAccessRecord(actor.principal, 'contacts.review', locationOf(current));
    const ownDraft = current.status === 'draft' && (current.operatorUserId === actor.principal?.userId || reviewer);
    if (!ownDraft && current.status !== 'queued') throw new AppError('CONTACT_NOT_EDITABLE', 'Only open drafts and waiting reports can be discarded.');
    if (current.version !== input.version) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it.');
    const updated = await contactRepo.updateContactAtVersion(tx, id, input.version, { status: 'discarded', completedAt: new Date() });
    if (!updated) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it.');
    await recordAudit(tx, actor, { action: 'contact.discarded', entityType: 'contact', entityId: id, organisationId: current.organisationId, countryCode: current.countryCode, details: { reason: input.reason, from: current.status } });
    return viewOf(ctx, tx, updated);
  }).then((view) => {
    announceChange(ctx, view);
    return view;
  });
}

/** A supervisor's review of a completed contact. */
export async function reviewContact(ctx: ServiceContext, actor: Actor, id: string, input: z.infer<typeof contactReviewSchema>): Promise<ContactView> {
  requirePermission(actor, 'contacts.review');
  return inTransaction(ctx, async (tx) => {
    const current = await loadContactInScope(tx, actor, id, 'contacts.review');
    if (current.status !== 'completed') throw new AppError('CONTACT_NOT_EDITABLE', 'Only completed contacts are reviewed.');
    if (current.version !== input.version) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it.');
    const updated = await contactRepo.updateContactAtVersion(tx, id, input.version, {
      reviewStatus: input.decision,
      reviewComment: input.comment ?? null,
      reviewedBy: actor.principal?.userId ?? null,
      reviewedAt: new Date(),
    });
    if (!updated) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact was changed since you opened it.');
    await recordAudit(tx, actor, { action: 'contact.reviewed', entityType: 'contact', entityId: id, organisationId: current.organisationId, countryCode: current.countryCode, details: { decision: input.decision } });
    return viewOf(ctx, tx, updated);
  }).then((view) => {
    announceChange(ctx, view);
    return view;
  });
}
