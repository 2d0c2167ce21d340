/**
 * Turning case rows into the API views (whitelisted fields only; encrypted fields opened here, and
 * only those shown).
 */
import type { CaseSummary, CaseView, ConsentView, TimelineEntry, UserRef } from '../api/cases.schemas';
import { CASE_EVENT_KINDS } from '../api/cases.schemas';
import type { CaseListRow } from '../db/repos/case-list.repo';
import type { CaseEventRow } from '../db/repos/case-event.repo';
import type { CaseRow } from '../db/repos/case.repo';
import type { CaseConsentJson } from '../db/schema';
import { listNextStatuses, type CaseClosureReason, type CasePriority, type CaseStatus } from '../domain/cases/case-workflow';
import type { CaseAccess } from './case-access';
import { openField } from './case-access';
import type { ServiceContext } from './context';

type Names = ReadonlyMap<string, string>;
type ConcernLevel = NonNullable<CaseSummary['concernLevel']>;

const KNOWN_KINDS = new Set<string>(CASE_EVENT_KINDS);

/** A user reference, or null when there is no user (a deleted user keeps their id with a placeholder name). */
export function toUserRef(id: string | null | undefined, names: Names): UserRef | null {
  if (!id) return null;
  return { id, displayName: names.get(id) ?? '—' };
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** A row of the case list. */
export function presentCaseSummary(ctx: ServiceContext, row: CaseListRow, orgNames: Names, userNames: Names, overdueTasks: number): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: openField(ctx, 'cases.title', row.id, row.titleEnc) ?? '',
    status: row.status as CaseStatus,
    priority: row.priority as CasePriority,
    concernLevel: (row.concernLevel as ConcernLevel | null) ?? null,
    organisationId: row.organisationId,
    organisationName: orgNames.get(row.organisationId) ?? '—',
    countryCode: row.countryCode,
    assignedTo: toUserRef(row.assignedUserId, userNames),
    involvesChild: row.involvesChild,
    openedAt: row.openedAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    overdueTasks,
  };
}

/** A timeline entry; the comment is opened only for readers who see sensitive data. */
export function presentTimelineEntry(ctx: ServiceContext, e: CaseEventRow, userNames: Names, sensitive: boolean): TimelineEntry {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    kind: e.kind as TimelineEntry['kind'],
    actor: toUserRef(e.actorUserId, userNames),
    data: e.data ?? {},
    comment: sensitive && e.commentEnc ? openField(ctx, 'case_events.comment', e.caseId, e.commentEnc) : null,
  };
}

/** True for timeline kinds the API knows (others are skipped rather than failing the page). */
export function isKnownEventKind(kind: string): boolean {
  return KNOWN_KINDS.has(kind);
}

/** Consent as recorded. */
export function presentConsent(c: CaseConsentJson | null | undefined, userNames: Names): ConsentView | null {
  if (!c) return null;
  return {
    given: c.given,
    givenBy: c.givenBy ?? null,
    coversReferral: c.coversReferral,
    coversTransfer: c.coversTransfer,
    recordedAt: c.recordedAt,
    recordedBy: toUserRef(c.recordedBy, userNames),
    note: c.note ?? null,
  };
}

/** What the reader may do (drives the buttons). */
export function presentPermissions(access: CaseAccess): CaseView['permissions'] {
  return {
    write: access.write,
    sensitive: access.sensitive,
    export: access.export,
    overrideConsent: access.overrideConsent,
    viaBreakGlass: access.via === 'break_glass',
    breakGlassUntil: iso(access.breakGlassUntil),
  };
}

/** Everything of the case page that is not the row itself. */
export type CasePageParts = Omit<
  CaseView,
  'id' | 'reference' | 'title' | 'summary' | 'status' | 'nextStatuses' | 'priority' | 'origin' | 'kind' | 'concernLevel' | 'forms' | 'involvesChild' | 'countryCode' | 'closureReason' | 'timings' | 'createdAt' | 'updatedAt' | 'version' | 'permissions'
>;

/** The case page from the row, the reader's access and the parts loaded around it. */
export function presentCaseView(ctx: ServiceContext, row: CaseRow, access: CaseAccess, parts: CasePageParts): CaseView {
  const status = row.status as CaseStatus;
  return {
    id: row.id,
    reference: row.reference,
    title: openField(ctx, 'cases.title', row.id, row.titleEnc) ?? '',
    summary: openField(ctx, 'cases.summary', row.id, row.summaryEnc),
    status,
    nextStatuses: access.write ? listNextStatuses(status) : [],
    priority: row.priority as CasePriority,
    origin: row.origin as CaseView['origin'],
    kind: row.kind as CaseView['kind'],
    concernLevel: (row.concernLevel as ConcernLevel | null) ?? null,
    forms: row.forms as CaseView['forms'],
    involvesChild: row.involvesChild,
    countryCode: row.countryCode,
    closureReason: (row.closureReason as CaseClosureReason | null) ?? null,
    timings: {
      reportedAt: row.reportedAt.toISOString(),
      openedAt: row.openedAt.toISOString(),
      firstAssistanceAt: iso(row.firstAssistanceAt),
      firstReferralAt: iso(row.firstReferralAt),
      firstAcceptanceAt: iso(row.firstAcceptanceAt),
      closedAt: iso(row.closedAt),
    },
    ...parts,
    permissions: presentPermissions(access),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
