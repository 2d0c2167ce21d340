/**
 * Working a missing-child (116 000) case: open it (case + the child as a person + the report in one
 * transaction), change the report, set its photo (a case document), record found / closed / reopened,
 * and refer it to the 116 000 service of another country through a cross-border hand-off. Every change
 * is audited and written on the case timeline in its transaction; personal text is sealed.
 */
import type { CaseCreateInput } from '../api/cases.schemas';
import type { HandoffView } from '../api/referrals.schemas';
import type { MissingActionInput, MissingPhotoInput, MissingReferralInput, MissingReportCreateInput, MissingReportUpdateInput, MissingReportView } from '../api/missing-children.schemas';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as documentRepo from '../db/repos/case-document.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as repo from '../db/repos/missing-child.repo';
import { AppError } from '../domain/errors';
import { checkMissingAction, defaultMissingPriority, isAbduction, roundCoordinate, targetOfAction, withSuspectedCountry, type MissingStatus, type MissingType } from '../domain/missing/missing-workflow';
import { guardCaseAccess, resolveCaseAccess, sealField } from './case-access';
import { openCaseInTransaction } from './case.service';
import { requestHandoff } from './handoff.service';
import { buildMissingReportView, loadReportWithAccess, MISSING_SEALED } from './missing-child-read.service';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

const userIdOf = (actor: Actor) => actor.principal?.userId ?? null;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { issues: [{ path, message }] });
}

/** A reported-to flag as columns: a time when reported (the given one, else now), none otherwise. */
function flagTime(reported: boolean, at: string | null | undefined, now: Date): Date | null {
  if (!reported) return null;
  const t = at ? new Date(at) : now;
  if (t.getTime() > now.getTime() + 60_000) invalid('at', 'A report time cannot be in the future.');
  return t;
}

function checkLastSeen(at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + 60_000) invalid('lastSeen.at', 'The last-seen time cannot be in the future.');
}

/** English names of the types, for the default case title and the referral summary. */
const TYPE_NAMES: Record<MissingType, string> = {
  runaway: 'runaway',
  parental_abduction: 'parental abduction',
  criminal_abduction: 'criminal abduction',
  lost_injured: 'lost or injured',
  missing_migration: 'missing in migration',
  otherwise_missing: 'otherwise missing',
};

/** The default case title: no names (the title is shown to helpline operators in lists). */
function defaultTitle(type: MissingType, lastSeenCountry: string | null | undefined, at: Date): string {
  return `Missing child (${TYPE_NAMES[type]}), last seen${lastSeenCountry ? ` in ${lastSeenCountry}` : ''} on ${at.toISOString().slice(0, 10)}`;
}

/** The report after a change, as the writer sees it. */
async function viewAfter(tx: Db, ctx: ServiceContext, actor: Actor, caseId: string): Promise<MissingReportView> {
  const c = (await caseRepo.findCaseById(tx, caseId))!;
  const report = (await repo.findMissingReport(tx, caseId))!;
  return buildMissingReportView(tx, ctx, c, await resolveCaseAccess(tx, actor, c), report);
}

/** Apply a versioned change or answer CASE_VERSION_CONFLICT. */
async function updateAtVersion(tx: Db, caseId: string, current: number, version: number, patch: Partial<repo.MissingReportInsert>): Promise<repo.MissingReportRow> {
  const updated = current === version ? await repo.updateMissingReport(tx, caseId, version, patch) : undefined;
  if (!updated) throw new AppError('CASE_VERSION_CONFLICT', 'The report was changed meanwhile. Reload it and try again.');
  return updated;
}

/**
 * Open a missing-child case (cases.write over the team): the case (kind missing_child, priority urgent
 * for abductions and children under 13 unless given), the child as a potential victim and the report,
 * in one transaction.
 */
