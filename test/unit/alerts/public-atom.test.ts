import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import { formatAtomTime, renderAtomFeed, type AtomEntry } from '../../../src/http/public/alert-atom';

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: 'urn:victor:alert:gr:GR-A-2026-0001:1',
  title: 'Child abduction: Eleni',
  updated: new Date('2026-11-30T14:05:00.123Z'),
  published: new Date('2026-11-30T14:00:00Z'),
  summary: 'Eleni, 8, went missing.',
  lang: 'en',
  authorName: 'Victor child alerts GR',
  links: [
    { rel: 'alternate', type: 'application/cap+xml', href: 'https://victor.example/cap/urn%3Avictor%3Aalert%3Agr%3AGR-A-2026-0001%3A1.xml' },
    { rel: 'related', type: 'text/html', href: 'https://victor.example/child-alerts/en/GR-A-2026-0001' },
  ],
  categories: [{ term: 'child_abduction', scheme: 'https://victor.example/child-alerts/tiers', label: 'Child abduction alert' }],
  ...over,
});

const feed = (entries: AtomEntry[]) =>
  renderAtomFeed({
    id: 'https://victor.example/feeds/child-alerts.atom',
    title: 'Child alerts – Southeastern Europe',
    lang: 'en',
    updated: new Date('2026-11-30T14:05:00Z'),
    selfHref: 'https://victor.example/feeds/child-alerts.atom',
    alternateHref: 'https://victor.example/child-alerts/en',
    authorName: 'Victor',
    entries,
  });

describe('Atom writer', () => {
  it('writes a feed the Atom parser reads back, with CAP links', () => {
    const xml = feed([entry(), entry({ id: 'urn:victor:alert:gr:GR-A-2026-0002:1', title: 'Second' })]);
    const parsed = parseAtomFeed(xml);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.valid).toBe(true);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.feed.kind).toBe('atom');
    expect(parsed.feed.entries.map((e) => e.id)).toEqual(['urn:victor:alert:gr:GR-A-2026-0001:1', 'urn:victor:alert:gr:GR-A-2026-0002:1']);
    expect(parsed.feed.entries[0]!.capUrl).toBe('https://victor.example/cap/urn%3Avictor%3Aalert%3Agr%3AGR-A-2026-0001%3A1.xml');
    expect(parsed.feed.entries[0]!.updated).toBe('2026-11-30T14:05:00Z');
  });

  it('escapes hostile text and attributes, and drops characters XML cannot carry', () => {
    const xml = feed([entry({ title: '<script>alert(1)</script> & "x"', summary: 'a\u0001b ]]> <b>', authorName: 'A & B <c>', links: [{ rel: 'related', type: 'text/html', href: 'https://x.example/?a=1&b="2"' }] })]);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"');
    expect(xml).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(xml).not.toContain('\u0001');
    const parsed = parseAtomFeed(xml);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.feed.entries[0]!.title).toBe('<script>alert(1)</script> & "x"');
  });

  it('an empty feed is still a valid document', () => {
    const parsed = parseAtomFeed(feed([]));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.feed.entries).toEqual([]);
  });

  it('formats times as RFC 3339 UTC without fractions', () => {
    expect(formatAtomTime(new Date('2026-11-30T14:05:00.999Z'))).toBe('2026-11-30T14:05:00Z');
  });
});
