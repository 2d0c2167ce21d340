import { sql, type SQL } from 'drizzle-orm';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { queryRows, type Db } from '../database';
import { arrayParam, toPublishedHit } from './knowledge-search.repo';

/**
 * The articles the operator console suggests for the taxonomy codes being logged (GIN index on
 * kb_published.taxonomy_codes).
 */

/** Filters of the console's suggestions. */
export interface SuggestionSearch {
  /** Every code that counts: the asked codes, the regional codes they map to, and their ancestors. */
  codes: readonly string[];
  /** Codes that count most (the asked codes and their regional equivalents). */
  exactCodes: readonly string[];
  audiences: readonly string[];
  /** The requested language and the fallback language, in that order of preference. */
  langs: readonly KbLanguage[];
  preferredLang: KbLanguage;
  countryCode: string | null;
  limit: number;
}

/** A suggested article (its best readable translation). */
export interface SuggestionRow {
  articleId: string;
  lang: KbLanguage;
  slug: string;
  type: string;
  audience: string;
  countryCode: string | null;
  title: string;
  summary: string;
  taxonomyCodes: string[];
  score: number;
}

/**
 * Published articles linked to any of the codes, one translation each (the preferred language first),
 * the country's own articles before regional ones, exact codes before ancestors, newest first.
 */
export async function findSuggestedArticles(db: Db, s: SuggestionSearch): Promise<SuggestionRow[]> {
  const filters: SQL[] = [
    sql`p.taxonomy_codes && ${arrayParam(s.codes)}::text[]`,
    sql`p.audience = ANY(${arrayParam(s.audiences)}::text[])`,
    sql`p.lang = ANY(${arrayParam(s.langs)}::text[])`,
  ];
  if (s.countryCode) filters.push(sql`(p.country_code = ${s.countryCode} OR p.country_code IS NULL)`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH best AS (
        SELECT DISTINCT ON (p.article_id) p.article_id, p.lang, p.slug, p.type, p.audience, p.country_code, p.title,
          p.summary, p.taxonomy_codes, p.published_at,
          (CASE WHEN p.taxonomy_codes && ${arrayParam(s.exactCodes)}::text[] THEN 2 ELSE 1 END
            + CASE WHEN p.country_code IS NOT NULL THEN 1 ELSE 0 END)::float8 AS score
        FROM kb_published p
        WHERE ${sql.join(filters, sql` AND `)}
        ORDER BY p.article_id, (p.lang = ${s.preferredLang}) DESC
      )
      SELECT * FROM best ORDER BY score DESC, published_at DESC, article_id LIMIT ${s.limit}`,
  );
  return rows.map((r) => ({ ...toPublishedHit(r), taxonomyCodes: (r.taxonomy_codes as string[]) ?? [] }));
}