export async function openMissingChildCase(ctx: ServiceContext, actor: Actor, input: MissingReportCreateInput): Promise<MissingReportView> {
  requirePermission(actor, 'cases.write');
  const now = new Date();
  const lastSeenAt = new Date(input.lastSeen.at);
  checkLastSeen(lastSeenAt, now);
  const policeAt = flagTime(input.police?.reported ?? false, input.police?.at, now);
  const interpolAt = flagTime(input.interpol?.reported ?? false, input.interpol?.at, now);
  const sisAt = flagTime(input.sis?.reported ?? false, input.sis?.at, now);
  const caseInput: CaseCreateInput = {
    contactIds: [],
    title: input.title ?? defaultTitle(input.missingType, input.lastSeen.country, lastSeenAt),
    priority: input.priority ?? defaultMissingPriority(input.missingType, input.child.ageYears),
    organisationId: input.organisationId,
    reportedAt: input.reportedAt,
    // A missing child is a child: minority is presumed when the age is not known.
    person: { ...input.child, ageUncertain: input.child.ageYears == null, mayBeChild: true },
  };
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, personId } = await openCaseInTransaction(tx, ctx, actor, caseInput, { kind: 'missing_child' });
    const id = row.id;
    await repo.insertMissingReport(tx, {
      caseId: id,
      personId,
      missingType: input.missingType,
      missingStatus: 'missing',
      lastSeenAt,
      lastSeenCountry: input.lastSeen.country ?? null,
      lastSeenPlaceEnc: sealField(ctx, MISSING_SEALED.place, id, input.lastSeen.place),
      lastSeenLat: roundCoordinate(input.lastSeen.lat),
      lastSeenLon: roundCoordinate(input.lastSeen.lon),
      circumstancesEnc: sealField(ctx, MISSING_SEALED.circumstances, id, input.lastSeen.circumstances),
      descriptionEnc: sealField(ctx, MISSING_SEALED.description, id, input.description),
      reportedPolice: policeAt !== null,
      policeReportedAt: policeAt,
      policeReferenceEnc: sealField(ctx, MISSING_SEALED.policeReference, id, input.police?.reference),
      reportedInterpol: interpolAt !== null,
      interpolReportedAt: interpolAt,
      reportedSis: sisAt !== null,
      sisReportedAt: sisAt,
      suspectedCountries: [...new Set(input.suspectedCountries)],
      createdAt: now,
      updatedAt: now,
    });
    const data = { missingType: input.missingType, lastSeenCountry: input.lastSeen.country ?? null, reportedPolice: policeAt !== null, reportedInterpol: interpolAt !== null, reportedSis: sisAt !== null };
    await appendCaseEvent(tx, { caseId: id, kind: 'missing_report_changed', actorUserId: userIdOf(actor), data: { ...data, opened: true }, at: now });
    await recordAudit(tx, actor, { action: 'missing_report.opened', entityType: 'case', entityId: id, organisationId: row.organisationId, countryCode: row.countryCode, details: { reference: row.reference, ...data, priority: row.priority } });
    return viewAfter(tx, ctx, actor, id);
  });
}

/** Change the report (cases.write; only the fields sent; optimistic version). */
export async function updateMissingReport(ctx: ServiceContext, actor: Actor, caseId: string, input: MissingReportUpdateInput): Promise<MissingReportView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, report } = await loadReportWithAccess(tx, actor, caseId, 'write');
    if (report.version !== input.version) throw new AppError('CASE_VERSION_CONFLICT', 'The report was changed meanwhile. Reload it and try again.');
    const now = new Date();
    const patch: Partial<repo.MissingReportInsert> = {};
    const fields: string[] = [];
    const set = <K extends keyof repo.MissingReportInsert>(field: string, key: K, value: repo.MissingReportInsert[K]) => {
      patch[key] = value;
      if (!fields.includes(field)) fields.push(field);
    };
    if (input.missingType !== undefined && input.missingType !== report.missingType) set('missingType', 'missingType', input.missingType);
    const ls = input.lastSeen;
    if (ls) {
      if (ls.at !== undefined) {
        const at = new Date(ls.at);
        checkLastSeen(at, now);
        set('lastSeenAt', 'lastSeenAt', at);
      }
      if (ls.place !== undefined) set('lastSeenPlace', 'lastSeenPlaceEnc', sealField(ctx, MISSING_SEALED.place, row.id, ls.place));
      if (ls.country !== undefined) set('lastSeenCountry', 'lastSeenCountry', ls.country ?? null);
      if (ls.lat !== undefined) set('lastSeenPoint', 'lastSeenLat', roundCoordinate(ls.lat));
      if (ls.lon !== undefined) set('lastSeenPoint', 'lastSeenLon', roundCoordinate(ls.lon));
      if (ls.circumstances !== undefined) set('circumstances', 'circumstancesEnc', sealField(ctx, MISSING_SEALED.circumstances, row.id, ls.circumstances));
    }
    if (input.description !== undefined) set('description', 'descriptionEnc', sealField(ctx, MISSING_SEALED.description, row.id, input.description));
    if (input.police) {
      const reported = input.police.reported ?? report.reportedPolice;
      if (input.police.reported !== undefined || input.police.at !== undefined) {
        set('police', 'reportedPolice', reported);
        set('police', 'policeReportedAt', reported ? flagTime(true, input.police.at ?? report.policeReportedAt?.toISOString(), now) : null);
      }
      if (input.police.reference !== undefined) set('police', 'policeReferenceEnc', sealField(ctx, MISSING_SEALED.policeReference, row.id, input.police.reference));
    }
    if (input.interpol && (input.interpol.reported !== undefined || input.interpol.at !== undefined)) {
      const reported = input.interpol.reported ?? report.reportedInterpol;
      set('interpol', 'reportedInterpol', reported);
      set('interpol', 'interpolReportedAt', reported ? flagTime(true, input.interpol.at ?? report.interpolReportedAt?.toISOString(), now) : null);
    }
    if (input.sis && (input.sis.reported !== undefined || input.sis.at !== undefined)) {
      const reported = input.sis.reported ?? report.reportedSis;
      set('sis', 'reportedSis', reported);
      set('sis', 'sisReportedAt', reported ? flagTime(true, input.sis.at ?? report.sisReportedAt?.toISOString(), now) : null);
    }
    if (input.suspectedCountries !== undefined) set('suspectedCountries', 'suspectedCountries', [...new Set(input.suspectedCountries)]);
    if (fields.length === 0) return viewAfter(tx, ctx, actor, row.id);
    await updateAtVersion(tx, row.id, report.version, input.version, patch);
    await appendCaseEvent(tx, { caseId: row.id, kind: 'missing_report_changed', actorUserId: userIdOf(actor), data: { fields }, at: now });
    await recordAudit(tx, actor, { action: 'missing_report.updated', entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { fields } });
    return viewAfter(tx, ctx, actor, row.id);
  });
}

