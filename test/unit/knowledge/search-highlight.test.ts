import { describe, expect, it } from 'vitest';
import { dropCovered } from '../../../src/db/repos/knowledge-search.repo';
import { HIT_END, HIT_START, hasHit, matchesSpelling, splitHighlight } from '../../../src/domain/knowledge/search-highlight';

const mark = (w: string) => `${HIT_START}${w}${HIT_END}`;
const show = (segments: { text: string; hit: boolean }[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('splitHighlight', () => {
  it('turns ts_headline marks into hit segments and merges neighbours', () => {
    const segments = splitHighlight(`The ${mark('National')} ${mark('Referral')} Mechanism`, [], 'en');
    expect(segments).toEqual([
      { text: 'The ', hit: false },
      { text: 'National', hit: true },
      { text: ' ', hit: false },
      { text: 'Referral', hit: true },
      { text: ' Mechanism', hit: false },
    ]);
    expect(hasHit(segments)).toBe(true);
  });

  it('also marks words that match a folded spelling: accents, prefixes, Serbian in either script', () => {
    expect(show(splitHighlight('Mecanismul național de referire', ['national'], 'ro'))).toBe('Mecanismul [național] de referire');
    expect(show(splitHighlight('Трафикът на деца', ['трафик'], 'bg'))).toBe('[Трафикът] на деца');
    expect(show(splitHighlight('Механизам упућивања', ['upucivanja'], 'sr'))).toBe('Механизам [упућивања]');
    expect(show(splitHighlight('Εθνικός Μηχανισμός', ['μηχανισμος'], 'el'))).toBe('Εθνικός [Μηχανισμός]');
  });

  it('never matches a short spelling inside a longer word, and returns plain text only', () => {
    expect(show(splitHighlight('the theory of the case', ['the'], 'en'))).toBe('[the] theory of [the] case');
    const segments = splitHighlight(`<script>alert(1)</script> ${mark('x')}${HIT_END}${HIT_START}`, [], 'en');
    expect(segments.map((s) => s.text).join('')).toBe('<script>alert(1)</script> x');
    expect(segments.every((s) => !s.text.includes(HIT_START) && !s.text.includes(HIT_END))).toBe(true);
  });

  it('trims the ends and copes with empty input', () => {
    expect(splitHighlight('', ['x'], 'en')).toEqual([]);
    expect(splitHighlight('  plain text  ', [], 'en')).toEqual([{ text: 'plain text', hit: false }]);
  });
});

describe('matchesSpelling', () => {
  it('matches equal words, and beginnings from four letters', () => {
    expect(matchesSpelling('trafficking', ['traf'])).toBe(true);
    expect(matchesSpelling('trafficking', ['tra'])).toBe(false);
    expect(matchesSpelling('tra', ['tra'])).toBe(true);
  });
});

describe('dropCovered', () => {
  it('drops lexemes a prefix piece already matches, keeps the rest', () => {
    expect(dropCovered(["'traffick'", "'trafficking'", "'trafficking':*"])).toEqual(["'traffick'", "'trafficking':*"]);
    expect(dropCovered(["'mehan':*", "'mehanizam':*", "'mehanizm'"])).toEqual(["'mehan':*"]);
    expect(dropCovered(["'a' & 'b'", "'ab':*"])).toEqual(["'a' & 'b'", "'ab':*"]);
  });
});
