/**
 * Reference data of the legal instruments register: the international, Council of Europe and EU instruments
 * that matter for child trafficking in the region. Only facts we are sure of: unknown dates stay null.
 * For Council of Europe treaties `adoptedOn` holds the treaty's own date as the Treaty Office lists it (the
 * day it was opened for signature). Official links go to the issuing bodies' sites only.
 *
 * Where each country stands (signed / ratified / in force / transposed) is NOT seeded as fact: every
 * country row starts `unknown` and flagged for review by the country desk — except EU directives in states
 * outside the EU, which start `not_applicable` (still flagged, so the desk sees and confirms them).
 * National instruments are not seeded at all: each country desk adds its own laws and NRM acts.
 */
import type { InstrumentKind, KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { INSTRUMENT_SUMMARIES } from './legal-instrument-summaries.data';

/** A reference instrument. */
export interface InstrumentSeed {
  slug: string;
  kind: Exclude<InstrumentKind, 'national'>;
  title: string;
  shortTitle: string | null;
  reference: string | null;
  year: number;
  adoptedOn: string | null;
  inForceOn: string | null;
  officialUrl: string | null;
  topics: string[];
  summaries: Partial<Record<KbLanguage, string>>;
}

/** Member states of the European Union among the network's countries. */
export const EU_MEMBER_STATES: readonly string[] = ['BG', 'CY', 'GR', 'HR', 'HU', 'RO', 'SI'];

const UN_TREATY = (mtdsg: string, chapter: number) => `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${mtdsg}&chapter=${chapter}&clang=_en`;
const COE_TREATY = (num: number) => `https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=${num}`;
const EUR_LEX = (year: number, num: number) => `https://eur-lex.europa.eu/eli/dir/${year}/${num}/oj`;

const facts: Omit<InstrumentSeed, 'summaries'>[] = [
  {
    slug: 'un-palermo-protocol',
    kind: 'international',
    title: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
    shortTitle: 'Palermo Protocol',
    reference: 'A/RES/55/25, Annex II',
    year: 2000,
    adoptedOn: '2000-11-15',
    inForceOn: '2003-12-25',
    officialUrl: UN_TREATY('XVIII-12-a', 18),
    topics: ['trafficking', 'definition', 'victim-protection', 'cooperation'],
  },
  {
    slug: 'un-convention-rights-of-the-child',
    kind: 'international',
    title: 'Convention on the Rights of the Child',
    shortTitle: 'UN CRC',
    reference: 'A/RES/44/25',
    year: 1989,
    adoptedOn: '1989-11-20',
    inForceOn: '1990-09-02',
    officialUrl: UN_TREATY('IV-11', 4),
    topics: ['children', 'child-rights'],
  },
  {
    slug: 'un-crc-optional-protocol-sale-of-children',
    kind: 'international',
    title: 'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
    shortTitle: 'OPSC',
    reference: 'A/RES/54/263',
    year: 2000,
    adoptedOn: '2000-05-25',
    inForceOn: '2002-01-18',
    officialUrl: UN_TREATY('IV-11-c', 4),
    topics: ['children', 'sale-of-children', 'sexual-exploitation'],
  },
  {
    slug: 'ilo-c182-worst-forms-of-child-labour',
    kind: 'international',
    title: 'Convention concerning the Prohibition and Immediate Action for the Elimination of the Worst Forms of Child Labour',
    shortTitle: 'ILO Worst Forms of Child Labour Convention (C182)',
    reference: 'ILO Convention No. 182',
    year: 1999,
    adoptedOn: '1999-06-17',
    inForceOn: '2000-11-19',
    officialUrl: 'https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182',
    topics: ['children', 'child-labour', 'labour-exploitation'],
  },
  {
    slug: 'hague-1980-child-abduction-convention',
    kind: 'international',
    title: 'Convention of 25 October 1980 on the Civil Aspects of International Child Abduction',
    shortTitle: 'Hague Child Abduction Convention',
    reference: 'HCCH 1980 Child Abduction Convention',
    year: 1980,
    adoptedOn: '1980-10-25',
    inForceOn: '1983-12-01',
    officialUrl: 'https://www.hcch.net/en/instruments/conventions/full-text/?cid=24',
    topics: ['children', 'abduction', 'cross-border'],
  },
  {
    slug: 'coe-convention-action-against-thb',
    kind: 'council_of_europe',
    title: 'Council of Europe Convention on Action against Trafficking in Human Beings',
    shortTitle: 'Council of Europe Anti-Trafficking Convention',
    reference: 'CETS No. 197',
    year: 2005,
    adoptedOn: '2005-05-16',
    inForceOn: '2008-02-01',
    officialUrl: COE_TREATY(197),
    topics: ['trafficking', 'victim-protection', 'monitoring'],
  },
  {
    slug: 'coe-lanzarote-convention',
    kind: 'council_of_europe',
    title: 'Council of Europe Convention on the Protection of Children against Sexual Exploitation and Sexual Abuse',
    shortTitle: 'Lanzarote Convention',
    reference: 'CETS No. 201',
    year: 2007,
    adoptedOn: '2007-10-25',
    inForceOn: '2010-07-01',
    officialUrl: COE_TREATY(201),
    topics: ['children', 'sexual-exploitation', 'sexual-abuse', 'online'],
  },
  {
    slug: 'eu-directive-2011-36',
    kind: 'eu',
    title: 'Directive 2011/36/EU of the European Parliament and of the Council of 5 April 2011 on preventing and combating trafficking in human beings and protecting its victims, and replacing Council Framework Decision 2002/629/JHA',
    shortTitle: 'EU Anti-Trafficking Directive',
    reference: 'Directive 2011/36/EU',
    year: 2011,
    adoptedOn: '2011-04-05',
    inForceOn: null,
    officialUrl: EUR_LEX(2011, 36),
    topics: ['trafficking', 'victim-protection', 'children'],
  },
  {
    slug: 'eu-directive-2024-1712',
    kind: 'eu',
    title: 'Directive (EU) 2024/1712 of the European Parliament and of the Council of 13 June 2024 amending Directive 2011/36/EU on preventing and combating trafficking in human beings and protecting its victims',
    shortTitle: 'Amendment of the EU Anti-Trafficking Directive (2024)',
    reference: 'Directive (EU) 2024/1712',
    year: 2024,
    adoptedOn: '2024-06-13',
    inForceOn: null,
    officialUrl: EUR_LEX(2024, 1712),
    topics: ['trafficking', 'forced-marriage', 'illegal-adoption', 'online', 'referral-mechanism'],
  },
  {
    slug: 'eu-directive-2011-93',
    kind: 'eu',
    title: 'Directive 2011/93/EU of the European Parliament and of the Council of 13 December 2011 on combating the sexual abuse and sexual exploitation of children and child pornography, and replacing Council Framework Decision 2004/68/JHA',
    shortTitle: 'EU Child Sexual Abuse Directive',
    reference: 'Directive 2011/93/EU',
    year: 2011,
    adoptedOn: '2011-12-13',
    inForceOn: null,
    officialUrl: EUR_LEX(2011, 93),
    topics: ['children', 'sexual-exploitation', 'sexual-abuse', 'online'],
  },
];

/** The reference instruments with their summaries. */
export const LEGAL_INSTRUMENTS: InstrumentSeed[] = facts.map((f) => ({ ...f, summaries: INSTRUMENT_SUMMARIES[f.slug] ?? {} }));

/** The starting status of a reference instrument in a country (always flagged for the desk to confirm). */
export function initialStatusOf(kind: InstrumentSeed['kind'], countryCode: string): 'unknown' | 'not_applicable' {
  return kind === 'eu' && !EU_MEMBER_STATES.includes(countryCode) ? 'not_applicable' : 'unknown';
}
