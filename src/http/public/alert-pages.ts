import { KB_LANGUAGES, type KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { publicCapPath, type PublicAlert } from '../../services/alert-public.service';
import { fillLabel, getAlertLabels, type AlertLabels } from './alert-labels';
import { renderAlertAreaMap } from './alert-map';
import { ALERT_CSS_HREF } from './alert-assets';
import { html, type SafeHtml } from './html';
import { renderPage, telHref } from './public-layout';
import { formatCountryName, formatLanguageEndonym, getPublicLabels, htmlLangOf } from './public-labels';
import { renderCountryFilter, type PageContext } from './public-pages';

/** The list page of a language. */
export function alertListPath(lang: KbLanguage, country?: string | null): string {
  return country ? `/child-alerts/${lang}?country=${country}` : `/child-alerts/${lang}`;
}

/** The page of an alert in a language. */
export function alertPagePath(lang: KbLanguage, reference: string): string {
  return `/child-alerts/${lang}/${encodeURIComponent(reference)}`;
}

/** The address of an alert photo. */
export function alertPhotoPath(resourceId: string): string {
  return `/child-alerts/photos/${resourceId}`;
}

/** Feed addresses. */
export const FEED_PATH = '/feeds/child-alerts.atom';
export function countryFeedPath(country: string): string {
  return `/feeds/child-alerts/${country.toLowerCase()}.atom`;
}
export function languageFeedPath(lang: string): string {
  return `/feeds/child-alerts/lang/${lang}.atom`;
}

/** "116000" → "116 000" (other numbers as they are). */
export function formatHotline(number: string): string {
  const digits = number.replace(/\s/g, '');
  return /^116\d{3}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : number;
}

/** Time zones of the countries Victor works with, to show times as people there read them. */
const COUNTRY_ZONES: Record<string, string> = {
  AL: 'Europe/Tirane', BA: 'Europe/Sarajevo', BG: 'Europe/Sofia', HR: 'Europe/Zagreb', CY: 'Asia/Nicosia', GR: 'Europe/Athens',
  HU: 'Europe/Budapest', MD: 'Europe/Chisinau', ME: 'Europe/Podgorica', MK: 'Europe/Skopje', RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade', SI: 'Europe/Ljubljana', TR: 'Europe/Istanbul', UA: 'Europe/Kyiv', XK: 'Europe/Belgrade',
};

/** A date and time in the page language and the alert country's time zone ("30 November 2026, 14:05 EET"). */
export function formatAlertTime(date: Date, lang: KbLanguage, countryCode: string): string {
  const timeZone = COUNTRY_ZONES[countryCode] ?? 'UTC';
  try {
    return new Intl.DateTimeFormat(htmlLangOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date) + ` (${timeZone.split('/')[1]?.replace('_', ' ') ?? 'UTC'})`;
  } catch {
    return date.toISOString();
  }
}

function tierLabel(tier: PublicAlert['tier'], a: AlertLabels): string {
  return tier === 'endangered_missing' ? a.tierEndangeredMissing : a.tierChildAbduction;
}

function langAttrOf(contentLang: string | undefined, pageLang: KbLanguage): SafeHtml | '' {
  if (!contentLang || contentLang === pageLang) return '';
  return html` lang="${(KB_LANGUAGES as readonly string[]).includes(contentLang) ? htmlLangOf(contentLang as KbLanguage) : contentLang}"`;
}

function feedHead(lang: KbLanguage, extra: SafeHtml | '' = ''): SafeHtml {
  const a = getAlertLabels(lang);
  return html`<link rel="alternate" type="application/atom+xml" title="${a.feedTitle}" href="${FEED_PATH}">
<link rel="alternate" type="application/atom+xml" title="${a.feed} (${lang})" href="${languageFeedPath(lang)}">
${extra}<link rel="stylesheet" href="${ALERT_CSS_HREF}">`;
}

function renderHotline(ctx: PageContext, hotline: string): SafeHtml {
  const a = getAlertLabels(ctx.lang);
  const shown = formatHotline(hotline);
  return html`<p class="alert-call">${a.callHotline} <a href="${telHref(shown)}">${shown}</a></p>`;
}

function renderCard(ctx: PageContext, alert: PublicAlert): SafeHtml {
  const a = getAlertLabels(ctx.lang);
  const href = alertPagePath(ctx.lang, alert.reference);
  const name = alert.child?.name;
  const headline = alert.text?.headline ?? name ?? alert.reference;
  return html`<li class="alert-card">
${alert.photoId ? html`<img src="${alertPhotoPath(alert.photoId)}" alt="${a.photoAlt}" width="96" height="120" loading="lazy">` : html`<span class="alert-nophoto">${a.noPhoto}</span>`}
<div>
<p class="alert-tier">${tierLabel(alert.tier, a)}</p>
<h2><a href="${href}"${langAttrOf(alert.text?.lang, ctx.lang)}>${headline}</a></h2>
${name ? html`<p><strong>${name}</strong>${alert.child?.ageYears !== null && alert.child?.ageYears !== undefined ? html`, ${fillLabel(a.ageYears, { n: alert.child.ageYears })}` : ''}</p>` : ''}
${alert.lastSeen ? html`<p class="meta">${a.lastSeen}: ${alert.lastSeen.place} · ${formatAlertTime(new Date(alert.lastSeen.at), ctx.lang, alert.countryCode)}</p>` : ''}
<p class="meta"><span class="tag">${formatCountryName(alert.countryCode, ctx.lang)}</span> ${alert.reference}</p>
</div>
</li>`;
}

/** The embed snippet partners copy. */
export function widgetSnippet(origin: string, lang: KbLanguage, country: string | null): string {
  return `<script src="${origin}/child-alerts/widget.js" data-country="${country ?? ''}" data-lang="${lang}" async></script>`;
}

/** The list of active alerts with the country filter, the feeds and the widget snippet. */
export function renderAlertListPage(ctx: PageContext, data: { alerts: PublicAlert[]; countries: string[]; country: string | null }): string {
  const l = getPublicLabels(ctx.lang);
  const a = getAlertLabels(ctx.lang);
  const countryFeed = data.country ? html`<link rel="alternate" type="application/atom+xml" title="${a.feed} (${data.country})" href="${countryFeedPath(data.country)}">\n` : '';
  const body = html`<h1>${a.title}</h1>
<p class="lead">${a.intro}</p>
${renderCountryFilter(ctx, `/child-alerts/${ctx.lang}`, data.countries, data.country)}
${data.alerts.length === 0 ? html`<p class="notice-calm">${a.noActive}</p>` : html`<ul class="alert-cards">${data.alerts.map((alert) => renderCard(ctx, alert))}</ul>`}
<section aria-labelledby="feeds">
<h2 id="feeds">${a.shareHeading}</h2>
<ul class="alert-links">
<li><a href="${FEED_PATH}" type="application/atom+xml">${a.feed}: ${l.regional}</a></li>
<li><a href="${languageFeedPath(ctx.lang)}" type="application/atom+xml">${a.feed}: ${formatLanguageEndonym(ctx.lang)}</a></li>
${data.country ? html`<li><a href="${countryFeedPath(data.country)}" type="application/atom+xml">${a.feed}: ${formatCountryName(data.country, ctx.lang)}</a></li>` : ''}
</ul>
<h2 id="widget">${a.widgetHeading}</h2>
<p>${a.widgetIntro}</p>
<pre class="alert-snippet"><code>${widgetSnippet(ctx.origin, ctx.lang, data.country)}</code></pre>
</section>`;
  return renderPage({
    lang: ctx.lang,
    origin: ctx.origin,
    title: a.title,
    description: a.intro,
    path: alertListPath(ctx.lang),
    pathOf: (lang) => alertListPath(lang, data.country),
    section: null,
    head: feedHead(ctx.lang, countryFeed),
    body,
  });
}

function renderEndedBody(ctx: PageContext, alert: PublicAlert): { title: string; body: SafeHtml } {
  const a = getAlertLabels(ctx.lang);
  const [title, text] =
    alert.state === 'found' ? [a.foundTitle, a.foundBody] : alert.state === 'withdrawn' ? [a.withdrawnTitle, a.withdrawnBody] : [a.endedTitle, a.endedBody];
  const body = html`<p class="alert-tier">${tierLabel(alert.tier, a)} · ${a.statusEnded}</p>
<h1>${title}</h1>
<p class="lead">${text}</p>
<p class="meta">${alert.reference} · ${formatCountryName(alert.countryCode, ctx.lang)}${alert.endedAt ? html` · ${formatAlertTime(alert.endedAt, ctx.lang, alert.countryCode)}` : ''}</p>
${alert.authority ? html`<p class="meta">${fillLabel(a.issuedBy, { authority: alert.authority })}</p>` : ''}
<p><a href="${alertListPath(ctx.lang)}">${a.allAlerts}</a> · <a href="${publicCapPath(alert.capIdentifier)}" type="application/cap+xml">${a.capDocument}</a></p>`;
  return { title, body };
}

/** The page of one alert: everything while it runs; after it ended, only that it ended. */
export async function renderAlertPage(ctx: PageContext, alert: PublicAlert): Promise<string> {
  const a = getAlertLabels(ctx.lang);
  const capHref = publicCapPath(alert.capIdentifier);
  const capLink = html`<link rel="alternate" type="application/cap+xml" title="${a.capDocument}" href="${capHref}">\n`;
  const page = {
    lang: ctx.lang,
    origin: ctx.origin,
    path: alertPagePath(ctx.lang, alert.reference),
    pathOf: (lang: KbLanguage) => alertPagePath(lang, alert.reference),
    section: null,
    head: feedHead(ctx.lang, capLink),
  };
  if (alert.state !== 'active' || !alert.child) {
    const ended = renderEndedBody(ctx, alert);
    return renderPage({ ...page, title: ended.title, description: ended.title, noindex: true, body: ended.body });
  }
  const child = alert.child;
  const text = alert.text;
  const textLang = langAttrOf(text?.lang, ctx.lang);
  const headline = text?.headline ?? child.name;
  const map = await renderAlertAreaMap(alert.area, alert.countryCode, a.mapLabel);
  const body = html`<p class="alert-tier">${tierLabel(alert.tier, a)} · ${formatCountryName(alert.countryCode, ctx.lang)}</p>
<h1${textLang}>${headline}</h1>
<div class="alert-main">
${alert.photoId ? html`<figure class="alert-photo"><img src="${alertPhotoPath(alert.photoId)}" alt="${a.photoAlt}" width="240" height="300"></figure>` : ''}
<dl class="alert-facts">
<dt>${a.name}</dt><dd>${child.name}</dd>
${child.ageYears !== null ? html`<dt>${a.age}</dt><dd>${fillLabel(a.ageYears, { n: child.ageYears })}</dd>` : ''}
<dt>${a.description}</dt><dd>${child.description}</dd>
${alert.lastSeen ? html`<dt>${a.lastSeen}</dt><dd>${alert.lastSeen.place}<br>${formatAlertTime(new Date(alert.lastSeen.at), ctx.lang, alert.countryCode)}</dd>` : ''}
${alert.suspect ? html`<dt>${a.suspect}</dt><dd>${alert.suspect}</dd>` : ''}
${alert.vehicle ? html`<dt>${a.vehicle}</dt><dd>${alert.vehicle}</dd>` : ''}
</dl>
</div>
${text ? html`<p class="alert-text"${textLang}>${text.description}</p>` : ''}
<section aria-labelledby="what-to-do" class="alert-todo">
<h2 id="what-to-do">${a.whatToDo}</h2>
${text ? html`<p class="alert-text"${textLang}>${text.instruction}</p>` : ''}
${renderHotline(ctx, alert.hotline)}
</section>
<section aria-labelledby="area">
<h2 id="area">${a.area}</h2>
${alert.area.description ? html`<p>${alert.area.description}</p>` : ''}
<div class="alert-map-wrap">${map}</div>
</section>
<p class="meta">${alert.authority ? html`${fillLabel(a.issuedBy, { authority: alert.authority })}. ` : ''}${alert.issuedAt ? html`${a.issued}: ${formatAlertTime(alert.issuedAt, ctx.lang, alert.countryCode)}. ` : ''}${alert.expiresAt ? html`${a.expires}: ${formatAlertTime(alert.expiresAt, ctx.lang, alert.countryCode)}.` : ''}</p>
<p class="meta">${alert.reference} · <a href="${capHref}" type="application/cap+xml">${a.capDocument}</a> · <a href="${FEED_PATH}" type="application/atom+xml">${a.feed}</a> · <a href="${alertListPath(ctx.lang)}">${a.allAlerts}</a></p>`;
  const description = `${tierLabel(alert.tier, a)}: ${child.name}${alert.lastSeen ? ` · ${alert.lastSeen.place}` : ''}`;
  return renderPage({ ...page, title: headline, description, ogType: 'article', body });
}
