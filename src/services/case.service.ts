/**
 * Working a case: open it (from contacts or directly), change its details, priority and manager,
 * move it through its statuses, record consent and link further contacts. Every change appends a
 * timeline entry and an audit entry in the same transaction, and answers with the fresh case page.
 */
import { randomUUID } from 'node:crypto';
import type { CaseCreateInput, CaseStatusInput, CaseUpdateInput, CaseView, ConsentInput } from '../api/cases.schemas';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import { findOrganisation, type OrganisationRow } from '../db/repos/organisation.repo';
import { listMembershipsOfUsers } from '../db/repos/user.repo';
import { ROLE_PERMISSIONS } from '../domain/access/roles';
import { canAccessRecord } from '../domain/access/scope';
import { bandOfAge, isTreatedAsChild } from '../domain/cases/age';
import { checkCaseTransition, type CaseStatus } from '../domain/cases/case-workflow';
import { AppError } from '../domain/errors';
import { guardCaseAccess, loadCaseWithAccess, resolveCaseAccess, sealField } from './case-access';
import { insertCasePerson } from './case-person.service';
import { buildCaseView } from './case-read.service';
import { refreshCaseSearchTerms } from './case-search-terms';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { issues: [{ path, message }] });
}

/** The team a new case belongs to: the one asked for (within the actor's cases.write scope) or the actor's own. */
async function resolveTeam(tx: Db, actor: Actor, organisationId: string | undefined): Promise<OrganisationRow> {
  const p = actor.principal;
  const id = organisationId ?? p?.memberships.find((m) => ROLE_PERMISSIONS[m.role].includes('cases.write'))?.organisationId;
  if (!id) invalid('organisationId', 'Choose the team that owns the case.');
  const org = await findOrganisation(tx, id);
  if (!org || org.archivedAt) invalid('organisationId', 'No such team.');
  if (p && !canAccessRecord(p, 'cases.write', { organisationId: org.id, countryCode: org.countryCode })) {
    throw new AppError('FORBIDDEN', 'You may not open cases for this team.');
  }
  return org;
}

/** True when the user works cases (cases.write) as a member of the organisation. */
async function worksCasesIn(tx: Db, userId: string, organisationId: string): Promise<boolean> {
  const grants = await listMembershipsOfUsers(tx, [userId]);
  return grants.some((g) => g.organisationId === organisationId && ROLE_PERMISSIONS[g.role].includes('cases.write'));
}

/** Check a case manager to assign: a member of the team who works cases. */
async function checkAssignee(tx: Db, userId: string, organisationId: string): Promise<void> {
  if (!(await worksCasesIn(tx, userId, organisationId))) invalid('assignedUserId', 'The case manager must be a member of the team who works cases.');
}

/** Contacts to link: each exists in the team's organisation (else CONTACT_NOT_FOUND) and is not linked yet (else CONTACT_ALREADY_LINKED). */
async function checkLinkableContacts(tx: Db, ids: readonly string[], organisationId: string) {
  const unique = [...new Set(ids)];
  const rows = await caseRepo.listLinkableContacts(tx, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const c = byId.get(id);
    if (!c || c.organisationId !== organisationId) throw new AppError('CONTACT_NOT_FOUND', 'No such contact in this team.');
    if (c.caseId) throw new AppError('CONTACT_ALREADY_LINKED', `Contact ${c.reference} is already linked to a case.`);
  }
  return unique.map((id) => byId.get(id)!);
}

/** Link checked contacts; a concurrent link of the same contact is a conflict. */
async function linkChecked(tx: Db, caseId: string, ids: readonly string[]): Promise<void> {
  const linked = await caseRepo.linkContacts(tx, caseId, ids);
  if (linked.length !== ids.length) throw new AppError('CONTACT_ALREADY_LINKED', 'A contact was linked to another case meanwhile.');
}

const userIdOf = (actor: Actor) => actor.principal?.userId ?? null;

