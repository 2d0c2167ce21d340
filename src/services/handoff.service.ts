/**
 * Cross-border hand-offs between country desks: the desks one may hand off to, the request (minimum
 * dataset and consent snapshot only), and the answers — accept (opens the receiving desk's own linked
 * case in the same transaction), decline (with a note) or withdraw. Each side audits what it did.
 */
import { randomUUID } from 'node:crypto';
import type { HandoffActionInput, HandoffCreateInput, HandoffView } from '../api/referrals.schemas';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as personRepo from '../db/repos/case-person.repo';
import * as handoffRepo from '../db/repos/handoff.repo';
import type { CaseConsentJson } from '../db/schema';
import { ROLE_PERMISSIONS, ROLES } from '../domain/access/roles';
import { bandOfAge, isTreatedAsChild, presumesMinority, type AgeBand } from '../domain/cases/age';
import { checkHandoffRequest, nextHandoffStatus, type HandoffStatus } from '../domain/cases/handoff-workflow';
import { EXPLOITATION_FORMS } from '../domain/cases/screening';
import { AppError } from '../domain/errors';
import { guardCaseAccess, loadCaseWithAccess, sealField } from './case-access';
import { refreshCaseSearchTerms } from './case-search-terms';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { loadHandoffNames, openHandoffDataset, presentConsent, presentHandoff, sealHandoffDataset } from './handoff-presenter';
import { getHandoffView, handoffActionsFor, HandoffRefusedError, resolveHandoffReach } from './handoff-read.service';

/** Roles whose holders work cases (cases.write): an organisation with such a member is a desk. */
export const CASE_WORK_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('cases.write'));

const userIdOf = (actor: Actor) => actor.principal?.userId ?? null;

/** Run a hand-off use-case like guardCaseAccess, also auditing refusals on an existing hand-off. */
async function guardHandoff<T>(ctx: ServiceContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await guardCaseAccess(ctx, actor, fn);
  } catch (err) {
    if (err instanceof HandoffRefusedError) {
      await guardCaseAccess(ctx, actor, (tx) =>
        recordAudit(tx, actor, { action: 'handoff.access_denied', entityType: 'handoff', entityId: err.handoff.id, organisationId: err.handoff.toOrganisationId, countryCode: err.handoff.toCountryCode, details: { attempted: err.attempted } }),
      );
    }
    throw err;
  }
}

/** Desks a hand-off may go to: active organisations working cases, optionally outside one country. */
export async function listHandoffDesks(ctx: ServiceContext, actor: Actor, exceptCountry?: string) {
  requirePermission(actor, 'cases.write');
  const rows = await handoffRepo.listHandoffDesks(ctx.database.db, CASE_WORK_ROLES, exceptCountry?.toUpperCase());
  return { items: rows.map((r) => ({ organisationId: r.organisationId, name: r.name, countryCode: r.countryCode, city: r.city })) };
}

/** The consent that travels: what was agreed, without the note or who recorded it. */
function travellingConsent(consent: CaseConsentJson | null) {
  const view = presentConsent(consent, new Map());
  return view ? { ...view, recordedBy: null, note: null } : null;
}

/**
 * Ask another country's desk to take over (cases.write on the case). 422 HANDOFF_DESK_UNKNOWN,
 * HANDOFF_SAME_COUNTRY or CONSENT_REQUIRED (consent must cover transfer).
 */
