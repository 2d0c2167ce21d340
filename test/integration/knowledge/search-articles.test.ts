import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/api/knowledge.schemas';
import type { Principal } from '../../../src/domain/access/scope';
import { useTestContext } from '../../helpers/test-context';
import { makeReaders, searchAs, publishArticle, showSnippet } from './search-support';

const t = useTestContext();
const ids: Record<string, string> = {};
let operator: Principal;
let liaison: Principal;

const search = (principal: Principal | null, params: Record<string, string>): Promise<SearchResult> => searchAs(t.ctx, principal, params);
const found = (r: SearchResult) => r.articles.map((a) => a.articleId);

beforeAll(async () => {
  const readers = await makeReaders(t.ctx);
  ({ operator, liaison } = readers);
  const org = { id: readers.organisationId };
  const publish = (key: string, a: Parameters<typeof publishArticle>[2]) => publishArticle(t.ctx, org.id, a).then((id) => (ids[key] = id));
  await publish('nrmGreece', {
    type: 'national_mechanism',
    countryCode: 'GR',
    taxonomyCodes: ['THB.SEX'],
    translations: {
      el: {
        title: 'Εθνικός Μηχανισμός Παραπομπής',
        summary: 'Πώς λειτουργεί ο μηχανισμός για τα θύματα εμπορίας ανθρώπων.',
        body: 'Ο Εθνικός Μηχανισμός Παραπομπής συντονίζει την αναγνώριση και την προστασία των θυμάτων εμπορίας ανθρώπων. Κάθε επαγγελματίας μπορεί να κάνει παραπομπή.',
      },
      en: {
        title: 'National Referral Mechanism of Greece',
        summary: 'How the mechanism for victims of trafficking works.',
        body: 'The National Referral Mechanism coordinates the identification and protection of victims of trafficking in human beings.',
      },
    },
  });
  await publish('serbianLatin', {
    countryCode: 'RS',
    translations: {
      sr: {
        title: 'Trgovina ljudima i deca',
        body: 'Trgovina ljudima je teško krivično delo. Mehanizam upućivanja štiti žrtve i njihove porodice u Beogradu.',
      },
    },
  });
  await publish('serbianCyrillic', {
    countryCode: 'RS',
    translations: {
      sr: {
        title: 'Заштита деце на интернету',
        body: 'Деца на интернету могу бити жртве врбовања. Центар за заштиту жртава прима пријаве сваког дана.',
      },
    },
  });
  await publish('romanian', {
    type: 'national_mechanism',
    countryCode: 'RO',
    translations: { ro: { title: 'Mecanismul național de identificare', body: 'Agenția națională coordonează identificarea victimelor traficului de persoane.' } },
  });
  await publish('bulgarian', {
    translations: { bg: { title: 'Трафикът на деца', body: 'Трафикантите използват социалните мрежи, за да примамват децата с обещания за работа.' } },
  });
  await publish('ukrainian', {
    translations: { uk: { title: 'Торгівля людьми', body: 'Вербувальники обіцяють роботу за кордоном; жертвами торгівлі стають і підлітки.' } },
  });
  await publish('slovenian', {
    translations: { sl: { title: 'Trgovina z ljudmi', body: 'Žrtvam trgovine z ljudmi pomagajo nevladne organizacije in policija.' } },
  });
  await publish('professional', {
    type: 'professional_guidance',
    audience: 'professionals',
    translations: { en: { title: 'Forensic interview guidance', body: 'A forensic interview with a child is recorded once, by a trained interviewer.' } },
  });
  await publish('internal', {
    type: 'canned_answer',
    audience: 'internal',
    translations: { en: { title: 'Canned answer: forensic interview questions', body: 'Thank you for writing. A forensic interview is arranged by the prosecutor.' } },
  });
});

