import {
  listPublicArticles,
  listPublicCountries,
  listPublicSitemapRows,
  listPublicTranslations,
  type PublicArticleRow,
  type PublicTranslationRow,
} from '../db/repos/public-knowledge.repo';
import { FALLBACK_LANGUAGE, type KbLanguage } from '../domain/knowledge/knowledge-fields';
import type { ServiceContext } from './context';
import { listPublicHelplines, type PublicHelpline } from './directory.service';

/**
 * The public knowledge pages' reads: published public articles and public helplines. No principal: these
 * are what anyone may read, so every query is fixed to the public audience.
 */

/** Most articles listed on a home page. */
const HOME_ARTICLE_LIMIT = 300;
/** A sitemap file holds at most 50,000 addresses. */
const SITEMAP_LIMIT = 50_000;

/** The home page of a language: articles (best language each), helplines and the countries to filter by. */
export async function getPublicHome(
  ctx: ServiceContext,
  lang: KbLanguage,
  countryCode: string | null,
): Promise<{ articles: PublicArticleRow[]; helplines: PublicHelpline[]; countries: string[] }> {
  const db = ctx.database.db;
  const articles = await listPublicArticles(db, { lang, countryCode, limit: HOME_ARTICLE_LIMIT });
  const helplines = await listPublicHelplines(ctx, countryCode ?? undefined);
  const countries = await listPublicCountries(db);
  return { articles, helplines, countries };
}

/** A public article as shown in a language. */
export interface PublicArticle {
  shown: PublicTranslationRow;
  requestedLang: KbLanguage;
  /** True when the requested language has no published translation. */
  fallback: boolean;
  /** Languages with a published translation. */
  availableLangs: KbLanguage[];
}

/**
 * A published public article in the requested language, or (fallback) in English, or in any language it
 * has. Null when there is no published public translation with that slug.
 */
export async function getPublicArticle(ctx: ServiceContext, slug: string, lang: KbLanguage): Promise<PublicArticle | null> {
  const translations = await listPublicTranslations(ctx.database.db, slug);
  const shown = translations.find((t) => t.lang === lang) ?? translations.find((t) => t.lang === FALLBACK_LANGUAGE) ?? translations[0];
  if (!shown) return null;
  return { shown, requestedLang: lang, fallback: shown.lang !== lang, availableLangs: translations.map((t) => t.lang) };
}

/** Countries that have public articles or helplines. */
export async function listPublicCountryCodes(ctx: ServiceContext): Promise<string[]> {
  return listPublicCountries(ctx.database.db);
}

/** The sitemap's articles: each slug with its published languages and latest publication. */
export async function listSitemapArticles(ctx: ServiceContext): Promise<{ slug: string; langs: KbLanguage[]; lastModified: Date }[]> {
  const rows = await listPublicSitemapRows(ctx.database.db, SITEMAP_LIMIT);
  const bySlug = new Map<string, { slug: string; langs: KbLanguage[]; lastModified: Date }>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { slug: row.slug, langs: [], lastModified: row.publishedAt };
    entry.langs.push(row.lang);
    if (row.publishedAt > entry.lastModified) entry.lastModified = row.publishedAt;
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()];
}
