import type { HighlightSegment, SearchResult } from '../../api/knowledge.schemas';
import { KB_LANGUAGES, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { sanitizeArticleHtml } from '../../lib/markdown';
import type { PublicArticle } from '../../services/public-knowledge.service';
import { html, trustedHtml, type SafeHtml } from './html';
import { renderPage } from './public-layout';
import { formatLanguageEndonym, formatCountryName, formatPublicDate, getPublicLabels, htmlLangOf } from './public-labels';
import { articlePath, langAttr, renderCountryFilter, renderSearchForm, type PageContext } from './public-pages';

/** A snippet with its matched words in <mark> (the text itself is escaped, never HTML). */
export function renderSnippet(segments: readonly HighlightSegment[]): SafeHtml {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : html`${s.text}`))}`;
}

/** An article page: in the page language, or visibly in another with a notice in the page language. */
export function renderArticlePage(ctx: PageContext, article: PublicArticle): string {
  const l = getPublicLabels(ctx.lang);
  const a = article.shown;
  const contentLang = htmlLangOf(a.lang);
  const others = article.availableLangs.filter((x) => x !== a.lang);
  const body = html`<article${langAttr(a.lang, ctx.lang)}>
${
  article.fallback
    ? html`<div class="notice" role="note" lang="${htmlLangOf(ctx.lang)}"><p>${l.fallbackNotice} ${l.fallbackShown} <span lang="${contentLang}">${formatLanguageEndonym(a.lang)}</span></p></div>`
    : ''
}
<h1>${a.title}</h1>
<p class="meta" lang="${htmlLangOf(ctx.lang)}"><span class="tag">${l.types[a.type as keyof typeof l.types] ?? a.type}</span><span class="tag">${a.countryCode ? formatCountryName(a.countryCode, ctx.lang) : l.regional}</span> ${l.published}: <time datetime="${a.publishedAt.toISOString().slice(0, 10)}">${formatPublicDate(a.publishedAt, ctx.lang)}</time></p>
${a.summary ? html`<p class="lead">${a.summary}</p>` : ''}
<div class="article">${trustedHtml(sanitizeArticleHtml(a.bodyHtml))}</div>
</article>
${
  others.length > 0
    ? html`<p class="meta">${l.alsoIn} ${others.map((x, i) => html`${i > 0 ? ', ' : ''}<a href="${articlePath(x, a.slug)}" hreflang="${htmlLangOf(x)}" lang="${htmlLangOf(x)}">${formatLanguageEndonym(x)}</a>`)}</p>`
    : ''
}`;
  return renderPage({
    lang: ctx.lang,
    origin: ctx.origin,
    title: a.title,
    description: a.summary || l.metaDescription,
    // A fallback page points search engines at the original it shows.
    path: articlePath(article.fallback ? a.lang : ctx.lang, a.slug),
    pathOf: (lang) => articlePath(lang, a.slug),
    alternates: article.availableLangs,
    section: null,
    ogType: 'article',
    body,
  });
}

/** The search page: a form, the corrections ("also searched as") and the hits with highlighted snippets. */
export function renderSearchPage(ctx: PageContext, data: { q: string; country: string | null; countries: string[]; result: SearchResult | null }): string {
  const l = getPublicLabels(ctx.lang);
  const result = data.result;
  const corrections = result?.corrections.filter((c) => c.replacements.length > 0) ?? [];
  const body = html`<h1>${l.search}</h1>
${renderSearchForm(ctx, data.q, data.country)}
${renderCountryFilter(ctx, `/kb/${ctx.lang}/search`, data.countries, data.country, data.q ? html`<input type="hidden" name="q" value="${data.q}">` : '')}
${result === null ? html`<p>${l.enterQuery}</p>` : ''}
${
  result !== null
    ? html`<h2>${l.resultsFor} <q>${data.q}</q></h2>
${corrections.length > 0 ? html`<p class="meta">${l.alsoSearchedAs} ${corrections.map((c, i) => html`${i > 0 ? '; ' : ''}${c.word} → ${c.replacements.join(', ')}`)}</p>` : ''}
${result.articles.length === 0 ? html`<p>${l.noResults}</p>` : ''}
<ul class="cards">
${result.articles.map(
  (hit) => html`<li>
<h3><a href="${articlePath(ctx.lang, hit.slug)}"${langAttr(hit.lang, ctx.lang)}>${hit.title}</a></h3>
<p class="meta"><span class="tag">${l.types[hit.type]}</span><span class="tag">${hit.countryCode ? formatCountryName(hit.countryCode, ctx.lang) : l.regional}</span>${hit.lang === ctx.lang ? '' : html`<span class="tag" lang="${htmlLangOf(hit.lang)}">${formatLanguageEndonym(hit.lang)}</span>`}</p>
<p${langAttr(hit.lang, ctx.lang)}>${renderSnippet(hit.snippet)}</p>
</li>`,
)}
</ul>`
    : ''
}`;
  const query = `?q=${encodeURIComponent(data.q)}${data.country ? `&country=${data.country}` : ''}`;
  return renderPage({
    lang: ctx.lang,
    origin: ctx.origin,
    title: data.q ? `${l.search}: ${data.q}` : l.search,
    description: l.searchLabel,
    path: `/kb/${ctx.lang}/search`,
    pathOf: (lang) => (data.q ? `/kb/${lang}/search${query}` : `/kb/${lang}/search`),
    section: 'search',
    noindex: true,
    body,
  });
}

/** The sitemap: every published public translation, with its language alternates. */
export function renderSitemap(origin: string, articles: readonly { slug: string; langs: readonly KbLanguage[]; lastModified: Date }[]): string {
  const loc = (lang: KbLanguage, slug: string) => `${origin}${articlePath(lang, slug)}`;
  const homes = KB_LANGUAGES.map(
    (lang) => html`<url><loc>${origin}/kb/${lang}</loc>${KB_LANGUAGES.map((alt) => html`<xhtml:link rel="alternate" hreflang="${htmlLangOf(alt)}" href="${origin}/kb/${alt}"/>`)}</url>\n`,
  );
  const urls = articles.flatMap((a) =>
    a.langs.map(
      (lang) =>
        html`<url><loc>${loc(lang, a.slug)}</loc><lastmod>${a.lastModified.toISOString().slice(0, 10)}</lastmod>${a.langs.map((alt) => html`<xhtml:link rel="alternate" hreflang="${htmlLangOf(alt)}" href="${loc(alt, a.slug)}"/>`)}</url>\n`,
    ),
  );
  return html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${homes}${urls}</urlset>
`.value;
}
