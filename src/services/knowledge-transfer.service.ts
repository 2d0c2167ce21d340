/**
 * Import and export of articles for translators: a JSON bundle ('victor-kb/1') of articles with their
 * translations, or one translation as Markdown with a YAML front matter. Imports only ever create articles
 * and save draft revisions (never publish); each article is saved in its own transaction, so one bad item
 * is reported as `failed` without half-saving it or stopping the others. Imports and exports are audited.
 */
import type { z } from 'zod';
import { bundleSchema, type KbBundle, type exportQuerySchema, type importInputSchema, type importResultSchema } from '../api/knowledge.schemas';
import * as articleRepo from '../db/repos/article.repo';
import type { ArticleRow } from '../db/repos/article.repo';
import * as revisionRepo from '../db/repos/article-revision.repo';
import { buildScopeFilter } from '../domain/access/scope';
import { formatMarkdownDocument } from '../domain/knowledge/article-front-matter';
import type { ArticleType, Audience, KbLanguage } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { assertMayEdit, loadEditableArticle, loadTranslation, writeTranslation } from './knowledge-article-common';
import { insertArticleWithTranslation } from './knowledge-article.service';
import { parseMarkdownImport, type ImportItem } from './knowledge-import-parse';

type ExportQuery = z.infer<typeof exportQuerySchema>;
type ImportInput = z.infer<typeof importInputSchema>;
type ImportResult = z.infer<typeof importResultSchema>;
type ImportRow = ImportResult['results'][number];

const EXPORT_LIMIT = 2000;

/** One exported translation with its article. */
interface ExportedTranslation {
  article: ArticleRow;
  lang: KbLanguage;
  revision: number;
  title: string;
  summary: string;
  bodyMd: string;
}

/** The translations an export covers: articles in the actor's editing scope, filtered, at the chosen source. */
async function collectExport(ctx: ServiceContext, actor: Actor, query: ExportQuery): Promise<ExportedTranslation[]> {
  const db = ctx.database.db;
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'knowledge.write') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const { items } = await articleRepo.listArticles(db, { type: query.type, country: query.country, limit: EXPORT_LIMIT, offset: 0 }, articleRepo.buildArticleScopeCondition(scope, true));
  const byId = new Map(items.map((a) => [a.id, a]));
  const translations = (await articleRepo.listTranslations(db, items.map((a) => a.id))).filter((t) => !query.langs?.length || query.langs.includes(t.lang as KbLanguage));
  const keys = translations.flatMap((t) => {
    const revision = query.source === 'published' ? t.publishedRevision : t.revision;
    return revision === null ? [] : [{ articleId: t.articleId, lang: t.lang, revision }];
  });
  const revisions = await revisionRepo.listRevisionsOf(db, keys);
  return revisions
    .map((r) => ({ article: byId.get(r.articleId)!, lang: r.lang as KbLanguage, revision: r.revision, title: r.title, summary: r.summary, bodyMd: r.bodyMd }))
    .sort((a, b) => a.article.slug.localeCompare(b.article.slug) || a.lang.localeCompare(b.lang));
}

async function auditExport(ctx: ServiceContext, actor: Actor, details: Record<string, unknown>): Promise<void> {
  await inTransaction(ctx, async (tx) => recordAudit(tx, actor, { action: 'knowledge.exported', entityType: 'kb_article', entityId: null, details }));
}

/** Export a JSON bundle of articles (published revisions by default, or working copies). */
export async function exportBundle(ctx: ServiceContext, actor: Actor, query: ExportQuery): Promise<KbBundle> {
  requirePermission(actor, 'knowledge.write');
  const rows = await collectExport(ctx, actor, query);
  const articles: KbBundle['articles'] = [];
  for (const r of rows) {
    let item = articles.at(-1);
    if (item?.slug !== r.article.slug) {
      item = { slug: r.article.slug, type: r.article.type as ArticleType, audience: r.article.audience as Audience, countryCode: r.article.countryCode, tags: r.article.tags, taxonomyCodes: r.article.taxonomyCodes, translations: [] };
      articles.push(item);
    }
    item.translations.push({ lang: r.lang, title: r.title, summary: r.summary, bodyMd: r.bodyMd });
  }
  await auditExport(ctx, actor, { format: 'json', source: query.source, articles: articles.length, translations: rows.length, langs: query.langs ?? null, country: query.country ?? null, type: query.type ?? null });
  return { format: 'victor-kb/1', exportedAt: new Date().toISOString(), articles };
}

/** One translation as a Markdown document with its YAML front matter. */
export function formatTranslationMarkdown(r: ExportedTranslation): string {
  return formatMarkdownDocument(
    {
      slug: r.article.slug,
      lang: r.lang,
      title: r.title,
      summary: r.summary,
      type: r.article.type,
      audience: r.article.audience,
      country: r.article.countryCode ?? 'regional',
      tags: r.article.tags,
      taxonomyCodes: r.article.taxonomyCodes,
      revision: r.revision,
    },
    r.bodyMd,
  );
}

/** Export translations as Markdown files (`<slug>.<lang>.md`), e.g. for the CLI. */
export async function exportMarkdownFiles(ctx: ServiceContext, actor: Actor, query: ExportQuery): Promise<{ filename: string; text: string }[]> {
  requirePermission(actor, 'knowledge.write');
  const rows = await collectExport(ctx, actor, query);
  await auditExport(ctx, actor, { format: 'markdown', source: query.source, translations: rows.length, langs: query.langs ?? null, country: query.country ?? null, type: query.type ?? null });
  return rows.map((r) => ({ filename: `${r.article.slug}.${r.lang}.md`, text: formatTranslationMarkdown(r) }));
}

