import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HTCDS_FIELDS,
  HTCDS_METHODS_OF_CONTROL,
  HTCDS_TRAFFICKING_STATUS,
  HTCDS_TYPE_OF_EXPLOITATION,
  HTCDS_VERSION,
  VICTOR_EXTENSION_FIELDS,
  htcdsCaseStatus,
  htcdsCsvRow,
  htcdsGender,
  mapCaseToHtcds,
  type HtcdsExportInput,
  type HtcdsVictimInput,
} from '../../../src/domain/cases/htcds';
import { EXPLOITATION_FORMS } from '../../../src/domain/cases/screening';

const REFERENCE_DIR = resolve(process.cwd(), '../shared/reference/htcds');
const DEFINITIONS = resolve(REFERENCE_DIR, 'Field Definitions.md');
const hasReference = existsSync(DEFINITIONS);

/** The first cell of every table row of the reference, by section heading. */
function readReferenceTables(): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let heading = '';
  for (const line of readFileSync(DEFINITIONS, 'utf8').split('\n')) {
    const h = /^#+\s*(.+?)\s*$/.exec(line);
    if (h) {
      heading = h[1]!;
      sections.set(heading, []);
      continue;
    }
    const cell = /^\|\s*([^|]+?)\s*\|/.exec(line)?.[1];
    if (cell && !/^-+$/.test(cell) && cell !== 'Field Name' && cell !== 'Field Label') sections.get(heading)?.push(cell);
  }
  return sections;
}

const victim = (over: Partial<HtcdsVictimInput> = {}): HtcdsVictimInput => ({
  givenName: 'Ana',
  familyName: 'Popescu',
  dateOfBirth: '2011-04-02',
  ageYears: 14,
  ageBand: '12-14',
  ageUncertain: false,
  mayBeChild: false,
  gender: 'female',
  nationality: 'RO',
  languages: ['ro'],
  traffickingStatus: 'identified',
  identifiedBy: 'Hellenic Police, Anti-Trafficking Unit',
  identifiedAt: '2026-03-10',
  ...over,
});

const input = (over: Partial<HtcdsExportInput> = {}): HtcdsExportInput => ({
  case: {
    reference: 'GR-2026-000042',
    countryCode: 'GR',
    organisationName: 'Smile of the Child',
    status: 'referred',
    closureReason: null,
    origin: 'contact',
    concernLevel: 'clear',
    forms: ['sexual', 'begging'],
    involvesChild: true,
    consent: { given: true, coversReferral: true, coversTransfer: false },
    reportedAt: new Date('2026-03-01T08:00:00Z'),
    openedAt: new Date('2026-03-01T09:00:00Z'),
    closedAt: null,
    firstAssistanceAt: new Date('2026-03-01T10:00:00Z'),
    firstReferralAt: new Date('2026-03-02T10:00:00Z'),
    firstAcceptanceAt: new Date('2026-03-03T10:00:00Z'),
  },
  victims: [victim()],
  perpetrators: [{ gender: 'male', nationality: 'GR' }],
  screening: { concernLevel: 'clear', forms: ['sexual', 'domestic_servitude'], meansWaived: true, indicatorSet: 'child-indicators@1', screenedAt: new Date('2026-03-01T11:00:00Z') },
  referrals: {
    outgoing: [
      { organisationName: 'Police Anti-Trafficking Unit Athens', sentAt: new Date('2026-03-02T10:00:00Z'), status: 'accepted', crossBorder: false },
      { organisationName: 'Draft shelter', sentAt: null, status: 'draft', crossBorder: false },
      { organisationName: 'Save the Children Romania', sentAt: new Date('2026-03-05T10:00:00Z'), status: 'requested', crossBorder: true },
    ],
    incoming: null,
  },
  includeIdentifying: true,
  ...over,
});

