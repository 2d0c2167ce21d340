/**
 * Reference data for the demo network, built from the project documents (VICTOR partnership scheme,
 * SEEC action plan 2015). Organisations are the real partners; every PERSON here is invented.
 */
import type { ORGANISATION_TYPES, PARTNERSHIP_LEVELS } from '../../api/admin.schemas';
import type { Role } from '../../domain/access/roles';

export interface CountrySeed {
  code: string;
  name: string;
  seecFocus: boolean;
  victorPartner: boolean;
}

/** SEEC focus countries plus Hungary (seat of a VICTOR partner). Names in English; the UI translates. */
export const COUNTRIES: CountrySeed[] = [
  { code: 'AL', name: 'Albania', seecFocus: true, victorPartner: false },
  { code: 'BA', name: 'Bosnia and Herzegovina', seecFocus: true, victorPartner: false },
  { code: 'BG', name: 'Bulgaria', seecFocus: true, victorPartner: true },
  { code: 'HR', name: 'Croatia', seecFocus: true, victorPartner: false },
  { code: 'CY', name: 'Cyprus', seecFocus: true, victorPartner: false },
  { code: 'GR', name: 'Greece', seecFocus: true, victorPartner: true },
  { code: 'HU', name: 'Hungary', seecFocus: false, victorPartner: true },
  { code: 'MD', name: 'Moldova', seecFocus: true, victorPartner: true },
  { code: 'ME', name: 'Montenegro', seecFocus: true, victorPartner: false },
  { code: 'MK', name: 'North Macedonia', seecFocus: true, victorPartner: false },
  { code: 'RO', name: 'Romania', seecFocus: true, victorPartner: true },
  { code: 'RS', name: 'Serbia', seecFocus: true, victorPartner: true },
  { code: 'SI', name: 'Slovenia', seecFocus: true, victorPartner: true },
  { code: 'TR', name: 'Türkiye', seecFocus: true, victorPartner: false },
  { code: 'UA', name: 'Ukraine', seecFocus: true, victorPartner: true },
];

export interface OrganisationSeed {
  key: string;
  name: string;
  shortName: string | null;
  countryCode: string;
  type: (typeof ORGANISATION_TYPES)[number];
  partnership: (typeof PARTNERSHIP_LEVELS)[number];
  city: string;
}

/** The VICTOR partnership: coordinator, full partners and associate partners. */
export const ORGANISATIONS: OrganisationSeed[] = [
  { key: 'smile', name: 'The Smile of the Child', shortName: 'Smile', countryCode: 'GR', type: 'national_ngo', partnership: 'coordinator', city: 'Athens' },
  { key: 'selec', name: 'Southeast European Law Enforcement Center', shortName: 'SELEC', countryCode: 'RO', type: 'international_organisation', partnership: 'full', city: 'Bucharest' },
  { key: 'bg-ncthb', name: 'National Commission for Combating Trafficking in Human Beings', shortName: 'NCCTHB', countryCode: 'BG', type: 'public_authority', partnership: 'full', city: 'Sofia' },
  { key: 'ro-anitp', name: 'National Agency against Trafficking in Persons', shortName: 'ANITP', countryCode: 'RO', type: 'public_authority', partnership: 'full', city: 'Bucharest' },
  { key: 'gr-mopcp', name: 'Ministry of Public Order and Citizen Protection', shortName: null, countryCode: 'GR', type: 'public_authority', partnership: 'full', city: 'Athens' },
  { key: 'gr-moj', name: 'Ministry of Justice, Transparency and Human Rights', shortName: null, countryCode: 'GR', type: 'public_authority', partnership: 'full', city: 'Athens' },
  { key: 'tdh', name: 'Terre des Hommes Regional Office for Central and Southeastern Europe', shortName: 'Tdh', countryCode: 'HU', type: 'international_ngo', partnership: 'full', city: 'Budapest' },
  { key: 'sc-ro', name: 'Save the Children Romania', shortName: null, countryCode: 'RO', type: 'national_ngo', partnership: 'full', city: 'Bucharest' },
  { key: 'nadja', name: 'Nadja Centre Foundation', shortName: null, countryCode: 'BG', type: 'national_ngo', partnership: 'full', city: 'Sofia' },
  { key: 'kljuc', name: 'Society KLJUC', shortName: 'Ključ', countryCode: 'SI', type: 'national_ngo', partnership: 'full', city: 'Ljubljana' },
  { key: 'astra', name: 'ASTRA', shortName: null, countryCode: 'RS', type: 'national_ngo', partnership: 'associate', city: 'Belgrade' },
  { key: 'lastrada-md', name: 'La Strada Moldova', shortName: null, countryCode: 'MD', type: 'national_ngo', partnership: 'associate', city: 'Chișinău' },
  // Invented: a police unit that receives referrals in the app (its liaison officer answers them).
  { key: 'gr-police-thb', name: 'Police Anti-Trafficking Unit Athens (demo)', shortName: 'Police THB (demo)', countryCode: 'GR', type: 'law_enforcement', partnership: 'none', city: 'Athens' },
  { key: 'cwbf-ua', name: 'Child Well Being Fund Ukraine', shortName: null, countryCode: 'UA', type: 'national_ngo', partnership: 'associate', city: 'Kyiv' },
];

export interface DemoUserSeed {
  email: string;
  displayName: string;
  locale: string;
  memberships: { org: string; role: Role }[];
}

/** Password of every demo account (printed at start-up; demo accounts are exempt from 2FA). */
export const DEMO_PASSWORD = 'victor-demo-2026';

/** Invented demo accounts, one or more for every role. Not real people. */
export const DEMO_USERS: DemoUserSeed[] = [
  { email: 'admin@victor.example', displayName: 'Demo Administrator', locale: 'en', memberships: [{ org: 'smile', role: 'administrator' }] },
  { email: 'regional@victor.example', displayName: 'Demo Regional Coordinator (SEEC)', locale: 'en', memberships: [{ org: 'smile', role: 'regional_coordinator' }] },
  { email: 'supervisor.gr@victor.example', displayName: 'Demo Supervisor (GR)', locale: 'el', memberships: [{ org: 'smile', role: 'supervisor' }] },
  { email: 'operator.gr@victor.example', displayName: 'Demo Operator (GR)', locale: 'el', memberships: [{ org: 'smile', role: 'helpline_operator' }] },
  { email: 'operator.bg@victor.example', displayName: 'Demo Operator (BG)', locale: 'bg', memberships: [{ org: 'nadja', role: 'helpline_operator' }] },
  { email: 'casemanager.ro@victor.example', displayName: 'Demo Case Manager (RO)', locale: 'ro', memberships: [{ org: 'sc-ro', role: 'case_manager' }] },
  { email: 'coordinator.si@victor.example', displayName: 'Demo Country Coordinator (SI)', locale: 'sl', memberships: [{ org: 'kljuc', role: 'country_coordinator' }] },
  { email: 'trainer.rs@victor.example', displayName: 'Demo Trainer (RS)', locale: 'sr', memberships: [{ org: 'astra', role: 'trainer' }] },
  { email: 'liaison.ro@victor.example', displayName: 'Demo Liaison Officer (SELEC)', locale: 'ro', memberships: [{ org: 'selec', role: 'liaison_officer' }] },
  { email: 'police.gr@victor.example', displayName: 'Demo Police Liaison (GR)', locale: 'el', memberships: [{ org: 'gr-police-thb', role: 'liaison_officer' }] },
  { email: 'evaluator@victor.example', displayName: 'Demo Evaluator', locale: 'en', memberships: [{ org: 'tdh', role: 'evaluator' }] },
];
