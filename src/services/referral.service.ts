/**
 * Referrals to NRM actors: create (draft, or sent at once), the state machine (send, acknowledge, accept,
 * decline, complete, revoke) with the consent gate, timestamps and the SLA deadline, and messages between
 * the two sides. Every change appends to the case timeline (with the referral id, comments encrypted)
 * and is audited on both sides.
 */
import { randomUUID } from 'node:crypto';
import { LOCALES } from '../api/common.schemas';
import type { ReferralActionInput, ReferralCreateInput, ReferralView } from '../api/referrals.schemas';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import { findPerson } from '../db/repos/case-person.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as pathwayRepo from '../db/repos/nrm-pathway.repo';
import * as repo from '../db/repos/referral.repo';
import type { CaseConsentJson } from '../db/schema';
import { recordMilestone, type CaseTimings } from '../domain/cases/case-workflow';
import { checkReferralConsent, computeReferralDue, nextReferralStatus, sideOf, type ReferralAction, type ReferralStatus } from '../domain/cases/referral-workflow';
import { AppError } from '../domain/errors';
import type { NrmStage } from '../domain/knowledge/knowledge-fields';
import { loadCaseWithAccess, sealField, type CaseAccess } from './case-access';
import { recordAudit, type Actor, type ServiceContext } from './context';
import { buildReferralView, guardReferralAccess, loadReferralReach, type ReferralReach } from './referral-read.service';

type Locale = (typeof LOCALES)[number];
type CaseEventKind = Parameters<typeof appendCaseEvent>[1]['kind'];

const STATUS_TIME: Partial<Record<ReferralStatus, keyof repo.ReferralInsert>> = {
  sent: 'sentAt',
  acknowledged: 'acknowledgedAt',
  accepted: 'acceptedAt',
  declined: 'declinedAt',
  completed: 'completedAt',
  revoked: 'revokedAt',
};
const EVENT_OF: Record<ReferralAction, CaseEventKind> = {
  send: 'referral_sent',
  acknowledge: 'referral_acknowledged',
  accept: 'referral_accepted',
  decline: 'referral_declined',
  complete: 'referral_completed',
  revoke: 'referral_revoked',
};

function timingsOf(c: caseRepo.CaseRow): CaseTimings {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return { reportedAt: c.reportedAt.toISOString(), openedAt: c.openedAt.toISOString(), firstAssistanceAt: iso(c.firstAssistanceAt), firstReferralAt: iso(c.firstReferralAt), firstAcceptanceAt: iso(c.firstAcceptanceAt), closedAt: iso(c.closedAt) };
}

/** Audit a referral change for the referring team and, when it is another organisation, the receiver. */
async function auditBothSides(tx: Db, actor: Actor, row: repo.ReferralRow, action: string, details: Record<string, unknown>): Promise<void> {
  const base = { action, entityType: 'referral', entityId: row.id, countryCode: row.countryCode };
  await recordAudit(tx, actor, { ...base, organisationId: row.organisationId, details: { ...details, caseId: row.caseId, side: 'sender' } });
  if (row.receiverOrganisationId && row.receiverOrganisationId !== row.organisationId) {
    await recordAudit(tx, actor, { ...base, organisationId: row.receiverOrganisationId, details: { ...details, caseId: row.caseId, side: 'receiver' } });
  }
}

/** The consent gate on sending; returns what to store (snapshot, sealed override). Throws the coded refusal. */
function passConsentGate(ctx: ServiceContext, c: caseRepo.CaseRow, access: CaseAccess, referralId: string, overrideReason: string | null | undefined, actor: Actor) {
  const consent = (c.consent as CaseConsentJson | null) ?? null;
  if (checkReferralConsent(consent, null) === null) return { consentSnapshot: consent as Record<string, unknown> | null, consentOverrideReasonEnc: null, consentOverrideBy: null, overridden: false };
  const reason = overrideReason?.trim() ?? '';
  if (!reason) throw new AppError('CONSENT_REQUIRED', 'Record the consent (covering referral) before sending, or override it with a reason if you are permitted to.');
  if (!access.overrideConsent) throw new AppError('FORBIDDEN', 'Sending without consent needs the permission referrals.consent_override on this case.');
  if (checkReferralConsent(consent, { reason }) !== null) throw new AppError('REASON_REQUIRED', 'State the reason for the override (at least 10 characters).');
  return { consentSnapshot: consent as Record<string, unknown> | null, consentOverrideReasonEnc: sealField(ctx, 'referrals.consent_override_reason', referralId, reason), consentOverrideBy: actor.principal?.userId ?? null, overridden: true };
}

