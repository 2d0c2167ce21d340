import { sql, type SQL } from 'drizzle-orm';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { KB_LANGUAGES } from '../../domain/knowledge/knowledge-fields';
import { FRAGMENT_DELIMITER, HIT_END, HIT_START } from '../../domain/knowledge/search-highlight';
import { SEARCH_CONFIG } from '../../domain/knowledge/search-text';
import { queryRows, type Db } from '../database';

/**
 * Full-text search of the knowledge base: typo candidates from the lexicon, the combined tsquery, and
 * ranked article hits with their snippets (computed for the returned page only); the directory search
 * (knowledge-search-directory.repo) and the console's suggestions (knowledge-suggestion.repo) share the
 * helpers below. Every word reaches SQL as a bound parameter.
 */

/** Lexicon words closer than this (pg_trgm similarity) are offered as corrections. */
export const CORRECTION_SIMILARITY = 0.4;
/** At most this many corrections per misspelt word. */
export const CORRECTIONS_PER_WORD = 3;

/** Arguments of ts_headline: short fragments, hits between control characters (split in TypeScript). */
export const HEADLINE_OPTIONS = `StartSel=${HIT_START},StopSel=${HIT_END},MaxFragments=2,MaxWords=18,MinWords=6,FragmentDelimiter="${FRAGMENT_DELIMITER}"`;

/** An array as ONE bound parameter (a PostgreSQL array literal; drizzle would spread a JS array into a row). */
export function arrayParam(items: readonly (string | number)[]): string {
  return `{${items.map((i) => `"${String(i).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** `regconfig` of a row's language column (CASE over the fixed configuration table). */
export function configOf(column: SQL): SQL {
  const whens = KB_LANGUAGES.map((l) => sql`WHEN ${l} THEN ${SEARCH_CONFIG[l]}`);
  return sql`(CASE ${column} ${sql.join(whens, sql` `)} ELSE 'simple' END)::regconfig`;
}

/**
 * For each misspelt word (index into `spellings`), up to three lexicon words by trigram similarity. A word
 * is not misspelt when one of its spellings is in the lexicon or begins a lexicon word (typing in
 * progress). Words shorter than four letters and numbers are never corrected. One statement: a branch per
 * spelling, each planned with its own value so the trigram index is used.
 */
export async function findCorrections(db: Db, spellings: readonly string[][]): Promise<Map<number, string[]>> {
  const branches: SQL[] = [];
  spellings.forEach((list, i) => {
    const terms = list.filter((s) => s.length >= 4 && !/^\d+$/.test(s));
    if (!terms.length) return;
    const known = sql.join(terms.map((s) => sql`k.word = ${s} OR k.word LIKE ${`${s}%`}`), sql` OR `);
    for (const term of terms) {
      branches.push(sql`(SELECT ${i}::int AS i, l.word, similarity(l.word, ${term})::float8 AS sim FROM kb_lexicon l
        WHERE NOT EXISTS (SELECT 1 FROM kb_lexicon k WHERE ${known})
          AND l.word % ${term} AND similarity(l.word, ${term}) >= ${CORRECTION_SIMILARITY}
        ORDER BY l.word <-> ${term}, l.word LIMIT ${CORRECTIONS_PER_WORD})`);
    }
  });
  const out = new Map<number, string[]>();
  if (!branches.length) return out;
  const rows = await queryRows<{ i: number; word: string; sim: number }>(db, sql.join(branches, sql` UNION ALL `));
  const best = new Map<number, { word: string; sim: number }[]>();
  for (const r of rows) best.set(Number(r.i), [...(best.get(Number(r.i)) ?? []), { word: r.word, sim: Number(r.sim) }]);
  for (const [i, list] of best) {
    const words = [...new Map(list.sort((a, b) => b.sim - a.sim || a.word.localeCompare(b.word)).map((c) => [c.word, c])).keys()];
    out.set(i, words.slice(0, CORRECTIONS_PER_WORD));
  }
  return out;
}

/**
 * The tsquery of a parsed query as text: AND over words, OR over each word's spellings, and for each
 * spelling OR over the stemmed query of every configuration given plus the folded spelling (a prefix from
 * four letters on, which stands in for stemming in languages indexed with `simple`; never for
 * `wholeWords`, e.g. corrections taken from the lexicon, which would match far too much). PostgreSQL computes
 * every piece (one round trip); identical pieces are dropped so ranking and matching do no repeated work.
 * Empty when no word gives a lexeme.
 */
export async function buildTsQuery(db: Db, spellings: readonly string[][], configs: readonly string[], wholeWords: ReadonlySet<string> = new Set()): Promise<string> {
  const stemmed = configs.filter((c) => c !== 'simple');
  const pieces = spellings.flatMap((list, i) =>
    list.flatMap((s) => [
      ...stemmed.map((c) => sql`(${i}::int, plainto_tsquery(${c}::regconfig, ${s}))`),
      s.length >= 4 && !wholeWords.has(s) ? sql`(${i}::int, to_tsquery('simple', ${`${s}:*`}))` : sql`(${i}::int, plainto_tsquery('simple', ${s}))`,
    ]),
  );
  if (!pieces.length) return '';
  const rows = await queryRows<{ i: number; q: string }>(
    db,
    sql`SELECT DISTINCT v.i, v.q::text AS q FROM (VALUES ${sql.join(pieces, sql`, `)}) AS v(i, q) WHERE numnode(v.q) > 0 ORDER BY 1, 2`,
  );
  const byWord = new Map<number, string[]>();
  for (const r of rows) byWord.set(Number(r.i), [...(byWord.get(Number(r.i)) ?? []), r.q]);
  return [...byWord.values()].map((ors) => `(${dropCovered(ors).map((q) => `(${q})`).join(' | ')})`).join(' & ');
}

const SINGLE_LEXEME = /^'([^']+)'(:\*)?$/;

