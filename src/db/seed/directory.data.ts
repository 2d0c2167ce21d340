/**
 * The demo directory. Per VICTOR partner country: the harmonised European numbers 116 000 (missing
 * children) and 116 111 (child helpline) — who runs them, their hours and languages are left for the country
 * desk to confirm (flagged for review) — and INVENTED NRM actors, named "Demo: …", with numbers in an
 * obviously fictitious range (+<country code> 000 000 …), for staff only. No national THB hotline number is
 * seeded: the desks add the ones they know. Plus one entry per partner organisation of the demo network.
 */
import type { DirectoryInput } from '../../api/knowledge.schemas';
import { KB_LANGUAGES, type DirectoryKind, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { KIND_PROFILE, describeServices } from './directory-phrases.data';
import { ORGANISATIONS, type OrganisationSeed } from './network.data';

/** A VICTOR partner country of the demo directory. */
export interface DemoDirectoryCountry {
  code: string;
  /** The partner organisation (seed key) shown as operator of the demo helpline entries. */
  helplineOrg: string | null;
  capital: string;
  secondCity: string;
  dial: string;
  language: KbLanguage | null;
}

/** Partner countries: an NGO partner of the demo network operates the demo helpline entries. */
export const DEMO_DIRECTORY_COUNTRIES: DemoDirectoryCountry[] = [
  { code: 'GR', helplineOrg: 'smile', capital: 'Athens', secondCity: 'Thessaloniki', dial: '30', language: 'el' },
  { code: 'BG', helplineOrg: 'nadja', capital: 'Sofia', secondCity: 'Plovdiv', dial: '359', language: 'bg' },
  { code: 'RO', helplineOrg: 'sc-ro', capital: 'Bucharest', secondCity: 'Cluj-Napoca', dial: '40', language: 'ro' },
  { code: 'SI', helplineOrg: 'kljuc', capital: 'Ljubljana', secondCity: 'Maribor', dial: '386', language: 'sl' },
  { code: 'RS', helplineOrg: 'astra', capital: 'Belgrade', secondCity: 'Novi Sad', dial: '381', language: 'sr' },
  { code: 'MD', helplineOrg: 'lastrada-md', capital: 'Chișinău', secondCity: 'Bălți', dial: '373', language: 'ro' },
  { code: 'UA', helplineOrg: 'cwbf-ua', capital: 'Kyiv', secondCity: 'Lviv', dial: '380', language: 'uk' },
  { code: 'HU', helplineOrg: 'tdh', capital: 'Budapest', secondCity: 'Debrecen', dial: '36', language: 'hu' },
];

/** Invented NRM actors: one of each kind per country ({city} is filled in). */
const DEMO_ACTORS: { kind: DirectoryKind; name: string; inCapital: boolean; audience: DirectoryInput['audience'] }[] = [
  { kind: 'thb_hotline', name: 'Demo: Anti-Trafficking Information Line (fictitious number)', inCapital: true, audience: 'professionals' },
  { kind: 'police', name: 'Demo: Anti-Trafficking Police Unit, {city}', inCapital: false, audience: 'internal' },
  { kind: 'prosecutor', name: "Demo: Prosecutor's Office for Organised Crime, {city}", inCapital: true, audience: 'internal' },
  { kind: 'child_protection', name: 'Demo: Child Protection Directorate, {city}', inCapital: false, audience: 'professionals' },
  { kind: 'social_services', name: 'Demo: Centre for Social Work, {city}', inCapital: true, audience: 'professionals' },
  { kind: 'shelter', name: 'Demo: Emergency Shelter for Children, {city}', inCapital: false, audience: 'internal' },
  { kind: 'health', name: 'Demo: Children’s Hospital Social Work Unit, {city}', inCapital: true, audience: 'professionals' },
  { kind: 'labour_inspectorate', name: 'Demo: Labour Inspectorate Regional Office, {city}', inCapital: false, audience: 'professionals' },
  { kind: 'ngo', name: 'Demo: Legal Aid Clinic for Children, {city}', inCapital: true, audience: 'professionals' },
  { kind: 'embassy', name: 'Demo: Consular Section for Child Protection Cases, {city}', inCapital: true, audience: 'professionals' },
  { kind: 'national_coordinator', name: 'Demo: Office of the National Anti-Trafficking Coordinator', inCapital: true, audience: 'internal' },
];

/** An obviously fictitious number: +<country> 000 000 0<n>. */
function fictitiousNumber(dial: string, n: number): string {
  return `+${dial} 000 000 ${String(n).padStart(4, '0')}`;
}

function baseEntry(kind: DirectoryKind, countryCode: string): DirectoryInput {
  return {
    kind,
    countryCode,
    organisationId: null,
    name: '',
    localName: null,
    descriptions: describeServices(KIND_PROFILE[kind].topics, KB_LANGUAGES),
    phones: [],
    email: null,
    website: null,
    city: null,
    address: null,
    hours: null,
    aroundTheClock: false,
    languages: [],
    operator: null,
    nrmStages: [...KIND_PROFILE[kind].stages],
    audience: 'professionals',
    needsReview: true,
  };
}

/** The demo directory entries; `orgIds` maps organisation seed keys to their ids. */
export function buildDemoDirectory(orgIds: ReadonlyMap<string, string>): DirectoryInput[] {
  const orgByKey = new Map<string, OrganisationSeed>(ORGANISATIONS.map((o) => [o.key, o]));
  const entries: DirectoryInput[] = [];
  for (const c of DEMO_DIRECTORY_COUNTRIES) {
    const operatorOrg = c.helplineOrg ? orgByKey.get(c.helplineOrg) : undefined;
    const languages = c.language ? [c.language] : [];
    const helpline = (kind: DirectoryKind, number: string, name: string): DirectoryInput => ({
      ...baseEntry(kind, c.code),
      organisationId: operatorOrg ? (orgIds.get(operatorOrg.key) ?? null) : null,
      name,
      phones: [{ number }],
      languages,
      operator: operatorOrg?.name ?? null,
      audience: 'public',
    });
    entries.push(helpline('missing_children_hotline', '116 000', 'Hotline for Missing Children 116 000'));
    entries.push(helpline('child_helpline', '116 111', 'Child Helpline 116 111'));
    DEMO_ACTORS.forEach((a, i) => {
      const city = a.inCapital ? c.capital : c.secondCity;
      entries.push({
        ...baseEntry(a.kind, c.code),
        name: a.name.replace('{city}', city),
        phones: [{ number: fictitiousNumber(c.dial, 100 + i), label: 'Demo number' }],
        city,
        languages,
        audience: a.audience,
      });
    });
  }
  for (const o of ORGANISATIONS) {
    const id = orgIds.get(o.key);
    if (!id) continue;
    entries.push({ ...baseEntry('partner_organisation', o.countryCode), organisationId: id, name: o.name, localName: o.shortName, city: o.city });
  }
  return entries;
}
