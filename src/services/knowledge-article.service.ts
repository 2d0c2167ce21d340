/**
 * Knowledge-base articles for editors: create an article with its first translation, change its metadata,
 * save translations (each save is a new immutable revision), the editor's view and list, and a Markdown
 * preview. Workflow actions are in knowledge-workflow.service.ts, history in knowledge-history.service.ts.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ArticleCreateInput, ArticleRead, ArticleUpdateInput, ArticleView, BrowseItem, TranslationInput, articleListQuerySchema, articleListSchema, browseQuerySchema } from '../api/knowledge.schemas';
import * as articleRepo from '../db/repos/article.repo';
import { refreshPublishedMetadata } from '../db/repos/knowledge-index.repo';
import { findCountry, findOrganisation } from '../db/repos/organisation.repo';
import { listPublishedArticles } from '../db/repos/public-knowledge.repo';
import type { Db } from '../db/database';
import { buildScopeFilter, hasPermission, type Principal } from '../domain/access/scope';
import { listReadableAudiences } from '../domain/knowledge/knowledge-access';
import { deriveSlug } from '../domain/knowledge/article-slug';
import { FALLBACK_LANGUAGE, KB_LANGUAGES, type ArticleType, type Audience, type KbLanguage, type TranslationStatus } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';
import { renderMarkdown } from '../lib/markdown';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { assertMayEdit, buildArticleView, conflict, loadEditableArticle, writeTranslation } from './knowledge-article-common';

type BrowseQuery = z.infer<typeof browseQuerySchema>;

type ArticleListQuery = z.infer<typeof articleListQuerySchema>;
type ArticleList = z.infer<typeof articleListSchema>;

/** The organisation a new article belongs to: the one given, else the author's (preferring the article's country). */
function pickOrganisation(actor: Actor, requested: string | undefined, countryCode: string | null): string {
  if (requested) return requested;
  const grants = (actor.principal?.memberships ?? []).filter((m) => hasPermission({ userId: actor.principal!.userId, memberships: [m] }, 'knowledge.write'));
  const pick = grants.find((m) => m.countryCode === countryCode) ?? grants[0];
  if (!pick) throw new AppError('VALIDATION_FAILED', 'Choose the organisation that owns the article.', { issues: [{ path: 'organisationId', message: 'required' }] });
  return pick.organisationId;
}

/** Check the references of article metadata (country, organisation, legal instrument) exist. */
async function checkReferences(db: Db, refs: { countryCode?: string | null; organisationId?: string; legalInstrumentId?: string | null }): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  if (refs.countryCode && !(await findCountry(db, refs.countryCode))) issues.push({ path: 'countryCode', message: 'unknown country' });
  if (refs.organisationId && !(await findOrganisation(db, refs.organisationId))) issues.push({ path: 'organisationId', message: 'unknown organisation' });
  if (refs.legalInstrumentId && !(await articleRepo.legalInstrumentExists(db, refs.legalInstrumentId))) issues.push({ path: 'legalInstrumentId', message: 'unknown legal instrument' });
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'Some fields are not valid.', { issues });
}

/** Throw ARTICLE_SLUG_TAKEN when another article uses the slug. */
export async function assertSlugFree(db: Db, slug: string, exceptId?: string): Promise<void> {
  if (await articleRepo.isSlugTaken(db, slug, exceptId)) throw new AppError('ARTICLE_SLUG_TAKEN', `Another article already uses the address "${slug}": choose another.`);
}

/**
 * Insert an article and its first translation inside a transaction (no permission check beyond scope).
 * Used by createArticle and the importer.
 */
