/**
 * Reads alert feeds for ingest: Atom (RFC 4287) and RSS 2.0 index feeds, listing each entry with the
 * link to its CAP document or its inline CAP alert. Untrusted input goes through the same hostile-XML
 * refusal as the CAP parser (DOCTYPE, entities, XInclude, processing instructions, oversize). Feed
 * validity follows RFC 4287 / RSS 2.0 plus the CAP index rule that every entry leads to a CAP document.
 */
import type { CapIssue } from '../cap/cap-issues';
import { makeIssue } from '../cap/cap-issues';
import type { CapParseResult } from '../cap/cap-parse';
import { CAP_NAMESPACES, readCapAlertElement } from '../cap/cap-parse';
import type { XmlElement } from '../cap/xml-safe-read';
import { DEFAULT_MAX_BYTES, readXmlSafely } from '../cap/xml-safe-read';
import { writeXmlElement } from './xml-element-write';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const CAP_MIME_TYPE = 'application/cap+xml';

export interface FeedLink {
  href: string;
  rel: string;
  type?: string;
}

export interface FeedEntry {
  id?: string;
  title?: string;
  updated?: string;
  links: FeedLink[];
  /** The link most likely to lead to the entry's CAP document (absolute or relative to the feed). */
  capUrl?: string;
  /** An inline CAP alert (Atom content) as a standalone XML document. */
  capXml?: string;
  /** The inline CAP alert read leniently, when present. */
  inlineCap?: CapParseResult;
}

export interface AlertFeed {
  kind: 'atom' | 'rss';
  id?: string;
  title?: string;
  updated?: string;
  entries: FeedEntry[];
}

export type FeedParseResult =
  | { ok: true; feed: AlertFeed; valid: boolean; issues: CapIssue[] }
  | { ok: false; rejected: boolean; issues: CapIssue[] };

export interface FeedParseOptions {
  maxBytes?: number;
}

const FEED_CHILDREN: Record<string, number> = {
  author: Infinity, category: Infinity, contributor: Infinity, generator: 1, icon: 1, id: 1, link: Infinity,
  logo: 1, rights: 1, subtitle: 1, title: 1, updated: 1, entry: Infinity,
};
const ENTRY_CHILDREN: Record<string, number> = {
  author: Infinity, category: Infinity, content: 1, contributor: Infinity, id: 1, link: Infinity, published: 1,
  rights: 1, source: 1, summary: 1, title: 1, updated: 1,
};

const issue = (code: string, path: string, message?: string): CapIssue => makeIssue(code, 'structure', path, message);

function childText(el: XmlElement, local: string, ns: string): string | undefined {
  const c = el.children.find((x) => x.local === local && x.ns === ns);
  return c === undefined ? undefined : c.text.trim();
}

function checkChildren(el: XmlElement, allowed: Record<string, number>, path: string, issues: CapIssue[]): void {
  const counts = new Map<string, number>();
  for (const c of el.children) {
    if (c.ns !== ATOM_NAMESPACE) continue; // extension elements from other namespaces are allowed
    const max = allowed[c.local];
    if (max === undefined) {
      issues.push(issue('FEED_UNKNOWN_ELEMENT', `${path}/${c.local}`, `<${c.qname}> is not an Atom element of <${el.local}>`));
      continue;
    }
    const n = (counts.get(c.local) ?? 0) + 1;
    counts.set(c.local, n);
    if (n > max) issues.push(issue('FEED_DUPLICATE_ELEMENT', `${path}/${c.local}`));
  }
}

