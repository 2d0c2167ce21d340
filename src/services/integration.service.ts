/**
 * Channel integrations: a phone system or chat gateway reports call start/end (a draft pops up on
 * the operator's console, keyed by the call id), and a mail gateway posts received e-mails (queued
 * at the desk). Each integration has its own signing secret, shown once and stored encrypted.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { inboundEmailSchema, integrationCreateSchema, telephonyEventSchema } from '../api/helpline.schemas';
import * as contactRepo from '../db/repos/contact.repo';
import * as integrationRepo from '../db/repos/integration.repo';
import * as orgRepo from '../db/repos/organisation.repo';
import { findUserByEmail, listMembershipsOfUsers } from '../db/repos/user.repo';
import { ROLE_PERMISSIONS } from '../domain/access/roles';
import { buildScopeFilter, canAccessRecord } from '../domain/access/scope';
import { computeHandleSeconds } from '../domain/helpline/contact-rules';
import { checkWebhookSignature } from '../domain/helpline/webhook-signature';
import { AppError } from '../domain/errors';
import { generateSecret } from '../lib/crypto/tokens';
import { createContact } from './contact.service';
import { inTransaction, recordAudit, requirePermission, SYSTEM_ACTOR, type Actor, type ServiceContext } from './context';
import { publishEventAfterCommit } from './events.service';
import { loadDeskInfo } from './helpline-cache.service';

const secretContext = (id: string) => `channel_integrations.secret:${id}`;

function present(i: integrationRepo.IntegrationRow) {
  return {
    id: i.id,
    kind: i.kind as 'telephony' | 'email',
    name: i.name,
    organisationId: i.organisationId,
    createdAt: i.createdAt.toISOString(),
    lastUsedAt: i.lastUsedAt?.toISOString() ?? null,
    revoked: i.revokedAt !== null,
  };
}

/** Integrations of desks in the administrator's scope. */
export async function listIntegrations(ctx: ServiceContext, actor: Actor) {
  requirePermission(actor, 'integrations.manage');
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'integrations.manage') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  return (await integrationRepo.listIntegrations(ctx.database.db, scope)).map(present);
}

/** Create an integration; the signing secret is returned this once. */
export async function createIntegration(ctx: ServiceContext, actor: Actor, input: z.infer<typeof integrationCreateSchema>) {
  requirePermission(actor, 'integrations.manage');
  const org = await orgRepo.findOrganisation(ctx.database.db, input.organisationId);
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'The desk does not exist.');
  if (actor.principal && !canAccessRecord(actor.principal, 'integrations.manage', { organisationId: org.id, countryCode: org.countryCode })) {
    throw new AppError('OUT_OF_SCOPE', 'This desk is outside your scope.');
  }
  const id = randomUUID();
  const secret = `whsec_${generateSecret(32)}`;
  return inTransaction(ctx, async (tx) => {
    const row = await integrationRepo.insertIntegration(tx, { id, kind: input.kind, name: input.name, organisationId: org.id, secretEnc: ctx.encryptor.encrypt(secret, secretContext(id)), createdBy: actor.principal?.userId ?? null });
    await recordAudit(tx, actor, { action: 'integration.created', entityType: 'integration', entityId: id, organisationId: org.id, countryCode: org.countryCode, details: { kind: input.kind } });
    return { ...present(row), secret };
  });
}

/** Revoke an integration: its calls are refused from now on. */
export async function revokeIntegration(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'integrations.manage');
  await inTransaction(ctx, async (tx) => {
    const row = await integrationRepo.findIntegration(tx, id);
    const org = row ? await orgRepo.findOrganisation(tx, row.organisationId) : undefined;
    if (!row || !org || (actor.principal && !canAccessRecord(actor.principal, 'integrations.manage', { organisationId: org.id, countryCode: org.countryCode }))) {
      throw new AppError('INTEGRATION_NOT_FOUND', 'The integration does not exist.');
    }
    await integrationRepo.revokeIntegration(tx, id);
    await recordAudit(tx, actor, { action: 'integration.revoked', entityType: 'integration', entityId: id, organisationId: org.id, countryCode: org.countryCode });
  });
}

/**
 * Check the signature of a webhook call; returns the active integration of the expected kind.
 * Every failure is the same SIGNATURE_INVALID to the caller (the reason goes to the log only).
 */
export async function authenticateWebhook(ctx: ServiceContext, kind: 'telephony' | 'email', integrationId: string | undefined, signature: string | undefined, rawBody: string) {
  const refuse = (reason: string): never => {
    ctx.logger.warn({ integrationId, reason }, 'webhook refused');
    throw new AppError('SIGNATURE_INVALID', 'The request signature is not valid.');
  };
  if (!integrationId || !/^[0-9a-f-]{36}$/.test(integrationId)) return refuse('missing or malformed x-victor-integration');
  const row = await integrationRepo.findIntegration(ctx.database.db, integrationId);
  if (!row || row.revokedAt || row.kind !== kind) return refuse('unknown, revoked or wrong kind');
  const problem = checkWebhookSignature(ctx.encryptor.decrypt(row.secretEnc, secretContext(row.id)), rawBody, signature);
  if (problem) return refuse(problem);
  await integrationRepo.touchIntegration(ctx.database.db, row.id);
  return row;
}

