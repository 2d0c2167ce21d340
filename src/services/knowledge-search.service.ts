/**
 * Multilingual search across published articles and the directory, and the articles the operator console
 * suggests for the categories being logged. Staff search with the audiences they may read; the public pages
 * search with a null principal (public articles only: kb_published holds published content only).
 */
import type { z } from 'zod';
import type { ArticleHit, DirectoryHit, SearchQuery, SearchResult, suggestionQuerySchema } from '../api/knowledge.schemas';
import * as directorySearchRepo from '../db/repos/knowledge-search-directory.repo';
import * as searchRepo from '../db/repos/knowledge-search.repo';
import * as suggestionRepo from '../db/repos/knowledge-suggestion.repo';
import type { Principal } from '../domain/access/scope';
import { AppError } from '../domain/errors';
import { listReadableAudiences } from '../domain/knowledge/knowledge-access';
import { FALLBACK_LANGUAGE, type ArticleType, type Audience, type DirectoryKind, type KbLanguage, type NrmStage } from '../domain/knowledge/knowledge-fields';
import { hasHit, splitHighlight, type Segment } from '../domain/knowledge/search-highlight';
import { SEARCH_CONFIG, SEARCH_CONFIGS, foldAccents, parseQuery } from '../domain/knowledge/search-text';
import type { Actor, ServiceContext } from './context';
import { inTransaction, requirePermission } from './context';
import { loadCurrentTaxonomy } from './helpline-cache.service';

type SuggestionQuery = z.output<typeof suggestionQuerySchema>;

/** The audiences a search may return: what the reader may read, narrowed to the one asked for. */
function audiencesFor(principal: Principal | null, asked: Audience | undefined): Audience[] {
  const readable = listReadableAudiences(principal);
  return asked ? readable.filter((a) => a === asked) : readable;
}

/** The snippet of an article: the body's fragments when they mark a hit, else the summary's, else the body's start. */
function articleSnippet(row: searchRepo.ArticleHitRow, spellings: string[]): Segment[] {
  const body = splitHighlight(row.bodyHeadline, spellings, row.lang);
  if (hasHit(body)) return body;
  const summary = splitHighlight(row.summaryHeadline, spellings, row.lang);
  if (hasHit(summary) || body.length === 0) return summary;
  return body;
}

function toArticleHit(row: searchRepo.ArticleHitRow, spellings: string[], preferred: KbLanguage | null): ArticleHit {
  return {
    articleId: row.articleId,
    slug: row.slug,
    lang: row.lang,
    type: row.type as ArticleType,
    audience: row.audience as Audience,
    countryCode: row.countryCode,
    title: row.title,
    summary: row.summary,
    snippet: articleSnippet(row, spellings),
    matchedCodes: [],
    fallback: preferred !== null && row.lang !== preferred,
    score: row.score,
  };
}

function toDirectoryHit(row: directorySearchRepo.DirectoryHitRow, spellings: string[]): DirectoryHit {
  return {
    id: row.id,
    kind: row.kind as DirectoryKind,
    countryCode: row.countryCode,
    name: row.name,
    localName: row.localName,
    phones: row.phones,
    city: row.city,
    nrmStages: row.nrmStages as NrmStage[],
    snippet: splitHighlight(row.headline, spellings, row.snippetLang ?? 'sr'),
    score: row.score,
  };
}

/**
 * The spellings worth searching: a Russian, Ukrainian or Bulgarian word's "Serbian Latin" variant keeps
 * letters Serbian does not have (ю, ь, ы…) and mixes scripts; no text is written so, drop it.
 */
function listUsefulSpellings(variants: readonly string[]): string[] {
  const kept = variants.filter((v) => !(/\p{Script=Latin}/u.test(v) && /\p{Script=Cyrillic}/u.test(v)));
  return kept.length ? kept : [...variants];
}

/**
 * Search published articles and the directory for a reader (`null`: the public). Words are folded and
 * transliterated, misspelt words (absent from the lexicon) are also searched as their nearest lexicon
 * words and reported in `corrections`, each article appears once (its best translation, the asked language
 * first), snippets are plain-text segments.
 */