/** New referrals go out from open cases only. */
function assertCaseOpen(c: caseRepo.CaseRow): void {
  if (c.status === 'closed') throw new AppError('CASE_TRANSITION_NOT_ALLOWED', 'The case is closed: reopen it before referring.');
}

/** On sending: the case's first referral time, and open/active cases move to referred (on the timeline). */
async function applySendEffects(tx: Db, actor: Actor, c: caseRepo.CaseRow, at: Date): Promise<void> {
  const timings = recordMilestone(timingsOf(c), 'firstReferralAt', at.toISOString());
  const firstReferralAt = new Date(timings.firstReferralAt!);
  if (c.status === 'open' || c.status === 'active') {
    const updated = await caseRepo.updateCase(tx, c.id, c.version, { status: 'referred', statusChangedAt: at, firstReferralAt });
    if (!updated) throw new AppError('CASE_VERSION_CONFLICT', 'The case changed meanwhile; reload it and try again.');
    await appendCaseEvent(tx, { caseId: c.id, kind: 'status_changed', actorUserId: actor.principal?.userId ?? null, data: { from: c.status, to: 'referred', auto: true }, at });
    await recordAudit(tx, actor, { action: 'case.status_changed', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { from: c.status, to: 'referred', auto: true } });
  } else if (!c.firstReferralAt) {
    await caseRepo.patchCase(tx, c.id, { firstReferralAt });
  }
}

/** The status fields of entering `status` at `at` (timestamp, SLA deadline). */
function statusPatch(status: ReferralStatus, at: Date, slaHours: number | null): Partial<repo.ReferralInsert> & Pick<repo.ReferralInsert, 'status' | 'statusEnteredAt'> {
  const due = computeReferralDue(status, at.toISOString(), slaHours, at);
  const field = STATUS_TIME[status];
  return { status, statusEnteredAt: at, dueAt: due.dueAt ? new Date(due.dueAt) : null, ...(field ? { [field]: at } : {}) };
}

/** Which step and stage a new referral follows: the given step of the published pathway, or one of its steps for the stage. */
async function resolveStep(tx: Db, countryCode: string, input: ReferralCreateInput, entry: pathwayRepo.ActorEntryRow) {
  if (input.stepId) {
    const found = await pathwayRepo.findStepWithPathway(tx, input.stepId);
    if (!found || found.pathway.status !== 'published' || found.pathway.countryCode !== countryCode) {
      throw new AppError('PATHWAY_NOT_FOUND', 'That step is not part of the published referral pathway of the case’s country.');
    }
    return { step: found.step, pathwayId: found.pathway.id, stage: found.step.stage as NrmStage };
  }
  const stage = input.stage ?? (entry.nrmStages[0] as NrmStage | undefined);
  if (!stage) throw new AppError('VALIDATION_FAILED', 'Choose the pathway step or the stage of this referral.', { issues: [{ path: 'stage', message: 'required' }] });
  const pathway = await pathwayRepo.findPublishedPathway(tx, countryCode);
  const steps = pathway ? (await pathwayRepo.listSteps(tx, [pathway.id])).filter((s) => s.stage === stage) : [];
  const step = steps.find((s) => s.actorIds.includes(entry.id)) ?? steps[0] ?? null;
  return { step, pathwayId: step ? pathway!.id : null, stage };
}

/**
 * Create a referral of a case to a directory actor; a draft unless `send` (then through the consent gate:
 * without consent nothing is saved). Needs write access to the case.
 */