/**
 * Record that the child was found (time, outcome, condition; optional note sealed), close the report
 * (reason code) or reopen it (stated reason). Refusals: MISSING_TRANSITION_NOT_ALLOWED, REASON_REQUIRED.
 * Child alerts of the case are not touched: the answer lists them (alertsStillRunning) for the UI.
 */
export async function actOnMissingReport(ctx: ServiceContext, actor: Actor, caseId: string, input: MissingActionInput): Promise<MissingReportView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, report } = await loadReportWithAccess(tx, actor, caseId, 'write');
    const from = report.missingStatus as MissingStatus;
    const now = new Date();
    const foundAt = input.foundAt ? new Date(input.foundAt) : null;
    const problem = checkMissingAction({ from, action: input.action, foundAt, outcome: input.outcome, condition: input.condition, closeReason: input.closeReason, reason: input.note, now });
    if (problem?.code === 'MISSING_TRANSITION_NOT_ALLOWED') throw new AppError('MISSING_TRANSITION_NOT_ALLOWED', `A report that is ${from} cannot be marked with "${input.action}".`);
    if (problem?.code === 'REASON_REQUIRED') throw new AppError('REASON_REQUIRED', `State the ${problem.path}.`, { issues: [{ path: problem.path, message: 'required' }] });
    if (problem?.code === 'FOUND_TIME_INVALID') invalid('foundAt', 'The time the child was found cannot be in the future.');
    const to = targetOfAction(input.action);
    const note = input.note?.trim() || null;
    let patch: Partial<repo.MissingReportInsert>;
    if (input.action === 'found') {
      patch = { missingStatus: to, foundAt, foundOutcome: input.outcome!, foundCondition: input.condition!, foundNoteEnc: sealField(ctx, MISSING_SEALED.foundNote, row.id, note), closedReason: null };
    } else if (input.action === 'close') {
      patch = { missingStatus: to, closedReason: input.closeReason!, foundAt: null, foundOutcome: null, foundCondition: null, foundNoteEnc: null };
    } else {
      patch = { missingStatus: to, closedReason: null, foundAt: null, foundOutcome: null, foundCondition: null, foundNoteEnc: null };
    }
    await updateAtVersion(tx, row.id, report.version, input.version, patch);
    const data = { from, to, action: input.action, outcome: input.action === 'found' ? input.outcome : null, condition: input.action === 'found' ? input.condition : null, closeReason: input.action === 'close' ? input.closeReason : null };
    // The found note lives sealed on the report; close / reopen reasons go with the timeline entry.
    const commentEnc = input.action === 'found' ? null : sealField(ctx, 'case_events.comment', row.id, note);
    await appendCaseEvent(tx, { caseId: row.id, kind: 'missing_status_changed', actorUserId: userIdOf(actor), data, commentEnc, at: now });
    await recordAudit(tx, actor, { action: `missing_report.${input.action === 'close' ? 'closed' : input.action === 'reopen' ? 'reopened' : 'found'}`, entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: data });
    return viewAfter(tx, ctx, actor, row.id);
  });
}

