import { sql } from 'drizzle-orm';
import { HELPLINE_KINDS, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { queryRows, type Db } from '../database';

/**
 * Reads of the public knowledge pages: only what is published for the public (kb_published rows of
 * audience `public`, whose article is public and whose translation is not archived) and the public
 * helplines of the directory. Nothing here needs a principal: it is what anyone may read.
 */

/** One published public translation, as listed on the home page. */
export interface PublicArticleRow {
  articleId: string;
  slug: string;
  type: string;
  countryCode: string | null;
  lang: KbLanguage;
  title: string;
  summary: string;
  publishedAt: Date;
}

/** One published public translation with its body. */
export interface PublicTranslationRow extends PublicArticleRow {
  bodyHtml: string;
  revision: number;
}

const PUBLIC_ONLY = sql`p.audience = 'public' AND a.audience = 'public' AND t.status <> 'archived'`;
const FROM_PUBLISHED = sql`kb_published p
  JOIN kb_articles a ON a.id = p.article_id
  JOIN kb_translations t ON t.article_id = p.article_id AND t.lang = p.lang`;

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * Published articles of the given audiences, one row per article in the best language available: `lang`,
 * else English, else any. With a country: regional articles and that country's (`regional`: only those).
 * At most `limit` articles (by type, country and address), then sorted by type, country and title. The
 * public home uses it with `['public']`; staff browse the library with the audiences they may read.
 * The articles are chosen first (the small table) and only their translations are read, so the cost does
 * not grow with the number of published translations.
 */
export async function listPublishedArticles(
  db: Db,
  opts: { lang: KbLanguage; countryCode: string | null; audiences: readonly string[]; type?: string; limit: number },
): Promise<(PublicArticleRow & { audience: string })[]> {
  const audiences = `{${opts.audiences.join(',')}}`;
  const country =
    opts.countryCode === null ? sql`` : opts.countryCode === 'regional' ? sql`AND a.country_code IS NULL` : sql`AND (a.country_code IS NULL OR a.country_code = ${opts.countryCode})`;
  const type = opts.type ? sql`AND a.type = ${opts.type}` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH picked AS (
          SELECT a.id FROM kb_articles a
          WHERE a.audience = ANY(${audiences}::text[]) ${country} ${type}
            AND EXISTS (SELECT 1 FROM kb_published p WHERE p.article_id = a.id)
          ORDER BY a.type, a.country_code NULLS FIRST, a.slug
          LIMIT ${opts.limit}
        )
        SELECT best.* FROM picked CROSS JOIN LATERAL (
          SELECT p.article_id, p.slug, p.type, p.audience, p.country_code, p.lang, p.title, p.summary, p.published_at
          FROM kb_published p JOIN kb_translations t ON t.article_id = p.article_id AND t.lang = p.lang
          WHERE p.article_id = picked.id AND p.audience = ANY(${audiences}::text[]) AND t.status <> 'archived'
          ORDER BY (p.lang = ${opts.lang}) DESC, (p.lang = 'en') DESC, p.lang
          LIMIT 1
        ) best
        ORDER BY best.type, best.country_code NULLS FIRST, lower(best.title)`,
  );
  return rows.map((r) => ({ ...toArticleRow(r), audience: String(r.audience) }));
}

/** Published public articles for the public home (see listPublishedArticles). */
export async function listPublicArticles(db: Db, opts: { lang: KbLanguage; countryCode: string | null; limit: number }): Promise<PublicArticleRow[]> {
  return listPublishedArticles(db, { ...opts, audiences: ['public'] });
}

function toArticleRow(r: Record<string, unknown>): PublicArticleRow {
  return {
    articleId: String(r.article_id),
    slug: String(r.slug),
    type: String(r.type),
    countryCode: r.country_code === null ? null : String(r.country_code),
    lang: String(r.lang) as KbLanguage,
    title: String(r.title),
    summary: String(r.summary),
    publishedAt: toDate(r.published_at),
  };
}

/** Every published public translation of the article with this slug (none: not public, or no such article). */
export async function listPublicTranslations(db: Db, slug: string): Promise<PublicTranslationRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT p.article_id, p.slug, p.type, p.country_code, p.lang, p.title, p.summary, p.published_at, p.body_html, p.revision
        FROM ${FROM_PUBLISHED}
        WHERE p.slug = ${slug} AND ${PUBLIC_ONLY}
        ORDER BY p.lang`,
  );
  return rows.map((r) => ({ ...toArticleRow(r), bodyHtml: String(r.body_html), revision: Number(r.revision) }));
}

/** Slugs and languages of the published public translations, for the sitemap. */
export async function listPublicSitemapRows(db: Db, limit: number): Promise<{ slug: string; lang: KbLanguage; publishedAt: Date }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT p.slug, p.lang, p.published_at FROM ${FROM_PUBLISHED} WHERE ${PUBLIC_ONLY} ORDER BY p.slug, p.lang LIMIT ${limit}`,
  );
  return rows.map((r) => ({ slug: String(r.slug), lang: String(r.lang) as KbLanguage, publishedAt: toDate(r.published_at) }));
}

/** Countries with public articles or public helplines (the country filter): one indexed probe per country. */
export async function listPublicCountries(db: Db): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT c.code FROM countries c
        WHERE EXISTS (
            SELECT 1 FROM kb_articles a
            WHERE a.country_code = c.code AND a.audience = 'public'
              AND EXISTS (SELECT 1 FROM kb_published p WHERE p.article_id = a.id AND p.audience = 'public'))
          OR EXISTS (
            SELECT 1 FROM directory_entries d
            WHERE d.country_code = c.code AND d.audience = 'public' AND d.archived_at IS NULL AND d.kind IN ${[...HELPLINE_KINDS]})
        ORDER BY 1`,
  );
  return rows.map((r) => String(r.code).trim());
}