const keyOf = (prefix: string, integrationId: string, ref: string) => `${prefix}_${createHash('sha256').update(`${integrationId}\n${ref}`).digest('hex').slice(0, 48)}`;

async function findOperator(ctx: ServiceContext, organisationId: string, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const user = await findUserByEmail(ctx.database.db, email);
  if (!user || user.status !== 'active') return null;
  const memberships = await listMembershipsOfUsers(ctx.database.db, [user.id]);
  return memberships.some((m) => m.organisationId === organisationId && ROLE_PERMISSIONS[m.role].includes('contacts.write')) ? user.id : null;
}

/** A call event: start opens a draft on the operator's console (screen-pop); end closes the timer. */
export async function handleTelephonyEvent(ctx: ServiceContext, integration: integrationRepo.IntegrationRow, e: z.infer<typeof telephonyEventSchema>, requestId: string | null) {
  const actor: Actor = { ...SYSTEM_ACTOR, requestId };
  const desk = await loadDeskInfo(ctx, integration.organisationId);
  const existing = await contactRepo.findContactByExternalRef(ctx.database.db, 'telephony', desk.organisationId, e.callId);
  if (e.event === 'call.started' || !existing) {
    const operatorUserId = await findOperator(ctx, desk.organisationId, e.operatorEmail);
    const contact = await createContact(
      ctx,
      actor,
      { idempotencyKey: keyOf('tel', integration.id, e.callId), organisationId: desk.organisationId, channel: e.channel, direction: e.direction, startedAt: e.at, complete: false, ...(e.callerId ? { callerId: e.callerId } : {}) },
      { source: 'telephony', status: operatorUserId ? 'draft' : 'queued', externalRef: e.callId, operatorUserId },
      desk,
    );
    if (!contact.replayed) {
      publishEventAfterCommit(ctx.database, { topic: 'contacts.screen_pop', organisationId: desk.organisationId, countryCode: desk.countryCode, ids: [contact.id], userId: operatorUserId });
    }
    if (e.event === 'call.started') return { contactId: contact.id, reference: contact.reference, status: contact.status, duplicate: contact.replayed === true };
    return finishCall(ctx, actor, (await contactRepo.findContact(ctx.database.db, contact.id))!, e);
  }
  return finishCall(ctx, actor, existing, e);
}

async function finishCall(ctx: ServiceContext, actor: Actor, c: contactRepo.ContactRow, e: z.infer<typeof telephonyEventSchema>) {
  const ack = (duplicate: boolean, row = c) => ({ contactId: row.id, reference: row.reference, status: row.status, duplicate });
  if (e.event === 'call.answered' || c.endedAt || c.status === 'completed') return ack(e.event !== 'call.answered');
  const endedAt = new Date(Math.max(new Date(e.at).getTime(), c.startedAt.getTime()));
  const abandoned = e.answered === false && c.operatorUserId === null;
  return inTransaction(ctx, async (tx) => {
    const updated = await contactRepo.updateContactAtVersion(tx, c.id, c.version, {
      endedAt,
      handleSeconds: computeHandleSeconds(c.startedAt, endedAt),
      ...(abandoned ? { status: 'abandoned', completedAt: endedAt } : {}),
    });
    if (!updated) throw new AppError('CONTACT_VERSION_CONFLICT', 'The contact changed at the same time; send the event again.');
    await recordAudit(tx, actor, { action: abandoned ? 'contact.abandoned' : 'contact.call_ended', entityType: 'contact', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode });
    return ack(false, updated);
  }).then((result) => {
    publishEventAfterCommit(ctx.database, { topic: 'contacts.changed', organisationId: c.organisationId, countryCode: c.countryCode, ids: [c.id] });
    return result;
  });
}

/** A received e-mail becomes a queued contact at the desk (sender kept only as a keyed hash). */
export async function handleInboundEmail(ctx: ServiceContext, integration: integrationRepo.IntegrationRow, m: z.infer<typeof inboundEmailSchema>, requestId: string | null) {
  const desk = await loadDeskInfo(ctx, integration.organisationId);
  const contact = await createContact(
    ctx,
    { ...SYSTEM_ACTOR, requestId },
    {
      idempotencyKey: keyOf('mail', integration.id, m.messageId),
      organisationId: desk.organisationId,
      channel: 'email',
      direction: 'inbound',
      startedAt: m.receivedAt,
      callerId: m.from,
      notes: m.subject ? `${m.subject}\n\n${m.text}` : m.text,
      complete: false,
      ...(m.language ? { language: m.language } : {}),
    },
    { source: 'email', status: 'queued', externalRef: m.messageId, operatorUserId: null },
    desk,
  );
  return { contactId: contact.id, reference: contact.reference, status: contact.status, duplicate: contact.replayed === true };
}
