/**
 * Hostile and broken XML: refused with a code before any entity parsing, never thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCapXml } from '../../../src/domain/alerts/cap/cap-parse';
import { serializeCapAlert } from '../../../src/domain/alerts/cap/cap-serialize';
import { parseAtomFeed } from '../../../src/domain/alerts/feed/atom-parse';
import { parseEdxlDe } from '../../../src/domain/alerts/feed/edxl-parse';
import { arbitraryCapAlert } from '../../helpers/cap-arbitraries';

const BODY = `<identifier>X-1</identifier><sender>s@example.org</sender><sent>2026-11-30T14:05:00+01:00</sent>
<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>`;
const capDoc = (inner = BODY, ns = 'urn:oasis:names:tc:emergency:cap:1.2'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${ns}">${inner}</alert>`;

function codesOf(r: ReturnType<typeof parseCapXml>): string[] {
  return r.ok ? r.warnings.map((w) => w.code) : r.issues.map((i) => i.code);
}

describe('parseCapXml refuses hostile documents', () => {
  it('accepts the plain document used below', () => {
    expect(parseCapXml(capDoc()).ok).toBe(true);
  });

  it.each([
    ['XXE file entity', `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${capDoc(`${BODY}<note>&xxe;</note>`).replace(/^<\?xml[^>]*>\n/, '')}`],
    ['XXE http entity', `<!DOCTYPE alert [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&xxe;</alert>`],
    ['parameter entity', `<!DOCTYPE alert [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]><alert/>`],
    ['external DTD', `<!DOCTYPE alert SYSTEM "http://127.0.0.1:9/cap.dtd"><alert/>`],
    ['lower-case doctype', `<!doctype alert><alert/>`],
  ])('%s → CAP_DOCTYPE_FORBIDDEN, rejected', (_name, xml) => {
    for (const lenient of [false, true]) {
      const r = parseCapXml(xml, { lenient });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.rejected).toBe(true);
        expect(r.issues[0]?.code).toBe('CAP_DOCTYPE_FORBIDDEN');
      }
    }
  });

  it('billion laughs is refused at once', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${lol.join('')}]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">&lol9;</alert>`;
    const r = parseCapXml(xml, { lenient: true });
    expect(r).toMatchObject({ ok: false, rejected: true });
    expect(codesOf(r)).toEqual(['CAP_DOCTYPE_FORBIDDEN']);
  });

  it('an entity declaration without DOCTYPE is refused', () => {
    expect(codesOf(parseCapXml(`<alert><!ENTITY a "b"></alert>`))).toEqual(['CAP_ENTITY_FORBIDDEN']);
  });

  it('undeclared entity references are not expanded (not well-formed)', () => {
    const r = parseCapXml(capDoc(`${BODY}<note>&xxe;</note>`));
    expect(r).toMatchObject({ ok: false, rejected: false });
    expect(codesOf(r)).toEqual(['CAP_NOT_XML']);
  });

  it('a 10 MB body is refused by size before parsing (string and bytes)', () => {
    const big = capDoc(`${BODY}<note>${'a'.repeat(10 * 1024 * 1024)}</note>`);
    for (const input of [big, Buffer.from(big)]) {
      const r = parseCapXml(input, { lenient: true });
      expect(r).toMatchObject({ ok: false, rejected: true });
      expect(codesOf(r)).toEqual(['CAP_TOO_LARGE']);
    }
    expect(codesOf(parseCapXml(capDoc(), { maxBytes: 100 }))).toEqual(['CAP_TOO_LARGE']);
  });

  it('XInclude is refused', () => {
    const xml = capDoc(`${BODY}<x xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd"/></x>`);
    expect(codesOf(parseCapXml(xml, { lenient: true }))).toEqual(['CAP_XINCLUDE_FORBIDDEN']);
    const other = capDoc(`${BODY}<x xmlns:inc="http://www.w3.org/2001/XInclude"/>`);
    expect(codesOf(parseCapXml(other))).toEqual(['CAP_XINCLUDE_FORBIDDEN']);
  });

  it('processing instructions are refused; xml-stylesheet only ignored in lenient mode', () => {
    const pi = capDoc().replace('\n', '\n<?php system("id"); ?>\n');
    expect(codesOf(parseCapXml(pi, { lenient: true }))).toEqual(['CAP_PI_FORBIDDEN']);
    const style = capDoc().replace('\n', '\n<?xml-stylesheet href="x.xsl" type="text/xsl"?>\n');
    expect(codesOf(parseCapXml(style))).toEqual(['CAP_PI_FORBIDDEN']);
    const lenient = parseCapXml(style, { lenient: true });
    expect(lenient.ok).toBe(true);
    expect(codesOf(lenient)).toEqual(['CAP_STYLESHEET_IGNORED']);
    // An XML declaration anywhere but the start is a PI too.
    expect(codesOf(parseCapXml(`\n${capDoc()}`))).toEqual(['CAP_PI_FORBIDDEN']);
  });

  it('wrong namespace and CAP 1.1 / 1.0', () => {
    expect(codesOf(parseCapXml(capDoc(BODY, 'urn:example:not-cap'), { lenient: true }))).toEqual(['CAP_WRONG_NAMESPACE']);
    expect(codesOf(parseCapXml(`<alert>${BODY}</alert>`, { lenient: true }))).toEqual(['CAP_WRONG_NAMESPACE']);
    const v11 = capDoc(BODY, 'urn:oasis:names:tc:emergency:cap:1.1');
    expect(parseCapXml(v11)).toMatchObject({ ok: false, rejected: false });
    expect(codesOf(parseCapXml(v11))).toEqual(['CAP_WRONG_NAMESPACE']);
    expect(parseCapXml(v11, { lenient: true })).toMatchObject({ ok: true, version: '1.1' });
    expect(parseCapXml(capDoc(BODY, 'http://www.incident.com/cap/1.0'), { lenient: true })).toMatchObject({ ok: true, version: '1.0' });
    expect(codesOf(parseCapXml('<feed xmlns="http://www.w3.org/2005/Atom"/>'))).toEqual(['CAP_NOT_CAP']);
  });

  it('decodes a declared ISO-8859-1 document and refuses unknown or invalid encodings', () => {
    const latin = Buffer.from(capDoc(`${BODY}<note>Åre, Zürich, ½</note>`).replace('UTF-8', 'ISO-8859-1'), 'latin1');
    const r = parseCapXml(latin);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.alert.note).toBe('Åre, Zürich, ½');
    const unknown = Buffer.from(capDoc().replace('UTF-8', 'x-klingon'), 'latin1');
    expect(codesOf(parseCapXml(unknown))).toEqual(['CAP_ENCODING_UNSUPPORTED']);
    const broken = Buffer.concat([Buffer.from(capDoc(`${BODY}<note>`).replace("</alert>", "")), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</note></alert>')]);
    expect(codesOf(parseCapXml(broken))).toEqual(['CAP_ENCODING_INVALID']);
  });

  it('accepts a UTF-8 BOM (bytes and string)', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(capDoc())]);
    expect(parseCapXml(withBom).ok).toBe(true);
    expect(parseCapXml(`\uFEFF${capDoc()}`).ok).toBe(true);
  });

  it('truncated, empty and non-XML input → CAP_NOT_XML', () => {
    const doc = capDoc();
    for (const input of [doc.slice(0, doc.length - 10), '', '   ', 'hello', '<alert', Buffer.from([0, 1, 2, 3])]) {
      const r = parseCapXml(input);
      expect(r.ok).toBe(false);
      expect(codesOf(r)[0]).toMatch(/^CAP_(NOT_XML|ENCODING_INVALID)$/);
    }
  });

  it('deep nesting is refused', () => {
    const deep = `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</alert>`;
    expect(codesOf(parseCapXml(deep))).toEqual(['CAP_TOO_DEEP']);
  });

  it('a signed document keeps parsing (signature ignored)', () => {
    const signed = capDoc(`${BODY}<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>`);
    expect(parseCapXml(signed)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('parsers never throw on arbitrary input', () => {
  const hostile = fc.oneof(
    fc.uint8Array({ maxLength: 400 }),
    fc.string({ maxLength: 400 }),
    fc.string({ unit: fc.constantFrom('<', '>', '&', ';', '!', '?', '/', '=', '"', 'a', 'alert', 'ENTITY', 'DOCTYPE', '[', ']', '%', ' ', 'xmlns', ':', '#x', '\u0000'), maxLength: 200 }),
    arbitraryCapAlert.chain((alert) =>
      fc.tuple(fc.nat(), fc.string({ maxLength: 20 })).map(([cut, junk]) => {
        const xml = serializeCapAlert(alert);
        const at = cut % (xml.length + 1);
        return xml.slice(0, at) + junk + xml.slice(at);
      }),
    ),
  );

  it('parseCapXml, parseAtomFeed and parseEdxlDe return results', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (input, lenient) => {
        const r = parseCapXml(input, { lenient });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        expect(typeof parseAtomFeed(input).ok).toBe('boolean');
        expect(typeof parseEdxlDe(input).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('nested entity bombs of any size are refused before parsing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 2, max: 50 }), (depth, fan) => {
        const defs = [`<!ENTITY e0 "x">`];
        for (let i = 1; i <= depth; i++) defs.push(`<!ENTITY e${i} "${`&e${i - 1};`.repeat(fan)}">`);
        const r = parseCapXml(`<!DOCTYPE alert [${defs.join('')}]><alert>&e${depth};</alert>`, { lenient: true });
        expect(r).toMatchObject({ ok: false, rejected: true });
      }),
      { numRuns: 50 },
    );
  });
});
