/**
 * Shared pieces of the article services: loading with scope checks, the editor's view of an article, and
 * saving a translation as a new immutable revision (used by the editor, the importer and the seed).
 */
import type { ArticleView, TranslationInput, TranslationView } from '../api/knowledge.schemas';
import type { ArticleRow, TranslationRow } from '../db/repos/article.repo';
import * as articleRepo from '../db/repos/article.repo';
import * as revisionRepo from '../db/repos/article-revision.repo';
import type { Db } from '../db/database';
import { isIndependentReviewer, listActions, nextStatus } from '../domain/knowledge/article-workflow';
import { canEditKnowledge, canReviewKnowledge, type KnowledgeRecord } from '../domain/knowledge/knowledge-access';
import type { ArticleType, Audience, KbLanguage, TranslationStatus } from '../domain/knowledge/knowledge-fields';
import { KB_LANGUAGES } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';
import { renderMarkdown } from '../lib/markdown';
import type { Actor } from './context';

/** The scope record of an article. */
export function recordOf(article: Pick<ArticleRow, 'organisationId' | 'countryCode'>): KnowledgeRecord {
  return { organisationId: article.organisationId, countryCode: article.countryCode };
}

/** May the actor edit the article? (system actors may.) */
export function mayEdit(actor: Actor, article: Pick<ArticleRow, 'organisationId' | 'countryCode'>): boolean {
  return actor.principal === null || canEditKnowledge(actor.principal, recordOf(article));
}

/** May the actor review (publish, reject, archive, restore) the article? (system actors may.) */
export function mayReview(actor: Actor, article: Pick<ArticleRow, 'organisationId' | 'countryCode'>): boolean {
  return actor.principal === null || canReviewKnowledge(actor.principal, recordOf(article));
}

/** Throw OUT_OF_SCOPE unless the actor may edit the article. */
export function assertMayEdit(actor: Actor, article: Pick<ArticleRow, 'organisationId' | 'countryCode'>): void {
  if (!mayEdit(actor, article)) throw new AppError('OUT_OF_SCOPE', 'This article belongs to another country or organisation.');
}

/** Load an article the actor may edit; ARTICLE_NOT_FOUND or OUT_OF_SCOPE otherwise. */
export async function loadEditableArticle(db: Db, actor: Actor, id: string): Promise<ArticleRow> {
  const article = await articleRepo.findArticleById(db, id);
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'That article does not exist.');
  assertMayEdit(actor, article);
  return article;
}

/** Load a translation of a loaded article; TRANSLATION_NOT_FOUND otherwise. */
export async function loadTranslation(db: Db, articleId: string, lang: KbLanguage): Promise<TranslationRow> {
  const t = await articleRepo.findTranslation(db, articleId, lang);
  if (!t) throw new AppError('TRANSLATION_NOT_FOUND', 'The article has no translation in that language.');
  return t;
}

/** Workflow actions the actor may take on a translation now. */
export function listAllowedActions(actor: Actor, article: ArticleRow, t: Pick<TranslationRow, 'status'>, authorsSincePublished: readonly string[]): TranslationView['actions'] {
  const edit = mayEdit(actor, article);
  const review = mayReview(actor, article);
  const independent = actor.principal === null || isIndependentReviewer(actor.principal.userId, authorsSincePublished);
  return listActions(t.status as TranslationStatus).filter((a) => {
    if (a === 'submit' || a === 'withdraw') return edit;
    if (a === 'publish') return review && independent;
    return review;
  }) as TranslationView['actions'];
}

function presentTranslation(actor: Actor, article: ArticleRow, t: TranslationRow, bodyHtml: string, authors: readonly string[]): TranslationView {
  return {
    lang: t.lang as KbLanguage,
    status: t.status as TranslationStatus,
    title: t.title,
    summary: t.summary,
    bodyMd: t.bodyMd,
    bodyHtml,
    revision: t.revision,
    publishedRevision: t.publishedRevision,
    hasUnpublishedChanges: t.publishedRevision !== t.revision,
    reviewComment: t.reviewComment,
    submittedBy: t.submittedBy,
    submittedAt: t.submittedAt?.toISOString() ?? null,
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
    actions: listAllowedActions(actor, article, t, authors),
  };
}

