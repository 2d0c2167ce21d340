import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../../src/http/public/html';
import { pickLanguage } from '../../../src/http/public/language-negotiation';
import { renderSnippet } from '../../../src/http/public/public-article-page';
import { getPublicLabels } from '../../../src/http/public/public-labels';
import { KB_LANGUAGES } from '../../../src/domain/knowledge/knowledge-fields';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '`${alert(1)}`',
  '</title><script>alert(1)</script>',
  '&lt;script&gt;',
];

describe('html tag', () => {
  it('escapes every interpolated value in text nodes', () => {
    for (const p of PAYLOADS) {
      const out = html`<p>${p}</p>`.value;
      expect(out).not.toMatch(/<(script|img)/i);
      expect(out.slice(3, -4)).toBe(escapeHtml(p));
    }
  });

  it('escapes quotes in attribute values (double, single and backtick)', () => {
    const out = html`<a title="${PAYLOADS[1]!}" data-x='${PAYLOADS[2]!}' href="/x?q=${PAYLOADS[3]!}">x</a>`.value;
    expect(out).toBe('<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" data-x=\'&#39; onmouseover=&#39;alert(1)\' href="/x?q=&#96;${alert(1)}&#96;">x</a>');
  });

  it('escapes ampersands so entities are shown, not decoded', () => {
    expect(html`${'&lt;b&gt;'}`.value).toBe('&amp;lt;b&amp;gt;');
  });

  it('keeps nested templates and trusted HTML, joins arrays, drops null/undefined/booleans', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['a', '<', html`<br>`]}${null}${undefined}${false}${true}${0}</p>`.value).toBe('<p><b>&lt;i&gt;</b>a&lt;<br>0</p>');
    expect(html`${trustedHtml('<em>ok</em>')}`.value).toBe('<em>ok</em>');
  });

  it('renders snippets as escaped text with <mark> around hits', () => {
    const out = renderSnippet([
      { text: 'before <script>', hit: false },
      { text: '<b>hit</b>', hit: true },
    ]).value;
    expect(out).toBe('before &lt;script&gt;<mark>&lt;b&gt;hit&lt;/b&gt;</mark>');
  });
});

describe('pickLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['el-GR,el;q=0.9,en;q=0.8', 'el'],
    ['de-DE,de;q=0.9,sr-Latn-RS;q=0.8,en;q=0.5', 'sr'],
    ['fr, ru;q=0.4, uk;q=0.7', 'uk'],
    ['hu;q=0, ro;q=0.2', 'ro'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['sl;q=abc, bg', 'sl'],
  ])('%s -> %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});

describe('public labels', () => {
  it('has every label, non-empty, in all nine languages; Serbian in Latin script', () => {
    const keys = Object.keys(getPublicLabels('en')).sort();
    for (const lang of KB_LANGUAGES) {
      const labels = getPublicLabels(lang);
      expect(Object.keys(labels).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
        else for (const v of Object.values(value)) expect(String(v).trim()).not.toBe('');
      }
      if (lang !== 'en') expect(labels.fallbackNotice).not.toBe(getPublicLabels('en').fallbackNotice);
    }
    expect(JSON.stringify(getPublicLabels('sr'))).not.toMatch(/[\u0400-\u04FF]/);
  });
});
