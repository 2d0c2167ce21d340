/**
 * HTCDS-field export of one case for authorised users (cases.export with export access to the record):
 * JSON or CSV. Identifying fields are decrypted only for readers who may see them; suspected
 * perpetrators carry gender and nationality only. Every export is audited and put on the timeline.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as personRepo from '../db/repos/case-person.repo';
import * as screeningRepo from '../db/repos/case-screening.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as directoryRepo from '../db/repos/directory.repo';
import * as handoffRepo from '../db/repos/handoff.repo';
import * as referralRepo from '../db/repos/referral.repo';
import type { AgeBand } from '../domain/cases/age';
import type { CaseClosureReason, CaseStatus } from '../domain/cases/case-workflow';
import { HTCDS_VERSION, htcdsCsvRow, mapCaseToHtcds, type HtcdsExport, type HtcdsExportInput, type HtcdsRecord, type HtcdsVictimInput } from '../domain/cases/htcds';
import { EXPLOITATION_FORMS, type ConcernLevel, type ExploitationForm } from '../domain/cases/screening';
import { AppError } from '../domain/errors';
import { guardCaseAccess, loadCaseWithAccess, openField } from './case-access';
import { recordAudit, requirePermission, type Actor, type ServiceContext } from './context';

export type HtcdsFormat = 'json' | 'csv';

/** The JSON export document. */
export interface HtcdsDocument {
  standard: 'HTCDS';
  version: string;
  generatedAt: string;
  caseReference: string;
  fields: HtcdsExport['fields'];
  records: HtcdsRecord[];
}

/** What the route sends: a JSON document or a CSV text with its file name. */
export type HtcdsExportResult = { format: 'json'; document: HtcdsDocument; fileName: string } | { format: 'csv'; csv: string; fileName: string };

const isForm = (f: string): f is ExploitationForm => (EXPLOITATION_FORMS as readonly string[]).includes(f);