/** Drop OR pieces another piece already matches: 'abcd' or 'abcdef':* when 'abcd':* is there. */
export function dropCovered(pieces: readonly string[]): string[] {
  const prefixes = pieces.map((q) => SINGLE_LEXEME.exec(q)).filter((m) => m?.[2]).map((m) => m![1]!);
  return pieces.filter((q) => {
    const m = SINGLE_LEXEME.exec(q);
    if (!m) return true;
    const lexeme = m[1]!;
    return !prefixes.some((p) => lexeme.startsWith(p) && (p !== lexeme || !m[2]));
  });
}

/** Matching rows read per search: the rest of a very frequent word's matches are not ranked. */
export const MATCH_CAP = 600;
/** Matching translations whose title holds every query word, read besides the MATCH_CAP others. */
export const TITLE_MATCH_CAP = 100;
/** Translations ranked in full (their tsvector read) per search: the best by the cheap pre-rank. */
export const RANK_CANDIDATES = 50;

/**
 * Make the rest of the transaction use the search indexes: the planner prices `tsv @@ query` as cheap and
 * would scan the table (reading every tsvector) for a frequent word, tens of times slower.
 */
export async function preferIndexScans(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL enable_seqscan = off`);
}

/** Filters of an article search. */
export interface ArticleSearch {
  tsquery: string;
  /** The folded query text, for trigram similarity with titles. */
  folded: string;
  /** The folded spellings of each query word (title matches in the pre-rank). */
  spellings: readonly (readonly string[])[];
  /**
   * The spellings as typed (no lexicon corrections) for the title candidates: a correction is often a
   * frequent word whose titles are many, and a misspelt word has none to find.
   */
  typedSpellings: readonly (readonly string[])[];
  audiences: readonly string[];
  langs: readonly KbLanguage[] | null;
  preferredLang: KbLanguage | null;
  type: string | null;
  countryCode: string | null;
  limit: number;
}

/** A ranked article (its best translation) with the raw headlines of its body and summary. */
export interface ArticleHitRow {
  articleId: string;
  lang: KbLanguage;
  slug: string;
  type: string;
  audience: string;
  countryCode: string | null;
  title: string;
  summary: string;
  score: number;
  bodyHeadline: string;
  summaryHeadline: string;
}

/**
 * Share of the query words (0..1) with a spelling inside a folded text column (a title or a name): a
 * cheap pre-rank on an inline column, no tsvector read.
 */
export function matchWords(column: SQL, spellings: readonly (readonly string[])[]): SQL {
  const words = spellings.filter((l) => l.length > 0);
  if (!words.length) return sql`0::float8`;
  const per = words.map((list) => sql`(CASE WHEN ${sql.join(list.map((v) => sql`${column} LIKE ${`%${v}%`}`), sql` OR `)} THEN 1 ELSE 0 END)`);
  return sql`((${sql.join(per, sql` + `)})::float8 / ${words.length})`;
}

/**
 * Every query word (one of its spellings) occurs in the folded title: trigram-indexed LIKEs. False when a
 * word is shorter than three letters (a trigram index cannot serve it).
 */
function titleHoldsEveryWord(spellings: readonly (readonly string[])[]): SQL {
  const words = spellings.filter((l) => l.length > 0);
  if (!words.length || words.some((l) => l.some((v) => v.length < 3))) return sql`false`;
  return sql.join(
    words.map((list) => sql`(${sql.join(list.map((v) => sql`p.title_folded LIKE ${`%${v}%`}`), sql` OR `)})`),
    sql` AND `,
  );
}

/**
 * Matching published translations, ranked in two steps so a frequent word stays fast: up to MATCH_CAP
 * matches are pre-ranked on inline columns (title words, preferred language), the best RANK_CANDIDATES get
 * the full rank (cover density over the weighted tsvector, title similarity); one translation per article
 * (the preferred language on ties); snippets only for the returned page.
 */
export async function searchArticles(db: Db, s: ArticleSearch): Promise<ArticleHitRow[]> {
  const q = sql`${s.tsquery}::tsquery`;
  const filters: SQL[] = [sql`p.tsv @@ ${q}`, sql`p.audience = ANY(${arrayParam(s.audiences)}::text[])`];
  if (s.langs) filters.push(sql`p.lang = ANY(${arrayParam(s.langs)}::text[])`);
  if (s.type) filters.push(sql`p.type = ${s.type}`);
  if (s.countryCode) filters.push(sql`(p.country_code = ${s.countryCode} OR p.country_code IS NULL)`);
  const pref = s.preferredLang ?? '';
  // At most MATCH_CAP matches are read: a word in most articles costs no more than a rarer one. They are
  // pre-ranked on inline columns; only the best RANK_CANDIDATES have their tsvector read and ranked.
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH matched AS MATERIALIZED (
        SELECT DISTINCT ON (article_id, lang) * FROM (
          (SELECT p.article_id, p.lang, ${matchWords(sql`p.title_folded`, s.spellings)} AS title_hits, (p.lang = ${pref}) AS preferred
           FROM kb_published p WHERE ${sql.join(filters, sql` AND `)} LIMIT ${MATCH_CAP})
          UNION ALL
          -- Translations whose title holds every query word are candidates whatever their storage order. Found
          -- through the title's trigram index alone: their tsvectors are not read (only the ranked few are).
          (SELECT p.article_id, p.lang, 1::float8 AS title_hits, (p.lang = ${pref}) AS preferred
           FROM kb_published p WHERE ${sql.join([...filters.slice(1), titleHoldsEveryWord(s.typedSpellings)], sql` AND `)} LIMIT ${TITLE_MATCH_CAP})
        ) both_sources ORDER BY article_id, lang, title_hits DESC
      ),
      candidates AS (
        SELECT * FROM matched ORDER BY title_hits DESC, preferred DESC, article_id, lang LIMIT ${Math.max(RANK_CANDIDATES, s.limit * 3)}
      ),
      ranked AS (
        SELECT c.article_id, c.lang, c.preferred,
          (ts_rank_cd(p.tsv, ${q}, 1) + c.title_hits + similarity(p.title_folded, ${s.folded}) + CASE WHEN c.preferred THEN 0.1 ELSE 0 END)::float8 AS score
        FROM candidates c JOIN kb_published p ON p.article_id = c.article_id AND p.lang = c.lang
        -- Title candidates were found without the tsquery: keep true matches only.
        WHERE p.tsv @@ ${q}
      ),
      best AS (
        SELECT DISTINCT ON (article_id) article_id, lang, score FROM ranked ORDER BY article_id, score DESC, preferred DESC, lang
      ),
      page AS (SELECT * FROM best ORDER BY score DESC, article_id LIMIT ${s.limit})
      SELECT p.article_id, p.lang, p.slug, p.type, p.audience, p.country_code, p.title, p.summary, page.score,
        ts_headline(${configOf(sql`p.lang`)}, p.body_text, ${q}, ${HEADLINE_OPTIONS}) AS body_headline,
        ts_headline(${configOf(sql`p.lang`)}, p.summary, ${q}, ${HEADLINE_OPTIONS}) AS summary_headline
      FROM page JOIN kb_published p ON p.article_id = page.article_id AND p.lang = page.lang
      ORDER BY page.score DESC, p.article_id`,
  );
  return rows.map((r) => ({
    ...toPublishedHit(r),
    bodyHeadline: String(r.body_headline ?? ''),
    summaryHeadline: String(r.summary_headline ?? ''),
  }));
}

/** The common fields of a kb_published row hit (article, language, title, score), from raw SQL columns. */
export function toPublishedHit(r: Record<string, unknown>): Omit<ArticleHitRow, 'bodyHeadline' | 'summaryHeadline'> {
  return {
    articleId: String(r.article_id),
    lang: r.lang as KbLanguage,
    slug: String(r.slug),
    type: String(r.type),
    audience: String(r.audience),
    countryCode: (r.country_code as string | null) ?? null,
    title: String(r.title),
    summary: String(r.summary),
    score: Number(r.score),
  };
}