/** Mark an image document of the case (JPEG, PNG or WebP, not removed) as the report's photo, or clear it (null). */
export async function setMissingPhoto(ctx: ServiceContext, actor: Actor, caseId: string, input: MissingPhotoInput): Promise<MissingReportView> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access, report } = await loadReportWithAccess(tx, actor, caseId, 'write');
    if (!access.sensitive) throw new AppError('FORBIDDEN', 'You may not change the documents of this case.');
    if (input.documentId) {
      const doc = (await documentRepo.listDocuments(tx, row.id)).find((d) => d.id === input.documentId);
      if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', 'No such document in this case.');
      if (!PHOTO_TYPES.has(doc.mediaType)) throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', 'The photo must be a JPEG, PNG or WebP image.');
    }
    await updateAtVersion(tx, row.id, report.version, input.version, { photoDocumentId: input.documentId });
    const data = { fields: ['photo'], documentId: input.documentId };
    await appendCaseEvent(tx, { caseId: row.id, kind: 'missing_report_changed', actorUserId: userIdOf(actor), data });
    await recordAudit(tx, actor, { action: 'missing_report.photo_set', entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { documentId: input.documentId } });
    return viewAfter(tx, ctx, actor, row.id);
  });
}

/** The non-identifying summary that travels with a 116 000 referral (no names, no place). */
export function buildReferralSummary(r: Pick<repo.MissingReportRow, 'missingType' | 'missingStatus' | 'lastSeenAt' | 'lastSeenCountry' | 'suspectedCountries'>, note: string | null | undefined): string {
  const lines = [
    `116 000 missing-child referral: ${TYPE_NAMES[r.missingType as MissingType] ?? r.missingType} (status ${r.missingStatus}).`,
    `Last seen ${r.lastSeenAt.toISOString().slice(0, 10)}${r.lastSeenCountry ? ` in ${r.lastSeenCountry}` : ''}.`,
    r.suspectedCountries.length > 0 ? `Suspected countries: ${r.suspectedCountries.join(', ')}.` : null,
    note?.trim() || null,
  ];
  return lines.filter(Boolean).join('\n').slice(0, 2000);
}

/**
 * Refer the case to the 116 000 service of another country: a cross-border hand-off (existing rules:
 * consent covering transfer, a desk abroad; only the minimum dataset and this summary travel), then the
 * desk's country joins the suspected countries. The hand-off is its own transaction (requestHandoff);
 * the report is updated right after it, so a refused hand-off changes nothing.
 */
export async function referMissingChildAbroad(ctx: ServiceContext, actor: Actor, caseId: string, input: MissingReferralInput): Promise<{ handoff: HandoffView; report: MissingReportView }> {
  requirePermission(actor, 'cases.write');
  const report = await guardCaseAccess(ctx, actor, async (tx) => (await loadReportWithAccess(tx, actor, caseId, 'write')).report);
  const handoff = await requestHandoff(ctx, actor, caseId, {
    toOrganisationId: input.toOrganisationId,
    urgency: report.missingStatus === 'missing' && (isAbduction(report.missingType as MissingType) || report.missingType === 'missing_migration') ? 'urgent' : 'normal',
    summary: buildReferralSummary(report, input.note),
    personId: report.personId,
  });
  const view = await guardCaseAccess(ctx, actor, async (tx) => {
    const { row, report: current } = await loadReportWithAccess(tx, actor, caseId, 'write');
    const countries = withSuspectedCountry(current.suspectedCountries, handoff.to.countryCode);
    if (countries.length !== current.suspectedCountries.length) await repo.updateMissingReport(tx, row.id, current.version, { suspectedCountries: countries });
    await recordAudit(tx, actor, { action: 'missing_report.referred_abroad', entityType: 'case', entityId: row.id, organisationId: row.organisationId, countryCode: row.countryCode, details: { handoffId: handoff.id, toCountry: handoff.to.countryCode, toOrganisationId: input.toOrganisationId } });
    return viewAfter(tx, ctx, actor, row.id);
  });
  return { handoff, report: view };
}
