/**
 * Reading missing-child reports: the report of a case (audited like the case page), the desk's list
 * within its scope (keyset, no names) and the child-alert pre-fill for the alert console.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { alertDraftCreateSchema } from '../api/alerts.schemas';
import type { MissingListQuery, MissingPage, MissingReportView } from '../api/missing-children.schemas';
import type { Db } from '../db/database';
import * as caseRepo from '../db/repos/case.repo';
import * as personRepo from '../db/repos/case-person.repo';
import * as repo from '../db/repos/missing-child.repo';
import { alertCountrySettings } from '../db/schema';
import { buildScopeFilter } from '../domain/access/scope';
import type { AgeBand } from '../domain/cases/age';
import { AppError } from '../domain/errors';
import { buildAlertTexts, firstAlertLanguage, type AlertTextLocale } from '../domain/missing/missing-alert-texts';
import { actionsFrom, isAbduction, type FoundCondition, type FoundOutcome, type MissingCloseReason, type MissingStatus, type MissingType } from '../domain/missing/missing-workflow';
import { guardCaseAccess, loadCaseWithAccess, openField, recordCaseView, type CaseAccess } from './case-access';
import { decodeCaseCursor, encodeCaseCursor, parseCaseReference } from './case-list.service';
import { toUserRef } from './case-presenter';
import { requirePermission, type Actor, type ServiceContext } from './context';

/** Sealed columns of a report: view field → column context (row id = case id). */
export const MISSING_SEALED = {
  place: 'missing_child_reports.last_seen_place',
  circumstances: 'missing_child_reports.circumstances',
  description: 'missing_child_reports.description',
  policeReference: 'missing_child_reports.police_reference',
  foundNote: 'missing_child_reports.found_note',
} as const;

/** Alert statuses that mean the alert still runs (or may run). */
const RUNNING_ALERT_STATUSES = new Set(['draft', 'approved', 'issued']);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Load the case (with the actor's access) and its report; MISSING_REPORT_NOT_FOUND when it has none. */
export async function loadReportWithAccess(tx: Db, actor: Actor, caseId: string, need: 'read' | 'write') {
  const { row, access } = await loadCaseWithAccess(tx, actor, caseId, need);
  const report = await repo.findMissingReport(tx, row.id);
  if (!report) throw new AppError('MISSING_REPORT_NOT_FOUND', 'This case has no missing-child report.');
  return { row, access, report };
}

/** Present a report for a reader; identifying text only with sensitive access. */
export async function buildMissingReportView(tx: Db, ctx: ServiceContext, c: caseRepo.CaseRow, access: CaseAccess, r: repo.MissingReportRow): Promise<MissingReportView> {
  const s = access.sensitive;
  const open = (field: keyof typeof MISSING_SEALED, value: string | null) => (s ? openField(ctx, MISSING_SEALED[field], r.caseId, value) : null);
  const person = r.personId ? await personRepo.findPerson(tx, c.id, r.personId) : undefined;
  const alertRows = await repo.listAlertsOfCase(tx, c.id);
  const status = r.missingStatus as MissingStatus;
  return {
    caseId: c.id,
    caseReference: c.reference,
    countryCode: c.countryCode,
    missingType: r.missingType as MissingType,
    status,
    nextActions: access.write ? actionsFrom(status) : [],
    restricted: !s,
    child: {
      personId: person?.id ?? null,
      givenName: person && s ? openField(ctx, 'case_persons.given_name', person.id, person.givenNameEnc) : null,
      familyName: person && s ? openField(ctx, 'case_persons.family_name', person.id, person.familyNameEnc) : null,
      ageYears: person?.ageYears ?? null,
      ageBand: (person?.ageBand ?? 'unknown') as AgeBand,
      gender: (person?.gender ?? null) as MissingReportView['child']['gender'],
      nationality: person?.nationality ?? null,
    },
    lastSeen: {
      at: r.lastSeenAt.toISOString(),
      place: open('place', r.lastSeenPlaceEnc),
      country: r.lastSeenCountry,
      lat: r.lastSeenLat,
      lon: r.lastSeenLon,
      circumstances: open('circumstances', r.circumstancesEnc),
    },
    description: open('description', r.descriptionEnc),
    photoDocumentId: s ? r.photoDocumentId : null,
    police: { reported: r.reportedPolice, at: iso(r.policeReportedAt), reference: open('policeReference', r.policeReferenceEnc) },
    interpol: { reported: r.reportedInterpol, at: iso(r.interpolReportedAt) },
    sis: { reported: r.reportedSis, at: iso(r.sisReportedAt) },
    suspectedCountries: r.suspectedCountries,
    found:
      status === 'found' && r.foundAt && r.foundOutcome && r.foundCondition
        ? { at: r.foundAt.toISOString(), outcome: r.foundOutcome as FoundOutcome, condition: r.foundCondition as FoundCondition, note: open('foundNote', r.foundNoteEnc) }
        : null,
    closeReason: status === 'closed' ? ((r.closedReason as MissingCloseReason | null) ?? null) : null,
    alerts: alertRows.map((a) => ({ id: a.id, reference: a.reference, tier: a.tier as MissingReportView['alerts'][number]['tier'], status: a.status as MissingReportView['alerts'][number]['status'] })),
    alertsStillRunning: alertRows.some((a) => RUNNING_ALERT_STATUSES.has(a.status)),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** The missing-child report of a case (cases.read over it; logged in "who viewed this case"). */
export async function getMissingReport(ctx: ServiceContext, actor: Actor, caseId: string): Promise<MissingReportView> {
  requirePermission(actor, 'cases.read');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access, report } = await loadReportWithAccess(tx, actor, caseId, 'read');
    await recordCaseView(tx, actor, row, access.via);
    return buildMissingReportView(tx, ctx, row, access, report);
  });
}

