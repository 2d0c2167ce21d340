import { describe, expect, it } from 'vitest';
import { generateDirectoryEntries } from '../../../bench/knowledge-directory-data';
import { directoryInputSchema, instrumentInputSchema } from '../../../src/api/knowledge.schemas';
import type { Role, Scope } from '../../../src/domain/access/roles';
import type { Principal } from '../../../src/domain/access/scope';
import { DIRECTORY_KINDS, KB_LANGUAGES } from '../../../src/domain/knowledge/knowledge-fields';
import {
  canConfirmInstrument,
  canConfirmInstrumentStatus,
  canEditDirectoryEntry,
  canEditInstrument,
  canSetInstrumentStatus,
  canVerifyDirectoryEntry,
  isHelplineKind,
  isRegionalInstrument,
  yearOf,
} from '../../../src/domain/knowledge/reference-rules';
import { buildDemoDirectory } from '../../../src/db/seed/directory.data';
import { EU_MEMBER_STATES, LEGAL_INSTRUMENTS, initialStatusOf } from '../../../src/db/seed/legal-instruments.data';
import { ORGANISATIONS } from '../../../src/db/seed/network.data';

function principal(role: Role, scope: Scope, countryCode = 'GR', organisationId = `org-${countryCode}`): Principal {
  return { userId: `u-${role}-${countryCode}`, memberships: [{ organisationId, countryCode, role, scope }] };
}
const regional = principal('regional_coordinator', 'region');
const coordinatorSi = principal('country_coordinator', 'country', 'SI');
const coordinatorGr = principal('country_coordinator', 'country', 'GR');
const supervisorGr = principal('supervisor', 'organisation', 'GR');
const supervisorGrCountry = principal('supervisor', 'country', 'GR');
const trainerGr = principal('trainer', 'organisation', 'GR');
const operatorGr = principal('helpline_operator', 'organisation', 'GR');

describe('who changes the legal instruments register', () => {
  const palermo = { kind: 'international', countryCode: null };
  const greekLaw = { kind: 'national', countryCode: 'GR' };

  it('keeps regional instruments to region-wide editors and reviewers', () => {
    expect(isRegionalInstrument('council_of_europe')).toBe(true);
    expect(isRegionalInstrument('national')).toBe(false);
    expect(canEditInstrument(regional, palermo)).toBe(true);
    expect(canConfirmInstrument(regional, palermo)).toBe(true);
    for (const p of [coordinatorGr, coordinatorSi, supervisorGr, trainerGr, operatorGr]) {
      expect(canEditInstrument(p, palermo)).toBe(false);
      expect(canConfirmInstrument(p, palermo)).toBe(false);
    }
  });

  it('gives a national instrument to its country’s desk (and the region)', () => {
    expect(canEditInstrument(coordinatorGr, greekLaw)).toBe(true);
    expect(canConfirmInstrument(coordinatorGr, greekLaw)).toBe(true);
    expect(canEditInstrument(coordinatorSi, greekLaw)).toBe(false);
    expect(canEditInstrument(regional, greekLaw)).toBe(true);
    // Organisation-scoped editors do not reach a country's law; a country-scoped one does, without confirming.
    expect(canEditInstrument(supervisorGr, greekLaw)).toBe(false);
    expect(canEditInstrument(supervisorGrCountry, greekLaw)).toBe(true);
    expect(canConfirmInstrument(supervisorGrCountry, greekLaw)).toBe(false);
  });

  it('lets a country’s editors record and reviewers confirm that country’s status only', () => {
    expect(canSetInstrumentStatus(coordinatorSi, 'SI')).toBe(true);
    expect(canSetInstrumentStatus(coordinatorSi, 'GR')).toBe(false);
    expect(canSetInstrumentStatus(regional, 'GR')).toBe(true);
    expect(canSetInstrumentStatus(supervisorGr, 'GR')).toBe(false);
    expect(canSetInstrumentStatus(operatorGr, 'GR')).toBe(false);
    expect(canConfirmInstrumentStatus(coordinatorGr, 'GR')).toBe(true);
    expect(canConfirmInstrumentStatus(supervisorGrCountry, 'GR')).toBe(false);
  });
});