/** The fresh case page after a change. */
async function viewAfterChange(tx: Db, ctx: ServiceContext, actor: Actor, row: caseRepo.CaseRow): Promise<CaseView> {
  return buildCaseView(tx, ctx, actor, row, await resolveCaseAccess(tx, actor, row));
}

/**
 * Open a case (cases.write over the team): from the team's unlinked contacts or directly, with an
 * optional first potential victim. The case gets the next yearly reference of the team's country.
 */
export async function createCase(ctx: ServiceContext, actor: Actor, input: CaseCreateInput): Promise<CaseView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => viewAfterChange(tx, ctx, actor, (await openCaseInTransaction(tx, ctx, actor, input)).row));
}

/**
 * The body of createCase inside the caller's transaction (permission checked by the caller): also used
 * to open missing-child cases (`kind`), which add their report in the same transaction.
 */
export async function openCaseInTransaction(tx: Db, ctx: ServiceContext, actor: Actor, input: CaseCreateInput, options: { kind?: 'general' | 'missing_child' } = {}): Promise<{ row: caseRepo.CaseRow; personId: string | null }> {
  const team = await resolveTeam(tx, actor, input.organisationId);
  const contacts = await checkLinkableContacts(tx, input.contactIds, team.id);
  const creator = userIdOf(actor);
  let assignedUserId: string | null = null;
  if (input.assignedUserId) {
    await checkAssignee(tx, input.assignedUserId, team.id);
    assignedUserId = input.assignedUserId;
  } else if (input.assignedUserId === undefined && creator && (await worksCasesIn(tx, creator, team.id))) {
    assignedUserId = creator;
  }
  const now = new Date();
  const earliestContact = contacts.reduce<Date | null>((min, c) => (!min || c.startedAt < min ? c.startedAt : min), null);
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : (earliestContact ?? now);
  if (reportedAt.getTime() > now.getTime() + 60_000) invalid('reportedAt', 'The report time cannot be in the future.');
  const person = input.person ? { ...input.person, role: 'potential_victim' as const } : undefined;
  const involvesChild = person
    ? isTreatedAsChild({ years: person.ageYears ?? null, ageBand: person.ageYears != null ? bandOfAge(person.ageYears) : person.ageBand, uncertain: person.ageUncertain, mayBeChild: person.mayBeChild })
    : true;
  const id = randomUUID();
  let row = await caseRepo.insertCase(tx, {
    id,
    reference: await caseRepo.nextCaseReference(tx, team.countryCode, now.getUTCFullYear()),
    kind: options.kind ?? 'general',
    organisationId: team.id,
    countryCode: team.countryCode,
    assignedUserId,
    status: 'open',
    priority: input.priority,
    titleEnc: sealField(ctx, 'cases.title', id, input.title)!,
    summaryEnc: sealField(ctx, 'cases.summary', id, input.summary),
    origin: contacts.length > 0 ? 'contact' : 'direct',
    involvesChild,
    reportedAt,
    openedAt: now,
    statusChangedAt: now,
    lastActivityAt: now,
    createdBy: creator,
    createdAt: now,
    updatedAt: now,
  });
  await appendCaseEvent(tx, { caseId: id, kind: 'created', actorUserId: creator, data: { origin: row.origin, status: 'open', priority: row.priority, assignedUserId }, at: now });
  if (contacts.length > 0) {
    await linkChecked(tx, id, contacts.map((c) => c.id));
    await appendCaseEvent(tx, { caseId: id, kind: 'contact_linked', actorUserId: creator, data: { contactIds: contacts.map((c) => c.id) }, at: now });
  }
  let personId: string | null = null;
  if (person) {
    const added = await insertCasePerson(tx, ctx, id, person, creator);
    personId = added.id;
    await appendCaseEvent(tx, { caseId: id, kind: 'person_added', actorUserId: creator, data: { personId: added.id, role: added.role }, at: now });
  }
  await refreshCaseSearchTerms(tx, ctx, id);
  await recordAudit(tx, actor, {
    action: 'case.created',
    entityType: 'case',
    entityId: id,
    organisationId: team.id,
    countryCode: team.countryCode,
    details: { reference: row.reference, origin: row.origin, priority: row.priority, contactIds: contacts.map((c) => c.id), withPerson: !!person, kind: row.kind },
  });
  row = (await caseRepo.findCaseById(tx, id))!;
  return { row, personId };
}

