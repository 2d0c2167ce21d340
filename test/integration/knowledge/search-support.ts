import { randomUUID } from 'node:crypto';
import { directoryInputSchema, type DirectoryInput } from '../../../src/api/knowledge.schemas';
import { insertEntry } from '../../../src/db/repos/directory.repo';
import { upsertPublishedTranslation } from '../../../src/db/repos/knowledge-index.repo';
import { kbArticles, kbTranslations } from '../../../src/db/schema';
import type { ArticleType, Audience, KbLanguage } from '../../../src/domain/knowledge/knowledge-fields';
import type { ServiceContext } from '../../../src/services/context';

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
