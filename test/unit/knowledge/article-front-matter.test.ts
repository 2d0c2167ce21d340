import { describe, expect, it } from 'vitest';
import { formatMarkdownDocument, splitMarkdownDocument } from '../../../src/domain/knowledge/article-front-matter';
import { parseMarkdownImport } from '../../../src/services/knowledge-import-parse';

describe('Markdown documents with a YAML front matter', () => {
  it('round-trips fields and body, including text that looks like YAML', () => {
    const fields = { slug: 'a-b', lang: 'el', title: 'Τίτλος: με άνω τελεία', summary: '--- not a fence', tags: ['x', 'y: z'], revision: 3 };
    const text = formatMarkdownDocument(fields, '## Heading\n\n---\n\nBody.\n\n');
    const doc = splitMarkdownDocument(text);
    expect(doc).toEqual({ ok: true, frontMatter: fields, body: '## Heading\n\n---\n\nBody.' });
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const doc = splitMarkdownDocument('\uFEFF---\r\nslug: a-b\r\n---\r\nBody\r\n');
    expect(doc).toEqual({ ok: true, frontMatter: { slug: 'a-b' }, body: 'Body' });
  });

  it('reports a missing fence, invalid YAML, aliases and non-mapping front matter', () => {
    expect(splitMarkdownDocument('slug: a').ok).toBe(false);
    expect(splitMarkdownDocument('---\nslug: [a\n---\n').ok).toBe(false);
    expect(splitMarkdownDocument('---\na: &x 1\nb: *x\n---\n').ok).toBe(false);
    expect(splitMarkdownDocument('---\n- a\n---\n').ok).toBe(false);
    expect(splitMarkdownDocument('---\njust text\n---\n').ok).toBe(false);
    expect(splitMarkdownDocument('---\nslug: a\nslug: b\n---\n').ok).toBe(false);
  });
});

describe('parseMarkdownImport', () => {
  it('reads an item with metadata (regional or a country) or without it', () => {
    const item = parseMarkdownImport('---\nslug: a-b\nlang: sr\ntitle: Naslov\ntype: faq\naudience: public\ncountry: regional\n---\nTekst');
    expect(item).toEqual({ slug: 'a-b', meta: { type: 'faq', audience: 'public', countryCode: null, tags: [], taxonomyCodes: [] }, translations: [{ lang: 'sr', title: 'Naslov', summary: '', bodyMd: 'Tekst' }] });
    expect(parseMarkdownImport('---\nslug: a-b\nlang: en\ntitle: T\ntype: faq\naudience: public\ncountry: GR\n---\n').meta?.countryCode).toBe('GR');
    expect(parseMarkdownImport('---\nslug: a-b\nlang: en\ntitle: T\n---\nx').meta).toBeNull();
  });

  it('refuses invalid front matter with IMPORT_INVALID naming the fields', () => {
    for (const text of ['---\nslug: A B\nlang: en\ntitle: T\n---\n', '---\nslug: a-b\nlang: en\n---\n', '---\nslug: a-b\nlang: en\ntitle: T\ncountry: Greece\n---\n', '---\nslug: a-b\nlang: en\ntitle: T\nextra: 1\n---\n']) {
      expect(() => parseMarkdownImport(text)).toThrowError(expect.objectContaining({ code: 'IMPORT_INVALID' }));
    }
  });
});
