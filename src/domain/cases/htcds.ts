/**
 * A case as Human Trafficking Case Data Standard (HTCDS, IOM, version 2.0) records: one record per
 * potential victim (case, person and victim-context fields), one minimal record per suspected
 * perpetrator (gender and nationality only), or one case record when the case has no persons yet.
 * Field names are the standard's table prefix and field name (`prs_Gender`); values use its picklist
 * value names. What Victor records that HTCDS has no field for goes in `victor_` extension fields.
 * Pure: no I/O; the export service decrypts and passes the values in.
 */
import type { AgeBand } from './age';
import { bandOfAge, isTreatedAsChild, presumesMinority } from './age';
import type { CaseClosureReason, CaseStatus } from './case-workflow';
import type { ConcernLevel, ExploitationForm } from './screening';

export const HTCDS_VERSION = '2.0';

/** HTCDS tables (field name prefixes): case, person, victim context, perpetrator context. */
export type HtcdsTable = 'cas' | 'prs' | 'vic' | 'per';

/**
 * Where the standard defines a field: in its Field Definitions document (checked against the reference
 * copy by the tests) or in its field standards spreadsheet only.
 */
export type HtcdsSource = 'field-definitions' | 'field-standards';

/** One HTCDS field and whether Victor fills it. */
export interface HtcdsFieldDef {
  key: string;
  table: HtcdsTable;
  /** The HTCDS field name without prefix. */
  name: string;
  /** The standard's label, when it names the field by label. */
  label?: string;
  source: HtcdsSource;
  filled: boolean;
  /** Identifying data (names, birth date): exported only to readers who may see it. */
  identifying?: boolean;
}

const def = (table: HtcdsTable, name: string, filled: boolean, source: HtcdsSource = 'field-standards', extra: Partial<HtcdsFieldDef> = {}): HtcdsFieldDef => ({
  key: `${table}_${name}`,
  table,
  name,
  source,
  filled,
  ...extra,
});

/** The HTCDS "methods of control" (Field Definitions): Victor screens by element, not by method, so they stay empty. */
export const HTCDS_METHODS_OF_CONTROL = [
  'DebtBondage', 'TakesEarnings', 'RestrictsFinancialAccess', 'Threats', 'PsychologicalAbuse', 'PhysicalAbuse', 'SexualAbuse', 'FalsePromises',
  'PsychoactiveSubstances', 'RestrictsMovement', 'RestrictsMedicalCare', 'ExcessiveWorkingHours', 'UsesChildren', 'ThreatOfLawEnforcement',
  'WithholdsNecessities', 'WithholdsDocuments', 'Other',
] as const;

/** Every HTCDS field the export knows, in column order. */
export const HTCDS_FIELDS: readonly HtcdsFieldDef[] = [
  def('cas', 'Status', true),
  def('cas', 'ReferringOrganisation', true),
  def('cas', 'IncomingReferralDate', true),
  def('cas', 'ReasonForIncomingReferral', true),
  def('cas', 'ReferringPrimaryCaseWorker', false),
  def('cas', 'IncomingReferralDetails', false),
  def('cas', 'ReferredOrganisation', true),
  def('cas', 'OutgoingReferralDate', true),
  def('cas', 'ReasonForOutgoingReferral', true),
  def('cas', 'ReferredPrimaryCaseWorker', false),
  def('cas', 'OutgoingReferralDetails', false),
  def('cas', 'ReasonForCaseClosure', true),
  def('prs', 'Salutation', false),
  def('prs', 'FirstName', true, 'field-standards', { identifying: true }),
  def('prs', 'MiddleName', false),
  def('prs', 'SecondName', true, 'field-standards', { identifying: true }),
  def('prs', 'Birthdate', true, 'field-standards', { identifying: true }),
  def('prs', 'Gender', true),
  def('prs', 'Deceased', false),
  def('prs', 'Nationality', true),
  def('prs', 'Title', false),
  def('prs', 'Email', false),
  def('prs', 'HomePhone', false),
  def('prs', 'MobilePhone', false),
  def('prs', 'MailingCity', false),
  def('prs', 'MailingCountry', false),
  def('prs', 'MailingState', false),
  def('prs', 'MailingStreet', false),
  def('prs', 'MailingPostalCode', false),
  def('vic', 'AgreementToManagePersonalData', true),
  def('vic', 'TraffickingStatus', true, 'field-definitions', { label: 'Trafficking Status' }),
  def('vic', 'TraffickingStatusDecisionMakingOrganization', true, 'field-definitions', { label: 'Trafficking Status Decision Making Organization' }),
  def('vic', 'TypeOfExploitation', true),
  def('vic', 'TypeOfLabourExploitation', true),
  def('vic', 'TypeOfSexExploitation', false),
  def('vic', 'LabourIndustry', false, 'field-definitions', { label: 'Labour Industry' }),
  def('vic', 'MethodOfRecruitment', false),
  def('vic', 'LocationOfRecruitment', false),
  def('vic', 'RecruitmentWebsitesAndApps', false),
  def('vic', 'LocationOfExploitation', false),
  def('vic', 'ExploitationWebsitesAndApps', false),
  ...HTCDS_METHODS_OF_CONTROL.map((m) => def('vic', `MethodsOfControl${m}`, false, 'field-definitions')),
  def('per', 'RoleInProcess', false),
  def('per', 'RoleDetails', false),
  def('per', 'Organisation', false),
];

