import { randomUUID } from 'node:crypto';
import { directoryInputSchema, searchQuerySchema, type DirectoryInput, type SearchResult } from '../../../src/api/knowledge.schemas';
import { insertEntry } from '../../../src/db/repos/directory.repo';
import { upsertPublishedTranslation } from '../../../src/db/repos/knowledge-index.repo';
import { kbArticles, kbTranslations } from '../../../src/db/schema';
import type { Principal } from '../../../src/domain/access/scope';
import type { ArticleType, Audience, KbLanguage } from '../../../src/domain/knowledge/knowledge-fields';
import type { ServiceContext } from '../../../src/services/context';
import { searchKnowledge } from '../../../src/services/knowledge-search.service';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';

/** One translation of a published test article. */
export interface TestTranslation {
  title: string;
  summary?: string;
  body: string;
}

/** A published test article. */
export interface TestArticle {
  type?: ArticleType;
  audience?: Audience;
  countryCode?: string | null;
  tags?: string[];
  taxonomyCodes?: string[];
  translations: Partial<Record<KbLanguage, TestTranslation>>;
}

let n = 0;

/** Insert an article with published translations (article, translation rows, then the search index). */
export async function publishArticle(ctx: ServiceContext, organisationId: string, a: TestArticle): Promise<string> {
  n += 1;
  const id = randomUUID();
  const db = ctx.database.db;
  const meta = {
    slug: `test-article-${n}-${id.slice(0, 6)}`,
    type: a.type ?? 'thb_information',
    audience: a.audience ?? 'public',
    countryCode: a.countryCode ?? null,
    tags: a.tags ?? [],
    taxonomyCodes: a.taxonomyCodes ?? [],
  };
  await db.insert(kbArticles).values({ id, organisationId, ...meta });
  for (const [lang, t] of Object.entries(a.translations) as [KbLanguage, TestTranslation][]) {
    await db.insert(kbTranslations).values({ articleId: id, lang, status: 'published', title: t.title, summary: t.summary ?? '', bodyMd: t.body, revision: 1, publishedRevision: 1 });
    await upsertPublishedTranslation(db, {
      articleId: id,
      lang,
      revision: 1,
      ...meta,
      title: t.title,
      summary: t.summary ?? '',
      bodyHtml: `<p>${t.body}</p>`,
      bodyText: t.body,
      publishedBy: null,
      publishedAt: new Date(),
    });
  }
  return id;
}

/** Insert a directory entry through the directory repository (search columns and lexicon words included). */
export async function addDirectoryEntry(ctx: ServiceContext, input: Partial<DirectoryInput> & Pick<DirectoryInput, 'kind' | 'countryCode' | 'name'>): Promise<string> {
  const id = randomUUID();
  await insertEntry(ctx.database.db, id, directoryInputSchema.parse(input), null);
  return id;
}

/** The plain text of a snippet with hits in [brackets], for readable assertions. */
export function showSnippet(segments: { text: string; hit: boolean }[]): string {
  return segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
}

/** A search as a principal (null: the public), with query parameters as the route would receive them. */
export function searchAs(ctx: ServiceContext, principal: Principal | null, params: Record<string, string>): Promise<SearchResult> {
  return searchKnowledge(ctx, principal, searchQuerySchema.parse(params));
}

/** An operator and a liaison officer of a new organisation (the readers the search tests compare). */
export async function makeReaders(ctx: ServiceContext): Promise<{ organisationId: string; operator: Principal; liaison: Principal }> {
  const org = await makeOrganisation(ctx);
  const operator = (await makeUser(ctx, { role: 'helpline_operator', organisationId: org.id })).principal;
  const liaison = (await makeUser(ctx, { role: 'liaison_officer', organisationId: org.id })).principal;
  return { organisationId: org.id, operator, liaison };
}
