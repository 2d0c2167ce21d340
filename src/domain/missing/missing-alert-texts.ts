/**
 * Suggested public texts for a child alert drafted from a missing-child report: one headline,
 * description and instruction per language, each naming the 116 000 hotline. A starting point for the
 * drafter (who edits them before approval); the wording is flagged for review by the country desks.
 */

export const ALERT_TEXT_LOCALES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const;
export type AlertTextLocale = (typeof ALERT_TEXT_LOCALES)[number];

/** The first language of a country's public alerts when the country has no alert settings yet. */
const COUNTRY_FIRST_LANGUAGE: Record<string, AlertTextLocale> = {
  GR: 'el', CY: 'el', BG: 'bg', RO: 'ro', MD: 'ro', SI: 'sl', RS: 'sr', ME: 'sr', BA: 'sr', HU: 'hu', UA: 'uk', RU: 'ru', GB: 'en', IE: 'en', MT: 'en',
};

/** The country's first alert language among the nine Victor speaks (null when none of them). */
export function firstAlertLanguage(countryCode: string, configured?: readonly string[] | null): AlertTextLocale | null {
  const fromSettings = configured?.find((l): l is AlertTextLocale => (ALERT_TEXT_LOCALES as readonly string[]).includes(l));
  if (configured && configured.length > 0) return fromSettings ?? null;
  return COUNTRY_FIRST_LANGUAGE[countryCode.toUpperCase()] ?? null;
}

/** What the texts are made from (already in plain text). */
export interface AlertTextFacts {
  name: string;
  ageYears: number | null;
  abduction: boolean;
  lastSeenAt: Date;
  /** Place and country, e.g. "Thessaloniki, Greece" (the country in the text's language). */
  place: (locale: AlertTextLocale) => string;
  description: string;
  hotline: string;
}

interface Template {
  headline: (f: AlertTextFacts, place: string) => string;
  description: (f: AlertTextFacts, place: string, when: string) => string;
  instruction: (f: AlertTextFacts) => string;
  years: (n: number) => string;
}