export async function searchKnowledge(ctx: ServiceContext, principal: Principal | null, query: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(query.q);
  const empty: SearchResult = { query: query.q, corrections: [], articles: [], directory: [] };
  const audiences = audiencesFor(principal, query.audience);
  if (!parsed.words.length || !audiences.length) return empty;
  return inTransaction(ctx, async (tx) => {
    await searchRepo.preferIndexScans(tx);
    const variants = parsed.variants.map(listUsefulSpellings);
    const fixes = await searchRepo.findCorrections(tx, variants);
    const spellings = variants.map((v, i) => [...new Set([...v, ...(fixes.get(i) ?? [])])]);
    const corrections = [...fixes].sort(([a], [b]) => a - b).map(([i, replacements]) => ({ word: parsed.words[i]!, replacements }));
    const langs = query.langs?.length ? [...new Set(query.langs)] : null;
    const configs = langs ? [...new Set(langs.map((l) => SEARCH_CONFIG[l]))] : SEARCH_CONFIGS;
    const tsquery = await searchRepo.buildTsQuery(tx, spellings, configs, new Set([...fixes.values()].flat()));
    if (!tsquery) return { ...empty, corrections };
    const folded = foldAccents(query.q);
    const preferred = query.lang ?? null;
    const flat = [...new Set(spellings.flat())];
    const articles = query.include !== 'directory'
      ? await searchRepo.searchArticles(tx, { tsquery, folded, spellings, typedSpellings: variants, audiences, langs, preferredLang: preferred, type: query.type ?? null, countryCode: query.country ?? null, limit: query.limit })
      : [];
    // Directory entries have no article type: a type filter asks for articles only.
    const directory = query.include !== 'articles' && !query.type
      ? await directorySearchRepo.searchDirectory(tx, { tsquery, folded, spellings, audiences, preferredLang: preferred, countryCode: query.country ?? null, limit: query.limit })
      : [];
    return {
      query: query.q,
      corrections,
      articles: articles.map((r) => toArticleHit(r, flat, preferred)),
      directory: directory.map((r) => toDirectoryHit(r, flat)),
    };
  });
}

/** Staff search (`GET /api/knowledge/search`): the audiences the actor may read. */
export async function searchForStaff(ctx: ServiceContext, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  requirePermission(actor, 'knowledge.read');
  return searchKnowledge(ctx, actor.principal, query);
}

/** Every ancestor of a dotted code ("A.B.C" -> ["A.B", "A"]). */
function listAncestors(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, parts.length - 1 - i).join('.'));
}

/**
 * What each asked code stands for: itself and the regional code it maps to (exact), and their ancestors
 * (by the taxonomy's parents where known, else by the dotted prefix).
 */
async function expandCodes(ctx: ServiceContext, codes: readonly string[]): Promise<Map<string, { exact: Set<string>; all: Set<string> }>> {
  const taxonomy = await loadCurrentTaxonomy(ctx).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'TAXONOMY_VERSION_NOT_FOUND') return null;
    throw err;
  });
  const out = new Map<string, { exact: Set<string>; all: Set<string> }>();
  for (const code of codes) {
    const exact = new Set([code]);
    const mapped = taxonomy?.index.get(code)?.mapsTo;
    if (mapped) exact.add(mapped);
    const all = new Set(exact);
    for (const c of exact) {
      for (const a of listAncestors(c)) all.add(a);
      for (let parent = taxonomy?.index.get(c)?.parentCode; parent && !all.has(parent); parent = taxonomy?.index.get(parent)?.parentCode) all.add(parent);
    }
    out.set(code, { exact, all });
  }
  return out;
}

/**
 * Articles for the categories being logged (`GET /api/knowledge/suggestions`): linked to the codes, their
 * regional equivalents or their ancestors; in the asked language or visibly in English; the country's own
 * articles and regional ones; canned answers included; `matchedCodes` lists the asked codes each answers.
 */
export async function suggestArticles(ctx: ServiceContext, actor: Actor, query: SuggestionQuery): Promise<{ items: ArticleHit[] }> {
  requirePermission(actor, 'knowledge.read');
  const codes = [...new Set(query.codes)];
  if (!codes.length) return { items: [] };
  const expanded = await expandCodes(ctx, codes);
  const all = [...new Set([...expanded.values()].flatMap((e) => [...e.all]))];
  const exact = [...new Set([...expanded.values()].flatMap((e) => [...e.exact]))];
  const rows = await suggestionRepo.findSuggestedArticles(ctx.database.db, {
    codes: all,
    exactCodes: exact,
    audiences: listReadableAudiences(actor.principal),
    langs: [...new Set([query.lang, FALLBACK_LANGUAGE])],
    preferredLang: query.lang,
    countryCode: query.country ?? null,
    limit: query.limit,
  });
  return {
    items: rows.map((r) => {
      const linked = new Set(r.taxonomyCodes);
      return {
        articleId: r.articleId,
        slug: r.slug,
        lang: r.lang,
        type: r.type as ArticleType,
        audience: r.audience as Audience,
        countryCode: r.countryCode,
        title: r.title,
        summary: r.summary,
        snippet: [],
        matchedCodes: codes.filter((c) => [...expanded.get(c)!.all].some((x) => linked.has(x))),
        fallback: r.lang !== query.lang,
        score: r.score,
      };
    }),
  };
}
