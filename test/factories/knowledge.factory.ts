import { randomUUID } from 'node:crypto';
import type { ArticleView } from '../../src/api/knowledge.schemas';
import type { Principal } from '../../src/domain/access/scope';
import type { ArticleType, Audience, KbLanguage } from '../../src/domain/knowledge/knowledge-fields';
import { inTransaction, SYSTEM_ACTOR, type Actor, type ServiceContext } from '../../src/services/context';
import { buildArticleView, writeTranslation } from '../../src/services/knowledge-article-common';
import { insertArticleWithTranslation } from '../../src/services/knowledge-article.service';
import { applyTranslationAction } from '../../src/services/knowledge-workflow.service';
import { makeOrganisation } from './organisation.factory';

/** One translation of a factory article. */
export interface FactoryTranslation {
  lang: KbLanguage;
  title?: string;
  summary?: string;
  bodyMd?: string;
}

/** What a factory article is made with (everything optional). */
export interface MakeArticleOptions {
  slug?: string;
  type?: ArticleType;
  audience?: Audience;
  /** null: a regional article (default GR). */
  countryCode?: string | null;
  organisationId?: string;
  tags?: string[];
  taxonomyCodes?: string[];
  needsReview?: boolean;
  reviewDueOn?: string | null;
  /** Translations; the first one creates the article. Default: one English translation. */
  translations?: FactoryTranslation[];
  /** Who writes the revisions (default: the system, no author). */
  author?: { principal: Principal };
}

function actorFor(who: { principal: Principal } | undefined): Actor {
  return who ? { principal: who.principal, requestId: null } : SYSTEM_ACTOR;
}

/** Insert an article with its translations as drafts (through the service code, so revisions are real). */
export async function makeArticle(ctx: ServiceContext, opts: MakeArticleOptions = {}): Promise<ArticleView> {
  const countryCode = opts.countryCode === undefined ? 'GR' : opts.countryCode;
  const organisationId = opts.organisationId ?? opts.author?.principal.memberships[0]?.organisationId ?? (await makeOrganisation(ctx, { countryCode: countryCode ?? 'GR' })).id;
  const suffix = randomUUID().slice(0, 8);
  const translations = opts.translations ?? [{ lang: 'en' as const }];
  const [first, ...rest] = translations.map((t) => ({
    lang: t.lang,
    title: t.title ?? `Test article ${suffix} (${t.lang})`,
    summary: t.summary ?? `Summary of test article ${suffix}`,
    bodyMd: t.bodyMd ?? `## About\n\nBody of test article ${suffix} in ${t.lang}.`,
  }));
  const actor = actorFor(opts.author);
  return inTransaction(ctx, async (tx) => {
    const article = await insertArticleWithTranslation(tx, actor, {
      slug: opts.slug ?? `test-article-${suffix}`,
      organisationId,
      type: opts.type ?? 'thb_information',
      audience: opts.audience ?? 'public',
      countryCode,
      tags: opts.tags ?? [],
      taxonomyCodes: opts.taxonomyCodes ?? [],
      legalInstrumentId: null,
      reviewDueOn: opts.reviewDueOn ?? null,
      needsReview: opts.needsReview ?? false,
      reviewNote: null,
      lang: first!.lang,
      translation: { title: first!.title, summary: first!.summary, bodyMd: first!.bodyMd },
    });
    for (const t of rest) await writeTranslation(tx, actor, article, t.lang, t, undefined);
    return buildArticleView(tx, SYSTEM_ACTOR, article);
  });
}

/** Options of a published factory article: who publishes (default: the system) and which languages (default: all). */
export interface MakePublishedArticleOptions extends MakeArticleOptions {
  publisher?: { principal: Principal };
  publishLangs?: KbLanguage[];
}

/** Insert an article and submit + publish its translations, so readers and search see them. */
export async function makePublishedArticle(ctx: ServiceContext, opts: MakePublishedArticleOptions = {}): Promise<ArticleView> {
  let view = await makeArticle(ctx, opts);
  const langs = opts.publishLangs ?? view.translations.map((t) => t.lang);
  const publisher = actorFor(opts.publisher);
  for (const lang of langs) {
    const t = view.translations.find((x) => x.lang === lang)!;
    view = await applyTranslationAction(ctx, SYSTEM_ACTOR, view.id, lang, { action: 'submit', version: t.version });
    const submitted = view.translations.find((x) => x.lang === lang)!;
    view = await applyTranslationAction(ctx, publisher, view.id, lang, { action: 'publish', version: submitted.version });
  }
  return view;
}
