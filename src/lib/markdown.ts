import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies: Markdown rendered to HTML, then sanitised with an allow-list, so neither Markdown nor raw
 * HTML inside it can carry scripts, event handlers, styles, frames or links with other schemes than
 * http(s), mailto and tel. The result is what the public pages and the app display.
 */

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'blockquote', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'abbr', 'sup', 'sub'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], abbr: ['title'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings inside an article start at h2 (the page has the h1).
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = safeHref(attribs.href);
      // A link with a refused target loses its target (an inert <a>, unwrapped below) and keeps its text.
      if (href === null) return { tagName, attribs: {} };
      const out: Record<string, string> = { href };
      if (attribs.title) out.title = attribs.title;
      if (/^https?:/i.test(href)) {
        out.rel = 'noopener noreferrer nofollow';
        out.target = '_blank';
      }
      return { tagName, attribs: out };
    },
  },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
};

/**
 * The link target if it is safe: http(s), mailto or tel, a path on this site or an anchor; null otherwise
 * (javascript:, data:, protocol-relative, or schemes hidden with control characters).
 */
export function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const href = raw.trim();
  // Browsers ignore tabs, newlines and other control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
  const probe = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (probe === '') return null;
  if (/^(https?:\/\/|mailto:|tel:)/.test(probe)) return href;
  if (probe.startsWith('#')) return href;
  if (probe.startsWith('/') && !probe.startsWith('//') && !probe.startsWith('/\\')) return href;
  return null;
}

/** Sanitise HTML with the article allow-list. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).replace(/<a>([\s\S]*?)<\/a>/g, '$1');
}

/** Render Markdown (raw HTML inside is allowed and sanitised) to safe HTML. */
export function renderMarkdown(markdown: string): string {
  return sanitizeArticleHtml(marked.parse(markdown) as string);
}

/** Plain text of safe HTML (for search and snippets): tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|tr|blockquote|pre)>|<br\s*\/?>/gi, '$&\n'), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