/** Apply a versioned change or answer CASE_VERSION_CONFLICT. */
async function updateAtVersion(tx: Db, row: caseRepo.CaseRow, version: number, patch: Partial<caseRepo.CaseInsert>): Promise<caseRepo.CaseRow> {
  const updated = row.version === version ? await caseRepo.updateCase(tx, row.id, version, patch) : undefined;
  if (!updated) throw new AppError('CASE_VERSION_CONFLICT', 'The case was changed meanwhile. Reload it and try again.');
  return updated;
}

/** Change the title, summary, priority or case manager (optimistic version). */
export async function updateCase(ctx: ServiceContext, actor: Actor, caseId: string, input: CaseUpdateInput): Promise<CaseView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    if (row.version !== input.version) throw new AppError('CASE_VERSION_CONFLICT', 'The case was changed meanwhile. Reload it and try again.');
    const patch: Partial<caseRepo.CaseInsert> = {};
    const details: string[] = [];
    if (input.title !== undefined) {
      patch.titleEnc = sealField(ctx, 'cases.title', row.id, input.title)!;
      details.push('title');
    }
    if (input.summary !== undefined) {
      patch.summaryEnc = sealField(ctx, 'cases.summary', row.id, input.summary);
      details.push('summary');
    }
    const priorityChanged = input.priority !== undefined && input.priority !== row.priority;
    if (priorityChanged) patch.priority = input.priority;
    const assigneeChanged = input.assignedUserId !== undefined && input.assignedUserId !== row.assignedUserId;
    if (assigneeChanged) {
      if (input.assignedUserId) await checkAssignee(tx, input.assignedUserId, row.organisationId);
      patch.assignedUserId = input.assignedUserId ?? null;
    }
    if (details.length === 0 && !priorityChanged && !assigneeChanged) return viewAfterChange(tx, ctx, actor, row);
    const updated = await updateAtVersion(tx, row, input.version, patch);
    const by = userIdOf(actor);
    if (details.length > 0) await appendCaseEvent(tx, { caseId: row.id, kind: 'details_changed', actorUserId: by, data: { fields: details } });
    if (priorityChanged) await appendCaseEvent(tx, { caseId: row.id, kind: 'priority_changed', actorUserId: by, data: { from: row.priority, to: updated.priority } });
    if (assigneeChanged) await appendCaseEvent(tx, { caseId: row.id, kind: 'assigned', actorUserId: by, data: { from: row.assignedUserId, to: updated.assignedUserId } });
    if (input.title !== undefined) await refreshCaseSearchTerms(tx, ctx, row.id);
    await recordAudit(tx, actor, {
      action: 'case.updated',
      entityType: 'case',
      entityId: row.id,
      organisationId: row.organisationId,
      countryCode: row.countryCode,
      details: { fields: [...details, ...(priorityChanged ? ['priority'] : []), ...(assigneeChanged ? ['assignedUserId'] : [])] },
    });
    return viewAfterChange(tx, ctx, actor, (await caseRepo.findCaseById(tx, row.id))!);
  });
}

/**
 * Move a case to another status. Closing needs a closure reason (and a stated reason for "other");
 * reopening a closed case needs a reason. The first move to active records the first assistance.
 */
