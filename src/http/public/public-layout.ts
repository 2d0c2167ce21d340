import { EUROPEAN_NUMBERS } from '../../domain/helpline/contact-fields';
import { KB_LANGUAGES, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { html, type SafeHtml } from './html';
import { PUBLIC_CSS_HREF } from './public-assets';
import { formatLanguageEndonym, getPublicLabels, htmlLangOf } from './public-labels';

/** The neutral site "Leave this site" goes to (as on the public report form). */
const QUICK_EXIT_URL = 'https://www.google.com';

/** Which main navigation item a page is. */
export type PublicSection = 'home' | 'helplines' | 'search' | null;

/** What the page shell needs from a page. */
export interface PageShell {
  lang: KbLanguage;
  /** Absolute origin of the site ("https://victor.example"), for canonical and alternate links. */
  origin: string;
  title: string;
  description: string;
  /** Path of this page in this language ("/kb/el/a/slug"). */
  path: string;
  /** The same page in each language (the switcher); a language missing here links to its home page. */
  pathOf: (lang: KbLanguage) => string;
  /** Languages in which this page has its own content (hreflang alternates); default: all. */
  alternates?: readonly KbLanguage[];
  section: PublicSection;
  /** og:type ("website" or "article"). */
  ogType?: 'website' | 'article';
  noindex?: boolean;
  /** Extra elements for the head (feed links, a page style sheet). */
  head?: SafeHtml;
  body: SafeHtml;
}

/** The telephone link of a number ("116 000" -> "tel:116000"). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** The home page of a language. */
export function homePath(lang: KbLanguage): string {
  return `/kb/${lang}`;
}

/** A complete HTML document: head (title, description, canonical, hreflang, Open Graph), header, main, footer. */
export function renderPage(page: PageShell): string {
  const l = getPublicLabels(page.lang);
  const alternates = page.alternates ?? KB_LANGUAGES;
  const nav = (section: Exclude<PublicSection, null>, href: string, text: string) =>
    html`<li><a href="${href}"${page.section === section ? html` aria-current="page"` : ''}>${text}</a></li>`;
  const doc = html`<!doctype html>
<html lang="${htmlLangOf(page.lang)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${l.siteTitle}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${page.origin}${page.path}">`}
${page.noindex ? '' : alternates.map((a) => html`<link rel="alternate" hreflang="${htmlLangOf(a)}" href="${page.origin}${page.pathOf(a)}">\n`)}
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:type" content="${page.ogType ?? 'website'}">
<meta property="og:url" content="${page.origin}${page.path}">
<meta property="og:locale" content="${htmlLangOf(page.lang).replace('-', '_')}">
<link rel="stylesheet" href="${PUBLIC_CSS_HREF}">
${page.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${l.skipToContent}</a>
<header class="site">
<div class="wrap">
<div class="bar">
<a class="brand" href="${homePath(page.lang)}">${l.siteTitle}</a>
<a class="exit" href="${QUICK_EXIT_URL}" rel="noreferrer">${l.quickExit}</a>
</div>
<div class="bar">
<a class="hotline" href="${telHref(EUROPEAN_NUMBERS.missingChildren)}">${EUROPEAN_NUMBERS.missingChildren} <small>${l.missingChildren}</small></a>
<nav class="main" aria-label="${l.mainNav}"><ul>
${nav('home', homePath(page.lang), l.home)}
${nav('helplines', `/kb/${page.lang}/helplines`, l.helplines)}
${nav('search', `/kb/${page.lang}/search`, l.search)}
<li><a href="/report">${l.report}</a></li>
</ul></nav>
</div>
</div>
</header>
<nav class="langs" aria-label="${l.languageLabel}"><div class="wrap"><ul>
${KB_LANGUAGES.map(
  (a) =>
    html`<li><a href="${page.pathOf(a)}" hreflang="${htmlLangOf(a)}" lang="${htmlLangOf(a)}"${a === page.lang ? html` aria-current="true"` : ''}>${formatLanguageEndonym(a)}</a></li>`,
)}
</ul></div></nav>
<main id="main" tabindex="-1"><div class="wrap">
${page.body}
</div></main>
<footer class="site"><div class="wrap">
<p>${l.emergency}</p>
<p><a href="${telHref(EUROPEAN_NUMBERS.missingChildren)}">${EUROPEAN_NUMBERS.missingChildren}</a> — ${l.missingChildren} · <a href="${telHref(EUROPEAN_NUMBERS.childHelpline)}">${EUROPEAN_NUMBERS.childHelpline}</a> — ${l.childHelpline}</p>
</div></footer>
</body>
</html>
`;
  return doc.value;
}