describe('HTCDS field catalogue', () => {
  it('names fields by table prefix and field name, once each', () => {
    const keys = HTCDS_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of HTCDS_FIELDS) {
      expect(f.key).toBe(`${f.table}_${f.name}`);
      expect(f.key).toMatch(/^(cas|prs|vic|per)_[A-Z][A-Za-z]+$/);
    }
    for (const e of VICTOR_EXTENSION_FIELDS) expect(e).toMatch(/^victor_[A-Z][A-Za-z]+$/);
    expect(HTCDS_VERSION).toBe('2.0');
  });

  it.skipIf(!hasReference)('uses the names and labels of the reference Field Definitions', () => {
    const tables = readReferenceTables();
    const text = readFileSync(DEFINITIONS, 'utf8');
    const control = tables.get('Methods Of Control') ?? [];
    expect(control.length).toBeGreaterThan(10);
    for (const m of HTCDS_METHODS_OF_CONTROL) expect(control).toContain(`MethodsOfControl${m}`);
    // Every methods-of-control field of the reference is in the catalogue (none forgotten).
    const ours = new Set(HTCDS_FIELDS.map((f) => f.name));
    for (const name of control) expect(ours).toContain(name);
    for (const f of HTCDS_FIELDS.filter((x) => x.source === 'field-definitions')) {
      const byName = [...tables.values()].some((cells) => cells.includes(f.name));
      const byLabel = f.label !== undefined && (tables.has(f.label) || [...tables.keys()].some((h) => h.startsWith(`${f.label} `)) || text.includes(`"${f.label}"`));
      expect(byName || byLabel, `${f.key} is named in the reference`).toBe(true);
    }
  });

  it.skipIf(!hasReference)('writes trafficking status with the reference labels', () => {
    const statuses = readReferenceTables().get('Trafficking Status') ?? [];
    expect(statuses).toHaveLength(3);
    expect(Object.values(HTCDS_TRAFFICKING_STATUS).sort()).toEqual([...statuses].sort());
  });

  it.skipIf(!hasReference)('describes prefixes the way the column reference does', () => {
    const columns = readFileSync(resolve(REFERENCE_DIR, 'HTCDS Field Column Reference.md'), 'utf8');
    expect(columns).toContain('three letter prefix of the Field Name');
  });

  it('maps every form of exploitation', () => {
    for (const f of EXPLOITATION_FORMS) expect(HTCDS_TYPE_OF_EXPLOITATION[f]).toMatch(/^[A-Z][A-Za-z]+$/);
  });
});

