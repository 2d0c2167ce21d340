/** Contact rows to API views: a whitelist of fields; decrypted text only in the full view. */
import type { CallerProfileView, ContactSummaryView, ContactView } from '../api/contacts.schemas';
import type { ContactRow } from '../db/repos/contact.repo';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The list/search view (no notes, no numbers). */
export function presentContactSummary(c: ContactRow & { operatorName?: string | null }): ContactSummaryView {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status as ContactSummaryView['status'],
    source: c.source as ContactSummaryView['source'],
    organisationId: c.organisationId,
    countryCode: c.countryCode,
    channel: c.channel as ContactSummaryView['channel'],
    direction: c.direction as ContactSummaryView['direction'],
    startedAt: c.startedAt.toISOString(),
    endedAt: iso(c.endedAt),
    handleSeconds: c.handleSeconds,
    language: c.language,
    callerType: c.callerType as ContactSummaryView['callerType'],
    categories: c.categories,
    isThb: c.isThb,
    outcome: c.outcome as ContactSummaryView['outcome'],
    nonDataType: c.nonDataType as ContactSummaryView['nonDataType'],
    operatorUserId: c.operatorUserId,
    operatorName: c.operatorName ?? null,
    reviewStatus: c.reviewStatus as ContactSummaryView['reviewStatus'],
    outOfHours: c.outOfHours,
    hasNotes: c.notesEnc !== null,
  };
}

/** The full view; `secrets` holds the decrypted notes and call-back number. */
export function presentContact(
  c: ContactRow & { operatorName?: string | null },
  secrets: { notes: string | null; callbackPhone: string | null },
  callerProfile: CallerProfileView | null,
  replayed?: boolean,
): ContactView {
  return {
    ...presentContactSummary(c),
    callerSector: c.callerSector as ContactView['callerSector'],
    callerAgeBand: c.callerAgeBand as ContactView['callerAgeBand'],
    callerGender: c.callerGender as ContactView['callerGender'],
    childAgeBand: c.childAgeBand as ContactView['childAgeBand'],
    childGender: c.childGender as ContactView['childGender'],
    region: c.region,
    informationGiven: c.informationGiven as ContactView['informationGiven'],
    actionsTaken: c.actionsTaken as ContactView['actionsTaken'],
    consentCallback: c.consentCallback,
    consentConfidentiality: c.consentConfidentiality,
    callbackPhone: secrets.callbackPhone,
    notes: secrets.notes,
    caseId: c.caseId,
    taxonomyVersion: c.taxonomyVersion,
    policeNotifiedAt: iso(c.policeNotifiedAt),
    nrmNotifiedAt: iso(c.nrmNotifiedAt),
    reviewComment: c.reviewComment,
    reviewedAt: iso(c.reviewedAt),
    callerProfile,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    completedAt: iso(c.completedAt),
    ...(replayed === undefined ? {} : { replayed }),
  };
}
