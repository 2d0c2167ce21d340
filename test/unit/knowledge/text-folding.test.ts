import { describe, expect, it } from 'vitest';
import { KB_LANGUAGES } from '../../../src/domain/knowledge/knowledge-fields';
import {
  SEARCH_CONFIG,
  foldAccents,
  foldForLanguage,
  listLexiconWords,
  looksSerbianCyrillic,
  parseQuery,
  splitWords,
  transliterateSerbian,
  usesFoldedIndex,
} from '../../../src/domain/knowledge/search-text';

describe('search text', () => {
  it('maps every language to a PostgreSQL configuration; bg, sl and uk use folded simple search', () => {
    for (const l of KB_LANGUAGES) expect(SEARCH_CONFIG[l]).toBeTruthy();
    expect(KB_LANGUAGES.filter(usesFoldedIndex).sort()).toEqual(['bg', 'sl', 'uk']);
    expect(SEARCH_CONFIG.el).toBe('greek');
    expect(SEARCH_CONFIG.sr).toBe('serbian');
  });

  it('transliterates Serbian Cyrillic to Latin, digraphs and capitals included', () => {
    expect(transliterateSerbian('Трговина људима')).toBe('Trgovina ljudima');
    expect(transliterateSerbian('Његош, Ђорђе, Џамија, Ћуприја, Љубљана')).toBe('Njegoš, Đorđe, Džamija, Ćuprija, Ljubljana');
    expect(transliterateSerbian('mixed Latin stays')).toBe('mixed Latin stays');
    expect(looksSerbianCyrillic('механизам')).toBe(false);
    expect(looksSerbianCyrillic('упућивања')).toBe(true);
    expect(looksSerbianCyrillic('људи')).toBe(true);
  });

  it('folds accents and case in every script', () => {
    expect(foldAccents('Μηχανισμός Παραπομπής')).toBe('μηχανισμος παραπομπης');
    expect(foldAccents('Național, Ștefan, Măgură')).toBe('national, stefan, magura');
    expect(foldAccents('Ščepanović Đukić')).toBe('scepanovic djukic');
    expect(foldAccents('Gyermekkereskedelem áldozatai')).toBe('gyermekkereskedelem aldozatai');
    expect(foldAccents('Ёлка')).toBe('елка');
  });

  it('folds Serbian to Latin so either script matches the other', () => {
    expect(foldForLanguage('Механизам упућивања', 'sr')).toBe(foldForLanguage('Mehanizam upućivanja', 'sr'));
    expect(foldForLanguage('Механизам', 'ru')).toBe('механизам');
  });

  it('splits words of letters and digits, ignoring 1-letter and over-long tokens', () => {
    expect(splitWords('a 116 000 hotline; e-mail x')).toEqual(['116', '000', 'hotline', 'mail']);
    expect(splitWords(`${'z'.repeat(41)} ok`)).toEqual(['ok']);
    expect(listLexiconWords('The the THE hotline 2024 Трговина', 'sr')).toEqual(['hotline', 'trgovina']);
  });

  it('parses a query into folded words with a Latin variant for Cyrillic ones, at most eight', () => {
    const q = parseQuery('Трговина људима — Μηχανισμός');
    expect(q.words).toEqual(['трговина', 'људима', 'μηχανισμος']);
    expect(q.variants).toEqual([['трговина', 'trgovina'], ['људима', 'ljudima'], ['μηχανισμος']]);
    expect(parseQuery('one two three four five six seven eight nine ten').words).toHaveLength(8);
    expect(parseQuery('a a a').words).toEqual([]);
    expect(parseQuery("'; DROP TABLE kb_published; --").words).toEqual(['drop', 'table', 'kb', 'published']);
  });
});
