/**
 * The query mix of the knowledge search benchmark: what operators and the public type, in several
 * languages, over the generated vocabulary (knowledge-vocabulary.ts): frequent words, rare long-tail words,
 * two- and three-word phrases, typos, Serbian in the other script, Greek without accents, prefixes of
 * Slavic word forms, directory look-ups, and filters.
 */
import { longTailWord } from './knowledge-data';

/** One query of the mix. */
export interface KnowledgeQueryDef {
  name: string;
  category: 'common word' | 'rare word' | 'phrase' | 'typo' | 'other script' | 'no accents' | 'word prefix' | 'directory' | 'filtered';
  reader: 'operator' | 'public';
  params: Record<string, string>;
}

const q = (name: string, category: KnowledgeQueryDef['category'], params: Record<string, string>, reader: KnowledgeQueryDef['reader'] = 'operator'): KnowledgeQueryDef => ({
  name,
  category,
  reader,
  params,
});

/** The mix, each query run once to warm up and then once per measured round. */
export const KNOWLEDGE_QUERIES: KnowledgeQueryDef[] = [
  q('en: trafficking', 'common word', { q: 'trafficking' }),
  q('en: children (public, lang en)', 'common word', { q: 'children', lang: 'en' }, 'public'),
  q('el: παιδιά', 'common word', { q: 'παιδιά', lang: 'el' }),
  q('ru: торговля', 'common word', { q: 'торговля', lang: 'ru' }),
  q('hu: emberkereskedelem', 'common word', { q: 'emberkereskedelem', lang: 'hu' }),
  q(`en: rare ${longTailWord('en', 3500)}`, 'rare word', { q: longTailWord('en', 3500) }),
  q(`ro: rare ${longTailWord('ro', 3100)}`, 'rare word', { q: longTailWord('ro', 3100), lang: 'ro' }),
  q(`uk: rare ${longTailWord('uk', 2900)}`, 'rare word', { q: longTailWord('uk', 2900) }, 'public'),
  q(`el: rare ${longTailWord('el', 3700)}`, 'rare word', { q: longTailWord('el', 3700), lang: 'el' }),
  q('en: national referral mechanism', 'phrase', { q: 'national referral mechanism', lang: 'en' }),
  q('en: forced begging children', 'phrase', { q: 'forced begging children' }),
  q('el: εθνικός μηχανισμός παραπομπής', 'phrase', { q: 'εθνικός μηχανισμός παραπομπής', lang: 'el' }),
  q('sr: trgovina ljudima', 'phrase', { q: 'trgovina ljudima', lang: 'sr' }),
  q('ro: victime traficului', 'phrase', { q: 'victime traficul', lang: 'ro' }, 'public'),
  q('hu: áldozatok védelem', 'phrase', { q: 'áldozatok védelem', lang: 'hu' }),
  q('en typo: trafiking', 'typo', { q: 'trafiking' }),
  q('en typo: exploitaton labour', 'typo', { q: 'exploitaton labour' }),
  q('el typo: μηχανισμς παραπομπης', 'typo', { q: 'μηχανισμς παραπομπης', lang: 'el' }),
  q('sr typo: mehanizm upucivanja', 'typo', { q: 'mehanizm upucivanja', lang: 'sr' }),
  q('ru typo: торговла людьми', 'typo', { q: 'торговла людьми', lang: 'ru' }, 'public'),
  q('sr Cyrillic: трговина људима', 'other script', { q: 'трговина људима', lang: 'sr' }),
  q('sr Cyrillic: механизам упућивања', 'other script', { q: 'механизам упућивања' }),
  q('sr Latin: zastita dece', 'other script', { q: 'zastita dece', lang: 'sr' }, 'public'),
  q('el: εμπορια ανθρωπων', 'no accents', { q: 'εμπορια ανθρωπων', lang: 'el' }),
  q('el: μηχανισμος παραπομπης', 'no accents', { q: 'μηχανισμος παραπομπης' }, 'public'),
  q('ro: protectie national', 'no accents', { q: 'protectie national', lang: 'ro' }),
  q('bg: трафик деца', 'word prefix', { q: 'трафик деца', lang: 'bg' }),
  q('uk: торгівл', 'word prefix', { q: 'торгівл', lang: 'uk' }),
  q('sl: žrtv trgovin', 'word prefix', { q: 'žrtv trgovin', lang: 'sl' }),
  q('directory: 116000', 'directory', { q: '116000', include: 'directory' }, 'public'),
  q('directory: shelter Athens', 'directory', { q: 'shelter Athens' }),
  q('directory: police Belgrade', 'directory', { q: 'police Belgrade', country: 'RS' }),
  q('filter: mechanism, national_mechanism, GR', 'filtered', { q: 'mechanism', type: 'national_mechanism', country: 'GR' }),
  q('filter: protection, langs el,en', 'filtered', { q: 'protection', langs: 'el,en', lang: 'el' }),
  q('filter: victims, audience professionals', 'filtered', { q: 'victims', audience: 'professionals' }),
  q('filter: canned answers, shelter', 'filtered', { q: 'shelter', type: 'canned_answer', lang: 'en' }),
  q('filter: public, RO, articles only', 'filtered', { q: 'copii', country: 'RO', include: 'articles', lang: 'ro' }, 'public'),
];