export async function requestHandoff(ctx: ServiceContext, actor: Actor, caseId: string, input: HandoffCreateInput): Promise<HandoffView> {
  requirePermission(actor, 'cases.write');
  return guardHandoff(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const [desk] = await handoffRepo.listHandoffDesks(tx, CASE_WORK_ROLES, undefined, input.toOrganisationId);
    if (!desk) throw new AppError('HANDOFF_DESK_UNKNOWN', 'That organisation is not a desk that can receive hand-offs.');
    const problem = checkHandoffRequest(c.countryCode, desk.countryCode, !!c.consent?.given && !!c.consent.coversTransfer);
    if (problem === 'same_country') throw new AppError('HANDOFF_SAME_COUNTRY', 'A hand-off goes to a desk in another country; refer within the country instead.');
    if (problem === 'consent_missing') throw new AppError('CONSENT_REQUIRED', 'Record consent that covers sharing the minimum dataset with a desk abroad first.');

    const victims = await personRepo.listPersons(tx, c.id, ['potential_victim']);
    const person = input.personId ? victims.find((p) => p.id === input.personId) : victims[0];
    if (input.personId && !person) throw new AppError('PERSON_NOT_FOUND', 'No such potential victim on this case.');
    const personFields = person
      ? {
          ageBand: (person.ageYears !== null ? bandOfAge(person.ageYears) : person.ageBand) as AgeBand,
          presumedMinor: presumesMinority({ years: person.ageYears, ageBand: person.ageBand as AgeBand, uncertain: person.ageUncertain, mayBeChild: person.mayBeChild }),
          gender: person.gender,
          nationality: person.nationality,
          languages: person.languages,
        }
      : {};
    const id = randomUUID();
    const now = new Date();
    const dataset = {
      ...personFields,
      formsOfExploitation: c.forms.filter((f) => (EXPLOITATION_FORMS as readonly string[]).includes(f)),
      concernLevel: c.concernLevel,
      urgency: input.urgency,
      summary: input.summary,
      consent: travellingConsent(c.consent),
    };
    const row = await handoffRepo.insertHandoff(tx, {
      id,
      fromCaseId: c.id,
      fromOrganisationId: c.organisationId,
      fromCountryCode: c.countryCode,
      toOrganisationId: desk.organisationId,
      toCountryCode: desk.countryCode,
      status: 'requested',
      datasetEnc: sealHandoffDataset(ctx, id, dataset),
      consentSnapshot: { ...c.consent! },
      requestedBy: userIdOf(actor),
      requestedAt: now,
    });
    const data = { handoffId: id, toOrganisationId: desk.organisationId, toCountry: desk.countryCode };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'handoff_requested', actorUserId: userIdOf(actor), data, at: now });
    await recordAudit(tx, actor, { action: 'handoff.requested', entityType: 'handoff', entityId: id, organisationId: c.organisationId, countryCode: c.countryCode, details: { caseId: c.id, ...data, urgency: input.urgency, withPerson: !!person } });
    const names = await loadHandoffNames(tx, [row]);
    return presentHandoff(ctx, row, names, 'sender', handoffActionsFor(row.status, false, true));
  });
}

/** One hand-off for a reader on either side (the receiving side's reads are audited). */
export async function getHandoff(ctx: ServiceContext, actor: Actor, id: string): Promise<HandoffView> {
  return guardHandoff(ctx, actor, (tx) => getHandoffView(tx, ctx, actor, id));
}

/**
 * Open the receiving desk's own case from an accepted hand-off: no names, only the minimum dataset, the
 * consent as it travelled, assigned to the accepting user; linked by handoffs.to_case_id.
 */
