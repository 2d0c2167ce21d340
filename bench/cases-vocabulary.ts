/**
 * Invented words of the cases benchmark: case titles (who, what, where) and person names per country.
 * Given names are common ones of each country; family names are invented from syllables with the
 * country's usual endings and drawn with a Zipf-like frequency, so name search has a realistic long tail
 * (a few frequent names, thousands of rare ones). Nothing here is a real person.
 */

/** A deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, n) with a Zipf-like (log-uniform) frequency: low indexes are much more frequent. */
export function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);
}

/** Pick from weighted choices ([value, weight] with weights summing to 1). */
export function pickWeighted<T>(rand: () => number, choices: readonly (readonly [T, number])[]): T {
  let r = rand();
  for (const [v, w] of choices) {
    r -= w;
    if (r < 0) return v;
  }
  return choices[choices.length - 1]![0];
}

/** Family names per country (invented). */
export const FAMILY_NAMES_PER_COUNTRY = 3000;

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'te', 'po', 'ni', 'sa', 'do', 've', 'ru', 'ze', 'bo', 'fi', 'gu', 'ha', 'je', 'ko', 'lu', 'ma', 'na', 'pe', 'si', 'to'];
const ENDINGS: Record<string, string[]> = {
  GR: ['opoulos', 'idis', 'akis', 'ou'],
  RO: ['escu', 'eanu', 'aru', 'ache'],
  BG: ['ov', 'ova', 'ev', 'eva'],
  MD: ['escu', 'anu', 'ov', 'uc'],
  RS: ['ić', 'ović', 'ević', 'ski'],
  SI: ['ič', 'nik', 'ec', 'šek'],
  UA: ['enko', 'chuk', 'yk', 'ko'],
  HU: ['i', 'ás', 'os', 'ényi'],
};

/** The invented family name of a rank (0 = most frequent) in a country. */
export function familyName(country: string, rank: number): string {
  const n = SYLLABLES.length;
  const endings = ENDINGS[country] ?? ENDINGS.GR!;
  const stem = `${SYLLABLES[rank % n]}${SYLLABLES[Math.floor(rank / n) % n]}${rank >= n * n ? SYLLABLES[Math.floor(rank / (n * n)) % n] : ''}`;
  return `${stem.charAt(0).toUpperCase()}${stem.slice(1)}${endings[rank % endings.length]}`;
}

/** Common given names per country: [girls, boys]. */
export const GIVEN_NAMES: Record<string, [string[], string[]]> = {
  GR: [['Maria', 'Eleni', 'Katerina', 'Sofia', 'Georgia', 'Dimitra', 'Anna', 'Ioanna', 'Vasiliki', 'Christina'], ['Giorgos', 'Nikos', 'Dimitris', 'Kostas', 'Giannis', 'Christos', 'Panagiotis', 'Vasilis', 'Alexandros', 'Michalis']],
  RO: [['Maria', 'Elena', 'Ioana', 'Andreea', 'Alexandra', 'Mihaela', 'Cristina', 'Daniela', 'Gabriela', 'Bianca'], ['Andrei', 'Alexandru', 'Ionut', 'Mihai', 'Stefan', 'Gabriel', 'Florin', 'Marian', 'Cristian', 'Adrian']],
  BG: [['Maria', 'Ivana', 'Elena', 'Desislava', 'Gergana', 'Viktoria', 'Nikol', 'Yoana', 'Raya', 'Kalina'], ['Georgi', 'Ivan', 'Dimitar', 'Nikolay', 'Petar', 'Martin', 'Aleksandar', 'Hristo', 'Stoyan', 'Kaloyan']],
  MD: [['Maria', 'Ana', 'Cristina', 'Natalia', 'Elena', 'Daniela', 'Victoria', 'Olga', 'Irina', 'Sofia'], ['Ion', 'Vasile', 'Andrei', 'Sergiu', 'Mihai', 'Nicolae', 'Alexandru', 'Dumitru', 'Vlad', 'Victor']],
  RS: [['Milica', 'Jelena', 'Ana', 'Marija', 'Jovana', 'Teodora', 'Sara', 'Katarina', 'Nina', 'Dunja'], ['Stefan', 'Luka', 'Nikola', 'Marko', 'Lazar', 'Aleksa', 'Milan', 'Nemanja', 'Petar', 'Vuk']],
  SI: [['Maja', 'Nina', 'Eva', 'Sara', 'Ana', 'Lara', 'Zala', 'Ema', 'Neža', 'Tjaša'], ['Luka', 'Nik', 'Jan', 'Žan', 'Mark', 'Jakob', 'Tim', 'Matic', 'Gašper', 'Anže']],
  UA: [['Olena', 'Iryna', 'Nataliia', 'Oksana', 'Tetiana', 'Yuliia', 'Anastasiia', 'Sofiia', 'Daryna', 'Kateryna'], ['Oleksandr', 'Andrii', 'Serhii', 'Dmytro', 'Mykola', 'Ivan', 'Volodymyr', 'Maksym', 'Bohdan', 'Taras']],
  HU: [['Anna', 'Hanna', 'Zsófia', 'Réka', 'Eszter', 'Lilla', 'Petra', 'Dóra', 'Nóra', 'Fanni'], ['Bence', 'Máté', 'Levente', 'Dávid', 'Ádám', 'Balázs', 'Gergő', 'Tamás', 'Zoltán', 'Péter']],
};

