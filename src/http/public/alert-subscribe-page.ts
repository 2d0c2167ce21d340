/**
 * Server-rendered public pages of e-mail alert subscriptions: the subscribe form
 * (/child-alerts/subscribe), and the confirm and unsubscribe pages reached from mails. The latter
 * only show a button: a GET (as mail scanners make) changes nothing; the button POSTs the token.
 * A small same-origin script sends the forms as JSON with the CSRF header.
 */
import { SUBSCRIPTION_LANGUAGES } from '../../api/alert-distribution.schemas';
import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { SUBSCRIBE_LABELS } from './alert-subscribe-labels';
import { html, type SafeHtml } from './html';
import { renderPage } from './public-layout';
import { formatLanguageEndonym } from './public-labels';

/** Path of the forms' script (served by the distribution routes). */
export const SUBSCRIBE_SCRIPT_PATH = '/child-alerts/assets/subscribe.js';

/** The forms' script: JSON POST with the double-submit CSRF header, result in a live region. */
export const SUBSCRIBE_SCRIPT = `(function () {
  var forms = document.querySelectorAll('form[data-api]');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var status = form.querySelector('[role=status]');
      var button = form.querySelector('button');
      var m = document.cookie.match(/(?:^|; )victor_csrf=([^;]+)/);
      var data = new FormData(form);
      var body = form.getAttribute('data-kind') === 'subscribe'
        ? { email: data.get('email'), countries: data.getAll('countries'), language: data.get('language') }
        : { token: data.get('token') };
      button.disabled = true;
      fetch(form.getAttribute('data-api'), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': m ? decodeURIComponent(m[1]) : '' }, body: JSON.stringify(body) })
        .then(function (res) {
          status.textContent = form.getAttribute(res.ok ? 'data-ok' : res.status === 404 ? 'data-invalid' : 'data-failed');
          if (res.ok) { var fs = form.querySelector('fieldset'); if (fs) fs.disabled = true; } else { button.disabled = false; }
        })
        .catch(function () { status.textContent = form.getAttribute('data-failed'); button.disabled = false; });
    });
  });
})();
`;

/** A country offered on the form. */
export interface CountryOption {
  code: string;
}

function countryName(code: string, lang: KbLanguage): string {
  try {
    return new Intl.DisplayNames([lang === 'sr' ? 'sr-Latn' : lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function shell(lang: KbLanguage, origin: string, path: (l: KbLanguage) => string, title: string, body: SafeHtml, noindex: boolean): string {
  return renderPage({ lang, origin, title, description: SUBSCRIBE_LABELS[lang].intro, path: path(lang), pathOf: path, section: null, noindex, body });
}

/** The subscribe form in a language. */
export function renderSubscribePage(lang: KbLanguage, origin: string, countries: CountryOption[], preselected: string | null): string {
  const l = SUBSCRIBE_LABELS[lang];
  const named = countries.map((c) => ({ code: c.code, name: countryName(c.code, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang));
  const body = html`<h1>${l.title}</h1>
<p>${l.intro}</p>
<form class="subscribe" method="post" action="/api/public/alert-subscriptions" data-api="/api/public/alert-subscriptions" data-kind="subscribe" data-ok="${l.sent}" data-invalid="${l.failed}" data-failed="${l.failed}">
<fieldset style="border:0;padding:0;margin:0">
<p><label for="sub-email">${l.email}</label><br><input id="sub-email" name="email" type="email" required autocomplete="email" maxlength="254"></p>
<fieldset style="columns:2 14em"><legend>${l.countries}</legend>
${named.map((c) => html`<label style="display:flex;gap:.5em;align-items:center;margin:.2em 0;font-weight:normal;break-inside:avoid"><input type="checkbox" name="countries" value="${c.code}"${c.code === preselected ? html` checked` : ''}> ${c.name}</label>\n`)}
</fieldset>
<p><label for="sub-lang">${l.language}</label><br><select id="sub-lang" name="language">
${SUBSCRIPTION_LANGUAGES.map((a) => html`<option value="${a}"${a === lang ? html` selected` : ''}>${formatLanguageEndonym(a)}</option>`)}
</select></p>
<p><button type="submit">${l.submit}</button></p>
</fieldset>
<p role="status" aria-live="polite"></p>
<noscript><p>${l.needsScript}</p></noscript>
</form>
<p><small>${l.privacy}</small></p>
<script src="${SUBSCRIBE_SCRIPT_PATH}" defer></script>`;
  return shell(lang, origin, (a) => `/child-alerts/subscribe?lang=${a}`, l.title, body, false);
}

/** The confirm or unsubscribe page of a token: a button (GET changes nothing), or "link not valid". */
export function renderTokenPage(kind: 'confirm' | 'unsubscribe', lang: KbLanguage, origin: string, token: string, valid: boolean): string {
  const l = SUBSCRIBE_LABELS[lang];
  const title = kind === 'confirm' ? l.confirmTitle : l.unsubscribeTitle;
  const api = kind === 'confirm' ? '/api/public/alert-subscriptions/confirm' : '/api/public/alert-subscriptions/unsubscribe';
  const body = valid
    ? html`<h1>${title}</h1>
<form method="post" action="${api}" data-api="${api}" data-kind="${kind}" data-ok="${kind === 'confirm' ? l.confirmed : l.unsubscribed}" data-invalid="${l.invalidLink}" data-failed="${l.failed}">
<fieldset>
<p>${kind === 'confirm' ? l.confirmText : l.unsubscribeText}</p>
<input type="hidden" name="token" value="${token}">
<p><button type="submit">${kind === 'confirm' ? l.confirmButton : l.unsubscribeButton}</button></p>
</fieldset>
<p role="status" aria-live="polite"></p>
<noscript><p>${l.needsScript}</p></noscript>
</form>
<script src="${SUBSCRIBE_SCRIPT_PATH}" defer></script>`
    : html`<h1>${title}</h1><p>${l.invalidLink}</p><p><a href="/child-alerts/subscribe?lang=${lang}">${l.title}</a></p>`;
  const base = kind === 'confirm' ? '/child-alerts/subscriptions/confirm' : '/child-alerts/subscriptions/unsubscribe';
  return shell(lang, origin, (a) => `${base}?lang=${a}&token=${encodeURIComponent(token)}`, title, body, true);
}
