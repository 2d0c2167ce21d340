import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { queryRows } from '../database';
import { kbArticles, kbRevisions, kbTranslations, users } from '../schema';

/**
 * Revisions of article translations (kb_revisions, never changed once written), the authors the four-eyes
 * rule looks at, and the review-queue queries.
 */

export type RevisionRow = typeof kbRevisions.$inferSelect;

/** An array as ONE bound parameter (a PostgreSQL array literal; drizzle would spread a JS array into a row). */
function arrayParam(items: readonly (string | number)[]): string {
  return `{${items.map((i) => `"${String(i).replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** Insert revisions (one statement). */
export async function insertRevisions(db: Db, rows: (typeof kbRevisions.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(kbRevisions).values(rows);
}

/** The revisions of a translation, newest first, with the author's display name. */
export async function listRevisions(db: Db, articleId: string, lang: string): Promise<(RevisionRow & { authorName: string | null })[]> {
  return db
    .select({
      articleId: kbRevisions.articleId,
      lang: kbRevisions.lang,
      revision: kbRevisions.revision,
      title: kbRevisions.title,
      summary: kbRevisions.summary,
      bodyMd: kbRevisions.bodyMd,
      bodyHtml: kbRevisions.bodyHtml,
      authorId: kbRevisions.authorId,
      note: kbRevisions.note,
      createdAt: kbRevisions.createdAt,
      authorName: users.displayName,
    })
    .from(kbRevisions)
    .leftJoin(users, eq(users.id, kbRevisions.authorId))
    .where(and(eq(kbRevisions.articleId, articleId), eq(kbRevisions.lang, lang)))
    .orderBy(desc(kbRevisions.revision));
}

/** Some revisions of a translation, with the author's display name. */
export async function findRevisions(db: Db, articleId: string, lang: string, revisions: readonly number[]): Promise<(RevisionRow & { authorName: string | null })[]> {
  if (!revisions.length) return [];
  const rows = await listRevisionsWhere(db, and(eq(kbRevisions.articleId, articleId), eq(kbRevisions.lang, lang), inArray(kbRevisions.revision, [...revisions]))!);
  return rows;
}

async function listRevisionsWhere(db: Db, where: SQL): Promise<(RevisionRow & { authorName: string | null })[]> {
  const rows = await db.select({ r: kbRevisions, authorName: users.displayName }).from(kbRevisions).leftJoin(users, eq(users.id, kbRevisions.authorId)).where(where).orderBy(asc(kbRevisions.revision));
  return rows.map((x) => ({ ...x.r, authorName: x.authorName }));
}

/** The revisions a set of translations currently point at (working copy or published), for exports. */
export async function listRevisionsOf(db: Db, keys: readonly { articleId: string; lang: string; revision: number }[]): Promise<RevisionRow[]> {
  if (!keys.length) return [];
  const articleIds = keys.map((k) => k.articleId);
  const langs = keys.map((k) => k.lang);
  const revisions = keys.map((k) => k.revision);
  return queryRows<RevisionRow>(
    db,
    sql`SELECT r.article_id AS "articleId", r.lang, r.revision, r.title, r.summary, r.body_md AS "bodyMd", r.body_html AS "bodyHtml", r.author_id AS "authorId", r.note, r.created_at AS "createdAt"
        FROM kb_revisions r JOIN unnest(${arrayParam(articleIds)}::uuid[], ${arrayParam(langs)}::text[], ${arrayParam(revisions)}::int[]) AS k(article_id, lang, revision)
          ON r.article_id = k.article_id AND r.lang = k.lang AND r.revision = k.revision`,
  );
}

/**
 * For each translation of an article: the distinct authors of the revisions after its last published one
 * (every revision when none is published). The four-eyes rule refuses them as publishers.
 */
export async function listAuthorsSincePublished(db: Db, articleIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!articleIds.length) return out;
  const rows = await db
    .selectDistinct({ articleId: kbRevisions.articleId, lang: kbRevisions.lang, authorId: kbRevisions.authorId })
    .from(kbRevisions)
    .innerJoin(kbTranslations, and(eq(kbTranslations.articleId, kbRevisions.articleId), eq(kbTranslations.lang, kbRevisions.lang)))
    .where(and(inArray(kbRevisions.articleId, [...articleIds]), sql`${kbRevisions.revision} > coalesce(${kbTranslations.publishedRevision}, 0)`));
  for (const r of rows) {
    if (!r.authorId) continue;
    const key = `${r.articleId}:${r.lang}`;
    out.set(key, [...(out.get(key) ?? []), r.authorId]);
  }
  return out;
}

/** A translation waiting for review, with its article. */
export interface InReviewRow {
  articleId: string;
  slug: string;
  countryCode: string | null;
  organisationId: string;
  lang: string;
  title: string;
  submittedBy: string | null;
  submittedAt: Date | null;
}

/** Translations in review within the scope condition (on kb_articles), oldest submission first. */
export async function listInReview(db: Db, scope: SQL, limit: number): Promise<InReviewRow[]> {
  return db
    .select({
      articleId: kbArticles.id,
      slug: kbArticles.slug,
      countryCode: kbArticles.countryCode,
      organisationId: kbArticles.organisationId,
      lang: kbTranslations.lang,
      title: kbTranslations.title,
      submittedBy: users.displayName,
      submittedAt: kbTranslations.submittedAt,
    })
    .from(kbTranslations)
    .innerJoin(kbArticles, eq(kbArticles.id, kbTranslations.articleId))
    .leftJoin(users, eq(users.id, kbTranslations.submittedBy))
    .where(and(eq(kbTranslations.status, 'in_review'), scope))
    .orderBy(asc(kbTranslations.submittedAt), asc(kbArticles.slug))
    .limit(limit);
}

/** An article whose review date is near or past, or whose facts are flagged. */
export interface ReviewDueRow {
  articleId: string;
  slug: string;
  countryCode: string | null;
  organisationId: string;
  reviewDueOn: string | null;
  needsReview: boolean;
  title: string | null;
}

/** Articles due for review by `dueBy` (ISO date) or flagged, within the scope, soonest first. */
export async function listReviewDue(db: Db, scope: SQL, dueBy: string, limit: number): Promise<ReviewDueRow[]> {
  return db
    .select({
      articleId: kbArticles.id,
      slug: kbArticles.slug,
      countryCode: kbArticles.countryCode,
      organisationId: kbArticles.organisationId,
      reviewDueOn: kbArticles.reviewDueOn,
      needsReview: kbArticles.needsReview,
      title: sql<string | null>`(SELECT t.title FROM kb_translations t WHERE t.article_id = ${kbArticles.id} ORDER BY (t.lang = 'en') DESC, t.created_at LIMIT 1)`,
    })
    .from(kbArticles)
    .where(and(scope, sql`(${kbArticles.needsReview} OR ${kbArticles.reviewDueOn} <= ${dueBy}::date)`))
    .orderBy(sql`${kbArticles.reviewDueOn} ASC NULLS LAST`, asc(kbArticles.slug))
    .limit(limit);
}
