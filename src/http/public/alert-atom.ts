import { escapeXmlAttr, escapeXmlText } from '../../domain/alerts/cap/cap-xml-text';

/**
 * A small Atom 1.0 (RFC 4287) writer for the child-alert feeds. Every text and attribute goes
 * through the CAP library's XML escaping (which also drops characters XML cannot carry).
 */

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** One <entry>. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  summary: string;
  /** xml:lang of the entry's texts. */
  lang?: string | null;
  authorName: string;
  links: { rel: string; type: string; href: string; hreflang?: string }[];
  categories: { term: string; scheme?: string; label?: string }[];
}

/** A whole feed. */
export interface AtomFeedInput {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  updated: Date;
  selfHref: string;
  alternateHref: string;
  authorName: string;
  entries: AtomEntry[];
}

/** RFC 3339 time in UTC without fractions. */
export function formatAtomTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function el(name: string, text: string): string {
  return `<${name}>${escapeXmlText(text)}</${name}>`;
}

function attrs(values: Record<string, string | undefined | null>): string {
  return Object.entries(values)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`)
    .join('');
}

function renderEntry(e: AtomEntry): string {
  const parts = [
    `<entry${attrs({ 'xml:lang': e.lang ?? undefined })}>`,
    el('id', e.id),
    el('title', e.title),
    el('updated', formatAtomTime(e.updated)),
    e.published ? el('published', formatAtomTime(e.published)) : '',
    `<author>${el('name', e.authorName)}</author>`,
    ...e.links.map((l) => `<link${attrs({ rel: l.rel, type: l.type, href: l.href, hreflang: l.hreflang })}/>`),
    ...e.categories.map((c) => `<category${attrs({ term: c.term, scheme: c.scheme, label: c.label })}/>`),
    e.summary ? `<summary type="text">${escapeXmlText(e.summary)}</summary>` : '',
    '</entry>',
  ];
  return parts.filter(Boolean).join('\n');
}

/** Serialize a feed (UTF-8, with the XML declaration). */
export function renderAtomFeed(feed: AtomFeedInput): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="${ATOM_NAMESPACE}"${attrs({ 'xml:lang': feed.lang })}>`,
    el('id', feed.id),
    el('title', feed.title),
    feed.subtitle ? el('subtitle', feed.subtitle) : '',
    el('updated', formatAtomTime(feed.updated)),
    `<author>${el('name', feed.authorName)}</author>`,
    `<link${attrs({ rel: 'self', type: 'application/atom+xml', href: feed.selfHref })}/>`,
    `<link${attrs({ rel: 'alternate', type: 'text/html', href: feed.alternateHref })}/>`,
    el('generator', 'Victor'),
    ...feed.entries.map(renderEntry),
    '</feed>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
