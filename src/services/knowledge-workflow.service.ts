/**
 * The editorial workflow of a translation: submit, withdraw (editors), reject, publish, archive, restore
 * (reviewers with `knowledge.review` covering the article). Publishing needs a reviewer who wrote none of
 * the revisions since the last published one (four eyes) and copies the revision to kb_published, where
 * search and the public pages read it; archiving takes it out. Every action is audited.
 */
import type { z } from 'zod';
import type { ArticleView, articleActionSchema } from '../api/knowledge.schemas';
import * as articleRepo from '../db/repos/article.repo';
import type { ArticleRow, TranslationRow } from '../db/repos/article.repo';
import * as revisionRepo from '../db/repos/article-revision.repo';
import { removePublishedTranslation, upsertPublishedTranslation, type PublishedTranslation } from '../db/repos/knowledge-index.repo';
import type { Db } from '../db/database';
import { isIndependentReviewer, nextStatus } from '../domain/knowledge/article-workflow';
import type { KbLanguage, TranslationStatus } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';
import { htmlToText } from '../lib/markdown';
import { inTransaction, recordAudit, requirePermission, type Actor, type ServiceContext } from './context';
import { buildArticleView, conflict, loadEditableArticle, loadTranslation, mayReview } from './knowledge-article-common';

type ArticleActionInput = z.infer<typeof articleActionSchema>;
type WorkflowAction = ArticleActionInput['action'];

const REVIEWER_ACTIONS: readonly WorkflowAction[] = ['reject', 'publish', 'archive', 'restore'];
const AUDIT_ACTION: Record<WorkflowAction, string> = {
  submit: 'knowledge.translation.submitted',
  withdraw: 'knowledge.translation.withdrawn',
  reject: 'knowledge.translation.rejected',
  publish: 'knowledge.translation.published',
  archive: 'knowledge.translation.archived',
  restore: 'knowledge.translation.restored',
};

/** The kb_published row of a revision: the article's metadata with the revision's content. */
export function toPublishedTranslation(
  article: Pick<ArticleRow, 'id' | 'slug' | 'type' | 'audience' | 'countryCode' | 'tags' | 'taxonomyCodes'>,
  lang: KbLanguage,
  rev: { revision: number; title: string; summary: string; bodyHtml: string },
  publishedBy: string | null,
  publishedAt: Date,
): PublishedTranslation {
  return {
    articleId: article.id,
    lang,
    revision: rev.revision,
    slug: article.slug,
    type: article.type,
    audience: article.audience,
    countryCode: article.countryCode,
    tags: article.tags,
    taxonomyCodes: article.taxonomyCodes,
    title: rev.title,
    summary: rev.summary,
    bodyHtml: rev.bodyHtml,
    bodyText: htmlToText(rev.bodyHtml),
    publishedBy,
    publishedAt,
  };
}

/** Copy a translation's current revision to kb_published (search and public pages). */
export async function publishRevision(tx: Db, article: ArticleRow, t: TranslationRow, publishedBy: string | null, publishedAt: Date): Promise<void> {
  const [rev] = await revisionRepo.listRevisionsOf(tx, [{ articleId: article.id, lang: t.lang, revision: t.revision }]);
  if (!rev) throw new AppError('REVISION_NOT_FOUND', 'The revision to publish is missing.');
  await upsertPublishedTranslation(tx, toPublishedTranslation(article, t.lang as KbLanguage, rev, publishedBy, publishedAt));
}

/** The changes an action makes to the translation row (after the checks). */
function changesFor(action: WorkflowAction, actor: Actor, t: TranslationRow, status: TranslationStatus, comment: string | null): Partial<TranslationRow> {
  const userId = actor.principal?.userId ?? null;
  switch (action) {
    case 'submit':
      return { status, submittedBy: userId, submittedAt: new Date(), reviewComment: comment };
    case 'withdraw':
      return { status, submittedBy: null, submittedAt: null };
    case 'reject':
      return { status, reviewComment: comment, submittedBy: null, submittedAt: null };
    case 'publish':
      return { status, publishedRevision: t.revision, reviewComment: comment };
    case 'archive':
      return { status, publishedRevision: null, submittedBy: null, submittedAt: null };
    case 'restore':
      return { status };
  }
}

/**
 * Apply a workflow action to a translation (optimistic `version` of the translation). Illegal transitions
 * are WORKFLOW_TRANSITION_NOT_ALLOWED; reviewer actions out of review scope OUT_OF_SCOPE; publishing one's
 * own revision REVIEWER_IS_AUTHOR.
 */
export async function applyTranslationAction(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage, input: ArticleActionInput): Promise<ArticleView> {
  requirePermission(actor, 'knowledge.write');
  const reviewerAction = REVIEWER_ACTIONS.includes(input.action);
  if (reviewerAction) requirePermission(actor, 'knowledge.review');
  return inTransaction(ctx, async (tx) => {
    const article = await loadEditableArticle(tx, actor, id);
    if (reviewerAction && !mayReview(actor, article)) throw new AppError('OUT_OF_SCOPE', 'Reviewing this article needs knowledge.review for its country or region.');
    const t = await loadTranslation(tx, id, lang);
    if (t.version !== input.version) throw conflict();
    const status = nextStatus(t.status as TranslationStatus, input.action);
    if (status === null) throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', `A ${t.status.replace('_', ' ')} translation cannot be sent to "${input.action}".`);
    const now = new Date();
    if (input.action === 'publish') {
      const authors = (await revisionRepo.listAuthorsSincePublished(tx, [id])).get(`${id}:${lang}`) ?? [];
      if (actor.principal && !isIndependentReviewer(actor.principal.userId, authors)) {
        throw new AppError('REVIEWER_IS_AUTHOR', 'You wrote part of this version: another reviewer must publish it.');
      }
      await publishRevision(tx, article, t, actor.principal?.userId ?? null, now);
    }
    if (input.action === 'archive') await removePublishedTranslation(tx, id, lang);
    const updated = await articleRepo.updateTranslation(tx, id, lang, t.version, changesFor(input.action, actor, t, status, input.comment ?? null));
    if (!updated) throw conflict();
    await articleRepo.touchArticle(tx, id);
    await recordAudit(tx, actor, {
      action: AUDIT_ACTION[input.action],
      entityType: 'kb_article',
      entityId: id,
      organisationId: article.organisationId,
      countryCode: article.countryCode,
      details: { lang, revision: t.revision, from: t.status, to: status },
    });
    return buildArticleView(tx, actor, (await articleRepo.findArticleById(tx, id))!);
  });
}