describe('mapping a case to HTCDS', () => {
  it('fills the case, person and victim fields of each potential victim', () => {
    const out = mapCaseToHtcds(input());
    const v = out.records.find((r) => r.victor_RecordType === 'victim')!;
    expect(v).toMatchObject({
      cas_Status: 'Active',
      cas_ReferredOrganisation: ['Police Anti-Trafficking Unit Athens', 'Save the Children Romania'],
      cas_OutgoingReferralDate: '2026-03-02',
      cas_ReasonForOutgoingReferral: 'AdditionalServicesRequired',
      cas_ReferringOrganisation: null,
      prs_FirstName: 'Ana',
      prs_SecondName: 'Popescu',
      prs_Birthdate: '2011-04-02',
      prs_Gender: 'Female',
      prs_Nationality: 'RO',
      vic_AgreementToManagePersonalData: true,
      vic_TraffickingStatus: 'Actual victim of trafficking',
      vic_TraffickingStatusDecisionMakingOrganization: 'Hellenic Police, Anti-Trafficking Unit',
      vic_TypeOfExploitation: ['SexualExploitation', 'ForcedBegging', 'ForcedLabour'],
      vic_TypeOfLabourExploitation: ['Begging', 'DomesticWork'],
      victor_CaseReference: 'GR-2026-000042',
      victor_AgeBand: '12-14',
      victor_TreatedAsChild: true,
      victor_PresumedMinor: false,
      victor_ScreeningIndicatorSet: 'child-indicators@1',
      victor_MeansWaived: true,
      victor_FirstAssistanceAt: '2026-03-01T10:00:00.000Z',
      victor_ReferralsSent: 2,
      victor_ReferralsAccepted: 1,
    });
    expect(v.victor_FormsOfExploitation).toEqual(['sexual', 'begging', 'domestic_servitude']);
  });

  it('keeps suspected perpetrators to gender and nationality', () => {
    const p = mapCaseToHtcds(input()).records.find((r) => r.victor_RecordType === 'perpetrator')!;
    const filled = Object.entries(p).filter(([, value]) => value !== null).map(([k]) => k).sort();
    expect(filled).toEqual(['prs_Gender', 'prs_Nationality', 'victor_CaseReference', 'victor_RecordType']);
    expect(p).toMatchObject({ prs_Gender: 'Male', prs_Nationality: 'GR' });
  });

  it('leaves identifying fields empty when the reader may not see them', () => {
    const out = mapCaseToHtcds(input({ includeIdentifying: false }));
    const v = out.records[0]!;
    expect([v.prs_FirstName, v.prs_SecondName, v.prs_Birthdate]).toEqual([null, null, null]);
    expect(out.fields.filled).not.toContain('prs_FirstName');
    expect(out.fields.empty).toContain('prs_FirstName');
  });

  it('lists the fields it fills and leaves empty, and leaves the empty ones null', () => {
    const out = mapCaseToHtcds(input());
    const all = HTCDS_FIELDS.map((f) => f.key);
    expect([...out.fields.filled, ...out.fields.empty].sort()).toEqual([...all].sort());
    expect(out.fields.filled.filter((k) => out.fields.empty.includes(k))).toEqual([]);
    expect(out.fields.empty).toEqual(expect.arrayContaining(['vic_MethodsOfControlDebtBondage', 'prs_MailingStreet', 'prs_MobilePhone', 'per_RoleDetails']));
    for (const r of out.records) {
      expect(Object.keys(r).sort()).toEqual([...out.columns].sort());
      for (const k of out.fields.empty) expect(r[k]).toBeNull();
    }
    expect(out.fields.extensions).toEqual([...VICTOR_EXTENSION_FIELDS]);
  });

  it('gives one case record when there are no potential victims', () => {
    const out = mapCaseToHtcds(input({ victims: [], perpetrators: [] }));
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ victor_RecordType: 'case', cas_Status: 'Active', prs_Gender: null });
  });

  it('records a cross-border hand-off as the incoming referral, and presumed minors', () => {
    const out = mapCaseToHtcds(
      input({
        case: { ...input().case, origin: 'handoff', status: 'closed', closureReason: 'transferred_abroad', closedAt: new Date('2026-04-01T00:00:00Z') },
        victims: [victim({ givenName: null, familyName: null, dateOfBirth: null, ageYears: null, ageBand: 'unknown', ageUncertain: true, mayBeChild: true, traffickingStatus: 'possible', identifiedBy: 'someone', gender: 'other' })],
        referrals: { outgoing: [], incoming: { organisationName: 'Smile of the Child', acceptedAt: new Date('2026-03-20T12:00:00Z') } },
      }),
    );
    expect(out.records[0]).toMatchObject({
      cas_Status: 'ClosedReferred',
      cas_ReasonForCaseClosure: 'transferred_abroad',
      cas_ReferringOrganisation: 'Smile of the Child',
      cas_IncomingReferralDate: '2026-03-20',
      cas_ReasonForIncomingReferral: 'MigrationOrChangeOfLocation',
      cas_ReferredOrganisation: null,
      prs_Gender: 'Transgender/NonConforming',
      vic_TraffickingStatus: 'Possible victim of trafficking',
      vic_TraffickingStatusDecisionMakingOrganization: null,
      victor_PresumedMinor: true,
      victor_AgeBand: 'unknown',
    });
  });

  it('maps statuses and genders', () => {
    expect(htcdsCaseStatus('open', null)).toBe('Active');
    expect(htcdsCaseStatus('monitoring', null)).toBe('FollowUp');
    expect(htcdsCaseStatus('closed', 'assistance_completed')).toBe('Closed');
    expect(htcdsCaseStatus('closed', 'referred_elsewhere')).toBe('ClosedReferred');
    expect([htcdsGender('female'), htcdsGender('male'), htcdsGender('unknown'), htcdsGender(null)]).toEqual(['Female', 'Male', 'Unknown', 'Unknown']);
  });

  it('writes CSV cells in column order', () => {
    const out = mapCaseToHtcds(input());
    const row = htcdsCsvRow(out.records[0]!, out.columns);
    expect(row).toHaveLength(out.columns.length);
    expect(row[out.columns.indexOf('vic_TypeOfExploitation')]).toBe('SexualExploitation;ForcedBegging;ForcedLabour');
    expect(row[out.columns.indexOf('vic_AgreementToManagePersonalData')]).toBe('true');
    expect(row[out.columns.indexOf('vic_MethodsOfControlThreats')]).toBe('');
    expect(out.columns.slice(0, 2)).toEqual(['victor_RecordType', 'victor_CaseReference']);
  });
});