export async function insertArticleWithTranslation(tx: Db, actor: Actor, input: ArticleCreateInput): Promise<articleRepo.ArticleRow> {
  const organisationId = pickOrganisation(actor, input.organisationId, input.countryCode);
  assertMayEdit(actor, { organisationId, countryCode: input.countryCode });
  await checkReferences(tx, { countryCode: input.countryCode, organisationId, legalInstrumentId: input.legalInstrumentId });
  const slug = input.slug ?? deriveSlug(input.translation.title, input.lang);
  await assertSlugFree(tx, slug);
  const [article] = await articleRepo.insertArticles(tx, [
    {
      id: randomUUID(),
      slug,
      type: input.type,
      audience: input.audience,
      countryCode: input.countryCode,
      organisationId,
      tags: input.tags,
      taxonomyCodes: input.taxonomyCodes,
      legalInstrumentId: input.legalInstrumentId,
      reviewDueOn: input.reviewDueOn,
      needsReview: input.needsReview,
      reviewNote: input.reviewNote,
      createdBy: actor.principal?.userId ?? null,
    },
  ]);
  await writeTranslation(tx, actor, article!, input.lang, input.translation, undefined);
  await recordAudit(tx, actor, { action: 'knowledge.article.created', entityType: 'kb_article', entityId: article!.id, organisationId, countryCode: input.countryCode, details: { slug, type: input.type, audience: input.audience, lang: input.lang } });
  await recordAudit(tx, actor, { action: 'knowledge.translation.saved', entityType: 'kb_article', entityId: article!.id, organisationId, countryCode: input.countryCode, details: { lang: input.lang, revision: 1 } });
  return article!;
}

/** Create an article with its first translation (a draft at revision 1). */
export async function createArticle(ctx: ServiceContext, actor: Actor, input: ArticleCreateInput): Promise<ArticleView> {
  requirePermission(actor, 'knowledge.write');
  return inTransaction(ctx, async (tx) => buildArticleView(tx, actor, await insertArticleWithTranslation(tx, actor, input)));
}

/** Change an article's metadata (optimistic `version`); its published translations follow at once. */
export async function updateArticle(ctx: ServiceContext, actor: Actor, id: string, input: ArticleUpdateInput): Promise<ArticleView> {
  requirePermission(actor, 'knowledge.write');
  return inTransaction(ctx, async (tx) => {
    const article = await loadEditableArticle(tx, actor, id);
    if (article.version !== input.version) throw conflict();
    const { version, ...changes } = input;
    const moved = { organisationId: article.organisationId, countryCode: changes.countryCode === undefined ? article.countryCode : changes.countryCode };
    assertMayEdit(actor, moved);
    await checkReferences(tx, { countryCode: changes.countryCode, legalInstrumentId: changes.legalInstrumentId });
    if (changes.slug && changes.slug !== article.slug) await assertSlugFree(tx, changes.slug, article.id);
    const updated = await articleRepo.updateArticle(tx, id, version, changes);
    if (!updated) throw conflict();
    await refreshPublishedMetadata(tx, id, updated);
    await recordAudit(tx, actor, { action: 'knowledge.article.updated', entityType: 'kb_article', entityId: id, organisationId: updated.organisationId, countryCode: updated.countryCode, details: { fields: Object.keys(changes).sort() } });
    return buildArticleView(tx, actor, updated);
  });
}

/**
 * Save a translation: a new revision (the first one creates the translation). `version` is required once
 * the translation exists (ARTICLE_VERSION_CONFLICT when stale). A published translation stays live at its
 * published revision until the new one is published.
 */
export async function saveTranslation(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage, input: TranslationInput): Promise<ArticleView> {
  requirePermission(actor, 'knowledge.write');
  return inTransaction(ctx, async (tx) => {
    const article = await loadEditableArticle(tx, actor, id);
    const existing = await articleRepo.findTranslation(tx, id, lang);
    if (existing && input.version === undefined) throw conflict();
    const { translation, outcome } = await writeTranslation(tx, actor, article, lang, input, input.version);
    if (outcome !== 'unchanged') {
      await articleRepo.touchArticle(tx, id);
      await recordAudit(tx, actor, { action: 'knowledge.translation.saved', entityType: 'kb_article', entityId: id, organisationId: article.organisationId, countryCode: article.countryCode, details: { lang, revision: translation.revision } });
    }
    return buildArticleView(tx, actor, (await articleRepo.findArticleById(tx, id))!);
  });
}

/** The editor's view of one article. */
export async function getArticle(ctx: ServiceContext, actor: Actor, id: string): Promise<ArticleView> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  return buildArticleView(db, actor, await loadEditableArticle(db, actor, id));
}

