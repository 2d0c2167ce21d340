/**
 * The enumerations of the API the web needs at run time. src/api/*.schemas.ts define them next to
 * zod schemas; importing those modules would pull zod into the browser bundle, so the values are
 * repeated here and checked against the API's types at compile time (and against the API's values
 * by test/unit/web-locales.test.ts).
 */
import type { Locale } from '../../api/common.schemas';
import type { OrganisationType, PartnershipLevel } from '../api/types';

/** True only when the two unions hold the same members. */
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

/** Interface languages, in the order of the language switcher. `sr` is Serbian in Latin script. */
export const LOCALES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const satisfies readonly Locale[];

export const ORGANISATION_TYPES = [
  'national_ngo',
  'international_ngo',
  'public_authority',
  'international_organisation',
  'law_enforcement',
  'social_services',
] as const satisfies readonly OrganisationType[];

export const PARTNERSHIP_LEVELS = ['coordinator', 'full', 'associate', 'none'] as const satisfies readonly PartnershipLevel[];

const localesComplete: Same<(typeof LOCALES)[number], Locale> = true;
const typesComplete: Same<(typeof ORGANISATION_TYPES)[number], OrganisationType> = true;
const levelsComplete: Same<(typeof PARTNERSHIP_LEVELS)[number], PartnershipLevel> = true;
void [localesComplete, typesComplete, levelsComplete];
