import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import type { PublicAlert } from '../../services/alert-public.service';
import { fillLabel, getAlertLabels } from './alert-labels';
import { alertListPath, alertPagePath, alertPhotoPath, formatHotline } from './alert-pages';
import { html, trustedHtml } from './html';
import { telHref } from './public-layout';
import { formatCountryName, htmlLangOf } from './public-labels';

/** How often the embed script reloads the widget (seconds); no meta refresh (WCAG 2.2.1). */
const WIDGET_REFRESH_SECONDS = 120;

const WIDGET_CSS = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:15px;line-height:1.4;color:#1a1b1e;background:#fff}
header{background:#a61e1e;color:#fff;padding:.4rem .6rem;display:flex;justify-content:space-between;gap:.5rem;align-items:baseline;flex-wrap:wrap}
header h1{margin:0;font-size:15px;font-weight:600}header a{color:#fff;font-weight:700}ul{list-style:none;margin:0;padding:0}li{display:flex;gap:.6rem;padding:.5rem .6rem;border-bottom:1px solid #dee2e6}
img{flex:none;width:56px;height:70px;object-fit:cover;border-radius:3px;background:#f1f3f5}a{color:#1c4f9c}p{margin:.1rem 0}.m{color:#495057;font-size:13px}
.t{font-size:12px;font-weight:700;text-transform:uppercase;color:#a61e1e}.empty{padding:.8rem .6rem}footer{padding:.4rem .6rem;font-size:13px}`;

/** The compact list partners embed (in an iframe): photo thumbnails linking to the public pages. */
export function renderWidgetPage(origin: string, lang: KbLanguage, country: string | null, alerts: PublicAlert[]): string {
  const a = getAlertLabels(lang);
  const title = country ? `${a.title} · ${formatCountryName(country, lang)}` : a.title;
  const doc = html`<!doctype html>
<html lang="${htmlLangOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<base target="_blank">
<style>${trustedHtml(WIDGET_CSS)}</style>
</head>
<body>
<header><h1>${title}</h1><a href="${telHref(formatHotline('116000'))}" target="_top">116 000</a></header>
${alerts.length === 0
  ? html`<p class="empty">${a.noActive}</p>`
  : html`<ul>${alerts.map((alert) => {
      const href = `${origin}${alertPagePath(lang, alert.reference)}`;
      return html`<li>
${alert.photoId ? html`<a href="${href}" rel="noopener"><img src="${origin}${alertPhotoPath(alert.photoId)}" alt="${a.photoAlt}" width="56" height="70"></a>` : ''}
<div>
<p class="t">${alert.tier === 'endangered_missing' ? a.tierEndangeredMissing : a.tierChildAbduction} · ${formatCountryName(alert.countryCode, lang)}</p>
<p><a href="${href}" rel="noopener"><strong>${alert.child?.name ?? alert.text?.headline ?? alert.reference}</strong></a>${alert.child?.ageYears !== null && alert.child?.ageYears !== undefined ? `, ${fillLabel(a.ageYears, { n: alert.child.ageYears })}` : ''}</p>
${alert.lastSeen ? html`<p class="m">${a.lastSeen}: ${alert.lastSeen.place}</p>` : ''}
</div>
</li>`;
    })}</ul>`}
<footer><a href="${origin}${alertListPath(lang, country)}" rel="noopener">${a.allAlerts}</a></footer>
</body>
</html>
`;
  return doc.value;
}

/**
 * The embed script: `<script src=".../child-alerts/widget.js" data-country="GR" data-lang="el" async>`
 * inserts an iframe with the widget after itself. Country and language are reduced to letters.
 */
export const WIDGET_JS = `(function () {
  var s = document.currentScript;
  if (!s || !s.src) return;
  var origin = new URL(s.src, document.baseURI).origin;
  var country = (s.getAttribute('data-country') || '').replace(/[^A-Za-z]/g, '').slice(0, 2).toUpperCase();
  var lang = (s.getAttribute('data-lang') || (document.documentElement.lang || 'en')).replace(/[^A-Za-z]/g, '').slice(0, 2).toLowerCase();
  var height = parseInt(s.getAttribute('data-height') || '420', 10);
  var f = document.createElement('iframe');
  var src = origin + '/child-alerts/widget?country=' + encodeURIComponent(country) + '&lang=' + encodeURIComponent(lang);
  f.src = src;
  setInterval(function () { if (!document.hidden) f.src = src + '&r=' + Date.now(); }, ${WIDGET_REFRESH_SECONDS * 1000});
  f.title = s.getAttribute('data-title') || 'Child alerts';
  f.loading = 'lazy';
  f.referrerPolicy = 'no-referrer';
  f.style.cssText = 'width:100%;max-width:420px;border:1px solid #ced4da;border-radius:6px;height:' + (height > 120 && height < 2000 ? height : 420) + 'px';
  s.parentNode.insertBefore(f, s.nextSibling);
})();
`;