/** Victor's own fields beside the standard's (prefixed `victor_`). */
export const VICTOR_EXTENSION_FIELDS = [
  'victor_RecordType', 'victor_CaseReference', 'victor_CountryCode', 'victor_Organisation', 'victor_CaseStatus', 'victor_Origin',
  'victor_ReportedAt', 'victor_OpenedAt', 'victor_FirstAssistanceAt', 'victor_FirstReferralAt', 'victor_FirstAcceptanceAt', 'victor_ClosedAt',
  'victor_ConcernLevel', 'victor_ScreeningConcernLevel', 'victor_ScreeningIndicatorSet', 'victor_ScreenedAt', 'victor_MeansWaived',
  'victor_FormsOfExploitation', 'victor_InvolvesChild', 'victor_AgeBand', 'victor_AgeUncertain', 'victor_PresumedMinor', 'victor_TreatedAsChild',
  'victor_Languages', 'victor_IdentifiedAt', 'victor_ConsentCoversReferral', 'victor_ConsentCoversTransfer', 'victor_ReferralsSent', 'victor_ReferralsAccepted',
] as const;

export type HtcdsValue = string | number | boolean | string[] | null;
export type HtcdsRecord = Record<string, HtcdsValue>;

/** The case as the export service passes it (decrypted where needed). */
export interface HtcdsCaseInput {
  reference: string;
  countryCode: string;
  organisationName: string;
  status: CaseStatus;
  closureReason: CaseClosureReason | null;
  origin: 'contact' | 'direct' | 'handoff';
  concernLevel: ConcernLevel | null;
  forms: readonly ExploitationForm[];
  involvesChild: boolean;
  consent: { given: boolean; coversReferral: boolean; coversTransfer: boolean } | null;
  reportedAt: Date;
  openedAt: Date;
  closedAt: Date | null;
  firstAssistanceAt: Date | null;
  firstReferralAt: Date | null;
  firstAcceptanceAt: Date | null;
}

/** A potential victim (names and birth date only when the reader may see them). */
export interface HtcdsVictimInput {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  ageYears: number | null;
  ageBand: AgeBand;
  ageUncertain: boolean;
  mayBeChild: boolean;
  gender: 'female' | 'male' | 'other' | 'unknown' | null;
  nationality: string | null;
  languages: readonly string[];
  traffickingStatus: 'possible' | 'identified' | 'not_victim' | null;
  identifiedBy: string | null;
  identifiedAt: string | null;
}

/** A suspected perpetrator: only what HTCDS needs for statistics, never names or details. */
export interface HtcdsPerpetratorInput {
  gender: HtcdsVictimInput['gender'];
  nationality: string | null;
}

/** The latest screening's result. */
export interface HtcdsScreeningInput {
  concernLevel: ConcernLevel;
  forms: readonly ExploitationForm[];
  meansWaived: boolean;
  indicatorSet: string;
  screenedAt: Date;
}

/** Referrals and hand-offs in summary: organisations and dates, no messages. */
export interface HtcdsReferralsInput {
  outgoing: readonly { organisationName: string; sentAt: Date | null; status: string; crossBorder: boolean }[];
  /** The desk this case was handed off from, when it came by a cross-border hand-off. */
  incoming: { organisationName: string; acceptedAt: Date } | null;
}

/** Everything the mapping needs. */
export interface HtcdsExportInput {
  case: HtcdsCaseInput;
  victims: readonly HtcdsVictimInput[];
  perpetrators: readonly HtcdsPerpetratorInput[];
  screening: HtcdsScreeningInput | null;
  referrals: HtcdsReferralsInput;
  /** False: names and birth dates stay empty whatever is passed. */
  includeIdentifying: boolean;
}

