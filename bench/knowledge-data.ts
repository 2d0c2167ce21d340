/**
 * The knowledge base of the search benchmark: N articles × 9 published translations of generated text
 * (150–600 word bodies from each language's vocabulary: function words, trafficking and child-protection
 * terms with a Zipf-like frequency, invented long-tail words), varied types, audiences, countries, tags and
 * taxonomy codes; half the Serbian translations in Cyrillic. Loaded in multi-row statements that compute
 * the tsvector in SQL exactly as buildArticleVector does, with the search indexes rebuilt afterwards.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/database';
import { COUNTRIES } from '../src/db/seed/network.data';
import { REGIONAL_TAXONOMY } from '../src/domain/helpline/taxonomy.data';
import { ARTICLE_TYPES, KB_LANGUAGES, type KbLanguage } from '../src/domain/knowledge/knowledge-fields';
import { SEARCH_CONFIG, foldForLanguage, listLexiconWords } from '../src/domain/knowledge/search-text';
import { VOCABULARY, toSerbianCyrillic } from './knowledge-vocabulary';

/** Invented long-tail words per language. */
export const LONG_TAIL = 4000;

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
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1))) - 1);
}

/** The invented long-tail word of a rank in a language (three syllables of its script). */
export function longTailWord(lang: KbLanguage, rank: number): string {
  const s = VOCABULARY[lang].syllables;
  const n = s.length;
  return `${s[rank % n]}${s[Math.floor(rank / n) % n]}${s[Math.floor(rank / (n * n)) % n]}`;
}

/** One generated translation. */
export interface BenchTranslation {
  lang: KbLanguage;
  title: string;
  summary: string;
  body: string;
}

/** One generated article with its nine translations. */
export interface BenchArticle {
  index: number;
  slug: string;
  type: string;
  audience: string;
  countryCode: string | null;
  tags: string[];
  taxonomyCodes: string[];
  translations: BenchTranslation[];
}

const TAXONOMY_CODES = REGIONAL_TAXONOMY.flatMap((g) => [g.code, ...g.codes.map(([c]) => c)]);
const TYPE_WEIGHTS = [0.2, 0.15, 0.1, 0.1, 0.2, 0.15, 0.1];