async function acceptHandoffInto(tx: Db, ctx: ServiceContext, actor: Actor, h: handoffRepo.HandoffRow, fromCase: caseRepo.CaseRow, now: Date): Promise<caseRepo.CaseRow> {
  const ds = openHandoffDataset(ctx, h);
  const by = userIdOf(actor);
  const id = randomUUID();
  const ageBand = ds.ageBand ?? 'unknown';
  const presumedMinor = ds.presumedMinor ?? false;
  const hasPerson = ds.ageBand !== undefined || ds.gender !== undefined || ds.nationality !== undefined;
  const age = { years: null, ageBand, uncertain: presumedMinor || ageBand === 'unknown', mayBeChild: presumedMinor || isTreatedAsChild({ years: null, ageBand, uncertain: false, mayBeChild: false }) };
  const snap = h.consentSnapshot as unknown as CaseConsentJson;
  const consent: CaseConsentJson = {
    given: !!snap.given,
    givenBy: snap.givenBy ?? null,
    coversReferral: !!snap.coversReferral,
    coversTransfer: !!snap.coversTransfer,
    recordedAt: now.toISOString(),
    recordedBy: by,
    note: `Received with the cross-border hand-off from ${h.fromCountryCode}; recorded there on ${String(snap.recordedAt ?? '').slice(0, 10)}.`,
  };
  const row = await caseRepo.insertCase(tx, {
    id,
    reference: await caseRepo.nextCaseReference(tx, h.toCountryCode, now.getUTCFullYear()),
    organisationId: h.toOrganisationId,
    countryCode: h.toCountryCode,
    assignedUserId: by,
    status: 'open',
    priority: ds.urgency === 'urgent' ? 'high' : 'normal',
    titleEnc: sealField(ctx, 'cases.title', id, `Hand-off from ${fromCase.reference}`)!,
    summaryEnc: sealField(ctx, 'cases.summary', id, ds.summary),
    origin: 'handoff',
    concernLevel: ds.concernLevel ?? null,
    forms: ds.formsOfExploitation ?? [],
    involvesChild: hasPerson ? isTreatedAsChild(age) : true,
    consent,
    reportedAt: fromCase.reportedAt,
    openedAt: now,
    statusChangedAt: now,
    lastActivityAt: now,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  });
  await appendCaseEvent(tx, { caseId: id, kind: 'created', actorUserId: by, data: { origin: 'handoff', status: 'open', priority: row.priority, assignedUserId: by }, at: now });
  await appendCaseEvent(tx, { caseId: id, kind: 'handoff_received', actorUserId: by, data: { handoffId: h.id, fromCaseReference: fromCase.reference, fromCountry: h.fromCountryCode }, at: now });
  if (hasPerson) {
    const person = await personRepo.insertPerson(tx, {
      id: randomUUID(),
      caseId: id,
      role: 'potential_victim',
      ageBand,
      ageUncertain: age.uncertain,
      mayBeChild: age.mayBeChild,
      gender: ds.gender ?? null,
      nationality: ds.nationality ?? null,
      languages: ds.languages ?? [],
      createdBy: by,
    });
    await appendCaseEvent(tx, { caseId: id, kind: 'person_added', actorUserId: by, data: { personId: person.id, role: person.role }, at: now });
  }
  await appendCaseEvent(tx, { caseId: id, kind: 'consent_recorded', actorUserId: by, data: { given: consent.given, givenBy: consent.givenBy, coversReferral: consent.coversReferral, coversTransfer: consent.coversTransfer, source: 'handoff' }, at: now });
  await refreshCaseSearchTerms(tx, ctx, id);
  await recordAudit(tx, actor, { action: 'case.created', entityType: 'case', entityId: id, organisationId: h.toOrganisationId, countryCode: h.toCountryCode, details: { reference: row.reference, origin: 'handoff', priority: row.priority, handoffId: h.id } });
  return row;
}

/**
 * Answer a pending hand-off: accept / decline (the receiving desk, cases.write over it) or withdraw
 * (the sender, cases.write on the sending case). Optimistic version; 409 once it is no longer pending.
 */