describe('knowledge search: languages and scripts', () => {
  it('finds Serbian Latin text from a Cyrillic query and Cyrillic text from a Latin query', async () => {
    const cyr = await search(null, { q: 'трговина људима' });
    expect(found(cyr)).toContain(ids.serbianLatin);
    const cyr2 = await search(null, { q: 'механизам упућивања' });
    expect(found(cyr2)).toEqual([ids.serbianLatin]);
    expect(showSnippet(cyr2.articles[0]!.snippet)).toMatch(/\[Mehanizam\] \[upućivanja\]/);
    const lat = await search(null, { q: 'zastita dece' });
    expect(found(lat)).toContain(ids.serbianCyrillic);
    expect(showSnippet(lat.articles[0]!.snippet)).toContain('[');
  });

  it('finds the Greek article without accents and with a typo, and says what the typo was read as', async () => {
    expect(found(await search(null, { q: 'εθνικος μηχανισμος παραπομπης' }))[0]).toBe(ids.nrmGreece);
    const typo = await search(null, { q: 'μηχανισμς παραπομπης', lang: 'el' });
    expect(found(typo)).toContain(ids.nrmGreece);
    expect(typo.articles[0]!.lang).toBe('el');
    expect(typo.corrections).toEqual([{ word: 'μηχανισμς', replacements: expect.arrayContaining(['μηχανισμος']) }]);
    expect(showSnippet(typo.articles[0]!.snippet)).toMatch(/\[Μηχανισμός\]/);
  });

  it('corrects Latin typos, and a typed prefix is not a typo', async () => {
    const r = await search(null, { q: 'trafiking victims' });
    expect(found(r)).toContain(ids.nrmGreece);
    expect(r.corrections[0]?.word).toBe('trafiking');
    const partial = await search(null, { q: 'mehaniz' });
    expect(partial.corrections).toEqual([]);
    expect(found(partial)).toContain(ids.serbianLatin);
  });

  it('finds Romanian text with diacritics from a query without them', async () => {
    const r = await search(null, { q: 'mecanismul national' });
    expect(found(r)).toEqual([ids.romanian]);
    expect(showSnippet(r.articles[0]!.snippet)).toContain('[național');
  });

  it('finds Bulgarian, Ukrainian and Slovenian word forms by their beginning', async () => {
    expect(found(await search(null, { q: 'трафик деца' }))).toContain(ids.bulgarian);
    expect(found(await search(null, { q: 'торгівл' }))).toContain(ids.ukrainian);
    expect(found(await search(null, { q: 'zrtv trgovin' }))).toContain(ids.slovenian);
  });

  it('returns each article once, in the asked language when it matches there, else another visibly', async () => {
    const el = await search(null, { q: 'mechanism', lang: 'el' });
    expect(found(el).filter((id) => id === ids.nrmGreece)).toHaveLength(1);
    const hit = el.articles.find((a) => a.articleId === ids.nrmGreece)!;
    expect(hit.lang).toBe('en');
    expect(hit.fallback).toBe(true);
    const elOnly = await search(null, { q: 'μηχανισμος', lang: 'el' });
    expect(elOnly.articles[0]).toMatchObject({ articleId: ids.nrmGreece, lang: 'el', fallback: false });
  });
});

describe('knowledge search: filters and audiences', () => {
  it('filters by type, country (that country or regional) and languages', async () => {
    expect(found(await search(null, { q: 'mecanismul', type: 'faq' }))).toEqual([]);
    expect(found(await search(null, { q: 'mecanismul', type: 'national_mechanism' }))).toEqual([ids.romanian]);
    expect(found(await search(null, { q: 'trgovina', country: 'SI' }))).toEqual([ids.slovenian]);
    expect(found(await search(null, { q: 'trgovina', country: 'RS' }))).toEqual(expect.arrayContaining([ids.serbianLatin, ids.slovenian]));
    expect(found(await search(null, { q: 'trgovina', langs: 'sl' }))).toEqual([ids.slovenian]);
    expect(found(await search(null, { q: 'mechanism', langs: 'el,ro' }))).not.toContain(ids.nrmGreece);
  });

  it('never returns an article above the reader\'s audience', async () => {
    expect(found(await search(null, { q: 'forensic interview' }))).toEqual([]);
    expect(found(await search(liaison, { q: 'forensic interview' }))).toEqual([ids.professional]);
    expect(found(await search(operator, { q: 'forensic interview' })).sort()).toEqual([ids.professional, ids.internal].sort());
    expect(found(await search(operator, { q: 'forensic interview', audience: 'internal' }))).toEqual([ids.internal]);
    expect(found(await search(liaison, { q: 'forensic interview', audience: 'internal' }))).toEqual([]);
  });

  it('answers an empty result for punctuation and unknown words, never an error', async () => {
    expect(await search(null, { q: '!!! ??' })).toMatchObject({ articles: [], directory: [], corrections: [] });
    expect(await search(null, { q: 'qqxzv' })).toMatchObject({ articles: [], directory: [], corrections: [] });
    expect((await search(null, { q: "'; DROP TABLE kb_published; --" })).articles).toEqual([]);
    expect(found(await search(null, { q: 'mecanismul' }))).toEqual([ids.romanian]);
  });
});
