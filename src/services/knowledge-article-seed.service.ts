/**
 * Demo articles: invented content (src/db/seed/knowledge-articles*.data.ts) written by one demo user and
 * published by another (four eyes), so search, the console's suggestions and the public pages have
 * something to show. One INSERT per table; each published translation is then indexed.
 */
import { randomUUID } from 'node:crypto';
import * as articleRepo from '../db/repos/article.repo';
import * as revisionRepo from '../db/repos/article-revision.repo';
import { upsertPublishedTranslation } from '../db/repos/knowledge-index.repo';
import type { Db } from '../db/database';
import { DEMO_ARTICLES, type DemoArticle } from '../db/seed/knowledge-articles.data';
import { renderMarkdown } from '../lib/markdown';
import { recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import type { KnowledgeSeedRefs } from './knowledge-seed.service';
import { toPublishedTranslation } from './knowledge-workflow.service';

function isoDateInDays(now: Date, days: number): string {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo articles: unknown ${what} "${key}"`);
  return id;
}

/** Seed the demo articles inside the demo seed transaction. */
export async function seedDemoArticles(ctx: ServiceContext, tx: Db, refs: KnowledgeSeedRefs): Promise<void> {
  const now = new Date();
  const ids = new Map<DemoArticle, string>(DEMO_ARTICLES.map((a) => [a, randomUUID()]));
  const articles = await articleRepo.insertArticles(
    tx,
    DEMO_ARTICLES.map((a) => ({
      id: ids.get(a)!,
      slug: a.slug,
      type: a.type,
      audience: a.audience,
      countryCode: a.countryCode,
      organisationId: lookup(refs.orgIds, a.org, 'organisation'),
      tags: a.tags,
      taxonomyCodes: a.taxonomyCodes,
      reviewDueOn: a.reviewInDays === null ? null : isoDateInDays(now, a.reviewInDays),
      needsReview: a.needsReview,
      reviewNote: a.reviewNote,
      createdBy: lookup(refs.userIds, a.author, 'user'),
    })),
  );
  const rows = DEMO_ARTICLES.flatMap((a) =>
    a.translations.map((t) => ({ a, t, articleId: ids.get(a)!, author: lookup(refs.userIds, a.author, 'user'), publisher: lookup(refs.userIds, a.publisher, 'user'), bodyHtml: renderMarkdown(t.bodyMd) })),
  );
  await articleRepo.insertTranslations(
    tx,
    rows.map(({ t, articleId, author }) => ({
      articleId,
      lang: t.lang,
      status: t.status,
      title: t.title,
      summary: t.summary,
      bodyMd: t.bodyMd,
      revision: 1,
      publishedRevision: t.status === 'published' ? 1 : null,
      submittedBy: t.status === 'in_review' ? author : null,
      submittedAt: t.status === 'in_review' ? now : null,
      updatedBy: author,
    })),
  );
  await revisionRepo.insertRevisions(
    tx,
    rows.map(({ t, articleId, author, bodyHtml }) => ({ articleId, lang: t.lang, revision: 1, title: t.title, summary: t.summary, bodyMd: t.bodyMd, bodyHtml, authorId: author, note: 'demo content' })),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const { t, articleId, publisher, bodyHtml } of rows) {
    if (t.status !== 'published') continue;
    await upsertPublishedTranslation(tx, toPublishedTranslation(byId.get(articleId)!, t.lang, { revision: 1, title: t.title, summary: t.summary, bodyHtml }, publisher, now));
  }
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'knowledge.articles.seeded', entityType: 'kb_article', details: { articles: articles.length, translations: rows.length } });
  ctx.logger.info({ articles: articles.length, translations: rows.length }, 'demo articles seeded');
}