/** The records with the list of fields filled, left empty and added by Victor. */
export interface HtcdsExport {
  columns: string[];
  fields: { filled: string[]; empty: string[]; extensions: string[] };
  records: HtcdsRecord[];
}

/** Victor's case status as the HTCDS case status picklist. */
export function htcdsCaseStatus(status: CaseStatus, closureReason: CaseClosureReason | null): string {
  if (status === 'closed') return closureReason === 'referred_elsewhere' || closureReason === 'transferred_abroad' ? 'ClosedReferred' : 'Closed';
  return status === 'monitoring' ? 'FollowUp' : 'Active';
}

/** The HTCDS trafficking status labels (Field Definitions), by Victor's recorded status. */
export const HTCDS_TRAFFICKING_STATUS: Record<NonNullable<HtcdsVictimInput['traffickingStatus']>, string> = {
  possible: 'Possible victim of trafficking',
  identified: 'Actual victim of trafficking',
  not_victim: 'Not a victim of trafficking',
};

/** Victor's forms of exploitation as HTCDS types of exploitation. */
export const HTCDS_TYPE_OF_EXPLOITATION: Record<ExploitationForm, string> = {
  sexual: 'SexualExploitation',
  labour: 'ForcedLabour',
  begging: 'ForcedBegging',
  criminal_activities: 'IllicitActivities',
  domestic_servitude: 'ForcedLabour',
  forced_marriage: 'ForcedMarriage',
  organ_removal: 'OrganRemoval',
  illegal_adoption: 'IllegalAdoption',
  online: 'Other',
};

/** The forms that also name an HTCDS type of labour exploitation. */
export const HTCDS_TYPE_OF_LABOUR_EXPLOITATION: Partial<Record<ExploitationForm, string>> = {
  begging: 'Begging',
  domestic_servitude: 'DomesticWork',
  criminal_activities: 'IllicitActivities',
};

