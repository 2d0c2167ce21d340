import { describe, expect, it } from 'vitest';
import { htmlToText, renderMarkdown, safeHref, sanitizeArticleHtml } from '../../../src/lib/markdown';

/** Payloads from the usual XSS cheat sheets, in Markdown and raw HTML. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example/">x</a>',
  '[x](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![x](javascript:alert(1))',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">p</p>',
  '<div onmouseover="alert(1)">d</div>',
  '<form action="https://evil.example"><input name=a><button>b</button></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<template><script>alert(1)</script></template>',
  '"><script>alert(1)</script>',
];

function assertInert(html: string): void {
  expect(html).not.toMatch(/<\s*(script|iframe|object|embed|svg|math|style|form|input|button|base|meta|link|img|template|noscript)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src|action)\s*=\s*"\s*(javascript|data|vbscript):/i);
  expect(html).not.toMatch(/href="\/\//);
  expect(html).not.toMatch(/style\s*=/i);
}

describe('article HTML', () => {
  it.each(PAYLOADS)('neutralises %s in Markdown and in raw HTML', (payload) => {
    assertInert(renderMarkdown(`Intro\n\n${payload}\n\nOutro`));
    assertInert(sanitizeArticleHtml(payload));
  });

  it('keeps the formatting articles need', () => {
    const html = renderMarkdown('# Title\n\nSome **bold**, *em* and a [link](https://example.org "t").\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<a href="https://example.org" title="t" rel="noopener noreferrer nofollow" target="_blank">link</a>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<blockquote>');
  });

  it('keeps the text of a refused link and drops only the link', () => {
    const html = renderMarkdown('Call [us](javascript:alert(1)) now');
    expect(html).toContain('Call us now');
    expect(html).not.toContain('<a');
  });

  it('allows tel:, mailto:, site paths and anchors', () => {
    expect(safeHref('tel:+30 116000')).toBe('tel:+30 116000');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeHref('/kb/en/helplines')).toBe('/kb/en/helplines');
    expect(safeHref('#section')).toBe('#section');
    expect(safeHref('https://eur-lex.europa.eu/')).toBe('https://eur-lex.europa.eu/');
    for (const bad of ['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', 'data:x', '//evil', '/\\evil', 'ftp://x', 'file:///etc/passwd', '', undefined]) expect(safeHref(bad)).toBeNull();
  });

  it('reduces HTML to plain text with entities decoded and blocks on their own lines', () => {
    expect(htmlToText('<h2>T</h2><p>a &amp; b &lt;c&gt; &#39;d&#39; &#x41;</p><ul><li>x</li><li>y</li></ul>')).toBe("T\na & b <c> 'd' A\nx\ny");
  });
});
