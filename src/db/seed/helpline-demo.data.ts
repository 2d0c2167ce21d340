/**
 * Invented helpline demo data: desk settings for the partner organisations that run helplines, and
 * a generator of realistic-looking contacts (no real people; notes are generic invented sentences).
 * Desk numbers and hours are marked for review by each country desk.
 */
import type { OpeningHours } from '../../domain/helpline/contact-rules';

export interface DemoDesk {
  org: string;
  name: string;
  timeZone: string;
  openingHours: OpeningHours;
  publicIntake: boolean;
}

const OFFICE: OpeningHours = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] };
const EXTENDED: OpeningHours = { mon: [['08:00', '20:00']], tue: [['08:00', '20:00']], wed: [['08:00', '20:00']], thu: [['08:00', '20:00']], fri: [['08:00', '20:00']], sat: [['10:00', '16:00']] };

/** Desks of the demo network (keys of ORGANISATIONS in network.data.ts). */
export const DEMO_DESKS: DemoDesk[] = [
  { org: 'smile', name: 'Info-desk Greece', timeZone: 'Europe/Athens', openingHours: {}, publicIntake: true },
  { org: 'nadja', name: 'Info-desk Bulgaria', timeZone: 'Europe/Sofia', openingHours: EXTENDED, publicIntake: true },
  { org: 'sc-ro', name: 'Info-desk Romania', timeZone: 'Europe/Bucharest', openingHours: EXTENDED, publicIntake: true },
  { org: 'kljuc', name: 'Info-desk Slovenia', timeZone: 'Europe/Ljubljana', openingHours: OFFICE, publicIntake: true },
  { org: 'astra', name: 'Info-desk Serbia', timeZone: 'Europe/Belgrade', openingHours: OFFICE, publicIntake: true },
  { org: 'lastrada-md', name: 'Info-desk Moldova', timeZone: 'Europe/Chisinau', openingHours: OFFICE, publicIntake: true },
  { org: 'cwbf-ua', name: 'Info-desk Ukraine', timeZone: 'Europe/Kyiv', openingHours: OFFICE, publicIntake: true },
];

/** Generic invented notes (English; they exercise encrypted-notes search). */
export const DEMO_NOTES: readonly string[] = [
  'Caller worried about a job offer abroad promising high pay for work in agriculture; explained warning signs.',
  'Teacher reports a pupil missing school for weeks, possibly working at a market; advised on referral.',
  'Parent asks what to do after a teenager met an older man online who offered travel; safety plan discussed.',
  'Anonymous report of children begging at a crossing under supervision of an adult; police informed.',
  'Young person asking about rights at work when documents were taken by the employer.',
  'Social worker asks about the national referral mechanism steps for an unaccompanied child.',
  'Caller reports a runaway 15-year-old, last seen at the bus station; 116 000 procedure explained.',
  'Question about safe migration and checking a recruitment agency licence.',
  'Relative concerned about an arranged marriage for a 16-year-old; escalated to child protection.',
  'Caller asks for information about victim support services and shelters.',
];

/** A small deterministic random generator (mulberry32), so the demo looks the same on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick by weights: [[value, weight], …]. */
export function pickWeighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x <= 0) return v;
  }
  return items[items.length - 1]![0];
}