export async function changeCaseStatus(ctx: ServiceContext, actor: Actor, caseId: string, input: CaseStatusInput): Promise<CaseView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const from = row.status as CaseStatus;
    const to = input.status;
    const problem = checkCaseTransition({ from, to, closureReason: input.closureReason ?? null, reason: input.reason ?? null });
    if (problem === 'same_status' || problem === 'not_allowed') throw new AppError('CASE_TRANSITION_NOT_ALLOWED', `A case cannot move from ${from} to ${to}.`);
    if (problem === 'closure_reason_required') throw new AppError('REASON_REQUIRED', 'Choose why the case is closed.', { issues: [{ path: 'closureReason', message: 'required' }] });
    if (problem === 'reason_required') throw new AppError('REASON_REQUIRED', 'State the reason.', { issues: [{ path: 'reason', message: 'required' }] });
    const now = new Date();
    const reason = input.reason?.trim() || null;
    const patch: Partial<caseRepo.CaseInsert> = { status: to, statusChangedAt: now };
    if (to === 'closed') {
      patch.closedAt = now;
      patch.closureReason = input.closureReason!;
      patch.closureNoteEnc = sealField(ctx, 'cases.closure_note', row.id, reason);
    } else if (from === 'closed') {
      patch.closedAt = null;
      patch.closureReason = null;
      patch.closureNoteEnc = null;
    }
    if (to === 'active' && !row.firstAssistanceAt) patch.firstAssistanceAt = now;
    await updateAtVersion(tx, row, input.version, patch);
    const closureReason = to === 'closed' ? input.closureReason! : null;
    await appendCaseEvent(tx, {
      caseId: row.id,
      kind: 'status_changed',
      actorUserId: userIdOf(actor),
      data: { from, to, closureReason },
      commentEnc: sealField(ctx, 'case_events.comment', row.id, reason),
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'case.status_changed',
      entityType: 'case',
      entityId: row.id,
      organisationId: row.organisationId,
      countryCode: row.countryCode,
      details: { from, to, closureReason },
    });
    return viewAfterChange(tx, ctx, actor, (await caseRepo.findCaseById(tx, row.id))!);
  });
}

/** Record the consent given for referral and transfer (optimistic version). */
export async function recordConsent(ctx: ServiceContext, actor: Actor, caseId: string, input: ConsentInput): Promise<CaseView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const now = new Date();
    const consent = {
      given: input.given,
      givenBy: input.givenBy,
      coversReferral: input.given && input.coversReferral,
      coversTransfer: input.given && input.coversTransfer,
      recordedAt: now.toISOString(),
      recordedBy: userIdOf(actor),
      note: input.note ?? null,
    };
    await updateAtVersion(tx, row, input.version, { consent });
    const data = { given: consent.given, givenBy: consent.givenBy, coversReferral: consent.coversReferral, coversTransfer: consent.coversTransfer };
    await appendCaseEvent(tx, { caseId: row.id, kind: 'consent_recorded', actorUserId: userIdOf(actor), data, at: now });
    await recordAudit(tx, actor, { action: 'case.consent_recorded', entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: data });
    return viewAfterChange(tx, ctx, actor, (await caseRepo.findCaseById(tx, row.id))!);
  });
}

/** Link more of the team's unlinked contacts to a case (an earlier contact moves the report time back). */
export async function linkCaseContacts(ctx: ServiceContext, actor: Actor, caseId: string, input: { contactIds: string[] }): Promise<CaseView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const contacts = await checkLinkableContacts(tx, input.contactIds, row.organisationId);
    const ids = contacts.map((c) => c.id);
    await linkChecked(tx, row.id, ids);
    const earliest = contacts.reduce((min, c) => (c.startedAt < min ? c.startedAt : min), row.reportedAt);
    if (earliest < row.reportedAt) await caseRepo.patchCase(tx, row.id, { reportedAt: earliest });
    await appendCaseEvent(tx, { caseId: row.id, kind: 'contact_linked', actorUserId: userIdOf(actor), data: { contactIds: ids } });
    await recordAudit(tx, actor, { action: 'case.contacts_linked', entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { contactIds: ids } });
    return viewAfterChange(tx, ctx, actor, (await caseRepo.findCaseById(tx, row.id))!);
  });
}