function looksLikeCap(link: FeedLink): boolean {
  return link.type?.toLowerCase() === CAP_MIME_TYPE || /\.(cap|xml)(\?|#|$)/i.test(link.href);
}

/** Picks the CAP document link: a CAP-typed alternate/related link first, then any alternate link. */
function pickCapUrl(links: FeedLink[]): string | undefined {
  const candidates = links.filter((l) => l.rel === 'alternate' || l.rel === 'related');
  return (candidates.find(looksLikeCap) ?? candidates.find((l) => l.rel === 'alternate' && !/^text\/html/i.test(l.type ?? '')) ?? candidates[0])?.href;
}

function findInlineAlert(content: XmlElement | undefined): XmlElement | undefined {
  return content?.children.find((c) => c.local === 'alert' && CAP_NAMESPACES[c.ns] !== undefined);
}

function readInlineCap(alertEl: XmlElement): CapParseResult {
  const version = CAP_NAMESPACES[alertEl.ns] ?? '1.2';
  const { alert, issues } = readCapAlertElement(alertEl, version);
  return { ok: true, alert, version, warnings: issues };
}

function readAtom(root: XmlElement, issues: CapIssue[]): AlertFeed {
  const feed: AlertFeed = { kind: 'atom', entries: [] };
  checkChildren(root, FEED_CHILDREN, '/feed', issues);
  const id = childText(root, 'id', ATOM_NAMESPACE);
  const title = childText(root, 'title', ATOM_NAMESPACE);
  const updated = childText(root, 'updated', ATOM_NAMESPACE);
  if (id) feed.id = id;
  else issues.push(issue('FEED_MISSING_ID', '/feed/id'));
  if (title !== undefined) feed.title = title;
  else issues.push(issue('FEED_MISSING_TITLE', '/feed/title'));
  if (updated) feed.updated = updated;
  else issues.push(issue('FEED_MISSING_UPDATED', '/feed/updated'));
  root.children
    .filter((c) => c.ns === ATOM_NAMESPACE && c.local === 'entry')
    .forEach((el, i) => {
      const path = `/feed/entry[${i}]`;
      checkChildren(el, ENTRY_CHILDREN, path, issues);
      const entry: FeedEntry = { links: [] };
      const eid = childText(el, 'id', ATOM_NAMESPACE);
      const etitle = childText(el, 'title', ATOM_NAMESPACE);
      const eupdated = childText(el, 'updated', ATOM_NAMESPACE);
      if (eid) entry.id = eid;
      else issues.push(issue('FEED_MISSING_ID', `${path}/id`));
      if (etitle !== undefined) entry.title = etitle;
      else issues.push(issue('FEED_MISSING_TITLE', `${path}/title`));
      if (eupdated) entry.updated = eupdated;
      else issues.push(issue('FEED_MISSING_UPDATED', `${path}/updated`));
      for (const l of el.children.filter((c) => c.ns === ATOM_NAMESPACE && c.local === 'link')) {
        const attr = (name: string): string | undefined => l.attrs.find((a) => a.ns === '' && a.local === name)?.value;
        const href = attr('href')?.trim();
        if (!href) continue;
        const link: FeedLink = { href, rel: attr('rel')?.trim() || 'alternate' };
        const type = attr('type')?.trim();
        if (type) link.type = type;
        entry.links.push(link);
      }
      const capUrl = pickCapUrl(entry.links);
      if (capUrl) entry.capUrl = capUrl;
      const inline = findInlineAlert(el.children.find((c) => c.ns === ATOM_NAMESPACE && c.local === 'content'));
      if (inline) {
        entry.capXml = writeXmlElement(inline);
        entry.inlineCap = readInlineCap(inline);
      }
      if (!entry.capUrl && !entry.capXml) issues.push(issue('FEED_ENTRY_NO_CAP', path));
      feed.entries.push(entry);
    });
  return feed;
}

function readRss(root: XmlElement, issues: CapIssue[]): AlertFeed {
  const feed: AlertFeed = { kind: 'rss', entries: [] };
  const channel = root.children.find((c) => c.local === 'channel' && c.ns === '');
  if (!channel) {
    issues.push(issue('FEED_RSS_NO_CHANNEL', '/rss/channel'));
    return feed;
  }
  const title = childText(channel, 'title', '');
  if (title !== undefined) feed.title = title;
  for (const name of ['title', 'link', 'description']) {
    if (childText(channel, name, '') === undefined) issues.push(issue('FEED_RSS_MISSING_ELEMENT', `/rss/channel/${name}`, `an RSS channel needs <${name}>`));
  }
  channel.children
    .filter((c) => c.local === 'item' && c.ns === '')
    .forEach((item, i) => {
      const path = `/rss/channel/item[${i}]`;
      const entry: FeedEntry = { links: [] };
      const ititle = childText(item, 'title', '');
      if (ititle !== undefined) entry.title = ititle;
      const guid = childText(item, 'guid', '');
      if (guid) entry.id = guid;
      if (ititle === undefined && childText(item, 'description', '') === undefined) {
        issues.push(issue('FEED_RSS_MISSING_ELEMENT', path, 'an RSS item needs a title or a description'));
      }
      const link = childText(item, 'link', '');
      if (link) entry.links.push({ href: link, rel: 'alternate' });
      const enclosure = item.children.find((c) => c.local === 'enclosure' && c.ns === '');
      const encUrl = enclosure?.attrs.find((a) => a.local === 'url' && a.ns === '')?.value.trim();
      if (encUrl) {
        const encType = enclosure?.attrs.find((a) => a.local === 'type' && a.ns === '')?.value.trim();
        entry.links.push({ href: encUrl, rel: 'enclosure', ...(encType ? { type: encType } : {}) });
      }
      const capUrl = entry.links.find(looksLikeCap)?.href ?? link;
      if (capUrl) entry.capUrl = capUrl;
      else issues.push(issue('FEED_ENTRY_NO_CAP', path));
      feed.entries.push(entry);
    });
  return feed;
}

/**
 * Parses an Atom or RSS 2.0 alert feed. Never throws: refused or unreadable documents come back as
 * `{ ok: false }` with coded issues; readable feeds come back with `valid` and the validity issues.
 */
export function parseAtomFeed(xml: string | Uint8Array, opts: FeedParseOptions = {}): FeedParseResult {
  try {
    const read = readXmlSafely(xml, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, allowStylesheetPi: true });
    if (!read.ok) return read;
    const issues: CapIssue[] = [...read.warnings];
    const { root } = read;
    let feed: AlertFeed;
    if (root.local === 'feed' && root.ns === ATOM_NAMESPACE) feed = readAtom(root, issues);
    else if (root.local === 'rss' && root.ns === '') feed = readRss(root, issues);
    else return { ok: false, rejected: false, issues: [issue('FEED_NOT_FEED', '/', `root element <${root.qname}> is not an Atom feed or RSS`)] };
    return { ok: true, feed, valid: !issues.some((i) => i.severity === 'error'), issues };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, rejected: false, issues: [makeIssue('CAP_NOT_XML', 'xml', '/', `unreadable feed: ${msg.slice(0, 200)}`)] };
  }
}
