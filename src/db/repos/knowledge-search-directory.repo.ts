import { sql, type SQL } from 'drizzle-orm';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { queryRows, type Db } from '../database';
import { HEADLINE_OPTIONS, MATCH_CAP, RANK_CANDIDATES, arrayParam, configOf, matchWords } from './knowledge-search.repo';

/**
 * Full-text search of the directory (helplines, NRM actors, partners) with the tsquery built by
 * knowledge-search.repo: capped matches, pre-ranked on the folded name, the best ranked in full, snippets
 * over the description in the reader's language (else English, else any) for the returned page only.
 */

/** Filters of a directory search. */
export interface DirectorySearch {
  tsquery: string;
  folded: string;
  /** The folded spellings of each query word (name matches in the pre-rank). */
  spellings: readonly (readonly string[])[];
  audiences: readonly string[];
  preferredLang: KbLanguage | null;
  countryCode: string | null;
  limit: number;
}

/** A ranked directory entry with the raw headline of its description (or its name when it has none). */
export interface DirectoryHitRow {
  id: string;
  kind: string;
  countryCode: string;
  name: string;
  localName: string | null;
  phones: { number: string; label?: string; free?: boolean }[];
  city: string | null;
  nrmStages: string[];
  score: number;
  /** Language of the description the headline is over (null: over the name). */
  snippetLang: KbLanguage | null;
  headline: string;
}

/** Rank matching directory entries (not archived, readable audiences) and headline the page. */
export async function searchDirectory(db: Db, s: DirectorySearch): Promise<DirectoryHitRow[]> {
  const q = sql`${s.tsquery}::tsquery`;
  const filters: SQL[] = [sql`d.tsv @@ ${q}`, sql`d.archived_at IS NULL`, sql`d.audience = ANY(${arrayParam(s.audiences)}::text[])`];
  if (s.countryCode) filters.push(sql`d.country_code = ${s.countryCode}`);
  const pref = s.preferredLang ?? 'en';
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH matched AS MATERIALIZED (
        SELECT d.id, ${matchWords(sql`d.name_folded`, s.spellings)} AS name_hits
        FROM directory_entries d WHERE ${sql.join(filters, sql` AND `)} LIMIT ${MATCH_CAP}
      ),
      candidates AS (SELECT * FROM matched ORDER BY name_hits DESC, id LIMIT ${Math.max(RANK_CANDIDATES, s.limit * 3)}),
      page AS (
        SELECT c.id, (ts_rank_cd(d.tsv, ${q}, 1) + c.name_hits + similarity(d.name_folded, ${s.folded}))::float8 AS score
        FROM candidates c JOIN directory_entries d ON d.id = c.id
        ORDER BY score DESC, c.id LIMIT ${s.limit}
      ),
      described AS (
        SELECT d.*, page.score,
          CASE WHEN d.descriptions ? ${pref} THEN ${pref} WHEN d.descriptions ? 'en' THEN 'en'
            ELSE (SELECT min(k) FROM jsonb_object_keys(d.descriptions) AS k) END AS dlang
        FROM page JOIN directory_entries d ON d.id = page.id
      )
      SELECT id, kind, country_code, name, local_name, phones, city, nrm_stages, score, dlang,
        CASE WHEN dlang IS NULL OR coalesce(descriptions ->> dlang, '') = '' THEN ts_headline('simple', name, ${q}, ${HEADLINE_OPTIONS})
          ELSE ts_headline(${configOf(sql`dlang`)}, descriptions ->> dlang, ${q}, ${HEADLINE_OPTIONS}) END AS headline
      FROM described ORDER BY score DESC, id`,
  );
  return rows.map((r) => {
    const hasDescription = r.dlang !== null && r.dlang !== undefined;
    return {
      id: String(r.id),
      kind: String(r.kind),
      countryCode: String(r.country_code),
      name: String(r.name),
      localName: (r.local_name as string | null) ?? null,
      phones: (r.phones as DirectoryHitRow['phones']) ?? [],
      city: (r.city as string | null) ?? null,
      nrmStages: (r.nrm_stages as string[]) ?? [],
      score: Number(r.score),
      snippetLang: hasDescription ? (r.dlang as KbLanguage) : null,
      headline: String(r.headline ?? ''),
    };
  });
}
