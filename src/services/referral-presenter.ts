/**
 * Turning referral rows into the API views (whitelisted fields). A receiver sees only what was referred:
 * the case reference, the referring team, stage, message, urgency, the person's minimum data (names only
 * with consent covering referral or an override), concern level and forms, and the consent snapshot.
 */
import { z } from 'zod';
import type { ConsentView } from '../api/cases.schemas';
import type { referralPersonSchema, referralSummarySchema, ReferralView } from '../api/referrals.schemas';
import type { CaseEventRow } from '../db/repos/case-event.repo';
import type { CasePersonRow } from '../db/repos/case-person.repo';
import type { ActorEntryRow, PathwayStepRow } from '../db/repos/nrm-pathway.repo';
import type { ReferralCaseInfo, ReferralRow } from '../db/repos/referral.repo';
import type { CaseConsentJson } from '../db/schema';
import { presumesMinority, type AgeBand } from '../domain/cases/age';
import { computeReferralDue, listReferralActions, type ReferralAction, type ReferralSide, type ReferralStatus } from '../domain/cases/referral-workflow';
import type { ConcernLevel, ExploitationForm } from '../domain/cases/screening';
import type { NrmStage } from '../domain/knowledge/knowledge-fields';
import { openField } from './case-access';
import { presentConsent, toUserRef } from './case-presenter';
import type { ServiceContext } from './context';
import { pickText, presentActor, type Locale } from './nrm-pathway.service';

type Names = ReadonlyMap<string, string>;
export type ReferralPerson = z.infer<typeof referralPersonSchema>;
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

/** Lookups a page of referrals shares. */
export interface ReferralLookups {
  orgNames: Names;
  userNames: Names;
  entries: ReadonlyMap<string, ActorEntryRow>;
  steps: ReadonlyMap<string, { step: PathwayStepRow; version: number }>;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** The consent snapshot stored on a referral, as the stored case consent. */
export function snapshotOf(row: Pick<ReferralRow, 'consentSnapshot'>): CaseConsentJson | null {
  return (row.consentSnapshot as CaseConsentJson | null) ?? null;
}

/** True when the receiver may be told the person's names: consent covering referral, or an override. */
export function mayShareNames(row: Pick<ReferralRow, 'consentSnapshot' | 'consentOverrideBy' | 'consentOverrideReasonEnc'>): boolean {
  const s = snapshotOf(row);
  return (!!s?.given && !!s.coversReferral) || row.consentOverrideBy !== null || row.consentOverrideReasonEnc !== null;
}

/** The person's minimum data; names only when `withNames`. */
export function presentReferralPerson(ctx: ServiceContext, p: CasePersonRow | null | undefined, withNames: boolean): ReferralPerson | null {
  if (!p) return null;
  return {
    givenName: withNames ? openField(ctx, 'case_persons.given_name', p.id, p.givenNameEnc) : null,
    familyName: withNames ? openField(ctx, 'case_persons.family_name', p.id, p.familyNameEnc) : null,
    ageYears: p.ageYears,
    ageBand: p.ageBand as AgeBand,
    presumedMinor: presumesMinority({ years: p.ageYears, ageBand: p.ageBand as AgeBand, uncertain: p.ageUncertain, mayBeChild: p.mayBeChild }),
    gender: p.gender as ReferralPerson['gender'],
    nationality: p.nationality,
    languages: [...p.languages],
  };
}

/** The consent part of a view: the snapshot and the override (reason opened). The desk's free-text note stays with the desk. */
export function presentReferralConsent(ctx: ServiceContext, row: ReferralRow, userNames: Names, side: ReferralSide): ReferralView['consent'] {
  const recorded: ConsentView | null = presentConsent(snapshotOf(row), userNames);
  const snapshot = recorded && side === 'receiver' ? { ...recorded, note: null } : recorded;
  const overridden = row.consentOverrideBy !== null || row.consentOverrideReasonEnc !== null;
  if (!snapshot && !overridden) return null;
  return {
    snapshot,
    overridden,
    overrideReason: openField(ctx, 'referrals.consent_override_reason', row.id, row.consentOverrideReasonEnc),
    overriddenBy: toUserRef(row.consentOverrideBy, userNames),
  };
}

/** The actions a reader may take: their side's, plus the receiver's for the sender when the actor is offline. */
export function actionsFor(status: ReferralStatus, side: ReferralSide, mayWrite: boolean, offline: boolean): ReferralAction[] {
  if (!mayWrite) return [];
  const own = listReferralActions(status, side);
  return side === 'sender' && offline ? [...own, ...listReferralActions(status, 'receiver')] : own;
}

/** A referral in a list (no message, person, consent or events). */
export function presentReferralSummary(row: ReferralRow, caseInfo: ReferralCaseInfo, look: ReferralLookups, side: ReferralSide, actions: ReferralAction[], lang: Locale | string, now = new Date()): ReferralSummary {
  const entry = look.entries.get(row.directoryEntryId);
  const step = row.stepId ? look.steps.get(row.stepId) : undefined;
  const due = computeReferralDue(row.status as ReferralStatus, row.statusEnteredAt.toISOString(), row.slaHours, now);
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference: caseInfo.reference,
    organisation: { id: row.organisationId, name: look.orgNames.get(row.organisationId) ?? '—' },
    countryCode: row.countryCode,
    stage: row.stage as NrmStage,
    step: step ? { id: step.step.id, title: pickText(step.step.titles, lang) ?? step.step.stage, pathwayVersion: step.version } : null,
    actor: entry
      ? presentActor(entry)
      : { id: row.directoryEntryId, name: '—', kind: 'unknown', city: null, organisationId: row.receiverOrganisationId, inApp: row.receiverOrganisationId !== null, languages: [] },
    receiverLanguage: row.receiverLanguage as Locale,
    status: row.status as ReferralStatus,
    urgency: row.urgency as 'normal' | 'urgent',
    concernLevel: (caseInfo.concernLevel as ConcernLevel | null) ?? null,
    forms: caseInfo.forms as ExploitationForm[],
    slaHours: row.slaHours,
    dueAt: iso(row.dueAt) ?? due.dueAt,
    overdue: due.overdue,
    sentAt: iso(row.sentAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    acceptedAt: iso(row.acceptedAt),
    declinedAt: iso(row.declinedAt),
    completedAt: iso(row.completedAt),
    revokedAt: iso(row.revokedAt),
    actions,
    side,
    createdBy: toUserRef(row.createdBy, look.userNames),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** What a full view needs beyond the row and the shared lookups. */
export interface ReferralViewParts {
  caseInfo: ReferralCaseInfo;
  person: CasePersonRow | null | undefined;
  /** Show the person's names (the sender's desk with sensitive access, or the consent rule for receivers). */
  withNames: boolean;
  events: readonly CaseEventRow[];
}

/** A referral in full, as one side sees it. */
export function presentReferral(ctx: ServiceContext, row: ReferralRow, look: ReferralLookups, parts: ReferralViewParts, side: ReferralSide, actions: ReferralAction[], lang: Locale | string, now = new Date()): ReferralView {
  const summary = presentReferralSummary(row, parts.caseInfo, look, side, actions, lang, now);
  return {
    ...summary,
    message: openField(ctx, 'referrals.message', row.id, row.messageEnc),
    person: presentReferralPerson(ctx, parts.person, parts.withNames),
    consent: presentReferralConsent(ctx, row, look.userNames, side),
    events: parts.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actor: toUserRef(e.actorUserId, look.userNames),
      comment: openField(ctx, 'case_events.comment', row.caseId, e.commentEnc),
    })),
  };
}