/** Export the working copy of one translation as Markdown. */
export async function exportTranslationMarkdown(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage): Promise<{ filename: string; text: string }> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  const article = await loadEditableArticle(db, actor, id);
  const t = await loadTranslation(db, id, lang);
  const text = formatTranslationMarkdown({ article, lang, revision: t.revision, title: t.title, summary: t.summary, bodyMd: t.bodyMd });
  await inTransaction(ctx, async (tx) =>
    recordAudit(tx, actor, { action: 'knowledge.exported', entityType: 'kb_article', entityId: id, organisationId: article.organisationId, countryCode: article.countryCode, details: { format: 'markdown', lang, revision: t.revision } }),
  );
  return { filename: `${article.slug}.${lang}.md`, text };
}

/** The items of an import: the bundle's articles, or the one translation of a Markdown document. */
function listImportItems(input: ImportInput): ImportItem[] {
  if (input.format === 'markdown') return [parseMarkdownImport(input.text)];
  const seen = new Set<string>();
  for (const a of input.bundle.articles) {
    if (seen.has(a.slug)) throw new AppError('IMPORT_INVALID', `The bundle has the article "${a.slug}" twice.`);
    seen.add(a.slug);
    const langs = a.translations.map((t) => t.lang);
    if (new Set(langs).size !== langs.length) throw new AppError('IMPORT_INVALID', `The article "${a.slug}" has two translations in the same language.`);
  }
  return input.bundle.articles.map((a) => ({ slug: a.slug, meta: { type: a.type, audience: a.audience, countryCode: a.countryCode, tags: a.tags, taxonomyCodes: a.taxonomyCodes }, translations: a.translations }));
}

/** Save one item (an article and its translations) in one transaction; outcomes per translation. */
async function importItem(ctx: ServiceContext, actor: Actor, item: ImportItem, organisationId: string | undefined): Promise<ImportRow[]> {
  return inTransaction(ctx, async (tx) => {
    let article = await articleRepo.findArticleBySlug(tx, item.slug);
    const rows: ImportRow[] = [];
    let rest = item.translations;
    if (!article) {
      if (!item.meta) throw new AppError('IMPORT_INVALID', 'A new article needs its type, audience and country in the front matter.');
      const [first, ...others] = item.translations;
      article = await insertArticleWithTranslation(tx, actor, { slug: item.slug, organisationId, ...item.meta, legalInstrumentId: null, reviewDueOn: null, needsReview: false, reviewNote: null, lang: first!.lang, translation: { ...first!, note: 'imported' } });
      rows.push({ slug: item.slug, lang: first!.lang, outcome: 'created', message: null });
      rest = others;
    } else {
      assertMayEdit(actor, article);
    }
    for (const t of rest) {
      const { translation, outcome } = await writeTranslation(tx, actor, article, t.lang, { ...t, note: 'imported' }, undefined);
      if (outcome !== 'unchanged') {
        await recordAudit(tx, actor, { action: 'knowledge.translation.saved', entityType: 'kb_article', entityId: article.id, organisationId: article.organisationId, countryCode: article.countryCode, details: { lang: t.lang, revision: translation.revision, source: 'import' } });
      }
      rows.push({ slug: item.slug, lang: t.lang, outcome, message: null });
    }
    if (rows.some((r) => r.outcome !== 'unchanged')) await articleRepo.touchArticle(tx, article.id);
    return rows;
  });
}

/** Options of an import: the owner of new articles (default: the importer's organisation) and a progress callback. */
export interface ImportOptions {
  organisationId?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Import a JSON bundle or a Markdown translation as draft revisions. A malformed input is IMPORT_INVALID
 * (nothing saved); an item that cannot be saved (scope, slug, references) is `failed` with the reason.
 */
export async function importArticles(ctx: ServiceContext, actor: Actor, input: ImportInput, opts: ImportOptions = {}): Promise<ImportResult> {
  requirePermission(actor, 'knowledge.write');
  const items = listImportItems(input);
  const results: ImportRow[] = [];
  for (const [i, item] of items.entries()) {
    try {
      results.push(...(await importItem(ctx, actor, item, opts.organisationId)));
    } catch (err) {
      if (!(err instanceof AppError)) ctx.logger.error({ err: { message: (err as Error).message }, slug: item.slug }, 'knowledge import item failed');
      const message = err instanceof AppError ? err.message : 'This article could not be saved.';
      results.push(...item.translations.map((t) => ({ slug: item.slug, lang: t.lang, outcome: 'failed' as const, message })));
    }
    opts.onProgress?.(i + 1, items.length);
  }
  const count = (o: ImportRow['outcome']) => results.filter((r) => r.outcome === o).length;
  await inTransaction(ctx, async (tx) =>
    recordAudit(tx, actor, { action: 'knowledge.imported', entityType: 'kb_article', entityId: null, details: { format: input.format, articles: items.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), failed: count('failed') } }),
  );
  return { results };
}

/** Parse a JSON bundle read from a file (CLI); IMPORT_INVALID when it is not one. */
export function parseBundleText(text: string): KbBundle {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('IMPORT_INVALID', 'The file is not valid JSON.');
  }
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) throw new AppError('IMPORT_INVALID', 'The file is not a Victor knowledge bundle (victor-kb/1).', { issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return parsed.data;
}