/** Cities per country, for titles. */
export const CITIES: Record<string, string[]> = {
  GR: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Larissa', 'Volos', 'Ioannina', 'Lesvos'],
  RO: ['Bucharest', 'Iasi', 'Cluj', 'Constanta', 'Timisoara', 'Craiova', 'Galati', 'Brasov'],
  BG: ['Sofia', 'Plovdiv', 'Varna', 'Burgas', 'Ruse', 'Sliven', 'Pleven'],
  MD: ['Chisinau', 'Balti', 'Cahul', 'Ungheni', 'Orhei', 'Soroca'],
  RS: ['Belgrade', 'Novi Sad', 'Nis', 'Kragujevac', 'Subotica', 'Presevo'],
  SI: ['Ljubljana', 'Maribor', 'Celje', 'Koper', 'Kranj', 'Novo Mesto'],
  UA: ['Kyiv', 'Lviv', 'Odesa', 'Kharkiv', 'Dnipro', 'Uzhhorod', 'Chernivtsi'],
  HU: ['Budapest', 'Debrecen', 'Szeged', 'Miskolc', 'Pecs', 'Gyor'],
};

const WHO: [string, number][] = [['Girl', 0.34], ['Boy', 0.24], ['Teenager', 0.12], ['Child', 0.1], ['Siblings', 0.05], ['Young woman', 0.1], ['Young man', 0.05]];
const WHAT: [string, number][] = [
  ['recruited online with a job offer abroad', 0.14],
  ['forced begging at a market', 0.1],
  ['working in agriculture without pay', 0.09],
  ['suspected sexual exploitation', 0.13],
  ['moved across the border by relatives', 0.08],
  ['domestic servitude in a private household', 0.07],
  ['forced to commit petty theft', 0.07],
  ['promised marriage, held by the family', 0.06],
  ['missing from residential care', 0.08],
  ['unaccompanied, arrived with a smuggling group', 0.08],
  ['exploited through online streaming', 0.05],
  ['debt bondage on a construction site', 0.05],
];

/** A case title: who, age, what happened, where. */
export function caseTitle(rand: () => number, country: string): string {
  const who = pickWeighted(rand, WHO);
  const age = who.startsWith('Young') ? 18 + Math.floor(rand() * 6) : 9 + Math.floor(rand() * 9);
  const cities = CITIES[country] ?? CITIES.GR!;
  return `${who}, ${age}, ${pickWeighted(rand, WHAT)} (${cities[Math.floor(rand() * cities.length)]})`;
}

/** A person's names: a common given name and a family name drawn from the country's long tail. */
export function personName(rand: () => number, country: string, female: boolean): { given: string; family: string; familyRank: number } {
  const [girls, boys] = GIVEN_NAMES[country] ?? GIVEN_NAMES.GR!;
  const list = female ? girls : boys;
  const familyRank = zipf(rand, FAMILY_NAMES_PER_COUNTRY);
  return { given: list[zipf(rand, list.length)]!, family: familyName(country, familyRank), familyRank };
}

/** Task titles (what a case manager writes in a follow-up). */
export const TASK_TITLES = [
  'Call the school social worker',
  'Follow up with the shelter on placement',
  'Check the guardian appointment with the court',
  'Arrange an interpreter for the interview',
  'Send the medical report to the referral partner',
  'Visit the family at home',
  'Review the safety plan',
  'Confirm the hearing date with the prosecutor',
  'Ask the police liaison for an update',
  'Book the psychologist session',
];

/** Free text of notes and timeline comments (no personal data). */
export const NOTE_TEXTS = [
  'Spoke with the shelter coordinator; the child settled in and attends the day programme.',
  'The guardian agreed to the referral after the interview; consent form signed and filed.',
  'Police liaison confirmed the report was registered and an investigator assigned.',
  'School reports irregular attendance over the last month; follow-up visit planned.',
  'Interpreter needed for the next session; the child prefers a female interpreter.',
  'Medical check done, no urgent needs; next appointment in two weeks.',
  'Partner desk abroad asked for the minimum dataset; waiting for the consent update.',
  'The family was informed of the next steps and of their rights in the proceedings.',
];
