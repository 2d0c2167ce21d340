import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { KB_LANGUAGES } from '../../domain/knowledge/knowledge-fields';
import { SEARCH_CONFIG, foldAccents, foldForLanguage, listLexiconWords } from '../../domain/knowledge/search-text';
import type { Db } from '../database';
import { kbPublished } from '../schema';

/**
 * The search index of the knowledge base: the published revision of each translation (kb_published, with
 * its tsvector), the directory's search columns, and the lexicon of folded words used for typo tolerance.
 * Every writer of published content or directory entries goes through here, so indexing is done one way.
 */

/** What is published for one translation. */
export interface PublishedTranslation {
  articleId: string;
  lang: KbLanguage;
  revision: number;
  slug: string;
  type: string;
  audience: string;
  countryCode: string | null;
  tags: string[];
  taxonomyCodes: string[];
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  publishedBy: string | null;
  publishedAt: Date;
}

/** A weighted tsvector of a text in a language: stemmed words and accent-folded words. */
function weightedVector(text: string, lang: KbLanguage, weight: 'A' | 'B' | 'C' | 'D'): SQL {
  const cfg = SEARCH_CONFIG[lang];
  return sql`setweight(to_tsvector(${cfg}::regconfig, ${text}) || to_tsvector('simple', ${foldForLanguage(text, lang)}), ${weight})`;
}

/** The tsvector of a published translation (title A, summary and tags B, body C). */
export function buildArticleVector(t: Pick<PublishedTranslation, 'lang' | 'title' | 'summary' | 'tags' | 'bodyText'>): SQL {
  return sql`(${weightedVector(t.title, t.lang, 'A')} || ${weightedVector(`${t.summary} ${t.tags.join(' ')}`, t.lang, 'B')} || ${weightedVector(t.bodyText, t.lang, 'C')})`;
}

/** Insert or replace the published revision of a translation, and add its words to the lexicon. */
export async function upsertPublishedTranslation(db: Db, t: PublishedTranslation): Promise<void> {
  const content = {
    revision: t.revision,
    slug: t.slug,
    type: t.type,
    audience: t.audience,
    countryCode: t.countryCode,
    tags: t.tags,
    taxonomyCodes: t.taxonomyCodes,
    title: t.title,
    summary: t.summary,
    bodyHtml: t.bodyHtml,
    bodyText: t.bodyText,
    tsv: buildArticleVector(t),
    titleFolded: foldForLanguage(t.title, t.lang),
    publishedBy: t.publishedBy,
    publishedAt: t.publishedAt,
  };
  await db
    .insert(kbPublished)
    .values({ articleId: t.articleId, lang: t.lang, ...content })
    .onConflictDoUpdate({ target: [kbPublished.articleId, kbPublished.lang], set: content });
  await addLexiconWords(db, listLexiconWords(`${t.title} ${t.summary} ${t.tags.join(' ')} ${t.bodyText}`, t.lang));
}

/** Copy an article's metadata (slug, type, audience, country, tags, codes) to its published translations. */
export async function refreshPublishedMetadata(
  db: Db,
  articleId: string,
  meta: { slug: string; type: string; audience: string; countryCode: string | null; tags: string[]; taxonomyCodes: string[] },
): Promise<void> {
  await db
    .update(kbPublished)
    .set({ slug: meta.slug, type: meta.type, audience: meta.audience, countryCode: meta.countryCode, tags: meta.tags, taxonomyCodes: meta.taxonomyCodes })
    .where(eq(kbPublished.articleId, articleId));
}

/** Take a translation off the public pages and out of search (archived). */
export async function removePublishedTranslation(db: Db, articleId: string, lang: KbLanguage): Promise<void> {
  await db.delete(kbPublished).where(and(eq(kbPublished.articleId, articleId), eq(kbPublished.lang, lang)));
}

/** Add folded words to the lexicon (existing words are kept; words are never removed, stale ones only cost a miss). */
export async function addLexiconWords(db: Db, words: readonly string[]): Promise<void> {
  const unique = [...new Set(words)];
  for (let i = 0; i < unique.length; i += 2000) {
    const chunk = unique.slice(i, i + 2000);
    // One array-literal parameter: drizzle would spread a JS array into a row ("($1, $2)::text[]" fails).
    const literal = `{${chunk.map((w) => `"${w.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
    await db.execute(sql`INSERT INTO kb_lexicon (word) SELECT unnest(${literal}::text[]) ON CONFLICT DO NOTHING`);
  }
}

/** The searchable text of a directory entry. */
export interface DirectorySearchSource {
  kind: string;
  name: string;
  localName: string | null;
  operator: string | null;
  city: string | null;
  descriptions: Partial<Record<string, string>>;
  phones: { number: string; label?: string }[];
}

/**
 * The search columns of a directory entry: `tsv` (names, operator and phone numbers A; descriptions in
 * their languages B; city and kind C) and `nameFolded` for trigram similarity. Use in INSERT/UPDATE values.
 */
export function buildDirectorySearchColumns(e: DirectorySearchSource): { tsv: SQL; nameFolded: string; words: string[] } {
  const names = [e.name, e.localName ?? '', e.operator ?? ''].join(' ');
  const numbers = e.phones.map((p) => `${p.number.replace(/[^0-9+]/g, '')} ${p.label ?? ''}`).join(' ');
  const head = `${names} ${numbers}`;
  const parts: SQL[] = [sql`setweight(to_tsvector('simple', ${foldForLanguage(head, 'sr')}), 'A')`];
  let words = listLexiconWords(names, 'sr');
  for (const lang of KB_LANGUAGES) {
    const text = e.descriptions[lang];
    if (!text) continue;
    parts.push(weightedVector(text, lang, 'B'));
    words = words.concat(listLexiconWords(text, lang));
  }
  const tail = `${e.city ?? ''} ${e.kind.replaceAll('_', ' ')}`;
  parts.push(sql`setweight(to_tsvector('english', ${tail}) || to_tsvector('simple', ${foldAccents(tail)}), 'C')`);
  return { tsv: sql`(${sql.join(parts, sql` || `)})`, nameFolded: foldForLanguage(`${e.name} ${e.localName ?? ''}`.trim(), 'sr'), words: [...new Set(words)] };
}