export async function createReferral(ctx: ServiceContext, actor: Actor, caseId: string, input: ReferralCreateInput, lang = 'en'): Promise<ReferralView> {
  return guardReferralAccess(ctx, actor, async (tx) => {
    const { row: c, access } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    assertCaseOpen(c);
    const entry = (await pathwayRepo.mapActorEntries(tx, [input.directoryEntryId])).get(input.directoryEntryId);
    if (!entry || entry.archivedAt !== null) throw new AppError('REFERRAL_ACTOR_NOT_FOUND', 'That directory entry does not exist or is archived.');
    if (input.personId) {
      const person = await findPerson(tx, c.id, input.personId);
      if (!person || person.role !== 'potential_victim') throw new AppError('PERSON_NOT_FOUND', 'That person is not a potential victim of this case.');
    }
    const { step, pathwayId, stage } = await resolveStep(tx, c.countryCode, input, entry);
    const id = randomUUID();
    const now = new Date();
    const userId = actor.principal?.userId ?? null;
    const gate = input.send ? passConsentGate(ctx, c, access, id, input.consentOverrideReason, actor) : null;
    const receiverLanguage: Locale = input.receiverLanguage ?? (entry.languages.find((l): l is Locale => (LOCALES as readonly string[]).includes(l)) ?? 'en');
    const slaHours = step?.slaHours ?? null;
    const row = await repo.insertReferral(tx, {
      id,
      caseId: c.id,
      organisationId: c.organisationId,
      countryCode: c.countryCode,
      pathwayId,
      stepId: step?.id ?? null,
      stage,
      directoryEntryId: entry.id,
      receiverOrganisationId: entry.organisationId,
      receiverLanguage,
      urgency: input.urgency,
      messageEnc: sealField(ctx, 'referrals.message', id, input.message),
      personId: input.personId ?? null,
      slaHours,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
      ...(gate ? { consentSnapshot: gate.consentSnapshot, consentOverrideReasonEnc: gate.consentOverrideReasonEnc, consentOverrideBy: gate.consentOverrideBy } : {}),
      ...statusPatch(input.send ? 'sent' : 'draft', now, slaHours),
    });
    const eventBase = { caseId: c.id, actorUserId: userId, referralId: id, at: now };
    await appendCaseEvent(tx, { ...eventBase, kind: 'referral_created', data: { stage, directoryEntryId: entry.id, status: 'draft' } });
    await auditBothSides(tx, actor, row, 'referral.created', { stage, directoryEntryId: entry.id, inApp: entry.organisationId !== null });
    if (input.send && gate) {
      await appendCaseEvent(tx, { ...eventBase, kind: 'referral_sent', data: { from: 'draft', to: 'sent', overridden: gate.overridden } });
      await auditBothSides(tx, actor, row, 'referral.sent', { from: 'draft', to: 'sent', overridden: gate.overridden });
      if (gate.overridden) await recordAudit(tx, actor, { action: 'referral.consent_overridden', entityType: 'referral', entityId: id, organisationId: c.organisationId, countryCode: c.countryCode, details: { caseId: c.id } });
      await applySendEffects(tx, actor, c, now);
    }
    const fresh = (await caseRepo.findCaseById(tx, c.id))!;
    return buildReferralView(tx, ctx, { row, caseRow: fresh, caseAccess: access, sender: true, receiver: false, side: 'sender' }, lang);
  });
}

/** May the reader take this action from their side? (The desk answers for offline receivers.) */
function mayAct(reach: ReferralReach, action: ReferralAction): boolean {
  if (sideOf(action) === 'sender') return reach.caseAccess.write;
  return reach.receiver || (reach.row.receiverOrganisationId === null && reach.caseAccess.write);
}

/**
 * Apply an action of the referral state machine (side checked; illegal moves 409; optimistic version).
 * Sending passes the consent gate; accepting records the case's first acceptance; declining needs a comment.
 */