describe('who changes the directory', () => {
  it('needs knowledge.write over the entry’s country or organisation, knowledge.review to verify', () => {
    const greek = { countryCode: 'GR', organisationId: null };
    const ours = { countryCode: 'GR', organisationId: 'org-GR' };
    expect(canEditDirectoryEntry(coordinatorGr, greek)).toBe(true);
    expect(canEditDirectoryEntry(coordinatorSi, greek)).toBe(false);
    expect(canEditDirectoryEntry(supervisorGr, greek)).toBe(false);
    expect(canEditDirectoryEntry(supervisorGr, ours)).toBe(true);
    expect(canEditDirectoryEntry(trainerGr, ours)).toBe(true);
    expect(canEditDirectoryEntry(operatorGr, ours)).toBe(false);
    expect(canVerifyDirectoryEntry(coordinatorGr, greek)).toBe(true);
    expect(canVerifyDirectoryEntry(supervisorGr, ours)).toBe(false);
    expect(canVerifyDirectoryEntry(regional, { countryCode: 'UA', organisationId: null })).toBe(true);
  });

  it('knows the helpline kinds and the year of a date', () => {
    expect(isHelplineKind('child_helpline')).toBe(true);
    expect(isHelplineKind('police')).toBe(false);
    expect(yearOf('2011-04-05')).toBe(2011);
    expect(yearOf(null)).toBeNull();
  });
});

describe('reference instruments data', () => {
  it('is valid input with official links of the issuing bodies and consistent dates', () => {
    const hosts = new Set(['treaties.un.org', 'www.coe.int', 'eur-lex.europa.eu', 'www.ilo.org', 'www.hcch.net']);
    expect(new Set(LEGAL_INSTRUMENTS.map((i) => i.slug)).size).toBe(LEGAL_INSTRUMENTS.length);
    for (const i of LEGAL_INSTRUMENTS) {
      const { slug: _s, ...rest } = i;
      expect(instrumentInputSchema.safeParse({ ...rest, slug: i.slug, countryCode: null }).success, i.slug).toBe(true);
      expect(hosts.has(new URL(i.officialUrl!).host), i.slug).toBe(true);
      expect(i.summaries.en, i.slug).toBeTruthy();
      expect(Object.keys(i.summaries).every((l) => (KB_LANGUAGES as readonly string[]).includes(l))).toBe(true);
      if (i.adoptedOn) expect(yearOf(i.adoptedOn), i.slug).toBe(i.year);
      if (i.adoptedOn && i.inForceOn) expect(i.inForceOn > i.adoptedOn, i.slug).toBe(true);
    }
  });

  it('starts every country unknown, EU directives not applicable outside the EU', () => {
    expect(initialStatusOf('international', 'UA')).toBe('unknown');
    expect(initialStatusOf('eu', 'UA')).toBe('not_applicable');
    expect(initialStatusOf('eu', 'RS')).toBe('not_applicable');
    for (const c of EU_MEMBER_STATES) expect(initialStatusOf('eu', c)).toBe('unknown');
  });
});

describe('directory data', () => {
  it('generates varied, valid, reproducible bench entries', () => {
    const entries = generateDirectoryEntries(2000, 7);
    expect(entries).toHaveLength(2000);
    expect(generateDirectoryEntries(50, 7)).toEqual(entries.slice(0, 50));
    expect(generateDirectoryEntries(50, 8)).not.toEqual(entries.slice(0, 50));
    for (const e of entries) expect(directoryInputSchema.safeParse(e).success).toBe(true);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(DIRECTORY_KINDS));
    expect(new Set(entries.flatMap((e) => Object.keys(e.descriptions)))).toEqual(new Set(KB_LANGUAGES));
    expect(new Set(entries.map((e) => e.name)).size).toBe(2000);
  });

  it('builds a demo directory whose public entries are the 116 numbers only', () => {
    const orgIds = new Map(ORGANISATIONS.map((o, i) => [o.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
    const entries = buildDemoDirectory(orgIds);
    for (const e of entries) expect(directoryInputSchema.safeParse(e).success, e.name).toBe(true);
    const publicNumbers = entries.filter((e) => e.audience === 'public').flatMap((e) => e.phones.map((p) => p.number));
    expect(new Set(publicNumbers)).toEqual(new Set(['116 000', '116 111']));
    expect(entries.filter((e) => e.kind === 'partner_organisation')).toHaveLength(ORGANISATIONS.length);
    expect(entries.every((e) => e.needsReview)).toBe(true);
  });
});