const T: Record<AlertTextLocale, Template> = {
  en: {
    years: (n) => `${n} years old`,
    headline: (f, p) => `${f.abduction ? 'Child abduction alert' : 'Missing child'}: ${f.name}, last seen in ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.en.years(f.ageYears)},` : ''} was last seen on ${w} in ${p}. ${f.description}`,
    instruction: (f) => `If you see ${f.name} or know anything that may help, call ${f.hotline} (116 000, free, 24 hours) or the police on 112. ${f.abduction ? 'Do not approach anyone who may be with the child.' : 'Do not share rumours; share only this official alert.'}`,
  },
  el: {
    years: (n) => `${n} ετών`,
    headline: (f, p) => `${f.abduction ? 'Συναγερμός απαγωγής παιδιού' : 'Εξαφάνιση παιδιού'}: ${f.name}, εθεάθη τελευταία φορά στην περιοχή ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.el.years(f.ageYears)},` : ''} εθεάθη τελευταία φορά στις ${w} στην περιοχή ${p}. ${f.description}`,
    instruction: (f) => `Αν δείτε το παιδί ή γνωρίζετε οτιδήποτε, καλέστε το ${f.hotline} (116 000, δωρεάν, όλο το 24ωρο) ή την αστυνομία στο 112. ${f.abduction ? 'Μην πλησιάσετε όποιον μπορεί να είναι μαζί με το παιδί.' : 'Μη διαδίδετε φήμες· κοινοποιήστε μόνο αυτή την επίσημη ειδοποίηση.'}`,
  },
  bg: {
    years: (n) => `на ${n} години`,
    headline: (f, p) => `${f.abduction ? 'Тревога за отвлечено дете' : 'Изчезнало дете'}: ${f.name}, последно видяно в ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.bg.years(f.ageYears)},` : ''} е видяно за последно на ${w} в ${p}. ${f.description}`,
    instruction: (f) => `Ако видите детето или знаете нещо, обадете се на ${f.hotline} (116 000, безплатно, денонощно) или на полицията на 112. ${f.abduction ? 'Не се приближавайте до хора, които може да са с детето.' : 'Не разпространявайте слухове; споделяйте само това официално съобщение.'}`,
  },
  ro: {
    years: (n) => `${n} ani`,
    headline: (f, p) => `${f.abduction ? 'Alertă de răpire a unui copil' : 'Copil dispărut'}: ${f.name}, văzut ultima dată în ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.ro.years(f.ageYears)},` : ''} a fost văzut ultima dată pe ${w} în ${p}. ${f.description}`,
    instruction: (f) => `Dacă vedeți copilul sau știți ceva, sunați la ${f.hotline} (116 000, gratuit, non-stop) sau la poliție la 112. ${f.abduction ? 'Nu vă apropiați de persoanele care pot fi cu copilul.' : 'Nu răspândiți zvonuri; distribuiți doar această alertă oficială.'}`,
  },
  sl: {
    years: (n) => `star ${n} let`,
    headline: (f, p) => `${f.abduction ? 'Opozorilo o ugrabitvi otroka' : 'Pogrešan otrok'}: ${f.name}, nazadnje viden v kraju ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.sl.years(f.ageYears)},` : ''} je bil nazadnje viden ${w} v kraju ${p}. ${f.description}`,
    instruction: (f) => `Če otroka vidite ali kaj veste, pokličite ${f.hotline} (116 000, brezplačno, 24 ur) ali policijo na 112. ${f.abduction ? 'Ne približujte se osebam, ki so morda z otrokom.' : 'Ne širite govoric; delite samo to uradno obvestilo.'}`,
  },
  sr: {
    years: (n) => `${n} godina`,
    headline: (f, p) => `${f.abduction ? 'Upozorenje o otmici deteta' : 'Nestalo dete'}: ${f.name}, poslednji put viđeno u mestu ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.sr.years(f.ageYears)},` : ''} poslednji put je viđeno ${w} u mestu ${p}. ${f.description}`,
    instruction: (f) => `Ako vidite dete ili znate bilo šta, pozovite ${f.hotline} (116 000, besplatno, 24 sata) ili policiju na 112. ${f.abduction ? 'Ne prilazite osobama koje su možda sa detetom.' : 'Ne širite glasine; delite samo ovo zvanično upozorenje.'}`,
  },
  uk: {
    years: (n) => `${n} років`,
    headline: (f, p) => `${f.abduction ? 'Тривога: викрадення дитини' : 'Зникла дитина'}: ${f.name}, востаннє бачили в ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.uk.years(f.ageYears)},` : ''} востаннє бачили ${w} в ${p}. ${f.description}`,
    instruction: (f) => `Якщо ви бачили дитину або щось знаєте, телефонуйте ${f.hotline} (116 000, безкоштовно, цілодобово) або в поліцію за номером 112. ${f.abduction ? 'Не наближайтеся до людей, які можуть бути з дитиною.' : 'Не поширюйте чуток; поширюйте лише це офіційне повідомлення.'}`,
  },
  hu: {
    years: (n) => `${n} éves`,
    headline: (f, p) => `${f.abduction ? 'Gyermekrablási riasztás' : 'Eltűnt gyermek'}: ${f.name}, utoljára itt látták: ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? ` (${T.hu.years(f.ageYears)})` : ''} utoljára ${w} időpontban látták itt: ${p}. ${f.description}`,
    instruction: (f) => `Ha látja a gyermeket vagy bármit tud, hívja a ${f.hotline} számot (116 000, ingyenes, éjjel-nappal) vagy a rendőrséget a 112-n. ${f.abduction ? 'Ne közelítse meg azokat, akik a gyermekkel lehetnek.' : 'Ne terjesszen híreszteléseket; csak ezt a hivatalos riasztást ossza meg.'}`,
  },
  ru: {
    years: (n) => `${n} лет`,
    headline: (f, p) => `${f.abduction ? 'Тревога: похищение ребёнка' : 'Пропал ребёнок'}: ${f.name}, последний раз видели в ${p}`,
    description: (f, p, w) => `${f.name}${f.ageYears !== null ? `, ${T.ru.years(f.ageYears)},` : ''} последний раз видели ${w} в ${p}. ${f.description}`,
    instruction: (f) => `Если вы видели ребёнка или что-то знаете, звоните ${f.hotline} (116 000, бесплатно, круглосуточно) или в полицию по номеру 112. ${f.abduction ? 'Не приближайтесь к людям, которые могут быть с ребёнком.' : 'Не распространяйте слухи; делитесь только этим официальным сообщением.'}`,
  },
};

function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Headline (≤ 160), description (≤ 4000) and instruction (≤ 2000) in one language. */
export function buildAlertTexts(locale: AlertTextLocale, facts: AlertTextFacts): { headline: string; description: string; instruction: string } {
  const tpl = T[locale];
  const place = facts.place(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(facts.lastSeenAt) + ' UTC';
  return {
    headline: clip(tpl.headline(facts, place), 160),
    description: clip(tpl.description(facts, place, when), 4000),
    instruction: clip(tpl.instruction(facts), 2000),
  };
}