/** The editor's list: articles in the actor's editing scope (regional ones for every editor). */
export async function listArticles(ctx: ServiceContext, actor: Actor, query: ArticleListQuery): Promise<ArticleList> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  const scope = actor.principal ? buildScopeFilter(actor.principal, 'knowledge.write') : { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };
  const { items, total } = await articleRepo.listArticles(db, query, articleRepo.buildArticleScopeCondition(scope, true));
  const translations = await articleRepo.listTranslations(db, items.map((a) => a.id));
  return {
    total,
    items: items.map((a) => ({
      id: a.id,
      slug: a.slug,
      type: a.type as ArticleType,
      audience: a.audience as Audience,
      countryCode: a.countryCode,
      tags: a.tags,
      reviewDueOn: a.reviewDueOn,
      needsReview: a.needsReview,
      updatedAt: a.updatedAt.toISOString(),
      translations: translations
        .filter((t) => t.articleId === a.id)
        .map((t) => ({ lang: t.lang as KbLanguage, status: t.status as TranslationStatus, title: t.title, published: t.publishedRevision !== null })),
    })),
  };
}

/** Render Markdown as an article body would be (sanitised), for the editor's preview. */
export function previewMarkdown(actor: Actor, bodyMd: string): { bodyHtml: string } {
  requirePermission(actor, 'knowledge.write');
  return { bodyHtml: renderMarkdown(bodyMd) };
}

/**
 * A published article for a reader, in the requested language or visibly (`fallback: true`) in English
 * (else the first published language). Articles outside the reader's audiences are ARTICLE_NOT_FOUND.
 * A null principal is the public.
 */
export async function readPublishedArticle(ctx: ServiceContext, principal: Principal | null, slug: string, lang: KbLanguage): Promise<ArticleRead> {
  const rows = await articleRepo.listPublishedBySlug(ctx.database.db, slug, listReadableAudiences(principal));
  if (!rows.length) throw new AppError('ARTICLE_NOT_FOUND', 'That article does not exist or is not published.');
  const byLang = new Map(rows.map((r) => [r.lang as KbLanguage, r]));
  const availableLangs = KB_LANGUAGES.filter((l) => byLang.has(l));
  const shown = byLang.get(lang) ?? byLang.get(FALLBACK_LANGUAGE) ?? byLang.get(availableLangs[0]!)!;
  return {
    articleId: shown.articleId,
    slug: shown.slug,
    type: shown.type as ArticleType,
    audience: shown.audience as Audience,
    countryCode: shown.countryCode,
    tags: shown.tags,
    taxonomyCodes: shown.taxonomyCodes,
    lang: shown.lang as KbLanguage,
    requestedLang: lang,
    fallback: shown.lang !== lang,
    title: shown.title,
    summary: shown.summary,
    bodyHtml: shown.bodyHtml,
    revision: shown.revision,
    publishedAt: shown.publishedAt.toISOString(),
    availableLangs,
    needsReview: shown.needsReview,
  };
}

/**
 * The library without a query: published articles the reader may see (their audiences), one per article
 * in the requested language or, visibly, in English.
 */
export async function browsePublishedArticles(ctx: ServiceContext, principal: Principal | null, query: BrowseQuery): Promise<{ items: BrowseItem[] }> {
  const readable = listReadableAudiences(principal);
  const audiences = query.audience ? readable.filter((a) => a === query.audience) : readable;
  if (!audiences.length) return { items: [] };
  const rows = await listPublishedArticles(ctx.database.db, { lang: query.lang, countryCode: query.country ?? null, audiences, type: query.type, limit: query.limit });
  return {
    items: rows.map((r) => ({
      articleId: r.articleId,
      slug: r.slug,
      type: r.type as ArticleType,
      audience: r.audience as Audience,
      countryCode: r.countryCode?.trim() ?? null,
      lang: r.lang,
      fallback: r.lang !== query.lang,
      title: r.title,
      summary: r.summary,
      publishedAt: r.publishedAt.toISOString(),
    })),
  };
}