/** Victor's gender as the HTCDS gender picklist ("other": neither or both). */
export function htcdsGender(gender: HtcdsVictimInput['gender']): string {
  if (gender === 'female') return 'Female';
  if (gender === 'male') return 'Male';
  if (gender === 'other') return 'Transgender/NonConforming';
  return 'Unknown';
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** The column order: extensions that identify the record first, then the standard's fields, then the rest. */
export function listHtcdsColumns(): string[] {
  const [recordType, reference, ...rest] = VICTOR_EXTENSION_FIELDS;
  return [recordType, reference, ...HTCDS_FIELDS.map((f) => f.key), ...rest];
}

function emptyRecord(): HtcdsRecord {
  return Object.fromEntries(listHtcdsColumns().map((c) => [c, null]));
}

function caseFields(input: HtcdsExportInput): HtcdsRecord {
  const c = input.case;
  const forms = unique([...c.forms, ...(input.screening?.forms ?? [])]) as ExploitationForm[];
  const sent = input.referrals.outgoing.filter((r) => r.sentAt !== null).sort((a, b) => a.sentAt!.getTime() - b.sentAt!.getTime());
  const firstSent = sent[0];
  const incoming = input.referrals.incoming;
  return {
    cas_Status: htcdsCaseStatus(c.status, c.closureReason),
    cas_ReferringOrganisation: incoming?.organisationName ?? null,
    cas_IncomingReferralDate: day(incoming?.acceptedAt ?? null),
    cas_ReasonForIncomingReferral: incoming ? 'MigrationOrChangeOfLocation' : null,
    cas_ReferredOrganisation: sent.length > 0 ? unique(sent.map((r) => r.organisationName)) : null,
    cas_OutgoingReferralDate: day(firstSent?.sentAt ?? c.firstReferralAt),
    cas_ReasonForOutgoingReferral: firstSent ? (firstSent.crossBorder ? 'MigrationOrChangeOfLocation' : 'AdditionalServicesRequired') : null,
    cas_ReasonForCaseClosure: c.status === 'closed' ? c.closureReason : null,
    vic_AgreementToManagePersonalData: c.consent ? c.consent.given : null,
    vic_TypeOfExploitation: forms.length > 0 ? unique(forms.map((f) => HTCDS_TYPE_OF_EXPLOITATION[f])) : null,
    vic_TypeOfLabourExploitation: (() => {
      const types = unique(forms.map((f) => HTCDS_TYPE_OF_LABOUR_EXPLOITATION[f]).filter((t): t is string => !!t));
      return types.length > 0 ? types : null;
    })(),
    victor_CaseReference: c.reference,
    victor_CountryCode: c.countryCode,
    victor_Organisation: c.organisationName,
    victor_CaseStatus: c.status,
    victor_Origin: c.origin,
    victor_ReportedAt: iso(c.reportedAt),
    victor_OpenedAt: iso(c.openedAt),
    victor_FirstAssistanceAt: iso(c.firstAssistanceAt),
    victor_FirstReferralAt: iso(c.firstReferralAt),
    victor_FirstAcceptanceAt: iso(c.firstAcceptanceAt),
    victor_ClosedAt: iso(c.closedAt),
    victor_ConcernLevel: c.concernLevel,
    victor_ScreeningConcernLevel: input.screening?.concernLevel ?? null,
    victor_ScreeningIndicatorSet: input.screening?.indicatorSet ?? null,
    victor_ScreenedAt: iso(input.screening?.screenedAt ?? null),
    victor_MeansWaived: input.screening ? input.screening.meansWaived : null,
    victor_FormsOfExploitation: forms.length > 0 ? forms : null,
    victor_InvolvesChild: c.involvesChild,
    victor_ConsentCoversReferral: c.consent ? c.consent.coversReferral : null,
    victor_ConsentCoversTransfer: c.consent ? c.consent.coversTransfer : null,
    victor_ReferralsSent: sent.length,
    victor_ReferralsAccepted: input.referrals.outgoing.filter((r) => r.status === 'accepted' || r.status === 'completed').length,
  };
}

function victimFields(v: HtcdsVictimInput, includeIdentifying: boolean): HtcdsRecord {
  const age = { years: v.ageYears, ageBand: v.ageBand, uncertain: v.ageUncertain, mayBeChild: v.mayBeChild };
  return {
    victor_RecordType: 'victim',
    prs_FirstName: includeIdentifying ? v.givenName : null,
    prs_SecondName: includeIdentifying ? v.familyName : null,
    prs_Birthdate: includeIdentifying ? v.dateOfBirth : null,
    prs_Gender: htcdsGender(v.gender),
    prs_Nationality: v.nationality,
    vic_TraffickingStatus: v.traffickingStatus ? HTCDS_TRAFFICKING_STATUS[v.traffickingStatus] : null,
    vic_TraffickingStatusDecisionMakingOrganization: v.traffickingStatus && v.traffickingStatus !== 'possible' ? v.identifiedBy : null,
    victor_AgeBand: v.ageYears !== null ? bandOfAge(v.ageYears) : v.ageBand,
    victor_AgeUncertain: v.ageUncertain,
    victor_PresumedMinor: presumesMinority(age),
    victor_TreatedAsChild: isTreatedAsChild(age),
    victor_Languages: v.languages.length > 0 ? [...v.languages] : null,
    victor_IdentifiedAt: v.traffickingStatus && v.traffickingStatus !== 'possible' ? v.identifiedAt : null,
  };
}

/**
 * Map one case to HTCDS records. Victims carry the case fields; perpetrators carry only the case
 * reference, gender and nationality; a case without persons gives one case record.
 */
export function mapCaseToHtcds(input: HtcdsExportInput): HtcdsExport {
  const shared = caseFields(input);
  const records: HtcdsRecord[] = input.victims.map((v) => ({ ...emptyRecord(), ...shared, ...victimFields(v, input.includeIdentifying) }));
  for (const p of input.perpetrators) {
    records.push({ ...emptyRecord(), victor_RecordType: 'perpetrator', victor_CaseReference: input.case.reference, prs_Gender: htcdsGender(p.gender), prs_Nationality: p.nationality });
  }
  if (input.victims.length === 0) records.unshift({ ...emptyRecord(), ...shared, victor_RecordType: 'case' });
  const filled = HTCDS_FIELDS.filter((f) => f.filled && (input.includeIdentifying || !f.identifying)).map((f) => f.key);
  const filledSet = new Set(filled);
  return {
    columns: listHtcdsColumns(),
    fields: { filled, empty: HTCDS_FIELDS.map((f) => f.key).filter((k) => !filledSet.has(k)), extensions: [...VICTOR_EXTENSION_FIELDS] },
    records,
  };
}

/** One record as CSV cells in column order (lists joined with ";", booleans as true/false, empty as ""). */
export function htcdsCsvRow(record: HtcdsRecord, columns: readonly string[]): string[] {
  return columns.map((c) => {
    const v = record[c];
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.join(';');
    return String(v);
  });
}