/** Gather the case's export input (persons decrypted when `identifying`). */
async function loadExportInput(tx: Db, ctx: ServiceContext, row: caseRepo.CaseRow, identifying: boolean): Promise<HtcdsExportInput> {
  // One query after the other: a transaction is one connection.
  const persons = await personRepo.listPersons(tx, row.id, ['potential_victim', 'suspected_perpetrator']);
  const screenings = await screeningRepo.listScreenings(tx, row.id, false);
  const referrals = await referralRepo.listCaseReferrals(tx, row.id);
  const handoffs = await handoffRepo.listHandoffsOfCase(tx, row.id);
  const entries = new Map<string, string>();
  for (const id of new Set(referrals.map((r) => r.directoryEntryId))) {
    const entry = await directoryRepo.findEntry(tx, id);
    if (entry) entries.set(id, entry.name);
  }
  const orgNames = await caseRepo.mapOrganisationNames(tx, [row.organisationId, ...handoffs.flatMap((h) => [h.fromOrganisationId, h.toOrganisationId])]);
  const open = (column: string, id: string, value: string | null) => (identifying ? openField(ctx, column, id, value) : null);

  const victims: HtcdsVictimInput[] = persons
    .filter((p) => p.role === 'potential_victim')
    .map((p) => ({
      givenName: open('case_persons.given_name', p.id, p.givenNameEnc),
      familyName: open('case_persons.family_name', p.id, p.familyNameEnc),
      dateOfBirth: open('case_persons.date_of_birth', p.id, p.dateOfBirthEnc),
      ageYears: p.ageYears,
      ageBand: p.ageBand as AgeBand,
      ageUncertain: p.ageUncertain,
      mayBeChild: p.mayBeChild,
      gender: p.gender as HtcdsVictimInput['gender'],
      nationality: p.nationality,
      languages: p.languages,
      traffickingStatus: p.traffickingStatus as HtcdsVictimInput['traffickingStatus'],
      identifiedBy: p.identifiedBy,
      identifiedAt: p.identifiedAt,
    }));
  const perpetrators = persons.filter((p) => p.role === 'suspected_perpetrator').map((p) => ({ gender: p.gender as HtcdsVictimInput['gender'], nationality: p.nationality }));
  const latest = screenings[0];
  const incoming = handoffs.find((h) => h.toCaseId === row.id && h.status === 'accepted');
  return {
    case: {
      reference: row.reference,
      countryCode: row.countryCode,
      organisationName: orgNames.get(row.organisationId) ?? '',
      status: row.status as CaseStatus,
      closureReason: row.closureReason as CaseClosureReason | null,
      origin: row.origin as 'contact' | 'direct' | 'handoff',
      concernLevel: row.concernLevel as ConcernLevel | null,
      forms: row.forms.filter(isForm),
      involvesChild: row.involvesChild,
      consent: row.consent ? { given: row.consent.given, coversReferral: row.consent.coversReferral, coversTransfer: row.consent.coversTransfer } : null,
      reportedAt: row.reportedAt,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
      firstAssistanceAt: row.firstAssistanceAt,
      firstReferralAt: row.firstReferralAt,
      firstAcceptanceAt: row.firstAcceptanceAt,
    },
    victims,
    perpetrators,
    screening: latest
      ? {
          concernLevel: latest.concernLevel as ConcernLevel,
          forms: ((latest.result as { forms?: unknown }).forms as string[] | undefined ?? []).filter(isForm),
          meansWaived: Boolean((latest.result as { meansWaived?: unknown }).meansWaived),
          indicatorSet: `${latest.setKey}@${latest.setVersion}`,
          screenedAt: latest.screenedAt,
        }
      : null,
    referrals: {
      outgoing: [
        ...referrals.map((r) => ({ organisationName: entries.get(r.directoryEntryId) ?? '', sentAt: r.sentAt, status: r.status, crossBorder: false })),
        ...handoffs
          .filter((h) => h.fromCaseId === row.id && h.status !== 'withdrawn')
          .map((h) => ({ organisationName: orgNames.get(h.toOrganisationId) ?? '', sentAt: h.requestedAt, status: h.status, crossBorder: true })),
      ],
      incoming: incoming?.answeredAt ? { organisationName: orgNames.get(incoming.fromOrganisationId) ?? '', acceptedAt: incoming.answeredAt } : null,
    },
    includeIdentifying: identifying,
  };
}

/**
 * Export a case as HTCDS records (cases.export, and export access to this case: its team's supervisors
 * and coordinators — not break-glass readers). Audited as case.exported, with an "exported" timeline entry.
 */
export async function exportCaseHtcds(ctx: ServiceContext, actor: Actor, caseId: string, format: HtcdsFormat): Promise<HtcdsExportResult> {
  requirePermission(actor, 'cases.export');
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row, access } = await loadCaseWithAccess(tx, actor, caseId, 'read');
    if (!access.export) throw new AppError('FORBIDDEN', 'You may not export this case.');
    const input = await loadExportInput(tx, ctx, row, access.sensitive);
    const mapped = mapCaseToHtcds(input);
    const now = new Date();
    await appendCaseEvent(tx, { caseId: row.id, kind: 'exported', actorUserId: actor.principal?.userId ?? null, data: { format, standard: 'HTCDS', version: HTCDS_VERSION, records: mapped.records.length }, at: now });
    await recordAudit(tx, actor, {
      action: 'case.exported',
      entityType: 'case',
      entityId: row.id,
      organisationId: row.organisationId,
      countryCode: row.countryCode,
      details: { format, standard: 'HTCDS', version: HTCDS_VERSION, records: mapped.records.length, identifying: input.includeIdentifying },
    });
    const fileName = `victor-${row.reference}-htcds.${format}`;
    if (format === 'csv') {
      const csv = stringify([mapped.columns, ...mapped.records.map((r) => htcdsCsvRow(r, mapped.columns).map(defuse))], { bom: true });
      return { format, csv, fileName };
    }
    const document: HtcdsDocument = { standard: 'HTCDS', version: HTCDS_VERSION, generatedAt: now.toISOString(), caseReference: row.reference, fields: mapped.fields, records: mapped.records };
    return { format, document, fileName };
  });
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
