/**
 * Generated directory entries for the knowledge search benchmark: every kind, every country of the demo
 * network, NRM stages by kind, fictitious phone numbers (the 555 range), descriptions in English, the
 * country's language and a random share of the other languages. Deterministic for a seed.
 */
import type { DirectoryInput } from '../src/api/knowledge.schemas';
import { DIRECTORY_KINDS, KB_LANGUAGES, type DirectoryKind, type KbLanguage } from '../src/domain/knowledge/knowledge-fields';
import { COUNTRIES } from '../src/db/seed/network.data';
import { KIND_PROFILE, describeServices } from '../src/db/seed/directory-phrases.data';

/** Main cities per country (public place names). */
const CITIES: Record<string, string[]> = {
  AL: ['Tirana', 'Durrës', 'Shkodër', 'Vlorë'],
  BA: ['Sarajevo', 'Banja Luka', 'Tuzla', 'Mostar'],
  BG: ['Sofia', 'Plovdiv', 'Varna', 'Burgas', 'Ruse'],
  HR: ['Zagreb', 'Split', 'Rijeka', 'Osijek'],
  CY: ['Nicosia', 'Limassol', 'Larnaca', 'Paphos'],
  GR: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Ioannina'],
  HU: ['Budapest', 'Debrecen', 'Szeged', 'Pécs', 'Miskolc'],
  MD: ['Chișinău', 'Bălți', 'Cahul', 'Ungheni'],
  ME: ['Podgorica', 'Nikšić', 'Bar', 'Herceg Novi'],
  MK: ['Skopje', 'Bitola', 'Kumanovo', 'Ohrid'],
  RO: ['Bucharest', 'Cluj-Napoca', 'Iași', 'Timișoara', 'Constanța'],
  RS: ['Belgrade', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica'],
  SI: ['Ljubljana', 'Maribor', 'Celje', 'Koper', 'Kranj'],
  TR: ['Istanbul', 'Ankara', 'Izmir', 'Edirne', 'Antalya'],
  UA: ['Kyiv', 'Lviv', 'Odesa', 'Kharkiv', 'Chernivtsi'],
};

/** The knowledge-base language spoken in a country, when there is one. */
const COUNTRY_LANGUAGE: Partial<Record<string, KbLanguage>> = {
  BG: 'bg', CY: 'el', GR: 'el', HU: 'hu', MD: 'ro', RO: 'ro', RS: 'sr', BA: 'sr', ME: 'sr', SI: 'sl', UA: 'uk',
};

/** International dialling codes. */
const DIAL: Record<string, string> = {
  AL: '355', BA: '387', BG: '359', HR: '385', CY: '357', GR: '30', HU: '36', MD: '373', ME: '382', MK: '389', RO: '40', RS: '381', SI: '386', TR: '90', UA: '380',
};

const NAMES: Record<DirectoryKind, string[]> = {
  missing_children_hotline: ['Hotline for Missing Children', 'Missing Children Line'],
  child_helpline: ['Child Helpline', 'Youth Counselling Line'],
  thb_hotline: ['Anti-Trafficking Hotline', 'Trafficking Information Line'],
  police: ['Anti-Trafficking Police Unit', 'Cybercrime Unit', 'Border Police Station', 'Juvenile Police Department'],
  prosecutor: ["Prosecutor's Office, Organised Crime Department", "Juvenile Prosecutor's Office"],
  child_protection: ['Child Protection Directorate', 'Child Protection Service', 'Guardianship Authority'],
  social_services: ['Centre for Social Work', 'Municipal Social Services', 'Family Support Centre'],
  shelter: ['Shelter for Children', 'Emergency Reception Centre', 'Transit Shelter', 'Supported Housing Programme'],
  health: ['Paediatric Hospital, Social Work Department', 'Community Mental Health Centre', 'Forensic Medicine Unit'],
  labour_inspectorate: ['Labour Inspectorate, Regional Office', 'Labour Inspection Unit'],
  ngo: ['Children’s Rights Association', 'Legal Aid Clinic', 'Outreach Team for Street Children', 'Roma Youth Network'],
  embassy: ['Consular Section', 'Embassy Consular Office', 'Honorary Consulate'],
  national_coordinator: ['Office of the National Anti-Trafficking Coordinator', 'National Referral Mechanism Secretariat'],
  partner_organisation: ['Partner Organisation Desk', 'Regional Partner Office'],
};

const KIND_WEIGHTS: Partial<Record<DirectoryKind, number>> = {
  police: 3, social_services: 3, ngo: 3, shelter: 2, child_protection: 2, health: 2, embassy: 2, prosecutor: 1.5,
};
/** Non-helpline entries: mostly for professionals, some internal, some public. */
const BODY_AUDIENCES: DirectoryInput['audience'][] = ['professionals', 'professionals', 'internal', 'public'];
const HOURS = ['Mon–Fri 08:00–16:00', 'Mon–Fri 09:00–17:00', 'Mon–Sat 08:00–20:00', 'By appointment'];

/** Mulberry32: a small deterministic generator. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generate `count` directory entries (valid against directoryInputSchema), the same list for the same seed.
 * Names are numbered so they stay distinct; every phone number is in the fictitious 555 range.
 */
export function generateDirectoryEntries(count: number, seed: number): DirectoryInput[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const weighted = DIRECTORY_KINDS.map((k) => ({ kind: k, weight: KIND_WEIGHTS[k] ?? 1 }));
  const totalWeight = weighted.reduce((s, k) => s + k.weight, 0);
  const pickKind = (): DirectoryKind => {
    let r = random() * totalWeight;
    for (const k of weighted) if ((r -= k.weight) < 0) return k.kind;
    return 'ngo';
  };
  const entries: DirectoryInput[] = [];
  for (let i = 0; i < count; i++) {
    const country = pick(COUNTRIES).code;
    const kind = pickKind();
    const city = pick(CITIES[country] ?? ['Capital']);
    const local = COUNTRY_LANGUAGE[country];
    const langs = KB_LANGUAGES.filter((l) => l === 'en' || l === local || random() < 0.4);
    const profile = KIND_PROFILE[kind];
    const topics = profile.topics.filter((_, j) => j === 0 || random() < 0.7);
    const helpline = kind === 'missing_children_hotline' || kind === 'child_helpline' || kind === 'thb_hotline';
    const number = `+${DIAL[country] ?? '00'} ${100 + Math.floor(random() * 900)} 555 ${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    const phones = [{ number, label: helpline ? 'Hotline' : 'Duty officer', free: helpline }];
    if (random() < 0.3) phones.push({ number: `+${DIAL[country] ?? '00'} 555 ${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}`, label: 'Office', free: false });
    const stages = profile.stages.filter((_, j) => j === 0 || random() < 0.8);
    const slugCity = city.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
    entries.push({
      kind,
      countryCode: country,
      organisationId: null,
      name: `${pick(NAMES[kind])}, ${city} ${i + 1}`,
      localName: null,
      descriptions: describeServices(topics, langs),
      phones,
      email: random() < 0.6 ? `office${i + 1}@${slugCity}.example.org` : null,
      website: random() < 0.5 ? `https://${slugCity}-${i + 1}.example.org/` : null,
      city,
      address: random() < 0.5 ? `${1 + Math.floor(random() * 120)} Example Street, ${city}` : null,
      hours: helpline ? null : pick(HOURS),
      aroundTheClock: helpline ? random() < 0.6 : random() < 0.1,
      languages: [...new Set(['en', local ?? 'en', ...(random() < 0.3 ? ['ru'] : [])])],
      operator: helpline ? `${pick(['Demo', 'Example', 'Sample'])} Foundation ${1 + (i % 40)}` : null,
      nrmStages: stages,
      audience: helpline ? 'public' : pick(BODY_AUDIENCES),
      needsReview: random() < 0.3,
    });
  }
  return entries;
}
