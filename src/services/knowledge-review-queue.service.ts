/**
 * The review queue of a country desk: translations waiting for review, and articles whose review date is
 * past or near (REVIEW_WARNING_DAYS) or whose facts are flagged for confirmation. Reviewers see what their
 * `knowledge.review` scope covers (a country coordinator their country, a regional coordinator everything);
 * other editors see their editing scope, without the right to publish.
 */
import type { z } from 'zod';
import type { reviewQueueSchema } from '../api/knowledge.schemas';
import { buildArticleScopeCondition } from '../db/repos/article.repo';
import * as revisionRepo from '../db/repos/article-revision.repo';
import { buildScopeFilter, hasPermission, type ScopeFilter } from '../domain/access/scope';
import { classifyReview, isIndependentReviewer } from '../domain/knowledge/article-workflow';
import { REVIEW_WARNING_DAYS, type KbLanguage } from '../domain/knowledge/knowledge-fields';
import { requirePermission, type Actor, type ServiceContext } from './context';
import { mayReview } from './knowledge-article-common';

type ReviewQueue = z.infer<typeof reviewQueueSchema>;

const QUEUE_LIMIT = 200;
const EVERYTHING: ScopeFilter = { all: true, ownerUserIds: [], organisationIds: [], countryCodes: [] };

/** Add days to an ISO date. */
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The actor's review queue; `today` (ISO date) defaults to the current UTC date. */
export async function getReviewQueue(ctx: ServiceContext, actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<ReviewQueue> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  const principal = actor.principal;
  const reviewer = principal === null || hasPermission(principal, 'knowledge.review');
  const scope = principal === null ? EVERYTHING : buildScopeFilter(principal, reviewer ? 'knowledge.review' : 'knowledge.write');
  const condition = buildArticleScopeCondition(scope, !reviewer);

  const inReview = await revisionRepo.listInReview(db, condition, QUEUE_LIMIT);
  const authors = await revisionRepo.listAuthorsSincePublished(db, [...new Set(inReview.map((r) => r.articleId))]);
  const items: ReviewQueue['items'] = inReview.map((r) => ({
    articleId: r.articleId,
    slug: r.slug,
    title: r.title,
    lang: r.lang as KbLanguage,
    countryCode: r.countryCode,
    reason: 'in_review',
    reviewDueOn: null,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    canPublish: reviewer && mayReview(actor, r) && (principal === null || isIndependentReviewer(principal.userId, authors.get(`${r.articleId}:${r.lang}`) ?? [])),
  }));

  for (const a of await revisionRepo.listReviewDue(db, condition, addDays(today, REVIEW_WARNING_DAYS), QUEUE_LIMIT)) {
    const reason = classifyReview(a.reviewDueOn, a.needsReview, today, REVIEW_WARNING_DAYS);
    if (reason === null) continue;
    items.push({
      articleId: a.articleId,
      slug: a.slug,
      title: a.title ?? a.slug,
      lang: null,
      countryCode: a.countryCode,
      reason,
      reviewDueOn: a.reviewDueOn,
      submittedBy: null,
      submittedAt: null,
      canPublish: false,
    });
  }
  return { items };
}
