/**
 * Atom / RSS feed reading for ingest: CAP links, inline CAP, validity codes, hostile feeds.
 */
import { describe, expect, it } from 'vitest';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import { parseEdxlDe } from '../../../src/domain/alerts/feed/edxl-parse';
import type { CapAlert } from '../../../src/domain/alerts/cap/cap-model';

const alert: CapAlert = {
  identifier: 'RO-2026-7',
  sender: 'alerte@example.ro',
  sent: '2026-11-30T14:05:00+02:00',
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
  code: [],
  info: [{
    language: 'ro', category: ['Rescue'], event: 'Copil dispărut', responseType: [], urgency: 'Immediate', severity: 'Severe',
    certainty: 'Likely', eventCode: [], parameter: [], resource: [], area: [],
  }],
};

const feed = (entries: string, head = '<id>urn:x</id><title>T</title><updated>2026-11-30T12:00:00Z</updated>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:ext">${head}${entries}</feed>`;
const entry = (inner: string): string => `<entry><id>urn:e</id><title>E</title><updated>2026-11-30T12:00:00Z</updated>${inner}</entry>`;

describe('parseAtomFeed', () => {
  it('prefers the CAP-typed link, then alternate', () => {
    const r = parseAtomFeed(feed(entry(
      '<link rel="alternate" type="text/html" href="https://a.example/page"/><link rel="related" type="application/cap+xml" href="/cap/1"/><link rel="self" href="https://a.example/feed"/>',
    ) + entry('<link href="https://a.example/alerts/2"/>')));
    expect(r.ok && r.valid).toBe(true);
    if (!r.ok) return;
    expect(r.feed.entries.map((e) => e.capUrl)).toEqual(['/cap/1', 'https://a.example/alerts/2']);
    expect(r.feed.entries[0]?.links).toHaveLength(3);
  });

  it('returns inline CAP as a standalone document that parses back to the alert', () => {
    const inline = serializeCapAlert(alert).replace(/^<\?xml[^>]*>\n/, '');
    const r = parseAtomFeed(feed(entry(`<content type="text/xml">${inline}</content>`)));
    expect(r.ok && r.valid).toBe(true);
    if (!r.ok) return;
    const e = r.feed.entries[0];
    expect(e?.capXml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(e?.inlineCap).toMatchObject({ ok: true, version: '1.2', alert, warnings: [] });
  });

  it('reports missing id/title, entries without CAP, unknown Atom elements (extensions are fine)', () => {
    const r = parseAtomFeed(feed(entry('<x:custom>ok</x:custom>') + '<bogus/>', '<title>T</title><updated>2026-11-30T12:00:00Z</updated>'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toEqual(['FEED_UNKNOWN_ELEMENT@/feed/bogus', 'FEED_MISSING_ID@/feed/id', 'FEED_ENTRY_NO_CAP@/feed/entry[0]']);
  });

  it('reads RSS 2.0 items with links or CAP enclosures', () => {
    const rss = `<rss version="2.0"><channel><title>t</title><link>https://n.example/</link><description>d</description>
      <item><title>a</title><link>https://n.example/a</link></item>
      <item><description>b</description><enclosure url="https://n.example/b.cap" type="application/cap+xml" length="1"/><link>https://n.example/b.html</link></item></channel></rss>`;
    const r = parseAtomFeed(rss);
    expect(r.ok && r.valid).toBe(true);
    if (r.ok) expect(r.feed.entries.map((e) => e.capUrl)).toEqual(['https://n.example/a', 'https://n.example/b.cap']);
  });

  it('refuses hostile feeds and non-feeds with codes', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>${feed(entry('&x;'))}`;
    expect(parseAtomFeed(xxe)).toMatchObject({ ok: false, rejected: true, issues: [expect.objectContaining({ code: 'CAP_DOCTYPE_FORBIDDEN' })] });
    expect(parseAtomFeed(feed(''), { maxBytes: 20 })).toMatchObject({ ok: false, rejected: true, issues: [expect.objectContaining({ code: 'CAP_TOO_LARGE' })] });
    expect(parseAtomFeed(serializeCapAlert(alert))).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'FEED_NOT_FEED' })] });
    expect(parseAtomFeed('<feed')).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'CAP_NOT_XML' })] });
  });
});

describe('parseEdxlDe', () => {
  it('needs at least one embedded alert', () => {
    const r = parseEdxlDe('<EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><contentObject/></EDXLDistribution>');
    expect(r).toMatchObject({ ok: true, valid: false, alerts: [] });
  });
  it('unwraps an embedded alert', () => {
    const inner = serializeCapAlert(alert).replace(/^<\?xml[^>]*>\n/, '');
    const r = parseEdxlDe(`<d:EDXLDistribution xmlns:d="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><d:contentObject><d:xmlContent><d:embeddedXMLContent>${inner}</d:embeddedXMLContent></d:xmlContent></d:contentObject></d:EDXLDistribution>`);
    expect(r).toMatchObject({ ok: true, valid: true, alerts: [{ alert, version: '1.2', valid: true }] });
  });
});