/** The missing-child cases the reader may see, newest opened first (limit + 1 read; nothing counted). */
export async function listMissingChildren(ctx: ServiceContext, actor: Actor, query: MissingListQuery): Promise<MissingPage> {
  requirePermission(actor, 'cases.read');
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'cases.read') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const filter: repo.MissingListFilter = { scope, status: query.status, type: query.type, countryCode: query.countryCode };
  if (query.q) {
    const reference = parseCaseReference(query.q);
    if (!reference) throw new AppError('VALIDATION_FAILED', 'Search by a case reference such as GR-2026-000042.', { issues: [{ path: 'q', message: 'a case reference' }] });
    filter.reference = reference;
  }
  const after = query.cursor ? decodeCaseCursor(query.cursor) : undefined;
  const db = ctx.database.db;
  const rows = await repo.listMissingPage(db, filter, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const names = await caseRepo.mapUserNames(db, page.map((r) => r.assignedUserId));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      caseId: r.caseId,
      caseReference: r.reference,
      countryCode: r.countryCode,
      organisationName: r.organisationName,
      priority: r.priority as MissingPage['items'][number]['priority'],
      missingType: r.missingType as MissingType,
      status: r.missingStatus as MissingStatus,
      lastSeenAt: r.lastSeenAt.toISOString(),
      lastSeenCountry: r.lastSeenCountry,
      ageYears: r.ageYears ?? null,
      ageBand: (r.ageBand ?? 'unknown') as AgeBand,
      gender: (r.gender ?? null) as MissingPage['items'][number]['gender'],
      reportedPolice: r.reportedPolice,
      reportedInterpol: r.reportedInterpol,
      reportedSis: r.reportedSis,
      suspectedCountries: r.suspectedCountries,
      foundAt: iso(r.foundAt),
      foundOutcome: (r.foundOutcome as FoundOutcome | null) ?? null,
      openedAt: r.openedAt.toISOString(),
      assignedTo: toUserRef(r.assignedUserId, names),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCaseCursor({ openedAt: last.openedAtKey, id: last.caseId }) : null,
  };
}

export type AlertPrefill = z.infer<typeof alertDraftCreateSchema>;

/** A country's name in a language (falls back to the code). */
function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A child-alert draft pre-filled from the report (cases.write with sensitive access: it carries the
 * child's name and description; logged as a read of the case). Tier child_abduction for abductions,
 * else endangered_missing; texts in English and the country's first language.
 */
export async function getAlertPrefill(ctx: ServiceContext, actor: Actor, caseId: string): Promise<AlertPrefill> {
  requirePermission(actor, 'cases.write');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access, report } = await loadReportWithAccess(tx, actor, caseId, 'write');
    if (!access.sensitive) throw new AppError('FORBIDDEN', 'You may not read the identifying data of this case.');
    await recordCaseView(tx, actor, row, access.via);
    const view = await buildMissingReportView(tx, ctx, row, access, report);
    const [settings] = await tx.select({ languages: alertCountrySettings.languages, hotline: alertCountrySettings.hotline }).from(alertCountrySettings).where(eq(alertCountrySettings.countryCode, row.countryCode)).limit(1);
    const type = view.missingType;
    const abduction = isAbduction(type);
    const name = [view.child.givenName, view.child.familyName].filter(Boolean).join(' ') || 'Unknown child';
    const seenCountry = view.lastSeen.country ?? row.countryCode;
    const place = (locale: string) => [view.lastSeen.place, countryName(seenCountry, locale)].filter(Boolean).join(', ');
    const description = view.description ?? 'No physical description recorded yet.';
    const facts = { name, ageYears: view.child.ageYears, abduction, lastSeenAt: new Date(view.lastSeen.at), place, description, hotline: settings?.hotline ?? '116000' };
    const languages: AlertTextLocale[] = ['en'];
    const first = firstAlertLanguage(row.countryCode, settings?.languages);
    if (first && first !== 'en') languages.push(first);
    const texts = Object.fromEntries(languages.map((l) => [l, buildAlertTexts(l, facts)]));
    const ageYears = view.child.ageYears !== null && view.child.ageYears <= 17 ? view.child.ageYears : null;
    const circles = view.lastSeen.lat !== null && view.lastSeen.lon !== null ? [`${view.lastSeen.lat},${view.lastSeen.lon} 10`] : [];
    const prefill = alertDraftCreateSchema.parse({
      tier: abduction ? 'child_abduction' : 'endangered_missing',
      countryCode: row.countryCode,
      caseId: row.id,
      content: {
        child: { name, ageYears, gender: view.child.gender ?? 'unknown', description: description.slice(0, 2000) },
        lastSeen: { at: view.lastSeen.at, place: place('en').slice(0, 300) || seenCountry },
        texts,
      },
      area: { description: place('en').slice(0, 300) || seenCountry, circles, countries: [...new Set([seenCountry, ...view.suspectedCountries])].slice(0, 20) },
      criteria: { ...(view.child.ageYears !== null ? { minor: view.child.ageYears < 18 } : {}), abductionBelieved: abduction },
    });
    return prefill;
  });
}
