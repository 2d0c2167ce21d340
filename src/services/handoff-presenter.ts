/**
 * Hand-off views: decrypts the minimum dataset and the answer note, keeps only the HANDOFF_FIELDS and
 * names the organisations, users and linked cases. Output is whitelisted field by field.
 */
import { handoffDatasetSchema, type HandoffView } from '../api/referrals.schemas';
import type { ConsentView } from '../api/cases.schemas';
import { pickHandoffDataset, type HandoffStatus } from '../domain/cases/handoff-workflow';
import type { Db } from '../db/database';
import type { CaseConsentJson } from '../db/schema';
import * as caseRepo from '../db/repos/case.repo';
import * as handoffRepo from '../db/repos/handoff.repo';
import { openField, sealField } from './case-access';
import type { ServiceContext } from './context';

/** Names and references needed to present a set of hand-offs. */
export interface HandoffNames {
  organisations: Map<string, string>;
  users: Map<string, string>;
  caseReferences: Map<string, string>;
}

/** Load the names shown beside these hand-offs in three queries (one after the other: `db` may be a transaction). */
export async function loadHandoffNames(db: Db, rows: readonly handoffRepo.HandoffRow[]): Promise<HandoffNames> {
  const organisations = await caseRepo.mapOrganisationNames(db, rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]));
  const users = await caseRepo.mapUserNames(db, rows.flatMap((r) => [r.requestedBy, r.answeredBy]));
  const caseReferences = await handoffRepo.mapCaseReferences(db, rows.flatMap((r) => [r.fromCaseId, r.toCaseId]));
  return { organisations, users, caseReferences };
}

/** The minimum dataset as stored: HANDOFF_FIELDS only, sealed with the hand-off id. */
export function sealHandoffDataset(ctx: ServiceContext, handoffId: string, dataset: Record<string, unknown>): string {
  const sealed = sealField(ctx, 'handoffs.dataset', handoffId, JSON.stringify(pickHandoffDataset(dataset)));
  if (!sealed) throw new Error('empty hand-off dataset');
  return sealed;
}

/** Decrypt a hand-off's dataset; anything outside HANDOFF_FIELDS or the schema is dropped. */
export function openHandoffDataset(ctx: ServiceContext, row: Pick<handoffRepo.HandoffRow, 'id' | 'datasetEnc'>): HandoffView['dataset'] {
  const raw = openField(ctx, 'handoffs.dataset', row.id, row.datasetEnc);
  const parsed = handoffDatasetSchema.safeParse(pickHandoffDataset(raw ? (JSON.parse(raw) as Record<string, unknown>) : {}));
  return parsed.success ? parsed.data : {};
}

/** A case's stored consent as the API shows it (recordedBy named). */
export function presentConsent(consent: CaseConsentJson | null, users: Map<string, string>): ConsentView | null {
  if (!consent) return null;
  const recordedBy = consent.recordedBy ? { id: consent.recordedBy, displayName: users.get(consent.recordedBy) ?? '' } : null;
  return {
    given: consent.given,
    givenBy: consent.givenBy,
    coversReferral: consent.coversReferral,
    coversTransfer: consent.coversTransfer,
    recordedAt: consent.recordedAt,
    recordedBy,
    note: consent.note,
  };
}

function userRef(users: Map<string, string>, id: string | null) {
  return id ? { id, displayName: users.get(id) ?? '' } : null;
}

/** Present one hand-off for a reader on one side with the actions they may take now. */
export function presentHandoff(
  ctx: ServiceContext,
  row: handoffRepo.HandoffRow,
  names: HandoffNames,
  side: HandoffView['side'],
  actions: HandoffView['actions'],
): HandoffView {
  return {
    id: row.id,
    status: row.status as HandoffStatus,
    from: {
      organisationId: row.fromOrganisationId,
      organisationName: names.organisations.get(row.fromOrganisationId) ?? '',
      countryCode: row.fromCountryCode,
      caseId: row.fromCaseId,
      caseReference: names.caseReferences.get(row.fromCaseId) ?? null,
    },
    to: {
      organisationId: row.toOrganisationId,
      organisationName: names.organisations.get(row.toOrganisationId) ?? '',
      countryCode: row.toCountryCode,
      caseId: row.toCaseId,
      caseReference: row.toCaseId ? (names.caseReferences.get(row.toCaseId) ?? null) : null,
    },
    dataset: openHandoffDataset(ctx, row),
    answerNote: openField(ctx, 'handoffs.answer_note', row.id, row.answerNoteEnc),
    requestedBy: userRef(names.users, row.requestedBy),
    requestedAt: row.requestedAt.toISOString(),
    answeredBy: userRef(names.users, row.answeredBy),
    answeredAt: row.answeredAt ? row.answeredAt.toISOString() : null,
    side,
    actions,
    version: row.version,
  };
}