/** The editor's view of an article: metadata, every translation (working copy) and what the actor may do. */
export async function buildArticleView(db: Db, actor: Actor, article: ArticleRow): Promise<ArticleView> {
  const translations = await articleRepo.listTranslations(db, [article.id]);
  const revisions = await revisionRepo.listRevisionsOf(db, translations.map((t) => ({ articleId: t.articleId, lang: t.lang, revision: t.revision })));
  const html = new Map(revisions.map((r) => [r.lang, r.bodyHtml]));
  const authors = await revisionRepo.listAuthorsSincePublished(db, [article.id]);
  const order = (l: string) => KB_LANGUAGES.indexOf(l as KbLanguage);
  return {
    id: article.id,
    slug: article.slug,
    type: article.type as ArticleType,
    audience: article.audience as Audience,
    countryCode: article.countryCode,
    organisationId: article.organisationId,
    tags: article.tags,
    taxonomyCodes: article.taxonomyCodes,
    legalInstrumentId: article.legalInstrumentId,
    reviewDueOn: article.reviewDueOn,
    needsReview: article.needsReview,
    reviewNote: article.reviewNote,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    version: article.version,
    canEdit: mayEdit(actor, article),
    canReview: mayReview(actor, article),
    translations: translations
      .sort((a, b) => order(a.lang) - order(b.lang))
      .map((t) => presentTranslation(actor, article, t, html.get(t.lang) ?? renderMarkdown(t.bodyMd), authors.get(`${t.articleId}:${t.lang}`) ?? [])),
  };
}

/** What saving a translation did. */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Save a translation's working copy as a new revision (never changing earlier ones). A new translation
 * starts as a draft at revision 1; editing one in any state makes it a draft again while its published
 * revision stays live. Identical content saves nothing. `expectedVersion` undefined skips the version check
 * (imports); a mismatch is ARTICLE_VERSION_CONFLICT.
 */
export async function writeTranslation(
  tx: Db,
  actor: Actor,
  article: ArticleRow,
  lang: KbLanguage,
  input: Pick<TranslationInput, 'title' | 'summary' | 'bodyMd' | 'note'>,
  expectedVersion: number | undefined,
): Promise<{ translation: TranslationRow; outcome: SaveOutcome }> {
  const userId = actor.principal?.userId ?? null;
  const existing = await articleRepo.findTranslation(tx, article.id, lang);
  const content = { title: input.title, summary: input.summary ?? '', bodyMd: input.bodyMd ?? '' };
  if (!existing) {
    const [translation] = await articleRepo.insertTranslations(tx, [{ articleId: article.id, lang, status: 'draft', ...content, revision: 1, updatedBy: userId }]);
    await revisionRepo.insertRevisions(tx, [{ articleId: article.id, lang, revision: 1, ...content, bodyHtml: renderMarkdown(content.bodyMd), authorId: userId, note: input.note ?? null }]);
    return { translation: translation!, outcome: 'created' };
  }
  if (expectedVersion !== undefined && existing.version !== expectedVersion) throw conflict();
  if (existing.title === content.title && existing.summary === content.summary && existing.bodyMd === content.bodyMd) return { translation: existing, outcome: 'unchanged' };
  const revision = existing.revision + 1;
  // The version-checked update first: a concurrent save waits for it and then finds a new version.
  const updated = await articleRepo.updateTranslation(tx, article.id, lang, existing.version, {
    ...content,
    revision,
    status: nextStatus(existing.status as TranslationStatus, 'edit') ?? 'draft',
    submittedBy: null,
    submittedAt: null,
    updatedBy: userId,
  });
  if (!updated) throw conflict();
  await revisionRepo.insertRevisions(tx, [{ articleId: article.id, lang, revision, ...content, bodyHtml: renderMarkdown(content.bodyMd), authorId: userId, note: input.note ?? null }]);
  return { translation: updated, outcome: 'updated' };
}

/** The version-conflict error of articles and translations. */
export function conflict(): AppError {
  return new AppError('ARTICLE_VERSION_CONFLICT', 'Someone else changed this in the meantime: reload and try again.');
}
