/**
 * The history of a translation: its revisions (never changed once written), one revision, and a word-level
 * diff between two revisions of the title, summary and Markdown body.
 */
import { diffWordsWithSpace } from 'diff';
import type { z } from 'zod';
import type { DiffSegment, diffViewSchema, revisionListSchema, revisionViewSchema } from '../api/knowledge.schemas';
import * as revisionRepo from '../db/repos/article-revision.repo';
import type { RevisionRow } from '../db/repos/article-revision.repo';
import type { KbLanguage } from '../domain/knowledge/knowledge-fields';
import { AppError } from '../domain/errors';
import { requirePermission, type Actor, type ServiceContext } from './context';
import { loadEditableArticle, loadTranslation } from './knowledge-article-common';

type RevisionList = z.infer<typeof revisionListSchema>;
type RevisionView = z.infer<typeof revisionViewSchema>;
type DiffView = z.infer<typeof diffViewSchema>;

function presentSummary(r: RevisionRow & { authorName: string | null }, publishedRevision: number | null): RevisionList['items'][number] {
  return {
    revision: r.revision,
    title: r.title,
    authorId: r.authorId,
    authorName: r.authorName,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    published: r.revision === publishedRevision,
  };
}

/** Word-level differences between two texts (spaces kept as they are), as equal/insert/delete segments. */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  return diffWordsWithSpace(before, after).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** The revisions of a translation, newest first; `published` marks the one that is live. */
export async function listRevisions(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage): Promise<RevisionList> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  await loadEditableArticle(db, actor, id);
  const t = await loadTranslation(db, id, lang);
  const rows = await revisionRepo.listRevisions(db, id, lang);
  return { items: rows.map((r) => presentSummary(r, t.publishedRevision)) };
}

/** One revision with its content. */
export async function getRevision(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage, revision: number): Promise<RevisionView> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  await loadEditableArticle(db, actor, id);
  const t = await loadTranslation(db, id, lang);
  const [r] = await revisionRepo.findRevisions(db, id, lang, [revision]);
  if (!r) throw new AppError('REVISION_NOT_FOUND', 'That revision does not exist.');
  return { ...presentSummary(r, t.publishedRevision), summary: r.summary, bodyMd: r.bodyMd, bodyHtml: r.bodyHtml };
}

/** What changed from one revision to another (either order). */
export async function diffRevisions(ctx: ServiceContext, actor: Actor, id: string, lang: KbLanguage, from: number, to: number): Promise<DiffView> {
  requirePermission(actor, 'knowledge.write');
  const db = ctx.database.db;
  await loadEditableArticle(db, actor, id);
  await loadTranslation(db, id, lang);
  const rows = await revisionRepo.findRevisions(db, id, lang, [from, to]);
  const a = rows.find((r) => r.revision === from);
  const b = rows.find((r) => r.revision === to);
  if (!a || !b) throw new AppError('REVISION_NOT_FOUND', 'One of the revisions does not exist.');
  return { from, to, title: diffText(a.title, b.title), summary: diffText(a.summary, b.summary), body: diffText(a.bodyMd, b.bodyMd) };
}