function pickWeighted<T>(rand: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = rand();
  for (let i = 0; i < items.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function word(rand: () => number, lang: KbLanguage): string {
  const v = VOCABULARY[lang];
  const r = rand();
  if (r < 0.3) return v.functionWords[Math.floor(rand() * v.functionWords.length)]!;
  if (r < 0.75) return v.domain[zipf(rand, v.domain.length)]!;
  return longTailWord(lang, zipf(rand, LONG_TAIL));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(rand: () => number, lang: KbLanguage, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  return capitalise(Array.from({ length: n }, () => word(rand, lang)).join(' '));
}

function body(rand: () => number, lang: KbLanguage): string {
  const target = 150 + Math.floor(rand() * 451);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < count && words < target; i += 1) {
      const s = sentence(rand, lang, 6, 16);
      words += s.split(' ').length;
      sentences.push(`${s}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** Generate article `index` (deterministic for a seed). */
export function generateArticle(index: number, seed: number): BenchArticle {
  const rand = seededRandom(seed * 1_000_003 + index);
  const r = rand();
  const audience = r < 0.5 ? 'public' : r < 0.85 ? 'professionals' : 'internal';
  const countryCode = rand() < 0.4 ? null : COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!.code;
  const codes = new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => TAXONOMY_CODES[Math.floor(rand() * TAXONOMY_CODES.length)]!));
  const tags = [...new Set(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => VOCABULARY.en.domain[zipf(rand, VOCABULARY.en.domain.length)]!))];
  const cyrillic = index % 2 === 1;
  const translations = KB_LANGUAGES.map((lang) => {
    const t = { lang, title: sentence(rand, lang, 4, 9), summary: `${sentence(rand, lang, 12, 25)}.`, body: body(rand, lang) };
    if (lang !== 'sr' || !cyrillic) return t;
    return { lang, title: toSerbianCyrillic(t.title), summary: toSerbianCyrillic(t.summary), body: toSerbianCyrillic(t.body) };
  });
  return {
    index,
    slug: `bench-article-${index}`,
    type: pickWeighted(rand, ARTICLE_TYPES, TYPE_WEIGHTS),
    audience,
    countryCode,
    tags,
    taxonomyCodes: [...codes],
    translations,
  };
}

const uuidOf = (index: number) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** Insert a batch of articles with their published translations; returns the lexicon words of the batch. */
async function insertBatch(db: Db, articles: BenchArticle[], organisationId: string): Promise<string[]> {
  const meta = articles.map((a) => ({ id: uuidOf(a.index), slug: a.slug, type: a.type, audience: a.audience, country_code: a.countryCode, tags: a.tags, taxonomy_codes: a.taxonomyCodes }));
  await db.execute(sql`INSERT INTO kb_articles (id, slug, type, audience, country_code, organisation_id, tags, taxonomy_codes)
    SELECT x.id, x.slug, x.type, x.audience, x.country_code, ${organisationId}, ARRAY(SELECT jsonb_array_elements_text(x.tags)), ARRAY(SELECT jsonb_array_elements_text(x.taxonomy_codes))
    FROM jsonb_to_recordset(${JSON.stringify(meta)}::jsonb) AS x(id uuid, slug text, type text, audience text, country_code text, tags jsonb, taxonomy_codes jsonb)`);
  const words = new Set<string>();
  const rows = articles.flatMap((a) =>
    a.translations.map((t) => {
      const sumTags = `${t.summary} ${a.tags.join(' ')}`;
      for (const w of listLexiconWords(`${t.title} ${sumTags} ${t.body}`, t.lang)) words.add(w);
      return {
        id: uuidOf(a.index),
        slug: a.slug,
        type: a.type,
        audience: a.audience,
        country_code: a.countryCode,
        tags: a.tags,
        taxonomy_codes: a.taxonomyCodes,
        lang: t.lang,
        cfg: SEARCH_CONFIG[t.lang],
        title: t.title,
        summary: t.summary,
        body: t.body,
        sum_tags: sumTags,
        title_f: foldForLanguage(t.title, t.lang),
        sum_tags_f: foldForLanguage(sumTags, t.lang),
        body_f: foldForLanguage(t.body, t.lang),
      };
    }),
  );
  const json = JSON.stringify(rows);
  await db.execute(sql`INSERT INTO kb_translations (article_id, lang, status, title, summary, body_md, revision, published_revision)
    SELECT x.id, x.lang, 'published', x.title, x.summary, x.body, 1, 1
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, lang text, title text, summary text, body text)`);
  await db.execute(sql`INSERT INTO kb_published (article_id, lang, revision, slug, type, audience, country_code, tags, taxonomy_codes,
      title, summary, body_html, body_text, tsv, title_folded, published_at)
    SELECT x.id, x.lang, 1, x.slug, x.type, x.audience, x.country_code, ARRAY(SELECT jsonb_array_elements_text(x.tags)),
      ARRAY(SELECT jsonb_array_elements_text(x.taxonomy_codes)), x.title, x.summary,
      '<p>' || replace(x.body, E'\n\n', '</p><p>') || '</p>', x.body,
      setweight(to_tsvector(x.cfg::regconfig, x.title) || to_tsvector('simple', x.title_f), 'A')
        || setweight(to_tsvector(x.cfg::regconfig, x.sum_tags) || to_tsvector('simple', x.sum_tags_f), 'B')
        || setweight(to_tsvector(x.cfg::regconfig, x.body) || to_tsvector('simple', x.body_f), 'C'),
      x.title_f, now() - (random() * interval '700 days')
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, slug text, type text, audience text, country_code text, tags jsonb,
      taxonomy_codes jsonb, lang text, cfg text, title text, summary text, body text, sum_tags text, title_f text, sum_tags_f text, body_f text)`);
  return [...words];
}

/** What was loaded and how long it took. */
export interface KnowledgeDataResult {
  articles: number;
  translations: number;
  lexiconWords: number;
  insertSeconds: number;
  indexSeconds: number;
  tableMb: number;
  indexesMb: number;
}

/**
 * Load `count` generated articles (9 translations each) into a migrated database that has at least one
 * organisation: search indexes of kb_published are dropped during the load and rebuilt from their own
 * definitions, the lexicon gets every word. Progress goes to `say`.
 */
export async function loadKnowledgeArticles(db: Db, count: number, seed: number, say: (line: string) => void): Promise<KnowledgeDataResult> {
  const org = (await queryRows<{ id: string }>(db, sql`SELECT id FROM organisations ORDER BY name LIMIT 1`))[0];
  if (!org) throw new Error('no organisation to own the bench articles');
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'kb_published' AND indexname <> 'kb_published_pkey'`,
  );
  for (const ix of indexes) await db.execute(sql.raw(`DROP INDEX IF EXISTS ${ix.name}`));
  const started = performance.now();
  const lexicon = new Set<string>();
  const batch = 50;
  let lastReport = 0;
  for (let i = 0; i < count; i += batch) {
    const articles = Array.from({ length: Math.min(batch, count - i) }, (_, k) => generateArticle(i + k, seed));
    for (const w of await insertBatch(db, articles, org.id)) lexicon.add(w);
    const done = i + articles.length;
    if (performance.now() - lastReport > 5000 || done === count) {
      lastReport = performance.now();
      const rate = done / ((performance.now() - started) / 1000);
      process.stderr.write(`\r    articles ${done.toLocaleString('en')}/${count.toLocaleString('en')} (${rate.toFixed(0)}/s)   `);
    }
  }
  process.stderr.write('\n');
  const words = [...lexicon];
  for (let i = 0; i < words.length; i += 5000) {
    await db.execute(sql`INSERT INTO kb_lexicon (word) SELECT jsonb_array_elements_text(${JSON.stringify(words.slice(i, i + 5000))}::jsonb) ON CONFLICT DO NOTHING`);
  }
  const insertSeconds = (performance.now() - started) / 1000;
  say(`    ${words.length.toLocaleString('en')} lexicon words; rebuilding ${indexes.length} indexes`);
  const t1 = performance.now();
  for (const ix of indexes) await db.execute(sql.raw(ix.def));
  // VACUUM also moves the lexicon's new trigram entries out of the GIN pending list: until then the
  // planner will not use that index (typo lookups would scan the whole lexicon).
  await db.execute(sql`ANALYZE kb_articles`);
  await db.execute(sql`VACUUM ANALYZE kb_published`);
  await db.execute(sql`VACUUM ANALYZE kb_lexicon`);
  const indexSeconds = (performance.now() - t1) / 1000;
  const size = (await queryRows<{ table_mb: number; indexes_mb: number }>(
    db,
    sql`SELECT (pg_table_size('kb_published') / 1048576.0)::float8 AS table_mb, (pg_indexes_size('kb_published') / 1048576.0)::float8 AS indexes_mb`,
  ))[0]!;
  return {
    articles: count,
    translations: count * KB_LANGUAGES.length,
    lexiconWords: words.length,
    insertSeconds,
    indexSeconds,
    tableMb: Number(size.table_mb),
    indexesMb: Number(size.indexes_mb),
  };
}
