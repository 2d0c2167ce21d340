/**
 * Invented demo articles of the knowledge base (no real people or cases). General information is written
 * carefully; every statement about law, procedures or numbers is flagged `needsReview` for the country desk
 * (regional articles for the regional coordinator) instead of being presented as confirmed.
 * Articles on one country carry that country's code; the others are regional.
 */
import type { ArticleType, Audience, KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { GR_NRM, RS_NRM } from './knowledge-articles-national.data';
import { SIGNS, WHAT_IS } from './knowledge-articles-basics.data';
import { CANNED_ANSWERS, GUIDANCE_AND_FAQ } from './knowledge-articles-desk.data';
import { COE, PALERMO } from './knowledge-articles-legal.data';

/** One translation of a demo article: published, or left waiting for review. */
export interface DemoTranslation {
  lang: KbLanguage;
  title: string;
  summary: string;
  bodyMd: string;
  status: 'published' | 'in_review';
}

/** A demo article; `org`, `author` and `publisher` are keys of the demo network (org key, e-mail). */
export interface DemoArticle {
  slug: string;
  type: ArticleType;
  audience: Audience;
  countryCode: string | null;
  org: string;
  author: string;
  publisher: string;
  tags: string[];
  taxonomyCodes: string[];
  needsReview: boolean;
  reviewNote: string | null;
  /** Review date, in days from the seeding day (negative: overdue). */
  reviewInDays: number | null;
  translations: DemoTranslation[];
}

const REGIONAL = 'regional@victor.example';
const SUPERVISOR_GR = 'supervisor.gr@victor.example';

const RO_LABOUR: DemoArticle = {
  slug: 'ro-job-offers-abroad',
  type: 'exploitation_forms',
  audience: 'public',
  countryCode: 'RO',
  org: 'sc-ro',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['labour', 'migration', 'young-people'],
  taxonomyCodes: ['THB.LABOUR', 'THB.ONLINE', 'VIOLENCE.CHILD_LABOUR'],
  needsReview: false,
  reviewNote: null,
  reviewInDays: 300,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'Job offers abroad: how to spot a trap',
      summary: 'Questions to ask before accepting work abroad, especially for young people leaving for the first time.',
      bodyMd: `Most jobs abroad are genuine. Some are traps. Before you accept an offer, check:

- **Is there a written contract** in a language you understand, with the employer's full name and address?
- **Who pays for the journey?** A "debt" for travel or housing that grows every month is a warning sign.
- **Will you keep your passport?** Nobody may take your identity documents.
- **Is the pay realistic?** Very high pay for unskilled work is suspicious.
- **Can you check the agency?** Ask for its registration and look for reviews from people you trust.

Leave a copy of your documents and the employer's address with your family, and agree on a safe word for emergencies.

If you are under 18, an offer of work abroad without your parents is a reason to call the info-desk first.`,
    },
    {
      lang: 'ro',
      status: 'published',
      title: 'Oferte de muncă în străinătate: cum recunoașteți o capcană',
      summary: 'Întrebări de pus înainte de a accepta un loc de muncă în străinătate, mai ales pentru tinerii care pleacă prima dată.',
      bodyMd: `Cele mai multe locuri de muncă în străinătate sunt reale. Unele sunt capcane. Înainte să acceptați o ofertă, verificați:

- **Există un contract scris** într-o limbă pe care o înțelegeți, cu numele complet și adresa angajatorului?
- **Cine plătește călătoria?** O „datorie” pentru drum sau cazare care crește în fiecare lună este un semnal de alarmă.
- **Vă păstrați pașaportul?** Nimeni nu are voie să vă ia actele de identitate.
- **Este salariul realist?** Un salariu foarte mare pentru o muncă necalificată este suspect.
- **Puteți verifica agenția?** Cereți datele de înregistrare și căutați păreri de la oameni în care aveți încredere.

Lăsați familiei o copie a actelor și adresa angajatorului și stabiliți un cuvânt de siguranță pentru urgențe.

Dacă aveți sub 18 ani, o ofertă de muncă în străinătate fără părinți este un motiv să sunați mai întâi la biroul de informare.`,
    },
  ],
};

/** Every demo article. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [WHAT_IS, SIGNS, PALERMO, COE, RO_LABOUR, GR_NRM, RS_NRM, ...GUIDANCE_AND_FAQ, ...CANNED_ANSWERS];
