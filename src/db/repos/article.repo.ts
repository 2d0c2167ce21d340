import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ScopeFilter } from '../../domain/access/scope';
import type { Db } from '../database';
import { queryRows } from '../database';
import { kbArticles, kbPublished, kbTranslations } from '../schema';

/**
 * Knowledge-base articles and the working copy of each translation (kb_articles, kb_translations).
 * Revisions live in article-revision.repo.ts; what is published in knowledge-index.repo.ts.
 */

export type ArticleRow = typeof kbArticles.$inferSelect;
export type TranslationRow = typeof kbTranslations.$inferSelect;

/** Filters of the editor list. */
export interface ArticleListFilter {
  status?: string;
  type?: string;
  audience?: string;
  /** A country code, or `regional` for articles without a country. */
  country?: string;
  lang?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** SQL condition: articles an editor with this scope may see (regional ones are open to every editor). */
export function buildArticleScopeCondition(scope: ScopeFilter, includeRegional: boolean): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (includeRegional) parts.push(isNull(kbArticles.countryCode));
  if (scope.countryCodes.length) parts.push(inArray(kbArticles.countryCode, scope.countryCodes));
  if (scope.organisationIds.length) parts.push(inArray(kbArticles.organisationId, scope.organisationIds));
  return parts.length ? or(...parts)! : sql`false`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Articles matching the filter within the scope, most recently changed first, with the total. */
export async function listArticles(db: Db, f: ArticleListFilter, scope: SQL): Promise<{ items: ArticleRow[]; total: number }> {
  const conds: SQL[] = [scope];
  if (f.type) conds.push(eq(kbArticles.type, f.type));
  if (f.audience) conds.push(eq(kbArticles.audience, f.audience));
  if (f.country === 'regional') conds.push(isNull(kbArticles.countryCode));
  else if (f.country) conds.push(eq(kbArticles.countryCode, f.country));
  const tConds: SQL[] = [sql`${kbTranslations.articleId} = ${kbArticles.id}`];
  if (f.status) tConds.push(eq(kbTranslations.status, f.status));
  if (f.lang) tConds.push(eq(kbTranslations.lang, f.lang));
  if (f.status || f.lang) conds.push(sql`EXISTS (SELECT 1 FROM ${kbTranslations} WHERE ${and(...tConds)})`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(kbArticles.slug, like), sql`EXISTS (SELECT 1 FROM ${kbTranslations} WHERE ${kbTranslations.articleId} = ${kbArticles.id} AND ${kbTranslations.title} ILIKE ${like})`)!);
  }
  const where = and(...conds);
  const items = await db.select().from(kbArticles).where(where).orderBy(desc(kbArticles.updatedAt), asc(kbArticles.slug)).limit(f.limit).offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(kbArticles).where(where);
  return { items, total: Number(count?.n ?? 0) };
}

/** One article by id. */
export async function findArticleById(db: Db, id: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id));
  return row;
}

/** One article by slug. */
export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.slug, slug));
  return row;
}

/** Articles by slug (import). */
export async function listArticlesBySlugs(db: Db, slugs: readonly string[]): Promise<ArticleRow[]> {
  if (!slugs.length) return [];
  return db.select().from(kbArticles).where(inArray(kbArticles.slug, [...slugs]));
}

/** True when the slug is used by another article. */
export async function isSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const conds: SQL[] = [eq(kbArticles.slug, slug)];
  if (exceptId) conds.push(sql`${kbArticles.id} <> ${exceptId}`);
  const [row] = await db.select({ id: kbArticles.id }).from(kbArticles).where(and(...conds)).limit(1);
  return row !== undefined;
}

/** Insert articles (one statement). */
export async function insertArticles(db: Db, rows: (typeof kbArticles.$inferInsert)[]): Promise<ArticleRow[]> {
  if (!rows.length) return [];
  return db.insert(kbArticles).values(rows).returning();
}

/** Change an article's metadata if its version still matches; undefined on a version conflict. */
export async function updateArticle(db: Db, id: string, version: number, set: Partial<typeof kbArticles.$inferInsert>): Promise<ArticleRow | undefined> {
  const [row] = await db
    .update(kbArticles)
    .set({ ...set, updatedAt: new Date(), version: sql`${kbArticles.version} + 1` })
    .where(and(eq(kbArticles.id, id), eq(kbArticles.version, version)))
    .returning();
  return row;
}

/** Mark an article as changed now (a translation changed). */
export async function touchArticle(db: Db, id: string): Promise<void> {
  await db.update(kbArticles).set({ updatedAt: new Date() }).where(eq(kbArticles.id, id));
}

/** The translations of some articles, by language order. */
export async function listTranslations(db: Db, articleIds: readonly string[]): Promise<TranslationRow[]> {
  if (!articleIds.length) return [];
  return db.select().from(kbTranslations).where(inArray(kbTranslations.articleId, [...articleIds])).orderBy(asc(kbTranslations.articleId), asc(kbTranslations.lang));
}

/** One translation. */
export async function findTranslation(db: Db, articleId: string, lang: string): Promise<TranslationRow | undefined> {
  const [row] = await db.select().from(kbTranslations).where(and(eq(kbTranslations.articleId, articleId), eq(kbTranslations.lang, lang)));
  return row;
}

/** Insert translations (one statement). */
export async function insertTranslations(db: Db, rows: (typeof kbTranslations.$inferInsert)[]): Promise<TranslationRow[]> {
  if (!rows.length) return [];
  return db.insert(kbTranslations).values(rows).returning();
}

/** Change a translation if its version still matches; undefined on a version conflict. */
export async function updateTranslation(
  db: Db,
  articleId: string,
  lang: string,
  version: number,
  set: Partial<typeof kbTranslations.$inferInsert>,
): Promise<TranslationRow | undefined> {
  const [row] = await db
    .update(kbTranslations)
    .set({ ...set, updatedAt: new Date(), version: sql`${kbTranslations.version} + 1` })
    .where(and(eq(kbTranslations.articleId, articleId), eq(kbTranslations.lang, lang), eq(kbTranslations.version, version)))
    .returning();
  return row;
}

/** True when a legal instrument with this id exists. */
export async function legalInstrumentExists(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows(db, sql`SELECT 1 AS one FROM legal_instruments WHERE id = ${id}`);
  return rows.length > 0;
}

/** A published translation as readers get it (kb_published), with the article's review flag. */
export type PublishedReadRow = Omit<typeof kbPublished.$inferSelect, 'tsv' | 'titleFolded' | 'bodyText'> & { needsReview: boolean };

/** Every published translation of the article with this slug, for the given audiences. */
export async function listPublishedBySlug(db: Db, slug: string, audiences: readonly string[]): Promise<PublishedReadRow[]> {
  if (!audiences.length) return [];
  return db
    .select({
      articleId: kbPublished.articleId,
      lang: kbPublished.lang,
      revision: kbPublished.revision,
      slug: kbPublished.slug,
      type: kbPublished.type,
      audience: kbPublished.audience,
      countryCode: kbPublished.countryCode,
      tags: kbPublished.tags,
      taxonomyCodes: kbPublished.taxonomyCodes,
      title: kbPublished.title,
      summary: kbPublished.summary,
      bodyHtml: kbPublished.bodyHtml,
      publishedBy: kbPublished.publishedBy,
      publishedAt: kbPublished.publishedAt,
      needsReview: kbArticles.needsReview,
    })
    .from(kbPublished)
    .innerJoin(kbArticles, eq(kbArticles.id, kbPublished.articleId))
    .where(and(eq(kbPublished.slug, slug), inArray(kbPublished.audience, [...audiences])));
}