export async function actOnHandoff(ctx: ServiceContext, actor: Actor, id: string, input: HandoffActionInput): Promise<HandoffView> {
  requirePermission(actor, 'cases.write');
  return guardHandoff(ctx, actor, async (tx) => {
    const row = await handoffRepo.findHandoffById(tx, id);
    if (!row) throw new AppError('HANDOFF_NOT_FOUND', 'No such hand-off.');
    const reach = await resolveHandoffReach(tx, actor, row);
    if (!reach.senderRead && !reach.receiverRead) throw new HandoffRefusedError('HANDOFF_NOT_FOUND', 'No such hand-off.', row, input.action);
    const mayAct = input.action === 'withdraw' ? reach.senderWrite : reach.receiverWrite;
    if (!mayAct) {
      const who = input.action === 'withdraw' ? 'the sending desk' : 'the receiving desk';
      throw new HandoffRefusedError('FORBIDDEN', `Only ${who} may ${input.action} this hand-off.`, row, input.action);
    }
    const next = nextHandoffStatus(row.status as HandoffStatus, input.action);
    if (!next) throw new AppError('HANDOFF_TRANSITION_NOT_ALLOWED', `This hand-off is ${row.status}; it can no longer be ${input.action === 'withdraw' ? 'withdrawn' : `${input.action}ed`}.`);
    if (row.version !== input.version) throw new AppError('CONFLICT', 'The hand-off was changed meanwhile. Reload it and try again.');
    const note = input.note?.trim() || null;
    if (input.action === 'decline' && !note) throw new AppError('REASON_REQUIRED', 'Say why the hand-off is declined.');

    const now = new Date();
    const by = userIdOf(actor);
    const toCase = input.action === 'accept' ? await acceptHandoffInto(tx, ctx, actor, row, reach.fromCase, now) : null;
    const updated = await handoffRepo.updateHandoff(tx, row.id, input.version, {
      status: next,
      answeredBy: by,
      answeredAt: now,
      answerNoteEnc: sealField(ctx, 'handoffs.answer_note', row.id, note),
      toCaseId: toCase?.id ?? null,
    });
    if (!updated) throw new AppError('CONFLICT', 'The hand-off was changed meanwhile. Reload it and try again.');

    const commentEnc = sealField(ctx, 'case_events.comment', row.fromCaseId, note);
    const sender = { organisationId: row.fromOrganisationId, countryCode: row.fromCountryCode };
    const receiver = { organisationId: row.toOrganisationId, countryCode: row.toCountryCode };
    if (input.action === 'accept' && toCase) {
      await appendCaseEvent(tx, { caseId: row.fromCaseId, kind: 'handoff_accepted', actorUserId: by, data: { handoffId: row.id, toCaseReference: toCase.reference }, commentEnc, at: now });
      const details = { fromCaseId: row.fromCaseId, toCaseId: toCase.id, toCaseReference: toCase.reference, fromCountry: row.fromCountryCode, toCountry: row.toCountryCode };
      await recordAudit(tx, actor, { action: 'handoff.accepted', entityType: 'handoff', entityId: row.id, ...receiver, details: { ...details, side: 'receiver' } });
      await recordAudit(tx, actor, { action: 'handoff.accepted', entityType: 'handoff', entityId: row.id, ...sender, details: { ...details, side: 'sender' } });
    } else if (input.action === 'decline') {
      await appendCaseEvent(tx, { caseId: row.fromCaseId, kind: 'handoff_declined', actorUserId: by, data: { handoffId: row.id, toOrganisationId: row.toOrganisationId, toCountry: row.toCountryCode }, commentEnc, at: now });
      await recordAudit(tx, actor, { action: 'handoff.declined', entityType: 'handoff', entityId: row.id, ...receiver, details: { fromCaseId: row.fromCaseId, side: 'receiver' } });
      await recordAudit(tx, actor, { action: 'handoff.declined', entityType: 'handoff', entityId: row.id, ...sender, details: { fromCaseId: row.fromCaseId, side: 'sender' } });
    } else {
      await appendCaseEvent(tx, { caseId: row.fromCaseId, kind: 'handoff_withdrawn', actorUserId: by, data: { handoffId: row.id, toOrganisationId: row.toOrganisationId, toCountry: row.toCountryCode }, commentEnc, at: now });
      await recordAudit(tx, actor, { action: 'handoff.withdrawn', entityType: 'handoff', entityId: row.id, ...sender, details: { fromCaseId: row.fromCaseId, side: 'sender' } });
    }
    const names = await loadHandoffNames(tx, [updated]);
    const side: HandoffView['side'] = input.action === 'withdraw' ? 'sender' : 'receiver';
    return presentHandoff(ctx, updated, names, side, handoffActionsFor(updated.status, reach.receiverWrite, reach.senderWrite));
  });
}
