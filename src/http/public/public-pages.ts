import { ARTICLE_TYPES, KB_LANGUAGES, type ArticleType, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import type { PublicArticleRow } from '../../db/repos/public-knowledge.repo';
import type { PublicHelpline } from '../../services/directory.service';
import { safeHref } from '../../lib/markdown';
import { html, type SafeHtml } from './html';
import { homePath, renderPage, telHref } from './public-layout';
import { formatLanguageEndonym, formatCountryName, getPublicLabels, htmlLangOf, type PublicLabels } from './public-labels';

/** Where the page is served (for absolute links) and in which language. */
export interface PageContext {
  lang: KbLanguage;
  origin: string;
}

/** The address of an article in a language. */
export function articlePath(lang: KbLanguage, slug: string): string {
  return `/kb/${lang}/a/${slug}`;
}

/** A `lang` attribute for content in another language than the page's (nothing when the same). */
export function langAttr(contentLang: KbLanguage, pageLang: KbLanguage): SafeHtml | '' {
  return contentLang === pageLang ? '' : html` lang="${htmlLangOf(contentLang)}"`;
}

/** The country filter: a plain GET form (works without JavaScript). */
export function renderCountryFilter(ctx: PageContext, action: string, countries: readonly string[], selected: string | null, extra: SafeHtml | '' = ''): SafeHtml {
  const l = getPublicLabels(ctx.lang);
  return html`<form class="inline" method="get" action="${action}">
${extra}
<label>${l.countryLabel}
<select name="country">
<option value="">${l.allCountries}</option>
${countries.map((c) => html`<option value="${c}"${c === selected ? html` selected` : ''}>${formatCountryName(c, ctx.lang)}</option>`)}
</select></label>
<button type="submit">${l.filterButton}</button>
</form>`;
}

function renderArticleCard(ctx: PageContext, a: PublicArticleRow, l: PublicLabels): SafeHtml {
  const other = langAttr(a.lang, ctx.lang);
  return html`<li>
<h3><a href="${articlePath(ctx.lang, a.slug)}"${other}>${a.title}</a></h3>
<p class="meta"><span class="tag">${a.countryCode ? formatCountryName(a.countryCode, ctx.lang) : l.regional}</span>${a.lang === ctx.lang ? '' : html`<span class="tag" lang="${htmlLangOf(a.lang)}">${formatLanguageEndonym(a.lang)}</span>`}</p>
${a.summary ? html`<p${other}>${a.summary}</p>` : ''}
</li>`;
}

/** What a helpline is, in the page language. */
function helplineKindLabel(kind: string, l: PublicLabels): string {
  return kind === 'missing_children_hotline' ? l.missingChildren : kind === 'child_helpline' ? l.childHelpline : l.thbHotline;
}

function groupByCountry(helplines: readonly PublicHelpline[]): Map<string, PublicHelpline[]> {
  const byCountry = new Map<string, PublicHelpline[]>();
  for (const h of helplines) byCountry.set(h.countryCode, [...(byCountry.get(h.countryCode) ?? []), h]);
  return byCountry;
}

/** A helpline with its numbers as tel: links. */
export function renderHelpline(ctx: PageContext, h: PublicHelpline, l: PublicLabels): SafeHtml {
  const descLang = h.descriptions[ctx.lang] ? ctx.lang : h.descriptions.en ? 'en' : null;
  const website = h.website ? safeHref(h.website) : null;
  const langs = h.languages.map((code) => ((KB_LANGUAGES as readonly string[]).includes(code) ? formatLanguageEndonym(code as KbLanguage) : code));
  return html`<li>
<h3>${h.name}</h3>
<p class="meta"><span class="tag">${helplineKindLabel(h.kind, l)}</span>${h.localName && h.localName !== h.name ? html` ${h.localName}` : ''}</p>
<ul class="phones">
${h.phones.map((p) => html`<li><a href="${telHref(p.number)}">${p.number}</a>${p.label ? html` <span>${p.label}</span>` : ''}${p.free ? html` <span class="meta">(${l.free})</span>` : ''}</li>`)}
</ul>
${descLang ? html`<p${langAttr(descLang, ctx.lang)}>${h.descriptions[descLang]}</p>` : ''}
${h.aroundTheClock ? html`<p class="meta">${l.aroundTheClock}</p>` : h.hours ? html`<p class="meta">${l.hours}: ${h.hours}</p>` : ''}
${langs.length ? html`<p class="meta">${l.languagesSpoken}: ${langs.join(', ')}</p>` : ''}
${h.operator ? html`<p class="meta">${l.operatedBy}: ${h.operator}</p>` : ''}
${website ? html`<p class="meta"><a href="${website}" rel="noopener noreferrer">${l.website}</a></p>` : ''}
</li>`;
}

/** Helplines grouped by country, each country a section. */
export function renderHelplineList(ctx: PageContext, helplines: readonly PublicHelpline[]): SafeHtml {
  const l = getPublicLabels(ctx.lang);
  if (helplines.length === 0) return html`<p>${l.noHelplines}</p>`;
  const byCountry = groupByCountry(helplines);
  return html`${[...byCountry].map(
    ([code, rows]) => html`<section aria-labelledby="hl-${code}">
<h2 id="hl-${code}">${formatCountryName(code, ctx.lang)}</h2>
<ul class="cards">${rows.map((h) => renderHelpline(ctx, h, l))}</ul>
</section>`,
  )}`;
}

/** Short list for the home page: per country, each helpline's numbers as tel: links with what they are. */
function renderHelplineSummary(ctx: PageContext, helplines: readonly PublicHelpline[], query: string): SafeHtml {
  const l = getPublicLabels(ctx.lang);
  if (helplines.length === 0) return html`<p>${l.noHelplines}</p>`;
  const byCountry = groupByCountry(helplines);
  return html`<ul class="summary">${[...byCountry].map(
    ([code, rows]) =>
      html`<li><strong>${formatCountryName(code, ctx.lang)}</strong>: ${rows.map(
        (h, i) => html`${i > 0 ? ' · ' : ''}${h.phones.slice(0, 1).map((p) => html`<a href="${telHref(p.number)}">${p.number}</a>`)} ${helplineKindLabel(h.kind, l)}`,
      )}</li>`,
  )}</ul>
<p><a href="/kb/${ctx.lang}/helplines${query}">${l.helplinesHeading} →</a></p>`;
}

/** The search form (GET, no JavaScript). */
export function renderSearchForm(ctx: PageContext, q: string, country: string | null): SafeHtml {
  const l = getPublicLabels(ctx.lang);
  return html`<form class="inline" method="get" action="/kb/${ctx.lang}/search" role="search">
<label>${l.searchLabel}<input type="search" name="q" value="${q}" maxlength="200" autocomplete="off"></label>
${country ? html`<input type="hidden" name="country" value="${country}">` : ''}
<button type="submit">${l.searchButton}</button>
</form>`;
}

/** The home page of a language: search, articles grouped by type, helplines. */
export function renderHomePage(ctx: PageContext, data: { articles: PublicArticleRow[]; helplines: PublicHelpline[]; countries: string[]; country: string | null }): string {
  const l = getPublicLabels(ctx.lang);
  // Groups in the order of ARTICLE_TYPES (general information first, canned answers last).
  const byType = new Map<ArticleType, PublicArticleRow[]>(ARTICLE_TYPES.map((type) => [type, []]));
  for (const a of data.articles) byType.get(a.type as ArticleType)?.push(a);
  for (const [type, rows] of byType) if (rows.length === 0) byType.delete(type);
  const query = data.country ? `?country=${data.country}` : '';
  const body = html`<h1>${l.siteTitle}</h1>
<p class="lead">${l.metaDescription}</p>
${renderSearchForm(ctx, '', data.country)}
${renderCountryFilter(ctx, homePath(ctx.lang), data.countries, data.country)}
<h2>${l.articlesHeading}</h2>
${data.articles.length === 0 ? html`<p>${l.noArticles}</p>` : ''}
${[...byType].map(
  ([type, rows]) => html`<section aria-labelledby="type-${type}">
<h3 id="type-${type}">${l.types[type] ?? type}</h3>
<ul class="cards">${rows.map((a) => renderArticleCard(ctx, a, l))}</ul>
</section>`,
)}
<h2 id="helplines">${l.helplinesHeading}</h2>
<p>${l.helplinesIntro}</p>
${renderHelplineSummary(ctx, data.helplines, query)}`;
  return renderPage({
    lang: ctx.lang,
    origin: ctx.origin,
    title: l.home,
    description: l.metaDescription,
    path: `${homePath(ctx.lang)}${query}`,
    pathOf: (lang) => `${homePath(lang)}${query}`,
    section: 'home',
    body,
  });
}

/** The helplines page: numbers per country. */
export function renderHelplinesPage(ctx: PageContext, data: { helplines: PublicHelpline[]; countries: string[]; country: string | null }): string {
  const l = getPublicLabels(ctx.lang);
  const query = data.country ? `?country=${data.country}` : '';
  const body = html`<h1>${l.helplinesHeading}</h1>
<p class="lead">${l.helplinesIntro}</p>
${renderCountryFilter(ctx, `/kb/${ctx.lang}/helplines`, data.countries, data.country)}
${renderHelplineList(ctx, data.helplines)}`;
  return renderPage({
    lang: ctx.lang,
    origin: ctx.origin,
    title: l.helplinesHeading,
    description: l.helplinesIntro,
    path: `/kb/${ctx.lang}/helplines${query}`,
    pathOf: (lang) => `/kb/${lang}/helplines${query}`,
    section: 'helplines',
    body,
  });
}

/** The "not found" page (also for articles that exist but are not public: nothing tells them apart). */
export function renderNotFoundPage(ctx: PageContext): string {
  const l = getPublicLabels(ctx.lang);
  const body = html`<h1>${l.notFoundTitle}</h1>
<p>${l.notFoundBody}</p>
<p><a href="${homePath(ctx.lang)}">${l.backHome}</a></p>`;
  return renderPage({ lang: ctx.lang, origin: ctx.origin, title: l.notFoundTitle, description: l.notFoundBody, path: homePath(ctx.lang), pathOf: homePath, section: null, noindex: true, body });
}