export async function applyReferralAction(ctx: ServiceContext, actor: Actor, id: string, input: ReferralActionInput, lang = 'en'): Promise<ReferralView> {
  return guardReferralAccess(ctx, actor, async (tx) => {
    const reach = await loadReferralReach(tx, actor, id, input.action);
    const { row, caseRow: c } = reach;
    if (!mayAct(reach, input.action)) throw new AppError('FORBIDDEN', sideOf(input.action) === 'sender' ? 'Only the referring desk may do this.' : 'Only the receiving organisation’s liaison officers may do this.');
    if (row.version !== input.version) throw new AppError('RECORD_VERSION_CONFLICT', 'The referral changed meanwhile; reload it and try again.');
    const from = row.status as ReferralStatus;
    const to = nextReferralStatus(from, input.action);
    if (!to) throw new AppError('REFERRAL_TRANSITION_NOT_ALLOWED', `This referral is ${from}: "${input.action}" is not possible now.`);
    const comment = input.comment?.trim() || null;
    if (input.action === 'decline' && !comment) throw new AppError('REASON_REQUIRED', 'Say why the referral is declined.');
    const now = new Date();
    if (input.action === 'send') assertCaseOpen(c);
    const gate = input.action === 'send' ? passConsentGate(ctx, c, reach.caseAccess, row.id, input.consentOverrideReason, actor) : null;
    const updated = await repo.updateReferral(tx, row.id, row.version, {
      ...statusPatch(to, now, row.slaHours),
      ...(gate ? { consentSnapshot: gate.consentSnapshot, consentOverrideReasonEnc: gate.consentOverrideReasonEnc, consentOverrideBy: gate.consentOverrideBy } : {}),
    });
    if (!updated) throw new AppError('RECORD_VERSION_CONFLICT', 'The referral changed meanwhile; reload it and try again.');
    const userId = actor.principal?.userId ?? null;
    await appendCaseEvent(tx, { caseId: c.id, kind: EVENT_OF[input.action], actorUserId: userId, referralId: row.id, data: { from, to, ...(gate ? { overridden: gate.overridden } : {}) }, commentEnc: sealField(ctx, 'case_events.comment', c.id, comment), at: now });
    await auditBothSides(tx, actor, updated, `referral.${input.action === 'send' ? 'sent' : EVENT_OF[input.action].replace('referral_', '')}`, { from, to, by: reach.receiver && !reach.sender ? 'receiver' : 'sender' });
    if (gate?.overridden) await recordAudit(tx, actor, { action: 'referral.consent_overridden', entityType: 'referral', entityId: row.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { caseId: c.id } });
    if (input.action === 'send') await applySendEffects(tx, actor, c, now);
    if (input.action === 'accept' && !c.firstAcceptanceAt) {
      const timings = recordMilestone(timingsOf(c), 'firstAcceptanceAt', now.toISOString());
      await caseRepo.patchCase(tx, c.id, { firstAcceptanceAt: new Date(timings.firstAcceptanceAt!) });
    }
    const fresh = (await caseRepo.findCaseById(tx, c.id))!;
    return buildReferralView(tx, ctx, { ...reach, row: updated, caseRow: fresh }, lang);
  });
}

/** A message on a referral from either side (the receiver's liaison officers, or the desk with write access). */
export async function addReferralMessage(ctx: ServiceContext, actor: Actor, id: string, body: string, lang = 'en'): Promise<ReferralView> {
  return guardReferralAccess(ctx, actor, async (tx) => {
    const reach = await loadReferralReach(tx, actor, id, 'message');
    if (!reach.receiver && !reach.caseAccess.write) throw new AppError('FORBIDDEN', 'You may read this referral but not write on it.');
    const { row, caseRow: c } = reach;
    const side = reach.receiver && !reach.caseAccess.write ? 'receiver' : 'sender';
    await appendCaseEvent(tx, { caseId: c.id, kind: 'referral_message', actorUserId: actor.principal?.userId ?? null, referralId: row.id, data: { side }, commentEnc: sealField(ctx, 'case_events.comment', c.id, body.trim()) });
    await repo.touchReferral(tx, row.id);
    await auditBothSides(tx, actor, row, 'referral.message_added', { by: side });
    return buildReferralView(tx, ctx, reach, lang);
  });
}
